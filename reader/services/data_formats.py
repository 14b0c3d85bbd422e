"""Citation data formats built from CSL-JSON items: BibTeX, RIS and CSL-JSON.

API CONTRACT:
    DATA_FORMATS = ("bibtex", "ris", "csl-json")
    to_bibtex(items) -> str    # @article entries (entrysubtype = {newspaper}), unique keys
    to_ris(items) -> str       # TY  - NEWS records, the way Zotero writes and reads them
    to_csl_json(items) -> str  # a JSON array of the items, as Zotero imports it
    render_data(items, fmt) -> str
RIS and CSL-JSON import into Zotero as "Newspaper Article" items with authors, title, publication,
date, URL and access date.
"""

from __future__ import annotations

import json
import re
import unicodedata

from reader.errors import CitationError
from reader.months import MONTH_ABBREVIATIONS

DATA_FORMATS = ("bibtex", "ris", "csl-json")
MONTHS = tuple(abbr.lower() for abbr in MONTH_ABBREVIATIONS)  # BibTeX's month macros
_STOP = {"a", "an", "the", "of", "on", "in", "and", "is", "to", "for", "at", "by", "with", "this", "that"}


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


# -- CSL-JSON ------------------------------------------------------------------------------
def to_csl_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# -- RIS -----------------------------------------------------------------------------------
def _ris_date(parts: list[int]) -> str:
    y, m, d = (parts + [None, None, None])[:3]
    return f"{y:04d}/{'' if m is None else f'{m:02d}'}/{'' if d is None else f'{d:02d}'}/"


def _ris_value(text: str) -> str:
    return " ".join(str(text).split())  # one line per tag


def to_ris(items: list[dict]) -> str:
    out = []
    for item in items:
        lines = ["TY  - NEWS"]
        if item.get("title"):
            lines.append(f"TI  - {_ris_value(item['title'])}")
        for name in item.get("author", []):
            family, given, suffix = _name_parts(name)
            lines.append("AU  - " + _ris_value(", ".join(p for p in (family, given, suffix) if p)))
        if item.get("container-title"):
            lines.append(f"T2  - {_ris_value(item['container-title'])}")
        issued = _date(item, "issued")
        if issued:
            lines.append(f"DA  - {_ris_date(issued)}")
            lines.append(f"PY  - {issued[0]:04d}")
        if item.get("language"):
            lines.append(f"LA  - {_ris_value(item['language'])}")
        if item.get("URL"):
            lines.append(f"UR  - {_ris_value(item['URL'])}")
        accessed = _date(item, "accessed")
        if accessed:
            lines.append(f"Y2  - {_ris_date(accessed)}")
        lines.append("ER  - ")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


# -- BibTeX ----------------------------------------------------------------------------------
_TEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def _tex(text: str) -> str:
    return "".join(_TEX_SPECIAL.get(ch, ch) for ch in " ".join(str(text).split()))


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


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


def _bib_name(name: dict) -> str:
    if "literal" in name:
        return "{" + _tex(name["literal"]) + "}"
    family, given, suffix = _name_parts(name)
    return ", ".join(_tex(p) for p in (family, suffix, given) if p) if suffix else ", ".join(
        _tex(p) for p in (family, given) if p
    )


def to_bibtex(items: list[dict]) -> str:
    entries, seen = [], set()
    for item in items:
        key = base = bibtex_key(item)
        n = 0
        while key in seen:
            key = base + "abcdefghijklmnopqrstuvwxyz"[n % 26] + ("" if n < 26 else str(n // 26))
            n += 1
        seen.add(key)
        fields = []
        if item.get("author"):
            fields.append(("author", " and ".join(_bib_name(n) for n in item["author"])))
        if item.get("title"):
            fields.append(("title", _tex(item["title"])))
        if item.get("container-title"):
            fields.append(("journal", _tex(item["container-title"])))
        issued = _date(item, "issued")
        if issued:
            fields.append(("date", "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(issued))))
            fields.append(("year", str(issued[0])))
            if len(issued) > 1:
                fields.append(("month", MONTHS[issued[1] - 1]))
        if item.get("URL"):
            fields.append(("url", item["URL"]))
        accessed = _date(item, "accessed")
        if accessed:
            fields.append(("urldate", "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(accessed))))
        if item.get("language"):
            fields.append(("langid", _tex(item["language"])))
        fields.append(("entrysubtype", "newspaper"))
        body = ",\n".join(
            f"  {k} = {v}" if k == "month" else f"  {k} = {{{v}}}" for k, v in fields
        )
        entries.append(f"@article{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def render_data(items: list[dict], fmt: str) -> str:
    if fmt == "bibtex":
        return to_bibtex(items)
    if fmt == "ris":
        return to_ris(items)
    if fmt == "csl-json":
        return to_csl_json(items)
    raise CitationError(f"Unknown data format {fmt!r}; choose one of {', '.join(DATA_FORMATS)}.")
