"""Small recognisers for the credits on a page (used by reader/ingest/byline.py):

    'JOHN SMITH'                                   -> 'John Smith' (a name in capitals, as a person writes it)
    'A in London; Additional reporting by B; Editing by C'   -> 'A in London' (a wire footer's authors)
    'Staff Reporter', 'Web Desk', 'News Desk'      -> a desk byline: no person, no outlet
    'Reuters Staff', 'Harbour Gazette Staff'       -> a desk byline naming the outlet: 'Reuters', 'Harbour Gazette'
    '— AFP', '(AFP)', 'Copyright 2023 The Associated Press. All rights reserved.'   -> the agency credited
"""

from __future__ import annotations

import re

from reader.ingest.chrome import is_banner
from reader.ingest.outlets import is_agency, is_outlet_name, is_topic_label

#: A credit after ';' in a wire footer: 'Writing by X' is an author; 'Editing by Y', 'Additional reporting by Z' are not.
_CREDIT_CHUNK = re.compile(r"^(?P<what>[A-Za-z][\w -]{0,40}?)\s+by\s+(?P<names>\S.*)$", re.I)
#: ';' between credits, or ',' before one ('Reported by A, Edited by B').
_CHUNK_SPLIT = re.compile(r"\s*;\s*|\s*,\s*(?=[A-Za-z][\w -]{0,30}?\s+by\s)", re.I)
_AUTHOR_CREDITS = ("writing", "written", "reporting", "reported", "text", "words", "story")
#: Words of a byline that names a desk, not a person.
_DESK_WORDS = frozenset("""staff reporter reporters desk team bureau correspondent correspondents writer writers editor
editors editorial report reports newsroom web online digital news agencies agency wire wires service services
special our own sports sport business city metro national international foreign political the a""".split())
_END_TAG = re.compile(r"^(?:[—–-]+\s*|\(\s*)?(?P<agency>[A-Za-z][\w .&'’-]{0,40}?)\s*\)?\.?$")
_COPYRIGHT = re.compile(r"^(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*-\s*\d{4})?,?\s*)?(?P<outlet>[A-Z][\w .&'’-]{1,50}?)"
                        r"\s*[.,]?\s*(?:all rights reserved\.?)?$", re.I)
_AGENCIES_TAIL = re.compile(r"\s+(?:and|with|&)\s+agencies$", re.I)


def name_case(name: str) -> str:
    """'JOHN SMITH' -> 'John Smith' ("O'NEIL" -> "O'Neil", 'SMITH-JONES' -> 'Smith-Jones', 'MCDONALD' ->
    'McDonald'); a name not written all in capitals is returned as is."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters):
        return name

    def word(w: str) -> str:
        out = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), w.lower())
        return re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), out)

    return " ".join(word(w) for w in name.split())


_HONORIFIC = re.compile(r"^(?:dr|prof|professor|sir|dame|rev|reverend|mr|mrs|ms|mx)\.?\s+(?=\S+\s+\S)", re.I)


def strip_honorifics(name: str) -> str:
    """'Dr Rui Costa' -> 'Rui Costa' (authors are written 'Given Family'); a lone 'Dr Costa' keeps its title."""
    return _HONORIFIC.sub("", name)


def unglue(name: str) -> str:
    """'Rui CostaRui Costa' -> 'Rui Costa': a name saved twice without a space (an avatar's alt text and the name)."""
    m = re.fullmatch(r"(\S.{2,60}?)\s*\1", name)
    return m.group(1) if m else name


def wire_credits(rest: str) -> str:
    """'A in London; Additional reporting by B; Editing by C' -> 'A in London' (the authors' part of a
    wire footer: the first credit and any 'Writing by' one)."""
    chunks = _CHUNK_SPLIT.split(rest)
    if len(chunks) == 1:
        return rest
    keep = []
    for k, chunk in enumerate(c.strip() for c in chunks):
        m = _CREDIT_CHUNK.match(chunk)
        if m and k:
            if m.group("what").strip().lower() in _AUTHOR_CREDITS:
                keep.append(m.group("names"))
            continue
        if chunk:
            keep.append(chunk)
    return " and ".join(keep)


def without_agencies(names: str) -> str:
    """'Rui Costa and agencies' -> 'Rui Costa'."""
    return _AGENCIES_TAIL.sub("", names.strip())


def desk_byline(name: str) -> tuple[bool, str | None]:
    """(is a desk or outlet byline, the outlet it names): 'Staff Reporter' -> (True, None), 'Reuters Staff'
    -> (True, 'Reuters'), 'AFP' / 'The Associated Press' -> (True, as written); a person -> (False, None)."""
    name = " ".join(name.split()).strip(" .,")
    if not name or "," in name or is_banner(name):
        return False, None
    words = name.split()
    if all(w.lower() in _DESK_WORDS for w in words):
        return True, None
    if is_outlet_name(name):
        return True, name
    if not any(w.lower() in _DESK_WORDS - {"the", "a", "our", "own"} for w in words):
        return False, None
    rest = list(words)
    while rest and rest[-1].lower() in _DESK_WORDS:
        rest.pop()
    if not rest:
        return all(w.lower() in _DESK_WORDS for w in words), None
    outlet = " ".join(rest)
    if is_topic_label(outlet):  # 'World News Desk', 'Sports Desk'
        return True, None
    if rest != words and (is_outlet_name(outlet) or (2 <= len(rest) <= 3 and all(w[0].isupper() for w in rest))):
        return True, outlet  # 'Reuters Staff', 'Harbour Watch Staff'
    return False, None


def end_credit(line: str) -> str | None:
    """The agency credited by a line at the end of an article: '— AFP', '(AFP)', 'AFP', 'Copyright 2023 The
    Associated Press. All rights reserved.'"""
    if len(line) > 100:
        return None
    m = _END_TAG.match(line.strip())
    if m and is_agency(m.group("agency")):
        return m.group("agency").strip()
    m = _COPYRIGHT.match(line.strip())
    if m and is_outlet_name(m.group("outlet")):
        return m.group("outlet").strip()
    return None
