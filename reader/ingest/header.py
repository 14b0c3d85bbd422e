"""Recognisers for the top of a scraped page, around the title (used by the plain-text parser).

Each is a pure function of one line (or of the lines near it):

    ' date 2023-02-07 Rescuers raced ...'     a leading date field       -> date; the rest is body text
    '1. Home' / '2. Asia' / '3. Pakistan'     a numbered breadcrumb      -> section (the last crumb)
    'Belfast Telegraph'                       a masthead                 -> publisher
    'Asia - Pacific' (above a longer title)   a section label            -> section, never the title
    'clear', 'Latest news with #Testmatch'    page junk, tag lines       -> never the title
    'WASHINGTON, October 28'                  a dateline line            -> never the title
    'UPDATE 2-Pfizer ends ...'                a wire-service prefix      -> dropped from the title
    'World News | Title'                      a section prefix           -> section, title
    'Alt text - Title' (the title repeated after ' - ' further down)     -> title
    'Neil Murphy' (under the title)           a byline without 'By'      -> authors
    'Title | Harbour Gazette', 'Outlet - Title'  a site name                -> title, publisher (after a byline's)
    'World > Asia', 'World | Asia' (over the headline)  a trail of sections -> section 'Asia'
    'Category: Politics', 'Filed under: World'  a category line           -> section
    '“We will,” she said.'                    a sentence ending in a quote -> never the title
(Banners, menus and site notices are in reader/ingest/chrome.py; credit lines in byline.py and credits.py.)
"""

from __future__ import annotations

import re

from reader.ingest import chrome
from reader.ingest.byline import PLACE_TAIL, is_person_name
from reader.ingest.credits import name_case, unglue, without_agencies
from reader.ingest.dates import parse_date_line
from reader.ingest.outlets import is_outlet_name, is_topic_label
from reader.ingest.publisher import MEDIA_WORDS

_LEADING_DATE = re.compile(r"^date:?\s+(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
                           r"(?:\s+(?P<rest>.*))?$", re.I)
_NUMBERED_CRUMB = re.compile(r"^\d{1,2}\.\s+(?P<crumb>[^\s.][^.!?]{0,40})$")
_ONE_LINE_CRUMBS = re.compile(r"^1\.\s+\S[^.]{0,30}?\s+2\.\s+\S[^.]{0,40}(?:\s+\d\.\s+\S[^.]{0,40})*$")
_HOME = {"home", "homepage", "start", "news", "accueil", "inicio", "startseite", "beranda"}
_WIRE_PREFIX = re.compile(r"^(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|EXCLUSIVE|BREAKING|ANALYSIS|FACTBOX|EXPLAINER)"
                          r"(?:\s*\d{1,2})?\s*[-:]\s*)+(?=\S)")
_SECTION_PREFIX = re.compile(r"^(?P<section>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,2})\s+\|\s+(?P<title>\S.{9,})$")
_HASHTAG = re.compile(r"(?<![\w&])#[A-Za-z]\w+")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATELINE_LINE = re.compile(rf"^[A-Z][A-Z .'’-]{{2,}}(?:,\s*[A-Z][\w .'’-]+)?,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})"
                            r"(?:,?\s+\d{4})?\s*$")
_LABEL_WORD = re.compile(r"^(?:[A-Z][\w'’.]*|&|and|of|[-–—|/])$")


def leading_date(line: str) -> tuple[str, str] | None:
    """(date, rest) for a leading ' date 2023-02-07 ...' field of a saved page; rest may be ''."""
    m = _LEADING_DATE.match(line)
    if not m:
        return None
    when = parse_date_line(m.group("date"))
    return (when, (m.group("rest") or "").strip()) if when else None


def numbered_crumbs(units: list[str], start: int = 0) -> list[str] | None:
    """['Home', 'Asia', 'Pakistan'] for consecutive '1. Home', '2. Asia', '3. Pakistan' lines at `start`."""
    if start < len(units) and _ONE_LINE_CRUMBS.match(units[start]):  # '1. Home 2. Asia 3. Pakistan' on one line
        one = [c.strip() for c in re.split(r"(?:^|\s+)\d{1,2}\.\s+", units[start]) if c.strip()]
        return one if len(one) >= 2 and one[0].casefold() in _HOME else None
    crumbs: list[str] = []
    for i in range(start, min(len(units), start + 8)):
        m = _NUMBERED_CRUMB.match(units[i])
        if not m or not units[i].startswith(f"{len(crumbs) + 1}."):
            break
        crumbs.append(m.group("crumb").strip())
    if len(crumbs) >= 2 and crumbs[0].casefold() in _HOME:
        return crumbs
    return None


def is_one_line_crumbs(line: str) -> bool:
    return bool(_ONE_LINE_CRUMBS.match(line))


def masthead(line: str) -> str | None:
    """The outlet's name when a short line is only that name ('Belfast Telegraph', 'The Irish Times')."""
    words = line.split()
    if not 1 <= len(words) <= 5 or line.endswith((".", ",", ":", ";", "!", "?")):
        return None
    if not all(w[0].isupper() or w.lower() in ("of", "the", "&") for w in words):
        return None
    last = words[-1].strip("’'").lower()
    if is_topic_label(line) or chrome.is_banner(line):  # 'World News', 'Breaking News': a label, not a masthead
        return None
    return line if last in MEDIA_WORDS and len(words) >= 2 else None


