"""How text becomes search terms: one tokenizer and one fold, used for indexing, queries and highlights.

The index is given text that this module has already tokenized and folded (words joined by
spaces), so what the index matches and what the reader highlights are decided by the same
code, with exact offsets into the original text:

* a word is a run of letters, digits, private-use characters and combining marks (the
  categories SQLite's unicode61 tokenizer is configured with: ``L* N* Co M*``);
* folding: NFKC, lower case (casefold), Latin/Greek/Cyrillic diacritics removed (é→e, ü→u);
  Arabic-script variants unified (Arabic ي/ك → Persian ی/ک, أ/إ/ٱ → ا), short vowels (harakat)
  and the tatweel removed, so Persian and Arabic typed with either keyboard match. A zero-width
  non-joiner separates words, so کتاب finds کتاب‌ها and می‌خواهم is the phrase "می خواهم".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Letters/digits (\w without "_") or combining marks of the common scripts; ZWNJ/ZWJ separate words.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0711\u0730-\u074a\u0900-\u0dff\u0e31-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\u3099\u309a\ufe20-\ufe2f\ue000-\uf8ff"
)
WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")

_ARABIC = str.maketrans({
    "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
    "\u0649": "\u06cc",  # alef maksura -> Persian yeh
    "\u0643": "\u06a9",  # Arabic kaf -> Persian keheh
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",  # hamza/wasla alefs -> alef
    "\u0640": None,  # tatweel
    "\u200c": None, "\u200d": None,
})
_LATINISH = ("LATIN", "GREEK", "CYRILLIC")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """One word as the index stores it (see the module doc)."""
    if word.isascii():
        return word.lower()
    w = unicodedata.normalize("NFKC", word).casefold().translate(_ARABIC)
    out = []
    base_latin = False
    for ch in unicodedata.normalize("NFD", w):
        if unicodedata.combining(ch):
            # Diacritics on Latin/Greek/Cyrillic letters and Arabic short vowels go; other
            # scripts' marks (Devanagari vowel signs...) are part of the word.
            if base_latin or "\u064b" <= ch <= "\u065f" or ch == "\u0670":
                continue
        else:
            name = unicodedata.name(ch, "")
            base_latin = name.startswith(_LATINISH)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return [f for f in map(fold, WORD.findall(text)) if f]


def index_text(text: str | None) -> str:
    """What the index is given for a field: folded words joined by spaces."""
    return " ".join(words(text)) if text else ""


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) of every word, offsets into `text`."""
    for m in WORD.finditer(text):
        f = fold(m.group())
        if f:
            yield m.start(), m.end(), f
