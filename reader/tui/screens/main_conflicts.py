"""The main screen's part in note conflicts (reader.sync): the reading pane marks a note edited on two
devices under its passage, and the note key opens the conflict dialog for it (note_conflict.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.tui.screens.note_conflict import choose_note_version, conflict_counts

if TYPE_CHECKING:
    from reader.library import Library
    from reader.tui.widgets.reading_pane import ReadingPane


class NoteConflictActions:
    """Mixed into MainScreen, which supplies library and pane."""

    library: Library
    pane: ReadingPane

    def _load_note_conflicts(self) -> None:
        """Which notes are in conflict, for the reading pane's marker (before it indexes the bookmarks)."""
        key = self.app.key_for  # type: ignore[attr-defined]
        self.pane.conflict_keys = f"{key('bookmarks', 'B')}, {key('bookmarks.note-conflict', 'v')}"
        self.pane.note_conflicts = conflict_counts(self.app, self.library)  # type: ignore[attr-defined]


__all__ = ["NoteConflictActions", "choose_note_version"]
