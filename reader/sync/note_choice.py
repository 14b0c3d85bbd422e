"""Choosing among the versions of a note edited on two devices without seeing each other: one rule,
called by the CLI (`reader note ID --keep VERSION`) and the TUI (the note-conflict dialog)."""

from __future__ import annotations

from collections.abc import Sequence

from reader.errors import NoteChoiceError
from reader.sync.store import NoteHead


def choose_version(heads: Sequence[NoteHead], keep: str) -> NoteHead:
    """The version named by `keep`: a version id or a unique prefix of one, else a device name."""
    if not heads:
        raise NoteChoiceError("This note is not in conflict; set it with `reader note ID TEXT`.")
    keep = keep.strip()
    hits = [h for h in heads if keep and h.version.startswith(keep)] or [h for h in heads if h.device == keep]
    if len(hits) != 1:
        raise NoteChoiceError(f"No single version {keep!r}; choose one of: {', '.join(h.version[:8] for h in heads)}.")
    return hits[0]


def merged_draft(heads: Sequence[NoteHead]) -> str:
    """Every different text of the versions, oldest first, a blank line apart: where a merged note starts."""
    texts = [h.text.strip() for h in heads]
    return "\n\n".join(dict.fromkeys(t for t in texts if t))


__all__ = ["NoteChoiceError", "choose_version", "merged_draft"]
