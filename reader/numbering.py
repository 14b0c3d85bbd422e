"""Paragraph numbers, one numbering for every interface and every JSON output.

Only body paragraphs are numbered, from 1: captions, headings and embedded posts (kind "quote") are
not paragraphs a citation points at, so a quote from the first body paragraph is "para. 1" even
under a photo caption. The TUI, `reader show`, `reader bookmark add --paragraph N`,
`reader bookmark list [--json]`, `reader cite --paragraph N` and the exports all count this way.
(Inside the store a bookmark keeps the position of its paragraph among all blocks, and its text:
numbers are derived, so existing bookmarks keep pointing at the same passage.)
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.errors import ReaderError
from reader.models import TEXT, Article

NUMBERED_KINDS = frozenset({TEXT})


def paragraph_numbers(kinds: Sequence[str], count: int | None = None) -> list[int | None]:
    """For each block: its 1-based paragraph number, or None for a caption, heading or embedded post."""
    out: list[int | None] = []
    n = 0
    for i in range(len(kinds) if count is None else count):
        kind = kinds[i] if i < len(kinds) else TEXT
        if kind in NUMBERED_KINDS:
            n += 1
            out.append(n)
        else:
            out.append(None)
    return out


def number_of(article: Article, index: int) -> int | None:
    """The paragraph number of article.paragraphs[index] (None when it is not a body paragraph)."""
    if not 0 <= index < len(article.paragraphs):
        return None
    return paragraph_numbers(article.kinds, len(article.paragraphs))[index]


def numbered_count(article: Article) -> int:
    return sum(1 for n in paragraph_numbers(article.kinds, len(article.paragraphs)) if n is not None)


def index_of(article: Article, number: int) -> int:
    """The block index of body paragraph `number` (1-based); a ReaderError saying the range otherwise."""
    numbers = paragraph_numbers(article.kinds, len(article.paragraphs))
    total = sum(1 for n in numbers if n is not None)
    if total == 0:
        raise ReaderError("The article has no numbered paragraphs; use it without --paragraph.")
    if not 1 <= number <= total:
        raise ReaderError(f"The article has {total} paragraphs; give --paragraph between 1 and {total}.")
    return numbers.index(number)


KIND_NAMES = {"caption": "the caption", "heading": "the heading", "quote": "the embedded post",
              "standfirst": "the standfirst"}


def describe(article: Article, index: int) -> str:
    """'paragraph 3', or what the block is when it is not numbered ('the caption')."""
    number = number_of(article, index)
    if number is not None:
        return f"paragraph {number}"
    kind = article.kinds[index] if 0 <= index < len(article.kinds) else ""
    return KIND_NAMES.get(kind, "this passage")


def label(number: int | None) -> str:
    """'¶3', or '¶–' for a block that is not a numbered paragraph."""
    return f"\u00b6{number}" if number is not None else "\u00b6\u2013"
