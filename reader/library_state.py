"""The Library's use-cases over the state store: read state, reading positions, bookmarks and notes,
metadata corrections and the settings kept in a library.

The interfaces (reader/cli, reader/tui) call these methods and never reach into `library.state`,
so a rule (how a bookmark is anchored, which citation style is in force) lives in one place.
Method names keep the store's verbs (set_, add_, remove_): the TUI reports failures of writes by them.
"""

from __future__ import annotations

from typing import Any

from reader.errors import Ambiguous, NotFound
from reader.models import Anchor, Bookmark
from reader.sync.store import NoteHead, SyncedStore


class StateUseCases:
    """Mixed into Library, which supplies `state`."""

    state: SyncedStore

    # -- the store itself ---------------------------------------------------------------------
    @property
    def store_warning(self) -> str | None:
        """One line to show the user when the store was found damaged (what was kept aside), else None."""
        return self.state.warning

    def check_store(self) -> None:
        """Read every store file now, so damage anywhere is found at once (see take_warnings)."""
        self.state.check()

    # -- read state and reading position -----------------------------------------------------------
    def read_ids(self) -> set[str]:
        return self.state.read_ids()

    def is_read(self, article_id: str) -> bool:
        return self.state.is_read(article_id)

    def set_read(self, article_id: str, read: bool = True) -> None:
        self.state.set_read(article_id, read=read)

    def position(self, article_id: str) -> int:
        """The paragraph (0-based) the reader was at in this article; 0 when never opened."""
        return self.state.get_position(article_id) or 0

    def set_position(self, article_id: str, paragraph: int) -> None:
        self.state.set_position(article_id, paragraph)

    # -- bookmarks and notes ------------------------------------------------------------------------
    def bookmarks(self, article_id: str | None = None) -> list[Bookmark]:
        """Every bookmark (of one article when given), oldest first."""
        return self.state.bookmarks(article_id)

    def bookmarked_ids(self) -> set[str]:
        return self.state.bookmarked_ids()

    def add_bookmark(self, article_id: str, anchor: Anchor, note: str = "") -> Bookmark:
        a = anchor
        return self.state.add_bookmark(article_id, a.paragraph, a.quote, a.prefix, a.suffix, a.start, a.end, note=note)

    def find_bookmark(self, ref: str) -> Bookmark:
        """A bookmark by id or a unique prefix of one."""
        ref = ref.strip()
        try:
            return self.state.get_bookmark(ref)
        except NotFound:
            pass
        hits = [b for b in self.state.bookmarks() if ref and b.id.startswith(ref)]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise NotFound(f"No bookmark {ref!r}; run `reader bookmark list` to see their ids.")
        raise Ambiguous(f"{len(hits)} bookmarks start with {ref!r}; give more of the id.")

    def set_note(self, bookmark_id: str, note: str) -> Bookmark:
        return self.state.set_note(bookmark_id, note)

    def remove_bookmark(self, bookmark_id: str) -> None:
        self.state.remove_bookmark(bookmark_id)

    def note_conflict(self, bookmark_id: str) -> list[NoteHead]:
        """The texts of a note edited on two devices without seeing each other ([] when none).
        `set_note` (a chosen text, or a merged one) resolves it on every device."""
        return self.state.note_heads(bookmark_id)

    def note_conflicts(self) -> dict[str, list[NoteHead]]:
        return self.state.conflicts()

    # -- sync between machines (reader.sync) ----------------------------------------------------------
    def sync_status(self) -> dict[str, Any]:
        """Devices seen, each one's last change, notes in conflict, conflict files not yet merged."""
        from reader.sync.maintenance import status

        return status(self.state)

    def sync_compact(self) -> dict[str, int]:
        from reader.sync.maintenance import compact

        return compact(self.state)

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a removed bookmark back as it was: same id, passage, note and dates (the TUI's undo)."""
        return self.state.restore_bookmark(bookmark)

    # -- metadata corrections -----------------------------------------------------------------------
    def corrected_fields(self, article_id: str) -> dict[str, Any]:
        """The user's stored corrections of this article's metadata (field -> value)."""
        return self.state.get_meta(article_id)

    def set_meta(self, article_id: str, fields: dict[str, Any]) -> None:
        self.state.set_meta(article_id, fields)

    # -- settings kept in the library (the user's own settings are reader.services.preferences) ----------
    def setting(self, key: str, default: Any = None) -> Any:
        return self.state.get_setting(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.state.set_setting(key, value)

    # -- where the TUI was (last article, list sort and filters), kept between runs ---------------------
    def reading_session(self) -> dict[str, Any]:
        """What the TUI stored with set_reading_session (an empty dict when nothing or something unreadable)."""
        value = self.state.get_setting("reading_session")
        return dict(value) if isinstance(value, dict) else {}

    def set_reading_session(self, session: dict[str, Any]) -> None:
        self.state.set_setting("reading_session", session)
