"""Paths typed in the TUI (the import dialog), free of Textual: `~` and $VARS expanded, shell-like Tab completion."""

from __future__ import annotations

import os
from pathlib import Path

#: At most this many candidate names are listed under the field.
SHOWN = 12


def expand(text: str) -> Path:
    """What the user typed as a path: surrounding quotes dropped (a pasted path), ~ and $VARS expanded."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return Path(os.path.expandvars(os.path.expanduser(text)))


def complete(text: str) -> tuple[str, list[str]]:
    """Complete the last part of a path being typed, as a shell's Tab does.

    Returns the new text (the user's own spelling kept: `~/Doc` becomes `~/Documents/`) and the names that
    still match when there is more than one (folders end with /). Hidden names only when the part starts with '.'.
    """
    cut = text.rfind("/") + 1
    head, part = text[:cut], text[cut:]
    folder = expand(head) if head else Path(".")
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return text, []
    visible = [e for e in entries if part.startswith(".") or not e.name.startswith(".")]
    found = [e for e in visible if e.name.startswith(part)] or [
        e for e in visible if e.name.casefold().startswith(part.casefold())
    ]
    if not found:
        return text, []
    names = [e.name + ("/" if _is_dir(e) else "") for e in found]
    if len(names) == 1:
        return head + names[0], []
    common = os.path.commonprefix([e.name for e in found])
    return head + (common if len(common) >= len(part) else part), names


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
