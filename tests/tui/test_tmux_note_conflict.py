"""A note edited on two machines, as a user meets it: two library folders with different device ids
written by the real CLI, their files copied across as a sync tool does, then the real app in tmux at
80x24 (256 colours, and NO_COLOR=1) with `set-clipboard on` (an OSC 52 that reaches the terminal becomes
a tmux paste buffer): the start notification, the marker in Bookmarks, the dialog with both hostile
texts drawn literally, keeping version 1 with its key; `reader bookmark list` then shows no conflict."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sync_helpers import exchange

DOC = """---
title: Harbour talks
---

The first paragraph of the article, long enough to be a real paragraph of text for the reader.

The second paragraph says more about the matter at hand, with further detail for the reader.
"""
LAPTOP = "laptop says [bold red]x[/] \x1b]52;c;aGk=\x07 ok"
DESKTOP = "desktop says [link=file:///etc/passwd]y[/link] \x1b[2J ok"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("no_color", [False, True], ids=["256-colours", "NO_COLOR"])
def test_conflict_chosen_in_the_app_in_tmux(tmp_path, no_color):
    a_root, b_root = tmp_path / "desktop-lib", tmp_path / "laptop-lib"
    env = {**os.environ}
    env.pop("TMUX", None)

    def reader(device: str, root: Path, *args: str) -> str:
        res = subprocess.run([sys.executable, "-m", "reader", "--library", str(root), *args],
                             env={**env, "READER_DEVICE": device}, capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stdout + res.stderr
        return res.stdout

    (tmp_path / "doc.md").write_text(DOC, "utf-8")
    reader("desktop", a_root, "add", str(tmp_path / "doc.md"))
    bid = reader("desktop", a_root, "bookmark", "add", "Harbour", "-p", "1", "--note", "first").split()[1]
    exchange(a_root, b_root)
    reader("laptop", b_root, "note", bid, LAPTOP)
    reader("desktop", a_root, "note", bid, DESKTOP)
    exchange(a_root, b_root)
    assert "note CONFLICT" in reader("desktop", a_root, "bookmark", "list")

    sock = f"reader-conflict-{os.getpid()}-{int(no_color)}"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True, timeout=30).stdout

    def screen() -> str:
        return tmux("capture-pane", "-p", "-t", "c")

    def wait_for(text: str) -> str:
        deadline = time.monotonic() + 30
        while text not in (shown := screen()):
            assert time.monotonic() < deadline, f"{text!r} never appeared:\n{shown}"
            time.sleep(0.2)
        return shown

    colour = "NO_COLOR=1 " if no_color else ""
    cmd = (f"cd {tmp_path} && {colour}TERM=xterm-256color READER_DEVICE=desktop "
           f"{sys.executable} -m reader --library {a_root}")
    try:
        subprocess.run(["tmux", "-L", sock, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "-s", "c",
                        "sh", "-c", f"{cmd}; sleep 30"], check=True, env=env, timeout=30)
        tmux("set", "-g", "set-clipboard", "on")
        wait_for("Articles ")
        wait_for("1 note changed on different")  # the notification at start
        tmux("send-keys", "-t", "c", "B")
        wait_for("1 note in conflict: v to choose")
        shown = wait_for("v Choose version")  # in the footer while a conflict waits
        assert "! CONFLICT, 2 versions" in shown
        tmux("send-keys", "-t", "c", "v")
        shown = wait_for("Keep version 2 (2)")
        assert "laptop says [bold red]x[/]  ok" in shown and "desktop says" in shown
        assert "[link=file:///etc/passwd]y[/link]" in shown
        assert "\x1b" not in shown and tmux("list-buffers") == ""
        tmux("send-keys", "-t", "c", "1")
        wait_for("Kept version 1 (from laptop)")
        assert "in conflict" not in screen() and tmux("list-buffers") == ""
    finally:
        tmux("kill-server")
    listed = reader("desktop", a_root, "bookmark", "list")
    assert "CONFLICT" not in listed and "laptop says [bold red]x[/]" in listed
