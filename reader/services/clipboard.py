"""Copy text to the clipboard by the best route available.

API CONTRACT:
    copy_text(text, osc52=None) -> CopyResult
        1. pyperclip (system clipboard); 2. OSC 52: osc52(text) if given (the TUI passes
        App.copy_to_clipboard), else the CLI writes the escape sequence to the terminal;
        3. neither: ok=False, route="none", message says why (the caller prints the text).
    CopyResult(ok: bool, route: "system" | "osc52" | "none", message: str)
  Extensions: osc52_sequence(text, tmux_passthrough=False, screen=False) -> str; copy_text(..., system=True)
  (system=False skips route 1, for callers that know there is no system clipboard).

Route 1 is checked by reading the clipboard back: pyperclip's xclip/xsel back ends do not report
failure (e.g. DISPLAY set but no X server), so a copy counts only if paste() returns the text.
Route 2 in the CLI writes to the controlling terminal (/dev/tty), so it works with stdout redirected;
inside tmux it sends plain OSC 52 when tmux stores it (set-clipboard on), the tmux passthrough
wrapping when only allow-passthrough is on, and otherwise says what to set; inside GNU screen, a DCS wrapping.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class CopyResult:
    ok: bool
    route: str
    message: str


def osc52_sequence(text: str, tmux_passthrough: bool = False, screen: bool = False) -> str:
    """The OSC 52 "set clipboard" sequence for text (base64 of its UTF-8), BEL-terminated."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    seq = f"\x1b]52;c;{payload}\x07"
    if tmux_passthrough:
        # DCS tmux; <sequence with every ESC doubled> ST
        seq = "\x1bPtmux;" + seq.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    elif screen:
        # GNU screen passes a DCS string through to the outer terminal
        seq = "\x1bP" + seq + "\x1b\\"
    return seq


#: X11/Wayland tools that fork a background process to keep serving the clipboard. pyperclip lets
#: that process inherit our stdout/stderr, so `reader cite --copy | less` (or any caller reading
#: our output to the end) would wait until something else is copied: run them detached instead.
_FORKING_TOOLS = {
    "xclip": ["xclip", "-selection", "clipboard"],
    "xsel": ["xsel", "--clipboard", "--input"],
    "wl-copy": ["wl-copy"],
}


def _detached_copy(cmd: list[str], text: str) -> None:
    subprocess.run(
        cmd, input=text.encode("utf-8"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        close_fds=True, check=True, timeout=10,
    )


def _system_copy(text: str) -> tuple[bool, str]:
    try:
        import pyperclip

        copy, paste = pyperclip.determine_clipboard()
        backend = _backend_name(copy)
        if backend in _FORKING_TOOLS:
            _detached_copy(_FORKING_TOOLS[backend], text)
        else:
            copy(text)
        back = paste()
    except subprocess.CalledProcessError as exc:
        return False, f"{exc.cmd[0]} failed (exit status {exc.returncode})"
    except Exception as exc:  # pyperclip raises PyperclipException (and OSError) for "no clipboard"
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "copy/paste mechanism" in first:  # pyperclip's long "could not find ... please visit <url>"
            first = "no clipboard tool (xclip, xsel, wl-copy) or no display"
        return False, first
    if back != text:
        return False, "the system clipboard did not keep the text"
    return True, backend


def _backend_name(copy: Callable) -> str:
    name = getattr(copy, "__qualname__", "") or ""
    for tool in ("xclip", "xsel", "wl", "klipper", "pbcopy", "osx", "windows", "wsl", "qt", "gtk"):
        if tool in name.lower():
            return {"wl": "wl-copy", "osx": "macOS"}.get(tool, tool)
    return "pyperclip"


def _tmux_option(name: str) -> str | None:
    exe = shutil.which("tmux")
    if not exe:
        return None
    try:
        proc = subprocess.run([exe, "show-options", "-gv", name], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def _open_terminal():
    """A writable handle on the controlling terminal, else stdout if it is one, else None."""
    try:
        return open("/dev/tty", "w", encoding="ascii")  # noqa: SIM115 - closed by the caller
    except OSError:
        pass
    try:
        if sys.stdout is not None and sys.stdout.isatty():
            return None if sys.stdout.closed else sys.stdout
    except (AttributeError, ValueError):
        pass
    return None


def _tmux_osc52() -> tuple[str | None, bool]:
    """Inside tmux: (why a plain OSC 52 would be ignored, or None; whether passthrough can carry it)."""
    if not os.environ.get("TMUX"):
        return None, False
    clip = _tmux_option("set-clipboard")
    if clip not in ("external", "off"):
        return None, False
    why = f"tmux ignores OSC 52 with set-clipboard {clip}; run `tmux set -g set-clipboard on` (or install xclip/wl-clipboard)"
    return why, _tmux_option("allow-passthrough") in ("on", "all")


def _terminal_copy(text: str) -> tuple[bool, str]:
    passthrough, note = False, ""
    in_screen = bool(os.environ.get("STY")) and not os.environ.get("TMUX")
    if in_screen:
        note = " through GNU screen"
    if os.environ.get("TMUX"):
        blocked, passthrough = _tmux_osc52()
        if blocked and not passthrough:
            return False, blocked
        note = " through tmux passthrough" if passthrough else " (tmux keeps it as a paste buffer)"
    term = _open_terminal()
    if term is None:
        return False, "not a terminal, so OSC 52 cannot be sent"
    try:
        term.write(osc52_sequence(text, tmux_passthrough=passthrough, screen=in_screen))
        term.flush()
    except OSError as exc:
        return False, f"the terminal could not be written ({exc.strerror})"
    finally:
        if term is not sys.stdout:
            term.close()
    return True, f"sent to the terminal clipboard with OSC 52{note}; your terminal must allow clipboard writes"


def copy_text(text: str, osc52: Callable[[str], None] | None = None, *, system: bool = True) -> CopyResult:
    reason = "skipped"
    if system:
        ok, detail = _system_copy(text)
        if ok:
            return CopyResult(True, "system", f"copied to the system clipboard ({detail})")
        reason = detail
    if osc52 is not None:
        blocked, _ = _tmux_osc52()
        if blocked:  # the app's plain OSC 52 would vanish inside tmux: say so rather than claim a copy
            return CopyResult(False, "none", blocked)
        try:
            osc52(text)
        except Exception as exc:  # the TUI's writer failing must not lose the text: report it
            return CopyResult(False, "none", f"no clipboard available (system: {reason}; OSC 52: {exc})")
        return CopyResult(True, "osc52", "sent to the terminal clipboard with OSC 52 (no system clipboard: " + reason + ")")
    ok, detail = _terminal_copy(text)
    if ok:
        return CopyResult(True, "osc52", f"{detail} (no system clipboard: {reason})")
    return CopyResult(False, "none", f"no clipboard available (system: {reason}; terminal: {detail})")
