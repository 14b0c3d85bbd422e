"""What the article list shows, as one immutable value: the filter text, the sort, the unread-only and
bookmarked-only switches and an entity filter. The TUI's main screen holds one ListQuery (a key press
replaces it); `reader list` builds one from its options. Both run it through the same rules
(reader.services.search), so the CLI and the TUI list the same articles for the same query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from reader.library import Summary
from reader.services.search import SORT_KEYS, filter_summaries, sort_summaries

SORTS: tuple[str, ...] = tuple(SORT_KEYS)  # ("added", "date", "title")


@dataclass(frozen=True)
class EntityFilter:
    """Only the articles mentioning an entity: its name (for display) and those articles' ids."""

    name: str
    ids: frozenset[str]
    #: The entity's names whose articles are kept (how the TUI finds them again on the next run).
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListQuery:
    text: str = ""
    sort: str = "added"
    unread_only: bool = False
    bookmarked_only: bool = False
    entity: EntityFilter | None = None

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}; use {', '.join(SORTS)}")

    def to_dict(self) -> dict[str, Any]:
        """What to keep between runs (the entity filter is left out: its articles are found again)."""
        return {"text": self.text, "sort": self.sort, "unread_only": self.unread_only, "bookmarked_only": self.bookmarked_only}

    @classmethod
    def from_dict(cls, data: Any) -> ListQuery:
        """A query kept by to_dict; anything missing or malformed (a hand edit, an older reader) is the default."""
        if not isinstance(data, dict):
            return cls()
        text, sort = data.get("text"), data.get("sort")
        return cls(
            text=text if isinstance(text, str) else "",
            sort=sort if sort in SORTS else "added",
            unread_only=data.get("unread_only") is True,
            bookmarked_only=data.get("bookmarked_only") is True,
        )

    def changed(self, **changes: Any) -> ListQuery:
        return replace(self, **changes)

    def next_sort(self) -> ListQuery:
        """The same query sorted by the next key (added -> date -> title -> added)."""
        return replace(self, sort=SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)])

    @property
    def needs_read_state(self) -> bool:
        return self.unread_only

    @property
    def needs_bookmarks(self) -> bool:
        return self.bookmarked_only

    def flags(self) -> list[str]:
        """A short description: "by date", "unread", "★", "⌖ NAME" (untrusted NAME: show it as plain text)."""
        out = [f"by {self.sort}"]
        if self.unread_only:
            out.append("unread")
        if self.bookmarked_only:
            out.append("\u2605")
        if self.entity is not None:
            out.append(f"\u2316 {self.entity.name}")
        return out

    def apply(
        self,
        summaries: Iterable[Summary],
        read_ids: set[str] | frozenset[str] = frozenset(),
        bookmarked_ids: set[str] | frozenset[str] = frozenset(),
    ) -> list[Summary]:
        """The rows this query shows, sorted (a straight scan; the TUI's Listing caches for speed)."""
        rows = filter_summaries(
            summaries,
            self.text,
            unread_only=self.unread_only,
            bookmarked_only=self.bookmarked_only,
            read_ids=read_ids,
            bookmarked_ids=bookmarked_ids,
            ids=set(self.entity.ids) if self.entity is not None else None,
        )
        return sort_summaries(rows, self.sort)
