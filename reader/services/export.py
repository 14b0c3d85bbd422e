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
    import_notes, ImportNotesReport, ImportNotesError: from reader.services.notes_import (re-exported)
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import yaml

from reader.errors import CitationError, NotFound
from reader.library import Library
from reader.models import Article, Bookmark
from reader.services import cite, csl_engine
from reader.services.anchor import locate
from reader.services.data_formats import to_bibtex
from reader.services.notes_import import ImportNotesError, ImportNotesReport, import_notes
from reader.services.notes_schema import FORMAT_ID, VERSION
from reader.services.safe_text import clean

EXPORT_FORMATS = ("markdown", "json", "bibtex")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _style_for(library: Library, style: str | None) -> str:
    name = cite.check_style(style or library.state.get_setting(cite.SETTING, cite.DEFAULT_STYLE))
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
            parts.append(f"> {_md(bm.quote)}\n>\n> — {_md(cite_text)}\n")
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
    if fmt == "bibtex":
        return to_bibtex([cite.csl_item(a) for a, _ in _grouped(library)])
    if fmt == "markdown":
        return _markdown(library, _style_for(library, style))
    if fmt == "json":
        return _json(library, _style_for(library, style))
    raise CitationError(f"Unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}.")


__all__ = ["EXPORT_FORMATS", "ImportNotesError", "ImportNotesReport", "export_notes", "import_notes"]
