"""Citation data formats built from CSL-JSON items: BibTeX, RIS and CSL-JSON.

API CONTRACT:
    DATA_FORMATS = ("bibtex", "ris", "csl-json")
    to_bibtex(items, flavour="bibtex") -> str   # see reader.services.bibtex (fields chosen for bibtex,
                               # biblatex and pandoc; flavour "biblatex-apa" for biblatex-apa)
    to_ris(items, notes=None) -> str   # TY  - NEWS records, the way Zotero writes and reads them;
                               # SE for the section, N1 for each note; each ends "ER  - "
    to_csl_json(items) -> str  # a JSON array of the items, as Zotero imports it
    render_data(items, fmt) -> str
RIS and CSL-JSON import into Zotero as "Newspaper Article" items with authors, title, publication,
date, URL and access date.
"""

from __future__ import annotations

import json
from typing import Any

from reader.errors import CitationError
from reader.services.bibtex import MONTHS, _date, _name_parts, bibtex_key, to_bibtex
from reader.services.safe_text import clean

DATA_FORMATS = ("bibtex", "ris", "csl-json")
__all__ = ["DATA_FORMATS", "MONTHS", "bibtex_key", "render_data", "to_bibtex", "to_csl_json", "to_ris"]


# -- CSL-JSON ------------------------------------------------------------------------------
def _cleaned(value: Any, lines: bool = False) -> Any:
    """Every string of a CSL-JSON item without control sequences (it may be read in a terminal);
    on one line, except in the free-text fields (note, custom) where line breaks are the user's."""
    if isinstance(value, str):
        return clean(value) if lines else " ".join(clean(value).split())
    if isinstance(value, list):
        return [_cleaned(v, lines) for v in value]
    if isinstance(value, dict):
        return {k: _cleaned(v, lines or k in ("note", "custom")) for k, v in value.items()}
    return value


def to_csl_json(items: list[dict]) -> str:
    return json.dumps(_cleaned(items), ensure_ascii=False, indent=2) + "\n"


# -- RIS -----------------------------------------------------------------------------------
def _ris_date(parts: list[int]) -> str:
    y, m, d = (parts + [None, None, None])[:3]
    return f"{y:04d}/{'' if m is None else f'{m:02d}'}/{'' if d is None else f'{d:02d}'}/"


def _ris_value(text: str) -> str:
    return " ".join(clean(str(text)).split())  # one line per tag


def to_ris(items: list[dict], notes: dict[str, list[str]] | None = None) -> str:
    """notes: {item id: [one-line N1 values]} (see reader.services.notes_data)."""
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
        if item.get("section"):
            lines.append(f"SE  - {_ris_value(item['section'])}")
        for note in (notes or {}).get(item.get("id"), []):
            lines.append(f"N1  - {_ris_value(note)}")
        lines.append("ER  - ")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def render_data(items: list[dict], fmt: str) -> str:
    if fmt == "bibtex":
        return to_bibtex(items)
    if fmt == "ris":
        return to_ris(items)
    if fmt == "csl-json":
        return to_csl_json(items)
    raise CitationError(f"Unknown data format {fmt!r}; choose one of {', '.join(DATA_FORMATS)}.")
