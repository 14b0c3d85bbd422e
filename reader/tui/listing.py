"""The article list's data: sorted orders and lowercase search text cached once per load,
so each keystroke of the filter is a scan over cached strings (10,000 rows in a few ms)."""

from __future__ import annotations

from itertools import compress, repeat
from operator import contains

from reader.library import Summary
from reader.services import search
from reader.services.list_query import ListQuery


haystack = search.search_text  # the searched fields, casefolded once per load


class Listing:
    def __init__(self) -> None:
        self._all: list[Summary] = []
        self._orders: dict[str, list[Summary]] = {}
        self._hays: dict[str, list[str]] = {}
        self._hay: dict[str, str] = {}

    def load(self, summaries: list[Summary]) -> None:
        self._all = list(summaries)
        self._orders, self._hays = {}, {}
        self._hay = {s.id: haystack(s) for s in self._all}

    def __len__(self) -> int:
        return len(self._all)

    def titles(self) -> dict[str, str | None]:
        return {s.id: s.title for s in self._all}

    def ordered(self, key: str) -> list[Summary]:
        if key not in self._orders:
            self._orders[key] = search.sort_summaries(self._all, key)
            self._hays[key] = [self._hay[s.id] for s in self._orders[key]]
        return self._orders[key]

    def run(
        self, query: ListQuery, read_ids: frozenset[str] = frozenset(), bookmarked_ids: frozenset[str] = frozenset()
    ) -> list[Summary]:
        """The rows a ListQuery shows (the same rows as query.apply, from the cached orders)."""
        return self.view(
            query.sort,
            query.text,
            unread_only=query.unread_only,
            bookmarked_only=query.bookmarked_only,
            read_ids=read_ids,
            bookmarked_ids=bookmarked_ids,
            ids=query.entity.ids if query.entity is not None else None,
        )

    def view(
        self,
        key: str,
        text: str = "",
        *,
        unread_only: bool = False,
        bookmarked_only: bool = False,
        read_ids: frozenset[str] = frozenset(),
        bookmarked_ids: frozenset[str] = frozenset(),
        ids: frozenset[str] | None = None,
    ) -> list[Summary]:
        rows = self.ordered(key)
        words = text.casefold().split()
        if words:
            # map/compress run the substring tests in C: about 1 ms per word over 10,000 rows.
            hays = self._hays[key]
            picked = list(compress(range(len(rows)), map(contains, hays, repeat(words[0]))))
            for word in words[1:]:
                picked = list(compress(picked, map(contains, map(hays.__getitem__, picked), repeat(word))))
            rows = list(map(rows.__getitem__, picked))
        if unread_only or bookmarked_only or ids is not None:
            rows = search.filter_summaries(
                rows,
                unread_only=unread_only,
                bookmarked_only=bookmarked_only,
                read_ids=read_ids,
                bookmarked_ids=bookmarked_ids,
                ids=set(ids) if ids is not None else None,
            )
        return rows
