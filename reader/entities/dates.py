"""Dates: find date expressions and normalise them ("June 20, 2023" -> "2023-06-20")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.months import EXTRA_ABBREVIATIONS, MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

MONTHS = {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
MONTH_ABBR = {m.lower(): i for i, m in enumerate(MONTH_ABBREVIATIONS, 1)} | EXTRA_ABBREVIATIONS
WEEKDAYS = frozenset(d.lower() for d in WEEKDAY_NAMES)

_ABBRS = [a for a in MONTH_ABBREVIATIONS if a != "May"] + [a.title() for a in EXTRA_ABBREVIATIONS]
_MON_NOT_MAY = "|".join(m for m in MONTH_NAMES if m != "May")
_MON = r"(?:" + "|".join(MONTH_NAMES) + "|(?:" + "|".join(sorted(_ABBRS, key=lambda a: MONTH_ABBR[a.lower()])) + r")\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_WD = "(?:" + "|".join(WEEKDAY_NAMES) + ")"

DATE_RE = re.compile(
    rf"(?<![\w/@#])(?:"
    rf"(?:(?P<wd>{_WD})\s*,?\s*)?"
    rf"(?:(?P<d1>{_DAY})\s+(?P<m1>{_MON})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<m2>{_MON})\s+(?P<d2>{_DAY})(?:,?\s+(?P<y2>{_YEAR}))?(?![\d,]*\d)"
    rf"|(?P<m3>{_MON})\s+(?P<y3>{_YEAR}))"
    rf"|(?P<wd2>{_WD})"
    rf"|(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
    rf"|(?P<dec>(?:mid-|early |late )?(?:1[6-9]\d|20\d)0s)"
    rf"|(?P<m4>(?:{_MON_NOT_MAY}))"
    rf"|(?P<y4>{_YEAR})"
    rf")(?![\w/@])"
)


def _month(s: str) -> int:
    s = s.rstrip(".").lower()
    return MONTHS.get(s) or MONTH_ABBR[s[:4] if s.startswith("sept") else s[:3]]


YEARLESS = "????"


def find_dates(text: str, default_year: int | None = None) -> Iterator[tuple[int, int, str, str | None]]:
    """Yield (start, end, surface, value) for each date expression.

    value is "YYYY-MM-DD", "YYYY-MM" or "YYYY" when the year is stated or default_year is given
    (the article's own date), else None (weekdays, bare months, decades).
    """
    for start, end, surface, value in find_date_templates(text):
        yield start, end, surface, with_year(value, default_year)


def with_year(value: str | None, year: int | None) -> str | None:
    """Fill a yearless template ("????-06-20") with `year`, or None when the year is unknown."""
    if value is None or not value.startswith(YEARLESS):
        return value
    return f"{year:04d}{value[4:]}" if year else None


def find_date_templates(text: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Like find_dates, but a date without a year has the value "????-MM-DD" / "????-MM"."""
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        start, end = m.span()
        surface = m.group(0)
        value: str | None = None
        if g["iso"]:
            value = g["iso"]
        elif g["m1"] or g["m2"]:
            month = _month(g["m1"] or g["m2"])
            day = int(re.match(r"\d+", g["d1"] or g["d2"]).group())
            year = g["y1"] or g["y2"]
            value = f"{int(year):04d}-{month:02d}-{day:02d}" if year else f"{YEARLESS}-{month:02d}-{day:02d}"
        elif g["m3"]:
            value = f"{int(g['y3']):04d}-{_month(g['m3']):02d}"
        elif g["y4"]:
            value = g["y4"]
        elif g["m4"]:
            value = f"{YEARLESS}-{_month(g['m4']):02d}"
        yield start, end, surface, value
