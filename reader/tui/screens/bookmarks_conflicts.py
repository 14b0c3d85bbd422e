"""The bookmarks screen's part in note conflicts (reader.sync): which rows are in conflict, their
marker, and the key that opens the conflict dialog (reader.tui.screens.note_conflict)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.tui.screens.note_conflict import choose_note_version, conflict_counts
from reader.wording import count

if TYPE_CHECKING:
    from reader.library import Library
    from reader.models import Bookmark
    from reader.tui.widgets.bookmark_list import BookmarkList


class BookmarkConflicts:
    """Mixed into BookmarksScreen, which supplies library, bookmark_list, current, _bookmarks and _load."""

    library: Library
    bookmark_list: BookmarkList
    _bookmarks: list[Bookmark]
    #: bookmark id -> how many versions its note has, for the notes in conflict (set by load_conflicts)
    _conflicts: dict[str, int] = {}

    def load_conflicts(self) -> dict[str, int]:
        self._conflicts = conflict_counts(self.app, self.library)  # type: ignore[attr-defined]
        self.refresh_bindings()  # type: ignore[attr-defined]  # the key shows only while a conflict is pending
        return self._conflicts

    def conflicts_label(self) -> str:
        n = len(self._conflicts)
        if not n:
            return ""
        return (f" \u2014 {count(n, 'note')} in conflict: "
                f"{self.app.key_for('bookmarks.note-conflict', 'v')} to choose")  # type: ignore[attr-defined]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "note_conflict":
            return bool(self._conflicts)
        return super().check_action(action, parameters)  # type: ignore[misc]

    def open_conflict(self, bm: Bookmark) -> bool:
        """The conflict dialog for this bookmark's note (False when it is not in conflict)."""
        index = self.bookmark_list.cursor
        return choose_note_version(self, self.library, bm, lambda: self._load(index),  # type: ignore[arg-type, attr-defined]
                                   undo_id="bookmarks.undo")

    def action_note_conflict(self) -> None:
        """The highlighted note's versions; on a row not in conflict, the next row that is."""
        rows = self._bookmarks
        if not rows:
            return
        here = self.bookmark_list.cursor
        order = [(here + step) % len(rows) for step in range(len(rows))]
        target = next((i for i in order if rows[i].id in self._conflicts), None)
        if target is None:
            self.notify("No note is in conflict.", timeout=3)  # type: ignore[attr-defined]
            return
        self.bookmark_list.cursor = target
        if not self.open_conflict(rows[target]):  # resolved elsewhere since the screen was loaded
            self.notify("This note is no longer in conflict.", timeout=3)  # type: ignore[attr-defined]
            self._load(target)  # type: ignore[attr-defined]
