"""Sentences of a paragraph, one rule for every interface: the TUI's `v`, `J`/`K` and `C`, and
`reader bookmark add --sentence N`.

    sentence_spans(text) -> [(start, end), ...]   every sentence, leading/trailing spaces excluded
    sentence_span(text, n) -> (start, end) | None  the n-th (0-based)

A sentence ends at . ! ? … 。 ؟ ۔ (and runs of them), plus any closing quotation marks or brackets,
when whitespace and then the start of a new sentence follow. It does not end:
- inside a number ("3.5", "1,000.50": no space follows the point);
- after a list number opening the paragraph ("1. Revolutionary Leaning");
- after an abbreviation (Mr., Dr., Gen., Jan., No. 5, e.g., a.m., ...), an initial ("Rehan K. Kamal",
  "J. R. R. Tolkien") or a dotted acronym ("U.S.", "U.N.") unless the next word clearly starts a
  sentence ("... in the U.S. The next day ...");
- when the next word starts in lower case ("Why?" he asked; "etc. and more");
- inside a quotation that closes in the same paragraph: “Demand is not the problem. Capacity is,” Kwon
  said. is one sentence, the quoted words with who said them (what a citation needs).
Scripts without letter case (Persian, Arabic, Urdu, CJK) end at every stop followed by a space.

Why hand rules rather than pysbd: on 522 real paragraphs (the shared corpus, the sample, the held-out and
real-news dev articles; `python -m benchmarks.sentences`) they find 764 sentences and pysbd differs at 3
boundaries only, all in the tails of embedded posts; pysbd needs a language chosen per paragraph (Persian
under its English rules keeps "؟" and "۔" inside sentences), is about 50 times slower (3.7 ms against
0.07 ms a paragraph) and its last release is from 2021.
"""

from __future__ import annotations

import re
import unicodedata

STOPS = ".!?\u2026\u3002\u061f\u06d4"  # . ! ? … 。 ؟ ۔
CLOSERS = "\"'\u201d\u2019\u00bb)]}"  # " ' ” ’ » ) ] }
OPENERS = "\"'\u201c\u2018\u00ab([{"  # " ' “ ‘ « ( [ {

_CANDIDATE = re.compile(rf"[{re.escape(STOPS)}]+[{re.escape(CLOSERS)}]*(?=\s)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # U.S. U.K. e.g. i.e. a.m.

#: Abbreviations (lower case, without the final point) that do not end a sentence before a capital.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cpt sgt cmdr adm brig gov sen rep rev hon pres
    supt insp det amb fr messrs mme mlle
    dept univ assn est approx
    vs etc al cf ca fig figs vol vols pp ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd hwy
    """.split()
)
#: Company suffixes: they end the sentence when a capitalised word follows ("... and Fortescue Ltd. Fortescue said").
COMPANY_SUFFIXES = frozenset("inc ltd co corp bros plc llc".split())
#: Abbreviations that only hold before a number ("No. 5", "Art. 9", "p. 12").
NUMBER_ABBREVIATIONS = frozenset("no nos art arts p para paras ch sec sect op".split())
#: Capitalised words that, after a dotted acronym, start a new sentence ("... the U.S. The ...").
SENTENCE_STARTERS = frozenset(
    """
    the a an this that these those there then it its he she they we i you his her their our my
    but and so yet or in on at as after before when while if although though however meanwhile
    still also some many most no not one two what who why how where
    """.split()
)


def _next_word(text: str, i: int) -> str:
    """The word starting at i (after opening quotes and brackets), '' at the end."""
    j = i
    while j < len(text) and text[j] in OPENERS:
        j += 1
    m = re.match(r"[^\s]+", text[j:])
    return m.group() if m else ""


def _is_boundary(text: str, stop_start: int, stop_end: int, next_start: int) -> bool:
    if next_start >= len(text):
        return True
    punct = text[stop_start:stop_end]
    following = _next_word(text, next_start)
    first = following[:1]
    if not first:
        return True
    if first.islower() or not (first.isalnum() or first in "#@" or unicodedata.category(first) == "So"):
        return False  # '"Why?" he asked', 'etc. and', 'a.m. on Monday', 'By ... – outlet'
    if punct.rstrip(CLOSERS) != ".":
        return True  # ! ? … ؟ ۔ 。 (or ".." "?!") before a capital, a digit or a caseless script
    m = _WORD_BEFORE.search(text, 0, stop_start)
    word = (m.group(1) if m else "").lstrip(OPENERS)
    bare = word.rstrip(".").lower()
    if not word:
        return True
    if re.fullmatch(r"\d{1,3}|[ivxIVX]{1,4}|[a-zA-Z]", word) and not text[:stop_start - len(word)].strip():
        return False  # a list number opening the paragraph: "1. Revolutionary Leaning"
    if re.fullmatch(r"[A-Z]", word):
        return False  # an initial: "Rehan K. Kamal"
    if bare in COMPANY_SUFFIXES:
        return first.isupper() and text[next_start] not in OPENERS  # "Manufacturing Co. (TSMC)"
    if bare in ABBREVIATIONS:
        return False
    if bare in NUMBER_ABBREVIATIONS:
        return not first.isdigit()
    if _DOTTED.match(word + "."):
        # "U.S." ends a sentence only when a sentence clearly starts next.
        return following.strip(CLOSERS + ",;:").lower() in SENTENCE_STARTERS and first.isupper()
    return True


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quotations that open and close in this paragraph (“…”, «…», "…")."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\u201c[^\u201c\u201d]*\u201d|\u00ab[^\u00ab\u00bb]*\u00bb", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r'(?:^|(?<=[\s(\[]))"[^"]*"', text)]
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph; a paragraph without stops is one sentence."""
    out: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    quoted = _quoted(text)
    for m in _CANDIDATE.finditer(text):
        if m.end() <= start:
            continue
        if any(a < m.start() and m.end() < b - 1 for a, b in quoted):
            continue  # inside a quotation: “Demand is not the problem. Capacity is,” Kwon said.
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if _is_boundary(text, m.start(), m.end(), nxt):
            out.append((start, m.end()))
            start = nxt
    end = len(text.rstrip())
    if start < end or not out:
        out.append((start, max(start, end)))
    return out


def sentence_span(text: str, n: int) -> tuple[int, int] | None:
    """(start, end) of the n-th sentence (0-based) of text, surrounding spaces excluded."""
    spans = sentence_spans(text)
    return spans[n] if 0 <= n < len(spans) else None
