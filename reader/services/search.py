"""Filtering and searching the article list (no Textual here; the TUI and CLI share it)."""

from __future__ import annotations

from collections.abc import Iterable

from reader.library import Summary


def search_text(summary: Summary) -> str:
    """The searched fields of an article, casefolded: title, authors, publisher, section, date.

    The one definition of what the list filter and `reader list --search` look in.
    """
    return " ".join(
        filter(None, [summary.title, " ".join(summary.authors), summary.publisher, summary.section, summary.date])
    ).casefold()


def matches(summary: Summary, needle: str) -> bool:
    """Case-insensitive match of every word of `needle` in the searched fields (search_text)."""
    hay = search_text(summary)
    return all(word in hay for word in needle.casefold().split())


def filter_summaries(
    summaries: Iterable[Summary],
    text: str = "",
    *,
    unread_only: bool = False,
    bookmarked_only: bool = False,
    read_ids: set[str] | frozenset[str] = frozenset(),
    bookmarked_ids: set[str] | frozenset[str] = frozenset(),
    ids: set[str] | None = None,
) -> list[Summary]:
    out = []
    for s in summaries:
        if unread_only and s.id in read_ids:
            continue
        if bookmarked_only and s.id not in bookmarked_ids:
            continue
        if ids is not None and s.id not in ids:
            continue
        if text and not matches(s, text):
            continue
        out.append(s)
    return out


SORT_KEYS = {
    "added": lambda s: s.added or "",
    "date": lambda s: s.date or "",
    "title": lambda s: (s.title or "").casefold(),
}


def sort_summaries(summaries: list[Summary], key: str = "added", reverse: bool | None = None) -> list[Summary]:
    if reverse is None:
        reverse = key in ("added", "date")
    return sorted(summaries, key=SORT_KEYS[key], reverse=reverse)
