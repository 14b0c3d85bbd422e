"""Recognise a line (or byline segment) that is only a date, and normalise it to YYYY-MM-DD.

Deliberately strict: a date inside a sentence is not a date line. Formats:
    17 May 2024 · Friday , 17 May 2024 · May 17, 2024 · Mon, May 17 2024 · 2024-05-17[T..]
    09.06.2024 (day.month.year with dots, as European pages write it)
    25/03/2023 and 03/25/2023 (slashed or dashed: a number over 12 is the day). Where both are 12 or under
    (12/03/2023) the day comes first, as most of the world writes it and as pages that print numeric dates
    in an article's header do, unless the line gives a US time zone (EDT, ET, PST...): then the month.
    2023/03/25 (year first)
    each optionally after a desk label ('Press Release', 'News Desk') and 'Published', 'Updated', 'Posted on',
    'Date:', and before or after a time
    ('Updated 2:05 PM EDT, March 12, 2023', 'March 12, 2023 at 2:05 p.m.', '12 Mar 2023 / 14:05'),
    and before a reading time ('· 5 min read'). A line of two dates ('Published 12 March 2023 | Updated
    13 March 2023') gives the first.
"""

from __future__ import annotations

import re
from datetime import date

from reader.months import MONTH_NUMBERS

_MONTHS = MONTH_NUMBERS
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*,?\s*)?"
_LEAD_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}\b|[+-]\d{2}:?\d{2})?\s*[,|•·/-]?\s*(?:on\s+)?)?"
#: A desk or source label where a byline would stand: 'Press Release 03:13 PM, 23 Feb, 2024', 'News Desk | 12 March 2023'.
_LABEL = (r"(?:(?:(?:press|news|media)\s+release|(?:news|web|online|city|metro|sports?|foreign|national)\s+desk"
          r"|staff\s+reports?|agencies)\s*[|:,•·-]?\s*)?")
_PREFIX = _LABEL + (r"(?:(?:published|updated|posted|last updated|last modified|modified|first published|date published|"
           r"published date|publish date|publication date|release date|released|created|dated|date)(?:\s+on)?\s*:?\s*)?"
           + _LEAD_TIME)
_TIME = (r"(?:\s*(?:[,|•·/—–-]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}"
         r"|\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?)?")
_END = (r"(?:\s*,?\s*(?:UK|US)\b)?(?:\s*updated\s+.{1,30}?\s+ago)?"  # 'Sunday 12 March 2023 14:05, UK'
        r"(?:\s*[,|•·-]?\s*\d{1,3}\s*(?:min|mins|minute|minutes)\.?\s+read)?\s*$")

_PATTERNS = [
    re.compile(r"^\s*" + _PREFIX + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + _END, re.I),
    re.compile(r"^\s*" + _PREFIX + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + _END, re.I),
    re.compile(r"^\s*" + _PREFIX + r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?" + _END, re.I),
    re.compile(r"^\s*" + _PREFIX + _WEEKDAY + r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})" + _TIME + _END, re.I),
    re.compile(r"^\s*" + _PREFIX + r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})" + _TIME + _END, re.I),
]
#: Day and month in an order the page does not say: read only when one of them is over 12.
_EITHER_ORDER = re.compile(r"^\s*" + _PREFIX + _WEEKDAY + r"(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})"
                           + _TIME + _END, re.I)
_TWO_DATES = re.compile(r"\s*[|•·;]\s*|\s+/\s+|,?\s+(?=(?:last\s+)?updated\b)", re.I)
_US_ZONE = re.compile(r"\b(?:E[SD]T|C[SD]T|M[SD]T|P[SD]T|AK[SD]T|H[SD]T|ET|CT|MT|PT)\b")
_UPDATED = re.compile(r"^\s*(?:last\s+)?(?:updated|modified)\s*:?\s*(?:at\s+)?", re.I)
_READING_TIME = re.compile(r"^\s*\d{1,3}\s*(?:min|mins|minute|minutes)\.?(?:\s+read)?\s*$", re.I)


def parse_date_line(line: str) -> str | None:
    """'YYYY-MM-DD' if the whole line is a date (see module doc), else None."""
    if len(line) > 120 or not any(ch.isdigit() for ch in line):
        return None
    when = _one_date(line)
    if when or len(line) < 20:
        return when
    parts = [x for x in _TWO_DATES.split(line) if x.strip()]
    if len(parts) == 2 and all(_one_date(x) for x in parts):  # 'Published 12 March 2023 | Updated 13 March 2023'
        updated = re.match(r"\s*(?:last\s+)?(?:updated|modified)\b", parts[0], re.I)
        return _one_date(parts[1] if updated else parts[0])  # the published date, whichever comes first
    if len(parts) >= 2 and all(is_time_line(_UPDATED.sub("", x)) or _READING_TIME.match(x) for x in parts[1:]):
        return _one_date(parts[0])  # 'March 12, 2023 | 2:05 PM | 4 min read'
    return None


def _either_order(line: str) -> str | None:
    m = _EITHER_ORDER.match(line)
    if not m:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if a > 12 and b > 12:
        return None
    if a > 12 or b > 12:
        day, month = (a, b) if a > 12 else (b, a)
    else:  # 12/03/2023: the day first, unless a US time zone says the month is
        day, month = (b, a) if _US_ZONE.search(line) else (a, b)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _one_date(line: str) -> str | None:
    if len(line) > 80:
        return None
    when = _either_order(line)
    if when:
        return when
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


_CLOCK = r"\d{1,2}(?::\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|[.]\d{2}\s*[ap]\.?m\.?|\s*[ap]\.?m\.?)"
_TIME_ONLY = re.compile(r"^\s*(?:at\s+)?" + _CLOCK + r"\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?\s*$", re.I)
_HAS_CLOCK = re.compile(r"(?<![\d.])" + _CLOCK + r"(?![\d.])", re.I)


def is_time_line(line: str) -> bool:
    """'03:27pm BST', '14:05', '2.05 p.m. ET': a time of day alone on a line."""
    return len(line) <= 30 and bool(_TIME_ONLY.match(line))


_BANNER_DATE = re.compile(r"^\s*(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.I)


def is_page_banner_date(line: str) -> bool:
    """'Friday , 17 May 2024': a bare date led by its weekday, as a site's header shows today's date (an
    article's own date line has a prefix ('Published'), a time, or no weekday)."""
    return bool(_BANNER_DATE.match(line)) and not has_time(line)


def has_time(line: str) -> bool:
    """A date line that gives a time of day too ('12 March 2023, 14:05')."""
    return bool(_HAS_CLOCK.search(line))


def normalise_date(value: object) -> str | None:
    """A metadata date (YAML date/datetime, ISO string, or a date line) -> 'YYYY-MM-DD' or None."""
    if value is None:
        return None
    if isinstance(value, date):  # datetime is a subclass of date
        return value.isoformat()[:10]
    return parse_date_line(str(value))
