"""Recognise a line (or byline segment) that is only a date, and normalise it to YYYY-MM-DD.

Deliberately strict: a date inside a sentence is not a date line. Formats:
    17 May 2024 · Friday , 17 May 2024 · May 17, 2024 · Mon, May 17 2024 · 2024-05-17[T..]
    09.06.2024 (day.month.year with dots, as European pages write it; slashed dates are not read:
    pages in the US swap day and month)
    each optionally after 'Published', 'Updated', 'Posted on', 'Date:' and before a time.
"""

from __future__ import annotations

import re
from datetime import date

from reader.months import MONTH_NUMBERS

_MONTHS = MONTH_NUMBERS
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*,?\s*)?"
_PREFIX = r"(?:(?:published|updated|posted|last updated|date)(?:\s+on)?\s*:?\s*)?"
_TIME = r"(?:\s*(?:[,|•·-]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2})?)?"
_END = r"\s*$"

_PATTERNS = [
    re.compile(r"^\s*" + _PREFIX + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + _END, re.I),
    re.compile(r"^\s*" + _PREFIX + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + _END, re.I),
    re.compile(r"^\s*" + _PREFIX + r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?" + _END, re.I),
    re.compile(r"^\s*" + _PREFIX + _WEEKDAY + r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})" + _TIME + _END, re.I),
]


def parse_date_line(line: str) -> str | None:
    """'YYYY-MM-DD' if the whole line is a date (see module doc), else None."""
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return None
    for pat in _PATTERNS:
        m = pat.match(line)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["mnum"]) if g.get("mnum") else _MONTHS[g["month"].lower()]
        try:
            return date(int(g["year"]), month, int(g["day"])).isoformat()
        except ValueError:
            return None
    return None


def normalise_date(value: object) -> str | None:
    """A metadata date (YAML date/datetime, ISO string, or a date line) -> 'YYYY-MM-DD' or None."""
    if value is None:
        return None
    if isinstance(value, date):  # datetime is a subclass of date
        return value.isoformat()[:10]
    return parse_date_line(str(value))
