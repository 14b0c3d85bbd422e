"""The schema of a reader notes file (`reader export --format json`), checked entry by entry.

API CONTRACT:
    FORMAT_ID = "reader-notes"; VERSION = 1
    BookmarkError(ReaderError)                     # one sentence naming the bad field
    check_article_id(entry) -> str                 # the article id of one `articles` entry
    check_bookmark(raw, article_id, now) -> Bookmark   # a clean Bookmark, or BookmarkError
    check_note(value) -> str                       # a note as stored: text, cleaned, "" for none
    check_paragraph(value) -> int                  # a 0-based paragraph index (whole number >= 0)

Metadata corrections follow reader.services.meta_fields (the rules of `reader meta` and the TUI).
The text of a bookmark is data: terminal control sequences are removed where it enters.

    {"format": "reader-notes", "version": 1, "exported": "...", "citation_style": "apa",
     "articles": [{"id": str, "corrections": {field: value}, "bookmarks": [
         {"id": str, "paragraph": int >= 0, "quote": str (not empty), "note": str | null,
          "prefix": str, "suffix": str, "start": int >= 0, "end": int >= start,
          "created": str, "updated": str, ...ignored: "citation", "article_id"}]}]}
"""

from __future__ import annotations

import re
from typing import Any

from reader.errors import ReaderError
from reader.models import Bookmark
from reader.services.safe_text import clean

FORMAT_ID = "reader-notes"
VERSION = 1
MAX_NOTE = 100_000
MAX_QUOTE = 1_000_000
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


class BookmarkError(ReaderError):
    """An entry of a notes file that cannot be imported."""


def _kind(value: Any) -> str:
    if isinstance(value, (dict, list)):  # never repr() a structure: it may nest very deep
        return "an object" if isinstance(value, dict) else "a list"
    text = repr(clean(value) if isinstance(value, str) else value)
    return text if len(text) <= 30 else text[:27] + "..."


def _whole(name: str, value: Any, default: int | None = None) -> int:
    if value is None and default is not None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BookmarkError(f"its {name} {_kind(value)} is not a whole number of 0 or more.")
    return value


def check_paragraph(value: Any) -> int:
    return _whole("paragraph", value)


def _text(name: str, value: Any, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BookmarkError(f"its {name} {_kind(value)} is not text.")
    if len(value) > limit:
        raise BookmarkError(f"its {name} is {len(value):,} characters long; at most {limit:,} are kept.")
    return clean(value)


def check_note(value: Any) -> str:
    return _text("note", value, MAX_NOTE)


def check_article_id(entry: Any) -> str:
    if not isinstance(entry, dict):
        raise BookmarkError(f"it is {_kind(entry)}, not an article entry.")
    aid = entry.get("id")
    if not isinstance(aid, str) or not _ID.match(aid):
        raise BookmarkError(f"its id {_kind(aid)} is not an article id.")
    return aid


def _stamp(value: Any, default: str) -> str:
    return value if isinstance(value, str) and _STAMP.match(value) else default


def check_bookmark(raw: Any, article_id: str, now: str) -> Bookmark:
    """One bookmark entry as a clean Bookmark of article_id; id "" when the entry has none."""
    if not isinstance(raw, dict):
        raise BookmarkError(f"it is {_kind(raw)}, not a bookmark.")
    bid = raw.get("id")
    if bid is not None and (not isinstance(bid, str) or not _ID.match(bid)):
        raise BookmarkError(f"its id {_kind(bid)} is not a bookmark id.")
    quote = _text("quote", raw.get("quote"), MAX_QUOTE)
    if not quote.strip():
        raise BookmarkError("it has no quote (the passage's text).")
    paragraph = check_paragraph(raw.get("paragraph"))
    start = _whole("start", raw.get("start"), 0)
    end = _whole("end", raw.get("end"), 0)
    if end and end < start:
        raise BookmarkError(f"its end {end} is before its start {start}.")
    created = _stamp(raw.get("created"), now)
    return Bookmark(
        id=bid or "",
        article_id=article_id,
        paragraph=paragraph,
        quote=quote,
        prefix=_text("prefix", raw.get("prefix"), MAX_QUOTE),
        suffix=_text("suffix", raw.get("suffix"), MAX_QUOTE),
        start=start,
        end=end,
        note=check_note(raw.get("note")),
        created=created,
        updated=_stamp(raw.get("updated"), ""),
    )
