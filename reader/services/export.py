"""Export bookmarks and notes (grouped by article, each with its citation) and import them back.

API CONTRACT:
    EXPORT_FORMATS = ("markdown", "json", "bibtex")
    export_notes(library, fmt="markdown", style=None) -> str
        markdown: one Obsidian-friendly document: YAML front matter (title, exported, citation_style,
                  counts), per article a heading, its reference, then each passage as a "> " quote
                  ending with its in-text citation, followed by its note.
        json:     {"format": "reader-notes", "version": 1, ..., "articles": [{id, title, ..., reference,
                  csl, corrections, bookmarks: [{id, paragraph, quote, ..., note, citation}]}]}
        bibtex:   the articles that have bookmarks, as BibTeX entries.
        style: a formatted style (default: the store setting "citation_style", else apa).
    import_notes(library, text) -> ImportNotesReport      # the JSON export; no duplicates:
        articles matched by id; a bookmark matched by its id, else by article + quote + note.
    ImportNotesReport(added, updated, duplicates, missing_articles: list[str])
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import yaml

from reader.errors import CitationError, NotFound, ReaderError
from reader.library import CORRECTABLE, Library
from reader.models import Article, Bookmark
from reader.services import cite, csl_engine
from reader.services import preferences
from reader.services.anchor import is_capped, locate
from reader.services.data_formats import to_bibtex
from reader.services.safe_text import clean, escape_json

EXPORT_FORMATS = ("markdown", "json", "bibtex")
FORMAT_ID = "reader-notes"
VERSION = 1


class ImportNotesError(ReaderError):
    """The notes file cannot be imported."""


@dataclass
class ImportNotesReport:
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    missing_articles: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _style_for(library: Library, style: str | None) -> str:
    name = cite.check_style(style or preferences.citation_style(library))
    if name not in cite.FORMATTED:
        raise CitationError(f"Export needs a citation style, not the data format {name}; choose one of {', '.join(cite.FORMATTED)}.")
    return name


def _grouped(library: Library) -> list[tuple[Article, list[Bookmark]]]:
    """Articles with bookmarks, in library order, each with its bookmarks in reading order."""
    marks: dict[str, list[Bookmark]] = {}
    for bm in library.state.bookmarks():
        marks.setdefault(bm.article_id, []).append(bm)
    out = []
    order = [s.id for s in library.summaries()]
    for aid in order + sorted(set(marks) - set(order)):
        if aid not in marks:
            continue
        try:
            article = library.get(aid)
        except NotFound:
            continue  # bookmarks of an article no longer in the library cannot be cited
        except ReaderError as exc:  # a damaged article file: said once (library.warn), the rest exported
            library.warn(f"{exc} Its {len(marks[aid])} bookmark(s) are not in the export.")
            continue
        out.append((article, sorted(marks[aid], key=lambda b: (b.paragraph, b.start, b.created))))
    return out


def _paragraph(article: Article, bm: Bookmark) -> int:
    """The 1-based paragraph the passage is in now (found again by its text), else where it was made."""
    found = locate(bm, article.paragraphs)
    return (found[0] if found else bm.paragraph) + 1


def _render(groups: list[tuple[Article, list[Bookmark]]], style: str) -> csl_engine.Rendered:
    items = [cite.csl_item(a) for a, _ in groups]
    cites = [(bm.id, a.id, _paragraph(a, bm)) for a, bms in groups for bm in bms]
    if not items:
        return csl_engine.Rendered()
    return csl_engine.render(items, style, cites)


# -- Markdown --------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~=$])")


def _md(text: str) -> str:
    """Article text as literal Markdown: specials escaped (not inside URLs, which Markdown
    viewers link as written), whitespace collapsed."""
    words = clean(text).split()
    return " ".join(w if re.match(r"^https?://", w) else _MD_SPECIAL.sub(r"\\\1", w) for w in words)


def _markdown(library: Library, style: str) -> str:
    groups = _grouped(library)
    rendered = _render(groups, style)
    front = {
        "title": "Reader notes",
        "exported": _now(),
        "citation_style": style,
        "articles": len(groups),
        "bookmarks": sum(len(b) for _, b in groups),
        "tags": ["reader-notes"],
    }
    parts = ["---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n"]
    for article, bms in groups:
        parts.append(f"## {_md(article.title or '(untitled)')}\n")
        parts.append(_md(rendered.references.get(article.id, "")) + "\n")
        for bm in bms:
            cite_text = rendered.citations.get(bm.id, "")
            more = "\u2026" if is_capped(bm) else ""  # a passage longer than the stored quote
            parts.append(f"> {_md(bm.quote)}{more}\n>\n> — {_md(cite_text)}\n")
            if bm.note.strip():
                parts.append(clean(bm.note).strip() + "\n")
    return "\n".join(parts)


# -- JSON ----------------------------------------------------------------------------------------
def _json(library: Library, style: str) -> str:
    groups = _grouped(library)
    rendered = _render(groups, style)
    articles = []
    for article, bms in groups:
        articles.append({
            "id": article.id,
            "title": article.title,
            "authors": list(article.authors),
            "publisher": article.publisher,
            "date": article.date,
            "url": article.url,
            "reference": rendered.references.get(article.id),
            "csl": cite.csl_item(article),
            "corrections": library.state.get_meta(article.id),
            "bookmarks": [{**bm.to_dict(), "citation": rendered.citations.get(bm.id)} for bm in bms],
        })
    doc = {"format": FORMAT_ID, "version": VERSION, "exported": _now(), "citation_style": style, "articles": articles}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def export_notes(library: Library, fmt: str = "markdown", style: str | None = None) -> str:
    """The export text; it never holds a terminal control sequence (ESC, BEL, C1, bidi overrides):
    text formats are cleaned, JSON has them escaped (\\uXXXX), so `cat FILE` is always safe."""
    if fmt == "bibtex":
        return clean(to_bibtex([cite.csl_item(a) for a, _ in _grouped(library)]))
    if fmt == "markdown":
        return clean(_markdown(library, _style_for(library, style)))
    if fmt == "json":
        return escape_json(_json(library, _style_for(library, style)))
    raise CitationError(f"Unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}.")


# -- import ----------------------------------------------------------------------------------------
def _load(text: str) -> dict[str, Any]:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise ImportNotesError(f"The notes file is not JSON ({exc.msg}); give a file written by `reader export --format json`.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_ID or not isinstance(doc.get("articles"), list):
        raise ImportNotesError("The file is not a reader notes export; give a file written by `reader export --format json`.")
    if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
        raise ImportNotesError("The notes file was written by a newer reader; upgrade reader to import it.")
    return doc


def import_notes(library: Library, text: str) -> ImportNotesReport:
    doc = _load(text)
    report = ImportNotesReport()
    index = {s.id for s in library.summaries()}
    for art in doc["articles"]:
        if not isinstance(art, dict) or not isinstance(art.get("id"), str):
            raise ImportNotesError("The notes file has an article without an id; export it again with `reader export --format json`.")
        aid = art["id"]
        if aid not in index:
            report.missing_articles.append(aid)
            continue
        corrections = {k: v for k, v in (art.get("corrections") or {}).items() if k in CORRECTABLE}
        current = library.state.get_meta(aid)
        new = {k: v for k, v in corrections.items() if k not in current}
        if new:
            library.set_meta(aid, new)
        existing = library.state.bookmarks(aid)
        by_id = {b.id: b for b in existing}
        by_text = {(b.quote, b.note) for b in existing}
        for raw in art.get("bookmarks") or []:
            if not isinstance(raw, dict) or not isinstance(raw.get("quote"), str):
                raise ImportNotesError("The notes file has a bookmark without a quote; export it again with `reader export --format json`.")
            quote, note = raw["quote"], str(raw.get("note") or "")
            old = by_id.get(str(raw.get("id")))
            if old is not None:
                if old.note != note and str(raw.get("updated") or "") > old.updated:
                    library.state.set_note(old.id, note)
                    report.updated += 1
                else:
                    report.duplicates += 1
                continue
            if (quote, note) in by_text:
                report.duplicates += 1
                continue
            bm = library.state.add_bookmark(
                aid, int(raw.get("paragraph") or 0), quote,
                prefix=str(raw.get("prefix") or ""), suffix=str(raw.get("suffix") or ""),
                start=int(raw.get("start") or 0), end=int(raw.get("end") or 0), note=note,
            )
            by_text.add((bm.quote, bm.note))
            report.added += 1
    return report