def is_junk_title(line: str) -> bool:
    """Never a title: a lone lower-case word ('clear'), a tag line ('Latest news with #Testmatch'), a dateline."""
    words = line.split()
    if len(words) == 1 and line.islower():
        return True
    return bool(_HASHTAG.search(line)) or is_dateline_line(line)


def is_quoted_sentence(line: str) -> bool:
    """'“We will not give up,” the mayor said.”', 'She said: "We will build it."': a sentence ending in a
    quotation, never a headline (a headline quoting someone has no stop inside the quote)."""
    return bool(re.search(r"[.,!?][”\"’']\s*$", line)) and bool(re.search(r"[.,][”\"’']\s*$", line))


def is_dateline_line(line: str) -> bool:
    """'WASHINGTON, October 28': a dateline on a line of its own."""
    return bool(_DATELINE_LINE.match(line))


def is_section_label(line: str, title: str | None) -> bool:
    """'Asia - Pacific', 'World News': a short label of capitalised words above a longer headline."""
    if title is None:
        return False
    words = line.split()
    names = [w for w in words if w not in ("-", "–", "—", "|", "/", "&", "and", "of")]
    if not 1 <= len(names) <= 3 or not all(_LABEL_WORD.match(w) for w in words):
        return False
    if len(names) == 3 and len(words) == 3:
        return False  # three capitalised words and no separator may be a short headline ('Brexit Deal Agreed')
    return len(title.split()) >= 5 and len(title.split()) >= 2 * len(words)


def clean_title(title: str, units: list[str]) -> tuple[str, str | None]:
    """(title, section): wire-service prefixes dropped ('UPDATE 2-'), a short section prefix before ' | '
    split off, and an image's alt text before ' - ' dropped when the page repeats the title after ' - '."""
    title = chrome.drop_title_banner(_WIRE_PREFIX.sub("", title).strip())
    section = None
    m = _SECTION_PREFIX.match(title)
    if m and len(m.group("title").split()) > 2 * len(m.group("section").split()) \
            and masthead(m.group("title").strip()) is None \
            and (is_topic_label(m.group("section")) or not is_outlet_name(m.group("section"))):
        section, title = m.group("section"), m.group("title").strip()  # 'World News | T', not 'BBC News | T'
    for dash in (" - ", " – ", " — "):
        if dash in title:
            head, _, tail = title.rpartition(dash)
            if len(tail.split()) >= 4 and sum(1 for u in units if u.endswith(dash + tail)) >= 2:
                title = tail
            break
    return title, section


def name_line(line: str) -> list[str] | None:
    """['Neil Murphy'] when a line under the title is only a person's name (a byline without 'By')."""
    if chrome.is_banner(line) or chrome.is_navigation(line):
        return None
    line = PLACE_TAIL.sub("", without_agencies(line))  # 'Rui Costa and agencies', 'Rui Costa in Lisbon'
    words = line.split()
    if not 2 <= len(words) <= 4:
        return None
    name = unglue(name_case(line))  # 'JOHN SMITH' -> 'John Smith', 'Rui CostaRui Costa' -> 'Rui Costa'
    return [name] if is_person_name(name) else None


_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def split_title_outlet(title: str) -> tuple[str, str | None]:
    """('Title', 'Outlet') for 'Title | Outlet' or 'Outlet - Title' (the page's title tag), when the outlet
    is a news agency, a name ending in a media word or a domain, and not a section ('World News')."""
    for sep in _TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if len(head.split()) >= 3 and is_outlet_name(tail) and not is_topic_label(tail):
            return head.strip(), tail.strip()
        head, _, tail = title.partition(sep)
        if len(tail.split()) >= 3 and is_outlet_name(head) and not is_topic_label(head):
            return tail.strip(), head.strip()
    return title, None


_CATEGORY = re.compile(r"^(?:category|categories|section|filed under|posted in|published in|in)\s*:\s*"
                       r"(?P<section>[A-Z][\w&'’ .-]{0,40}?)\s*(?:[,|•·/].*)?$", re.I)


def category_line(line: str) -> str | None:
    """'Category: Politics', 'Filed under: World, Asia', 'Section: Business': the section named (the first)."""
    m = _CATEGORY.match(line.strip())
    return m.group("section").strip() if m and len(line) <= 120 else None


_LABEL_CRUMB_SPLIT = re.compile(r"\s+[>|/]\s+|\s*[»›]\s*")


def label_crumbs(line: str) -> list[str] | None:
    """['World', 'Asia'] for a short trail of section names without 'Home': 'World > Asia', 'World | Asia'."""
    parts = [x.strip() for x in _LABEL_CRUMB_SPLIT.split(line)]
    if not 2 <= len(parts) <= 4 or not all(parts):
        return None
    if not all(len(x.split()) <= 3 and x[0].isupper() and not x.endswith((".", "?", "!")) for x in parts):
        return None
    sections = [x for x in parts if is_topic_label(x) or not is_outlet_name(x)]  # 'Opinion | Harbour Gazette'
    return sections or None
