"""Rows of the store files as reader reads them: a bookmark row checked, typed and cleaned.

A shard may have been written by an older reader or edited by hand: a row that is not a bookmark
is hidden, a field of the wrong type is read as best it can be, and every text loses its control
sequences (reader.controls), each problem named in one line per file (rows_problem).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.controls import clean_str, shown_name
from reader.models import QUOTE_LIMIT, Bookmark


def is_bookmark(row: dict[str, Any]) -> bool:
    """A row Bookmark.from_dict can read (a hand-edited file may hold others: they are skipped)."""
    return (
        isinstance(row.get("id"), str)
        and isinstance(row.get("article_id"), str)
        and isinstance(row.get("paragraph"), int)
        and isinstance(row.get("quote"), str)
    )


_TEXT_FIELDS = ("prefix", "suffix", "note", "created", "updated")


def bookmark_of(row: dict[str, Any]) -> tuple[Bookmark, bool]:
    """A Bookmark from a stored row (one _is_bookmark accepts): every text cleaned of control
    sequences (an old or hand-edited file may hold them), wrong types read as best they can be.
    Returns (bookmark, True when a field had the wrong type)."""
    fixed = False
    kw: dict[str, Any] = {"id": row["id"], "article_id": row["article_id"], "paragraph": row["paragraph"]}
    kw["quote"] = clean_str(row["quote"])
    for name in _TEXT_FIELDS:
        value = row.get(name, "")
        if not isinstance(value, str):
            fixed = True
            value = "" if value is None or isinstance(value, (dict, list)) else str(value)
        kw[name] = clean_str(value)
    for name in ("start", "end"):
        value = row.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool):
            fixed = True
            value = 0
        kw[name] = value
    return Bookmark(**kw), fixed


def capped_quote(quote: str, start: int, end: int) -> tuple[str, int, int]:
    """The quote as stored: at most QUOTE_LIMIT characters; end keeps the whole passage's length."""
    if end <= start:
        end = start + len(quote)
    return quote[:QUOTE_LIMIT], start, end


def rows_problem(path: Path, table: dict[str, dict[str, Any]]) -> str | None:
    """One line naming the bookmark file and its unreadable rows, or None when all read well."""
    skipped = fixed = 0
    for row in table.values():
        if not is_bookmark(row):
            skipped += 1
        elif bookmark_of(row)[1]:
            fixed += 1
    parts = []
    if skipped:
        parts.append(f"{skipped} row{'s' if skipped != 1 else ''} that {'are' if skipped != 1 else 'is'} not a "
                     "bookmark (no id, article, paragraph or quote) and hidden")
    if fixed:
        parts.append(f"{fixed} bookmark{'s' if fixed != 1 else ''} with a field of the wrong type (such as a note "
                     "that is not text), read as best they could be")
    if not parts:
        return None
    return (
        f"The bookmark file {shown_name(path)} has {' and '.join(parts)}; fix those rows in that file, or set the note "
        "again with `reader note ID TEXT` (other bookmarks are not affected)."
    )
