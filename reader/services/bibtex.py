"""BibTeX / biblatex entries from CSL-JSON items, written so that the tools people use read them right.

API CONTRACT:
    FLAVOURS = ("bibtex", "biblatex-apa")
    to_bibtex(items, flavour="bibtex") -> str   # @article entries with unique keys
    bibtex_key(item) -> str                      # "motamedi2023end"
    protect_title(text) -> str                   # TeX-escaped, capitalised words and acronyms in braces

The fields, and why (checked with pybtex, bibtex's plain.bst, biber + biblatex, and pandoc):
    @article with `journal`: bibtex's styles know only `journal`; biblatex and pandoc take it as
        `journaltitle` / container-title.
    author: "Family, Given" (with "Jr" as "Family, Jr, Given"); an organisation in double braces
        ({{Reuters Staff}}) so no style splits or initialises it; "and" inside a name is braced.
    title: TeX-escaped; every word holding a capital letter after the first letter of the title
        (Iran, Europe, MEK, U.S., McCain) is wrapped in braces, as Zotero's BibTeX export protects
        words with inner capitals, so styles that re-case titles (plain.bst, biblatex-apa's
        sentence case) keep proper nouns; straight double quotes become “ and ” (LaTeX would print
        two closing quotes).
    date (biblatex, pandoc) and year + month (bibtex); url; urldate only with a url (alone it
        makes biblatex take the access year for the publication year), and in the biblatex-apa
        flavour only for an undated article (APA 7 gives a retrieval date only for pages that
        change; biblatex-apa prints "Retrieved ..." whenever there is one); langid as babel names.
    entrysubtype: "newspaper" in the bibtex flavour (pandoc reads it as article-newspaper; bibtex
        and biblatex's standard styles ignore it); "nonacademic" in the biblatex-apa flavour
        (biblatex-apa prints any other subtype in brackets, "[newspaper]", and shows the full date
        only for nonacademic articles). No single value serves both, hence the two flavours.
"""

from __future__ import annotations

import re
import unicodedata

from reader.months import MONTH_ABBREVIATIONS
from reader.services.safe_text import clean

FLAVOURS = ("bibtex", "biblatex-apa")
MONTHS = tuple(abbr.lower() for abbr in MONTH_ABBREVIATIONS)  # BibTeX's month macros (reader/months.py)
_STOP = {"a", "an", "the", "of", "on", "in", "and", "is", "to", "for", "at", "by", "with", "this", "that"}
#: ISO 639-1 codes -> babel/polyglossia language names for biblatex's langid.
LANGIDS = {
    "en": "english", "fa": "persian", "ar": "arabic", "de": "ngerman", "fr": "french", "es": "spanish",
    "it": "italian", "pt": "portuguese", "ru": "russian", "tr": "turkish", "nl": "dutch", "he": "hebrew",
    "pl": "polish", "sv": "swedish", "uk": "ukrainian", "el": "greek", "ur": "urdu", "zh": "chinese",
}
_TEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def _one_line(text: str) -> str:
    return " ".join(clean(str(text)).split())


def tex(text: str) -> str:
    """Text as literal TeX on one line: specials escaped, control sequences removed."""
    return "".join(_TEX_SPECIAL.get(ch, ch) for ch in _one_line(text))


def _curly_quotes(text: str) -> str:
    out, opened = [], False
    for i, ch in enumerate(text):
        if ch == '"':
            before = text[i - 1] if i else " "
            opened = before.isspace() or before in "([{\u2014\u2013-/" if not opened else False
            ch = "\u201c" if opened else "\u201d"
        out.append(ch)
    return "".join(out)


_WORD = re.compile(r"(\S+)")
_EDGE = re.compile(r"^([\"'“”‘’(\[]*)(.*?)([\"'“”‘’)\].,;:!?]*)$", re.S)


