"""Outlet names: 'middleeasteye.net' -> 'Middle East Eye', 'Responsiblestatecraft' -> 'Responsible Statecraft'.

Rules, in order:
1. Drop 'www.' and the top-level domain ('SINDOnews.com' -> 'SINDOnews', 'bbc.co.uk' -> 'bbc').
2. A name with spaces ('Al Jazeera') or with inner capitals (a brand like 'SINDOnews') is kept as written.
3. A run-together name ('middleeasteye', 'Responsiblestatecraft'): if the article text writes the
   same letters as a phrase ('Middle East Eye'), use that exact casing; otherwise split it into
   English words by word frequency (wordninja) and capitalise each word; a split into odd
   fragments is not trusted, and the name is only capitalised.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)/?$", re.I)
#: Second-level labels under a country code ('co.uk', 'com.au', 'org.il'...).
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news"}
#: Two-letter words a real outlet name may contain; other short fragments mean a bad split.
_SHORT_WORDS = {"al", "el", "of", "on", "in", "de", "la", "le", "my", "us"}


def strip_domain(name: str) -> str:
    """'www.middleeasteye.net' -> 'middleeasteye'; anything that is not a domain is returned as is."""
    name = name.strip()
    if re.match(r"^https?://", name, re.I):
        name = urlsplit(name).hostname or name
    m = _DOMAIN.match(name)
    if not m:
        return name
    labels = m.group("host").split(".")
    labels = labels[:-1]  # the TLD
    if len(labels) >= 2 and labels[-1].lower() in _SECOND_LEVEL and len(m.group("host").split(".")[-1]) == 2:
        labels = labels[:-1]
    return labels[-1] if labels else name


def _letters(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def _phrase_in_text(target: str, text: str) -> str | None:
    """The exact span of `text` whose words, run together, spell `target` (case-insensitive)."""
    if not text or len(target) < 3:
        return None
    gap = r"[\s\-‐–’'.]*"
    pattern = re.compile(r"(?<!\w)" + gap.join(re.escape(ch) for ch in target) + r"(?!\w)", re.I)
    best = None
    for m in pattern.finditer(text):
        span = m.group()
        if not span[0].isupper():
            continue
        if " " in span or "-" in span:  # prefer 'Middle East Eye' to a run-together 'Middleeasteye'
            return span
        best = best or span
    return best


@lru_cache(maxsize=1)
def _segmenter():
    import wordninja  # lazy: importing it loads its word list, which takes a moment

    return wordninja


@lru_cache(maxsize=1024)
def _segment(name: str) -> list[str] | None:
    words = [w.lower() for w in _segmenter().split(name.lower())]
    if len(words) < 2:
        return None
    if any(len(w) < 3 and w not in _SHORT_WORDS for w in words):
        return None
    return words


def outlet_name(raw: str | None, text: str = "") -> str | None:
    """The outlet's name from a byline or source string; `text` is the article body, for casing."""
    if not raw:
        return None
    raw = re.sub(r"\s+", " ", raw).strip(" .,;:|–—-")
    if not raw:
        return None
    name = strip_domain(raw)
    if " " in name:
        return name
    if "-" in name and name == name.lower():  # 'middle-east-eye'
        return " ".join(part.capitalize() for part in name.split("-") if part)
    if any(ch.isupper() for ch in name[1:]):  # a brand: 'SINDOnews', 'Al-Monitor'
        return name
    target = _letters(name)
    found = _phrase_in_text(target, text)
    if found:
        return found
    if name.isalpha() and len(name) >= 6:
        words = _segment(name)
        if words:
            return " ".join(w.capitalize() for w in words)
    return name[0].upper() + name[1:]
