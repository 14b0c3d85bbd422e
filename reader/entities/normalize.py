"""String keys: entity_key (exact matching across articles) and translit_key (spelling variants)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

class LazyRe:
    """A regular expression compiled on first use, so importing the package stays cheap (the TUI imports
    the library at start-up; compiling the large name patterns costs tens of milliseconds)."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source, flags: int = 0) -> None:
        self._source, self._flags, self._compiled = source, flags, None

    def __getattr__(self, name: str):
        if self._compiled is None:
            src = self._source() if callable(self._source) else self._source
            self._compiled = re.compile(src, self._flags)
        return getattr(self._compiled, name)


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_POSS_RE = re.compile(r"['\u2019]s?$")
_THE_RE = re.compile(r"^the\s+", re.I)
_ACR_DOT_RE = re.compile(r"(?<=\b[A-Za-z])\.")
_WS_RE = re.compile(r"\s+")

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xx": 20}


@lru_cache(maxsize=1 << 16)
def entity_key(surface: str) -> str:
    """Normalised key of a surface form: NFKC, straight quotes, no leading 'the', no trailing
    possessive, no dots in acronyms ("U.S." -> "us"), single spaces, casefolded."""
    s = unicodedata.normalize("NFKC", surface).translate(_QUOTES).strip().strip('"').strip()
    s = re.sub(r"'s$", "", s, flags=re.I)
    s = _THE_RE.sub("", s)
    s = _ACR_DOT_RE.sub("", s)
    return _WS_RE.sub(" ", s).casefold()


def strip_possessive(surface: str) -> str:
    """'MEK’s' -> 'MEK', 'Iran’s' -> 'Iran' (a bare trailing apostrophe as in 'Jones'' too)."""
    if len(surface) > 2 and surface[-1] in "'\u2019" and surface[-2] in "sS":
        return surface[:-1]
    if len(surface) > 3 and surface[-1] in "sS" and surface[-2] in "'\u2019":
        return surface[:-2]
    return surface


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Lower-case ASCII letters only: 'Mojahedin-e Khalq' -> 'mojahedinekhalq'."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


# Common romanisation alternations (Arabic, Persian, Russian... into English): doubled letters,
# ee/ou/oo for long vowels, q/k/c, ph/f, w/v, final -h, y/i. Applied after folding.
_TRANSLIT_STEPS = [
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"ee|ie(?=[^aeiou]|$)"), "i"),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"[qc](?!h)|ck"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(?<=[aeiou])h$"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]
_VOWELS_RE = re.compile(r"[aeiou]")


@lru_cache(maxsize=1 << 16)
def translit_key(token: str) -> str:
    s = fold(token)
    for rx, rep in _TRANSLIT_STEPS:
        s = rx.sub(rep, s)
    return s


@lru_cache(maxsize=1 << 16)
def skeleton(token: str) -> str:
    """Consonant skeleton of the transliteration key: 'Mojaheddeen' -> 'mjhdn'."""
    k = translit_key(token)
    return k[:1] + _VOWELS_RE.sub("", k[1:])


def levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@lru_cache(maxsize=1 << 18)
def same_spelling_variant(a: str, b: str) -> bool:
    """True when two name tokens are plausibly transliteration variants of one name.

    Both must share the consonant skeleton of their transliteration keys and the keys may differ by at
    most one edit (two for long tokens). 'Kanani'/'Kanaani', 'Mojahedin'/'Mujahedin'/'Mojaheddeen',
    'Khalq'/'Khalk' match; 'Khomeini'/'Khamenei' (three vowel changes) and 'Iran'/'Iraq' do not.
    """
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4:
        return False
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb:
        return True
    if skeleton(a) != skeleton(b) or ka[0] != kb[0]:
        return False
    limit = 2 if min(len(ka), len(kb)) >= 9 else 1
    return levenshtein(ka, kb) <= limit


def roman_to_int(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return ROMAN.get(token.lower())
