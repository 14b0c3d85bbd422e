"""Export bookmarks and notes (grouped by article, each with its citation) and import them back.

API CONTRACT:
    EXPORT_FORMATS = ("markdown", "json", "bibtex", "biblatex-apa", "ris", "csl-json")
    export_notes(library, fmt="markdown", style=None) -> str
        markdown: one Obsidian-friendly document (reader.services.notes_markdown): YAML front matter
                  (title, exported, citation_style, counts), per article a heading, its reference,
                  then each passage as a "> " quote ending with its in-text citation, followed by
                  its note; whatever a note or title holds stays inside its own block.
        json:     {"format": "reader-notes", "version": 1, ..., "articles": [{id, title, ..., reference,
                  csl, corrections, bookmarks: [{id, paragraph, quote, ..., note, citation}]}]}
        bibtex:   the articles that have bookmarks, as BibTeX entries (reader.services.bibtex);
        biblatex-apa: the same for biblatex's APA style (entrysubtype nonacademic).
        ris, csl-json: the articles with their passages and notes (reader.services.notes_data).
        style: a formatted style (default: the store setting "citation_style", else apa).
    import_notes, ImportNotesReport, ImportNotesError: from reader.services.notes_import (re-exported)
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from reader.errors import CitationError, NotFound, ReaderError
from reader.library import Library, corrections
from reader.models import Article, Bookmark
from reader.services import cite, csl_engine, notes_data, notes_markdown, preferences
from reader.services.anchor import is_capped, located_number
from reader.services.data_formats import to_bibtex
from reader.services.notes_import import ImportNotesError, ImportNotesReport, import_notes
from reader.services.notes_schema import FORMAT_ID, VERSION
from reader.services.safe_text import clean, escape_json

EXPORT_FORMATS = ("markdown", "json", "bibtex", "biblatex-apa", "ris", "csl-json")


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


def _paragraph(article: Article, bm: Bookmark) -> int | None:
    """The paragraph number (body paragraphs from 1) the passage is in now, found again by its text."""
    return located_number(bm, article)


def _render(groups: list[tuple[Article, list[Bookmark]]], style: str) -> csl_engine.Rendered:
    items = [cite.csl_item(a) for a, _ in groups]
    cites = [(bm.id, a.id, _paragraph(a, bm)) for a, bms in groups for bm in bms]
    if not items:
        return csl_engine.Rendered()
    return csl_engine.render(items, style, cites)


# -- Markdown ------------------------------------------------------------------------------------
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
    articles = [
        (
            article.title or "",
            rendered.references.get(article.id, ""),
            [(bm.quote + ("\u2026" if is_capped(bm) else ""), rendered.citations.get(bm.id, ""), bm.note) for bm in bms],
        )
        for article, bms in groups
    ]
    return notes_markdown.document(front, articles)


# -- RIS and CSL-JSON ------------------------------------------------------------------------------
def _records(library: Library, style: str) -> list[tuple[dict, list[notes_data.Passage]]]:
    groups = _grouped(library)
    rendered = _render(groups, style)
    records = []
    for article, bms in groups:
        item = cite.data_item(article)
        passages = [
            notes_data.Passage(bm.id, _paragraph(article, bm), bm.quote, bm.note, rendered.citations.get(bm.id, ""))
            for bm in bms
        ]
        records.append((item, passages))
    return records


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
            "corrections": corrections(library.state.get_meta(article.id)),
            "bookmarks": [{**bm.to_dict(), "citation": rendered.citations.get(bm.id)} for bm in bms],
        })
    doc = {"format": FORMAT_ID, "version": VERSION, "exported": _now(), "citation_style": style, "articles": articles}
    return json.dumps(_clean_strings(doc), ensure_ascii=False, indent=2) + "\n"


def _clean_strings(value: Any) -> Any:
    """Every string in the document without terminal control sequences (line breaks kept)."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_strings(v) for k, v in value.items()}
    return value


def export_notes(library: Library, fmt: str = "markdown", style: str | None = None) -> str:
    """The export text; it never holds a terminal control sequence (ESC, BEL, C1, bidi overrides):
    text formats are cleaned, JSON formats have them escaped (\\uXXXX), so `cat FILE` is always safe."""
    if fmt in ("bibtex", "biblatex-apa"):
        return clean(to_bibtex([cite.csl_item(a) for a, _ in _grouped(library)], fmt))
    if fmt == "ris":
        return clean(notes_data.ris(_records(library, _style_for(library, style))))
    if fmt == "csl-json":
        return escape_json(notes_data.csl_json(_records(library, _style_for(library, style))))
    if fmt == "markdown":
        return clean(_markdown(library, _style_for(library, style)))
    if fmt == "json":
        return escape_json(_json(library, _style_for(library, style)))
    raise CitationError(f"Unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}.")


__all__ = ["EXPORT_FORMATS", "ImportNotesError", "ImportNotesReport", "export_notes", "import_notes"]
