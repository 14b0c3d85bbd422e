"""Every route to the clipboard, the real ones driven for real: xclip under Xvfb, and OSC 52 read back
from a tmux server's paste buffer. Needs the Debian packages xvfb, xclip and tmux (CI installs them);
those tests are skipped, saying so, only when the programs are absent."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader.library import Library
from reader.models import Article
from reader.services import clipboard
from reader.services.clipboard import copy_text, osc52_sequence
from tests.conftest import ROOT

EXPECTED = "Motamedi, M. (2023, June 20). Is this the end of Europe? Al Jazeera. https://example.org/x"


def _library(root: Path) -> str:
    lib = Library.open(root, seed=False)
    a = Article(id="c0ffee0000000001", title="Is this the end of Europe?", paragraphs=["Zoë said “hi”."],
                authors=["Maziar Motamedi"], publisher="Al Jazeera", date="2023-06-20", url="https://example.org/x")
    lib.add_article(a)
    lib.close()
    return a.id


def _env(library: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "TMUX_PANE")}
    env.update(READER_LIBRARY=str(library), PYTHONPATH=str(ROOT), **extra)
    return env


# -- the escape sequence --------------------------------------------------------------------------
def test_osc52_sequence_is_base64_of_utf8():
    seq = osc52_sequence("Zoë “q”")
    assert seq == "\x1b]52;c;" + base64.b64encode("Zoë “q”".encode()).decode() + "\x07"


def test_tmux_passthrough_wraps_and_doubles_escapes():
    seq = osc52_sequence("x", tmux_passthrough=True)
    assert seq == "\x1bPtmux;\x1b\x1b]52;c;eA==\x07\x1b\\"


def test_screen_wraps_the_sequence_in_dcs():
    assert osc52_sequence("x", screen=True) == "\x1bP\x1b]52;c;eA==\x07\x1b\\"


# -- route order ----------------------------------------------------------------------------------
def test_without_system_clipboard_the_tui_osc52_writer_is_used(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("TMUX", raising=False)
    sent = []
    result = copy_text("hello", osc52=sent.append)
    assert (result.ok, result.route, sent) == (True, "osc52", ["hello"])
    assert "OSC 52" in result.message
    # pyperclip's multi-line "could not find a copy/paste mechanism ... please visit <url>" is summarised
    assert "http" not in result.message and "no clipboard tool" in result.message


def test_tui_osc52_inside_tmux_that_ignores_it_is_not_claimed_as_copied(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    monkeypatch.setattr(clipboard, "_tmux_option", lambda name: {"set-clipboard": "external", "allow-passthrough": "off"}[name])
    sent = []
    result = copy_text("hello", osc52=sent.append)
    assert (result.ok, result.route, sent) == (False, "none", [])
    assert "tmux set -g set-clipboard on" in result.message
    monkeypatch.setattr(clipboard, "_tmux_option", lambda name: {"set-clipboard": "on", "allow-passthrough": "off"}[name])
    assert copy_text("hello", osc52=sent.append).route == "osc52" and sent == ["hello"]


def test_system_route_counts_only_if_the_clipboard_kept_the_text(monkeypatch):
    import pyperclip

    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (lambda t: None, lambda: ""))
    sent = []
    result = copy_text("hello", osc52=sent.append)
    assert result.route == "osc52" and sent == ["hello"]
    assert "did not keep the text" in result.message


def test_system_route_first_when_it_works(monkeypatch):
    import pyperclip

    box = {}

    def copy_osx_pbcopy(text):
        box["t"] = text

    monkeypatch.setattr(pyperclip, "determine_clipboard", lambda: (copy_osx_pbcopy, lambda: box.get("t")))
    sent = []
    result = copy_text("hello", osc52=sent.append)
    assert (result.route, sent, box) == ("system", [], {"t": "hello"})
    assert result.message == "copied to the system clipboard (pbcopy)"


def test_tmux_without_set_clipboard_says_what_to_set(monkeypatch):
    monkeypatch.setenv("TMUX", "/tmp/nonexistent,1,0")
    monkeypatch.setattr(clipboard, "_tmux_option", lambda name: {"set-clipboard": "external", "allow-passthrough": "off"}[name])
    ok, why = clipboard._terminal_copy("x")
    assert not ok and "tmux set -g set-clipboard on" in why


def test_tmux_with_only_passthrough_wraps_the_sequence(monkeypatch, tmp_path):
    monkeypatch.setenv("TMUX", "/tmp/nonexistent,1,0")
    monkeypatch.setattr(clipboard, "_tmux_option", lambda name: {"set-clipboard": "off", "allow-passthrough": "on"}[name])
    sink = tmp_path / "tty"
    monkeypatch.setattr(clipboard, "_open_terminal", lambda: open(sink, "w", encoding="ascii"))
    ok, why = clipboard._terminal_copy("x")
    assert ok and "passthrough" in why
    assert sink.read_text() == osc52_sequence("x", tmux_passthrough=True)


def test_not_a_terminal_prints_the_text_and_says_why(tmp_path):
    """No display, no controlling terminal (a new session), stdout a pipe: route "none"."""
    aid = _library(tmp_path / "lib")
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "cite", aid, "--copy"],
        env=_env(tmp_path / "lib"), capture_output=True, text=True, start_new_session=True, stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == EXPECTED
    assert proc.stderr.startswith("reader: not copied: no clipboard available (system: ")
    assert "not a terminal" in proc.stderr


# -- the real routes ------------------------------------------------------------------------------
needs_x = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xclip")),
    reason="Xvfb and xclip are not installed (Debian packages xvfb, xclip)",
)
needs_tmux = pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed (Debian package tmux)")


@pytest.fixture
def xvfb():
    r, w = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
                            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    with os.fdopen(r) as f:
        number = f.readline().strip()
    if not number:
        proc.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


@needs_x
def test_copy_reaches_the_x_clipboard(tmp_path, xvfb):
    aid = _library(tmp_path / "lib")
    env = _env(tmp_path / "lib", DISPLAY=xvfb)
    proc = subprocess.run([sys.executable, "-m", "reader", "cite", aid, "--copy"], env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "reader: copied to the system clipboard (xclip)." in proc.stderr
    pasted = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True, text=True,
                            timeout=10)
    assert pasted.stdout == EXPECTED


@needs_x
def test_copy_with_a_dead_display_falls_back_and_does_not_hang(tmp_path):
    """DISPLAY names no X server: xclip fails, the copy is not claimed, the output ends at once."""
    aid = _library(tmp_path / "lib")
    env = _env(tmp_path / "lib", DISPLAY=":987")
    proc = subprocess.run([sys.executable, "-m", "reader", "cite", aid, "--copy"], env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, start_new_session=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == EXPECTED
    assert proc.stderr.startswith("reader: not copied: no clipboard available (system: xclip failed")


@needs_x
def test_quotation_with_non_ascii_reaches_the_x_clipboard(tmp_path, xvfb):
    aid = _library(tmp_path / "lib")
    env = _env(tmp_path / "lib", DISPLAY=xvfb)
    proc = subprocess.run([sys.executable, "-m", "reader", "cite", aid, "-p", "1", "--copy"], env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert proc.returncode == 0, proc.stderr
    pasted = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True, text=True,
                            timeout=10).stdout
    assert pasted == f"\u201cZoë said \u2018hi\u2019.\u201d (Motamedi, 2023, para. 1)\n\n{EXPECTED}"


@needs_tmux
def test_osc52_inside_tmux_lands_in_the_tmux_buffer(tmp_path):
    aid = _library(tmp_path / "lib")
    sock = f"reader-test-{uuid.uuid4().hex[:8]}"
    env = _env(tmp_path / "lib", TERM="xterm-256color")
    tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
    done = tmp_path / "done"
    errors = tmp_path / "stderr"
    inner = (f"env -u DISPLAY -u WAYLAND_DISPLAY {sys.executable} -m reader cite {aid} --copy "
             f"> /dev/null 2> {errors}; touch {done}; sleep 30")
    try:
        subprocess.run([*tmux, "new-session", "-d", "-x", "200", "-y", "50", "sleep 60"], env=env, check=True,
                       timeout=10)
        subprocess.run([*tmux, "set", "-g", "set-clipboard", "on"], env=env, check=True, timeout=10)
        subprocess.run([*tmux, "new-window", "-d", inner], env=env, check=True, timeout=10)
        deadline = time.monotonic() + 60
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.exists(), "reader cite did not finish inside tmux"
        time.sleep(0.3)  # let tmux read the pane's output
        buffer = subprocess.run([*tmux, "show-buffer"], env=env, capture_output=True, text=True, timeout=10)
        assert buffer.stdout == EXPECTED, errors.read_text()
        assert "sent to the terminal clipboard with OSC 52 (tmux keeps it as a paste buffer)" in errors.read_text()
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, capture_output=True, timeout=10)
