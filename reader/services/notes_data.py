"""The noted articles as reference-manager data: RIS and CSL-JSON records carrying their passages
and notes (`reader export --format ris | csl-json`).

API CONTRACT:
    Passage(id, paragraph, quote, note, citation)      # paragraph: 1-based
    ris(records) -> str          # records: [(csl item, [Passage])]; one TY  - NEWS record per
                                 # article; SE the section; one N1 per passage: HTML on one line,
                                 # <blockquote> the passage </blockquote>, its citation, then the
                                 # note's lines (Zotero imports an N1 holding HTML as that note)
    csl_json(records) -> str     # the CSL-JSON items (valid against csl-data.json) with
                                 # "section", "note" (the passages as quotations, each followed
                                 # by its note: what annotated-bibliography styles print) and
                                 # "custom": {"reader-bookmarks": [{id, paragraph, quote, note}]}
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from reader.services.data_formats import to_csl_json, to_ris
from reader.services.safe_text import clean


@dataclass(frozen=True)
class Passage:
    id: str
    paragraph: int | None  # None: a caption, heading or embedded post (not a numbered paragraph)
    quote: str
    note: str
    citation: str


Records = Sequence[tuple[dict, Sequence[Passage]]]


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def _html_note(p: Passage) -> str:
    parts = [f"<blockquote><p>{html.escape(_one_line(p.quote))}</p></blockquote>"]
    if p.citation.strip():
        parts.append(f"<p>{html.escape(_one_line(p.citation))}</p>")
    lines = [html.escape(" ".join(line.split())) for line in clean(p.note).strip().split("\n")]
    if any(lines):
        parts.append("<p>" + "<br>".join(lines) + "</p>")
    return "".join(parts)


def ris(records: Records) -> str:
    items = [item for item, _ in records]
    notes = {item["id"]: [_html_note(p) for p in passages] for item, passages in records}
    return to_ris(items, notes)


def _plain(p: Passage) -> str:
    head = f"\u201c{_one_line(p.quote)}\u201d"
    if p.citation.strip():
        head += f" {_one_line(p.citation)}"
    note = clean(p.note).strip()
    return f"{head}\n{note}" if note else head


def csl_json(records: Records) -> str:
    items = []
    for item, passages in records:
        item = dict(item)
        if passages:
            item["note"] = "\n\n".join(_plain(p) for p in passages)
            item["custom"] = {
                "reader-bookmarks": [
                    {"id": p.id, "paragraph": p.paragraph, "quote": clean(p.quote), "note": clean(p.note)} for p in passages
                ]
            }
        items.append(item)
    return to_csl_json(items)
