"""The main screen's part in note conflicts (reader.sync): the reading pane marks a note edited on two
devices under its passage, and the note key opens the conflict dialog for it (note_conflict.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.tui.screens.note_conflict import choose_note_version

if TYPE_CHECKING:
    from reader.library import Library
    from reader.models import Bookmark
    from reader.tui.widgets.reading_pane import ReadingPane


class NoteConflictActions:
    """Mixed into MainScreen, which supplies library and pane."""

    library: Library
    pane: ReadingPane
    article_bookmarks: list[Bookmark]

    def _load_note_conflicts(self, *, reindex: bool) -> None:
        """Which of this article's notes are in conflict, for the reading pane's marker. Asked per
        bookmark of the article (well under a millisecond), not for the whole library (tens of ms)."""
        key = self.app.key_for  # type: ignore[attr-defined]
        self.pane.conflict_keys = f"{key('bookmarks', 'B')}, {key('bookmarks.note-conflict', 'v')}"
        guard = self.app.guard  # type: ignore[attr-defined]
        counts = {b.id: n for b in self.article_bookmarks if (n := len(guard(self.library.note_conflict, b.id) or []))}
        changed = counts != self.pane.note_conflicts
        self.pane.note_conflicts = counts
        if reindex and changed:
            self.pane.watch_bookmarks()  # the pane marks them under their passages


__all__ = ["NoteConflictActions", "choose_note_version"]
