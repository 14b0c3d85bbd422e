"""One validation of every correctable metadata field, for every way a correction enters.

`reader meta`, the TUI metadata editor and `import-notes` all call this module, so a date refused
in one is refused in all, and every value is stored clean.

API CONTRACT:
    CORRECTABLE (from reader.library): title, authors, publisher, date, url, section, language, tags
    FieldError(ReaderError)                     # one sentence naming the field and what to give
    check_field(key, value) -> value            # the clean value (None = no value), or FieldError
    check_corrections(fields) -> dict           # every field checked; FieldError on the first bad one
    valid_corrections(fields) -> (dict, list[str])   # the good fields, and one message per bad one
    valid_date(text) -> bool                    # YYYY, YYYY-MM or YYYY-MM-DD naming a real day

Rules (values come back clean: terminal control sequences stripped, whitespace collapsed):
    title, publisher, section: text on one line, at most 1,000 characters; "" or None clears it.
    authors: a list of names (never one string: it would be split into letters), each on one line
             and at most 300 characters, at most 200 names; empty names are dropped.
    date:    YYYY, YYYY-MM or YYYY-MM-DD naming a real day (2023-02-30 and 0000 are refused).
    url:     http:// or https:// with a host and no spaces.
    language: a language tag such as en, fa, pt-BR or zh-Hant.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from reader.errors import ReaderError
from reader.library import CORRECTABLE
from reader.library_manage import normalise_tag
from reader.services.safe_text import clean

__all__ = ["CORRECTABLE", "FieldError", "check_corrections", "check_field", "valid_corrections", "valid_date"]
MAX_TEXT = 1000
MAX_NAME = 300
MAX_AUTHORS = 200
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


class FieldError(ReaderError):
    """A correction that cannot be stored; the message names the field and what to give."""


def valid_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year (1 or later), month and day."""
    m = _DATE.match(text)
    if not m:
        return False
    year, month, day = (int(g) if g else 1 for g in m.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _shown(value: Any) -> str:
    """A bad value as it may be quoted in a message: short, one line, inert."""
    if isinstance(value, (dict, list, tuple)):  # never repr() a structure: it may nest 100,000 deep
        return "(an object)" if isinstance(value, dict) else "(a list)"
    text = repr(clean(value)) if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _line(value: str) -> str:
    return " ".join(clean(value).split())


def _text(key: str, value: Any, limit: int = MAX_TEXT) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(f"the {key} {_shown(value)} is not text; give it as a string.")
    text = _line(value)
    if len(text) > limit:
        raise FieldError(f"the {key} is {len(text):,} characters long; give at most {limit:,}.")
    return text or None


def _authors(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        raise FieldError(
            f"the authors {_shown(value)} are one string, not a list of names; give them as a list, e.g. [\"Maziar Motamedi\"]."
        )
    if not isinstance(value, (list, tuple)):
        raise FieldError(f"the authors {_shown(value)} are not a list of names; give them as a list of strings.")
    if len(value) > MAX_AUTHORS:
        raise FieldError(f"there are {len(value):,} authors; give at most {MAX_AUTHORS}.")
    names = []
    for name in value:
        if not isinstance(name, str):
            raise FieldError(f"the author {_shown(name)} is not text; give each name as a string.")
        text = _line(name)
        if len(text) > MAX_NAME:
            raise FieldError(f"an author's name is {len(text):,} characters long; give at most {MAX_NAME}.")
        if text:
            names.append(text)
    return names


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(t, str) for t in value):
        raise FieldError(f"the tags {_shown(value)} are not a list of words; give them as a list of strings, e.g. [\"labour\"].")
    if len(value) > MAX_AUTHORS:
        raise FieldError(f"there are {len(value):,} tags; give at most {MAX_AUTHORS}.")
    tags: list[str] = []
    for tag in value:
        text = normalise_tag(clean(tag))
        if len(text) > MAX_NAME:
            raise FieldError(f"a tag is {len(text):,} characters long; give at most {MAX_NAME}.")
        if text and text not in tags:
            tags.append(text)
    return tags


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(f"the date {_shown(value)} is not text; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-06-20.")
    text = clean(value).strip()
    if not text:
        return None
    if not _DATE.match(text):
        raise FieldError(f"the date {_shown(text)} is not YYYY, YYYY-MM or YYYY-MM-DD; e.g. 2023-06-20.")
    if not valid_date(text):
        raise FieldError(f"the date {_shown(text)} is not a real date; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-06-20.")
    return text


def _url(value: Any) -> str | None:
    text = _text("URL", value)
    if text is None:
        return None
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in text:
        raise FieldError(f"the URL {_shown(text)} is not a web address; give one starting with https:// or http://.")
    return text


def _language(value: Any) -> str | None:
    text = _text("language", value)
    if text is None:
        return None
    if not _LANGUAGE.match(text):
        raise FieldError(f"the language {_shown(text)} is not a language tag; give one such as en, fa or pt-BR.")
    return text


def check_field(key: str, value: Any) -> Any:
    """The clean value of one correction, or FieldError with a message naming the field."""
    if isinstance(value, float) and not math.isfinite(value):
        raise FieldError(f"the {key} {_shown(value)} is not a value; give it as text.")
    if key == "authors":
        return _authors(value)
    if key == "date":
        return _date(value)
    if key == "url":
        return _url(value)
    if key == "language":
        return _language(value)
    if key == "tags":
        return _tags(value)
    if key in ("title", "publisher", "section"):
        return _text(key, value)
    if key == "tags":  # (reader tag) a list of short labels, like authors
        if value is None:
            return []
        if not isinstance(value, (list, tuple)) or not all(isinstance(t, str) for t in value):
            raise FieldError(f"the tags {_shown(value)} are not a list of labels; give them as a list of strings.")
        return [t for t in (_line(t) for t in value) if t][:MAX_AUTHORS]
    raise FieldError(f"{_shown(key)} is not a field that can be corrected; use one of {', '.join(CORRECTABLE)}.")


def check_corrections(fields: Any) -> dict[str, Any]:
    """Every field checked and cleaned; FieldError on the first bad one."""
    if not isinstance(fields, dict):
        raise FieldError(f"the corrections {_shown(fields)} are not a set of fields; give an object such as {{\"date\": \"2023-06-20\"}}.")
    return {key: check_field(key, value) for key, value in fields.items()}


def valid_corrections(fields: Any) -> tuple[dict[str, Any], list[str]]:
    """The good fields (clean), and one message per bad field (or for the whole value)."""
    if not isinstance(fields, dict):
        try:
            check_corrections(fields)
        except FieldError as exc:
            return {}, [str(exc)]
    good: dict[str, Any] = {}
    errors: list[str] = []
    for key, value in fields.items():
        try:
            good[key] = check_field(key, value)
        except FieldError as exc:
            errors.append(str(exc))
    return good, errors
