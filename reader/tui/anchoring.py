"""Bookmarks anchored on their text: build quote/prefix/suffix, find them again.

Interim home: reader/services/anchor.py (the store work) will take this over; the TUI only
calls `make_anchor` and `locate`, so swapping the implementation is one import.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.models import Bookmark

CONTEXT = 32


@dataclass(frozen=True)
class Anchor:
    paragraph: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


def make_anchor(paragraphs: list[str], paragraph: int, start: int, end: int) -> Anchor:
    text = paragraphs[paragraph]
    return Anchor(
        paragraph,
        start,
        end,
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
    )


def locate(bookmark: Bookmark, paragraphs: list[str]) -> tuple[int, int, int] | None:
    """(paragraph, start, end) of the bookmark's quote, the stored paragraph first, else None."""
    quote = bookmark.quote
    n = len(paragraphs)
    if not quote:
        p = bookmark.paragraph
        return (p, 0, len(paragraphs[p])) if 0 <= p < n else None
    hint = bookmark.paragraph if 0 <= bookmark.paragraph < n else 0
    order = [hint] + [i for k in range(1, n) for i in (hint - k, hint + k) if 0 <= i < n]
    for p in order:
        text = paragraphs[p]
        hits = _all(text, quote)
        if not hits:
            continue
        if len(hits) > 1:
            ctx = [h for h in hits if text[max(0, h - len(bookmark.prefix)) : h].endswith(bookmark.prefix)]
            hits = ctx or sorted(hits, key=lambda h: abs(h - bookmark.start))
        return (p, hits[0], hits[0] + len(quote))
    return None


def _all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append(i)
        i = text.find(needle, i + 1)
    return out