def protect_title(text: str) -> str:
    """TeX of a title with its capitalised words and acronyms braced (see the module doc)."""
    out, first = [], True
    for part in _WORD.split(_curly_quotes(_one_line(text))):
        if not part or part.isspace():
            out.append(part)
            continue
        lead, core, trail = _EDGE.match(part).groups()  # type: ignore[union-attr]
        if trail.startswith(".") and "." in core:  # an abbreviation keeps its last dot: {U.S.}
            core, trail = core + ".", trail[1:]
        caps = [i for i, ch in enumerate(core) if ch.isupper()]
        keep = bool(caps) and not (first and caps == [0])  # the title's first word: its capital is the sentence's
        body = tex(core)
        out.append(tex(lead) + ("{" + body + "}" if keep else body) + tex(trail))
        first = first and not core
    return "".join(out)


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def _name_parts(name: dict) -> tuple[str, str, str]:
    """(family with its particle, given, suffix); a literal name is all family."""
    if "literal" in name:
        return name["literal"], "", ""
    family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(p for p in (name.get("given"), name.get("dropping-particle")) if p)
    return family, given, name.get("suffix", "")


def _date(item: dict, var: str) -> list[int]:
    parts = (item.get(var) or {}).get("date-parts") or [[]]
    return list(parts[0]) if parts and parts[0] else []


def bibtex_key(item: dict) -> str:
    names = item.get("author") or []
    who = _ascii_word(_name_parts(names[0])[0].split()[-1]) if names and _name_parts(names[0])[0] else ""
    if not who:
        who = _ascii_word((item.get("container-title") or "anon").split()[0]) or "anon"
    issued = _date(item, "issued")
    year = str(issued[0]) if issued else "nd"
    words = [_ascii_word(w) for w in (item.get("title") or "").split()]
    word = next((w for w in words if w and w not in _STOP), "")
    return f"{who}{year}{word}"


def _name_part(text: str) -> str:
    """One part of a person's name; braced if BibTeX would split it (" and ", a comma)."""
    body = tex(text)
    return "{" + body + "}" if re.search(r"\band\b|,", text, re.IGNORECASE) else body


def _bib_name(name: dict) -> str:
    if "literal" in name:
        return "{" + tex(name["literal"]) + "}"
    family, given, suffix = _name_parts(name)
    parts = (family, suffix, given) if suffix else (family, given)
    return ", ".join(_name_part(p) for p in parts if p)


def _iso(parts: list[int]) -> str:
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts))


def entry_fields(item: dict, flavour: str = "bibtex") -> list[tuple[str, str]]:
    """(field, value as written between braces, or a bare month macro) for one item."""
    fields: list[tuple[str, str]] = []
    if item.get("author"):
        fields.append(("author", " and ".join(_bib_name(n) for n in item["author"])))
    if item.get("title"):
        fields.append(("title", protect_title(item["title"])))
    if item.get("container-title"):
        fields.append(("journal", tex(item["container-title"])))
    issued = _date(item, "issued")
    if issued:
        fields.append(("date", _iso(issued)))
        fields.append(("year", str(issued[0])))
        if len(issued) > 1:
            fields.append(("month", MONTHS[issued[1] - 1]))
    url = re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group()):02X}", _one_line(item.get("URL") or ""))
    if url:  # read verbatim by biber and pandoc: only what would unbalance the entry is %-encoded
        fields.append(("url", url))
        accessed = _date(item, "accessed")
        # APA gives a retrieval date only for what may change (an undated page); biblatex-apa prints any.
        if accessed and not (flavour == "biblatex-apa" and issued):
            fields.append(("urldate", _iso(accessed)))
    language = _one_line(item.get("language") or "").lower().split("-")[0]
    if language in LANGIDS:
        fields.append(("langid", LANGIDS[language]))
    fields.append(("entrysubtype", "nonacademic" if flavour == "biblatex-apa" else "newspaper"))
    return fields


def to_bibtex(items: list[dict], flavour: str = "bibtex") -> str:
    entries, seen = [], set()
    for item in items:
        key = base = bibtex_key(item)
        n = 0
        while key in seen:
            key = base + "abcdefghijklmnopqrstuvwxyz"[n % 26] + ("" if n < 26 else str(n // 26))
            n += 1
        seen.add(key)
        body = ",\n".join(
            f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in entry_fields(item, flavour)
        )
        entries.append(f"@article{{{key},\n{body}\n}}\n")
    return "\n".join(entries)
