"""Copy text to the clipboard by the best route available (placeholder; API is the contract).

API CONTRACT:
    copy_text(text, osc52=None) -> CopyResult
        1. pyperclip (system clipboard); 2. OSC 52: osc52(text) if given (the TUI passes
        App.copy_to_clipboard), else the CLI writes the escape sequence to the terminal;
        3. neither: ok=False, route="none", message says why (the caller prints the text).
    CopyResult(ok: bool, route: "system" | "osc52" | "none", message: str)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class CopyResult:
    ok: bool
    route: str
    message: str


def copy_text(text: str, osc52: Callable[[str], None] | None = None) -> CopyResult:
    try:
        import pyperclip

        pyperclip.copy(text)
        return CopyResult(True, "system", "copied to the system clipboard")
    except Exception as exc:  # pyperclip raises its own exception types for "no clipboard"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if osc52 is not None:
        osc52(text)
        return CopyResult(True, "osc52", "sent to the terminal clipboard (OSC 52)")
    return CopyResult(False, "none", f"no clipboard available ({reason})")
