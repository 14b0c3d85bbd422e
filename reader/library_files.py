"""Reading the library's own files safely: index rows and article files checked, typed and cleaned.

An index row or an article file may come from an older reader, a newer one, or a hand edit: what
cannot be read is named in one line (see Library.take_warnings), what can is read as best it can,
and no control sequence gets through (reader.controls). Writing errors become one line too.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from reader.controls import clean_str, clean_value, offset_map, shown_name
from reader.errors import ReaderError
from reader.models import Article

_SUMMARY_TEXT = ("title", "publisher", "date", "added", "section", "language", "url")
_TEXT_OR_NONE = frozenset((str, type(None)))
_JSON_CONTROL = re.compile(r"\\u(?:00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]|20(?:2[89a-eA-E]|6[6-9]))")
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def index_has_controls(text: str) -> bool:
    """Whether an index file's text holds a control character, raw or as a JSON escape (cheap
    C-speed checks first: a clean 5 MB index costs a few milliseconds)."""
    if "\\u" in text and _JSON_CONTROL.search(text):
        return True
    return not text.isprintable() and _RAW_CONTROL.search(text) is not None


def summary_fields(row: Any, names: frozenset[str], dirty: bool = True) -> tuple[dict[str, Any] | None, bool]:
    """The fields (`names`: those of reader.library.Summary) from an index row, cleaned of control
    sequences; (None, True) for a row without an id, (fields, True) when fields were missing or of the
    wrong type (read as best they could be); keys not in `names` are ignored.
    dirty=False (the index file holds no control character): a well-formed row is taken as it is."""
    if not dirty and type(row) is dict and row.keys() == names:
        t = _TEXT_OR_NONE
        if (
            type(row["id"]) is str and row["id"] and type(row["title"]) in t and type(row["publisher"]) in t
            and type(row["date"]) in t and type(row["added"]) in t and type(row["section"]) in t
            and type(row["language"]) in t and type(row["url"]) in t and type(row["authors"]) is list
            and type(row["entity_keys"]) is list and type(row["words"]) is int
        ):
            return row, False
    if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"]:
        return None, True
    fixed = False
    kw: dict[str, Any] = {"id": row["id"]}
    for name in _SUMMARY_TEXT:
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            fixed, value = True, None
        kw[name] = None if value is None else clean_str(value)
        fixed = fixed or (name not in row and name in ("title", "publisher", "date", "added"))
    for name in ("authors", "entity_keys"):
        value = row.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fixed, value = True, [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        kw[name] = [clean_str(v) for v in value]
    words = row.get("words", 0)
    if not isinstance(words, int) or isinstance(words, bool):
        fixed, words = True, 0
    kw["words"] = words
    for name in names - kw.keys():  # fields added later: kept as they are, cleaned
        if name in row:
            kw[name] = clean_value(row[name])
    return kw, fixed or "words" not in row or "authors" not in row


def clean_article(a: Article) -> Article:
    """The article with no terminal control sequence in any field (what the library keeps and gives);
    entity mentions in a paragraph that changed are moved to the cleaned text's offsets."""
    changes: dict[str, Any] = {}
    for f in fields(Article):
        value = getattr(a, f.name)
        if f.name in ("paragraphs", "entities", "kinds"):
            continue
        if isinstance(value, str):
            changes[f.name] = clean_str(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            changes[f.name] = [clean_str(v) for v in value]
    paragraphs = [clean_str(t) if isinstance(t, str) else "" for t in a.paragraphs]
    maps = {i: offset_map(old, new) for i, (old, new) in enumerate(zip(a.paragraphs, paragraphs)) if old != new}
    entities = [
        replace(
            e, name=clean_str(e.name), aliases=[clean_str(x) for x in e.aliases],
            mentions=[[m[0], maps[m[0]](m[1]), maps[m[0]](m[2])] if len(m) == 3 and m[0] in maps else m for m in e.mentions],
        )
        for e in a.entities
    ]
    return replace(a, **changes, paragraphs=paragraphs, entities=entities)


def article_problem(d: Any) -> str | None:
    """Why a decoded article file is not a reader article, or None."""
    if not isinstance(d, dict):
        return "it is not a JSON object"
    missing = [k for k in ("id", "paragraphs") if k not in d]
    if missing:
        return f"it has no {' or '.join(repr(k) for k in missing)}"
    if not isinstance(d["id"], str) or not isinstance(d["paragraphs"], list) or not all(isinstance(p, str) for p in d["paragraphs"]):
        return "its 'id' or 'paragraphs' has the wrong type"
    for key in ("title", "section", "publisher", "date", "url", "language"):
        if d.get(key) is not None and not isinstance(d[key], str):
            return f"its {key!r} is not text"
    if not isinstance(d.get("authors") or [], list) or not isinstance(d.get("entities") or [], list):
        return "its 'authors' or 'entities' is not a list"
    return None


def write_error(path: Path, exc: OSError) -> ReaderError:
    """One line for a library write that failed (unwritable folder, full disk)."""
    why = exc.strerror or str(exc)
    return ReaderError(
        f"Cannot write to the library at {shown_name(path)} ({why}); nothing was left half-written. "
        "Free some disk space or check the folder's permissions, then try again."
    )
