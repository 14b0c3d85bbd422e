"""CLI commands about articles: add, list, show, inspect."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from reader.cli.common import fail, friendly, library_session, out, out_json
from reader.services.safe_text import shown_name
from reader.entities import extract_entities
from reader.entities.listing import BYLINE, grouped, summary_lines
from reader.entities.listing import label as entity_label
from reader.errors import IngestError
from reader.ingest import iter_article_files, parse_file
from reader.library import ImportResult, Summary
from reader.services.search import filter_summaries, sort_summaries


def one_line(text: str | None) -> str:
    """A field on one output line (a title with a newline cannot forge the next line)."""
    return " ".join((text or "").split())


def _summary_line(s: Summary, read: bool, marked: bool) -> str:
    flags = ("*" if marked else " ") + (" " if read else "u")
    who = one_line(", ".join(s.authors)) or "-"
    return (
        f"{s.id[:10]}  {flags}  {one_line(s.date) or '----------'}  {one_line(s.title) or '(untitled)'}  — "
        f"{who}, {one_line(s.publisher) or '-'}"
    )


def register(app: typer.Typer) -> None:
    @app.command("add")
    @friendly
    def add(paths: Annotated[list[Path], typer.Argument(help="Files or folders to import.")]) -> None:
        """Import article files (.txt, .md, .html) and whole folders into the library."""
        with library_session() as lib:

            def show(r: ImportResult) -> None:  # file names escaped: a newline in one cannot forge a line
                if r.status == "imported":
                    out(f"imported  {r.article_id[:10]}  {one_line(r.title) or shown_name(r.path)}")
                elif r.status == "duplicate":
                    out(f"skipped   {r.article_id[:10]}  {shown_name(r.path)} (already in the library)")
                elif r.status == "skipped":
                    out(f"skipped   {shown_name(r.path)}: {shown_name(r.reason)}")
                else:
                    out(f"refused   {shown_name(r.path)}: {r.reason}")

            report = lib.import_paths(paths, progress=show)
        for p in paths:
            if p.is_dir() and next(iter_article_files([p]), None) is None:
                out(f"note      {shown_name(p)}: no .txt, .md or .html files in this folder")
        links = report.count("skipped")
        out(
            f"{report.count('imported')} imported, {report.count('duplicate')} skipped, "
            f"{report.count('refused')} refused." + (f" {links} link{'s' if links != 1 else ''} leaving the folder not followed." if links else "")
        )
        if report.failed:
            raise typer.Exit(1)

    @app.command("list")
    @friendly
    def list_(
        unread: Annotated[bool, typer.Option("--unread", help="Only unread articles.")] = False,
        bookmarked: Annotated[bool, typer.Option("--bookmarked", help="Only articles with bookmarks.")] = False,
        search: Annotated[
            Optional[str], typer.Option("--search", "-s", help="A search query, as `reader search` takes (full text).")
        ] = None,
        sort: Annotated[str, typer.Option(help="added, date or title.")] = "added",
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """List the articles in the library."""
        if sort not in ("added", "date", "title"):
            raise fail(f"unknown sort {sort!r}; use added, date or title.", 2)
        with library_session() as lib:
            read, marked = lib.read_ids(), lib.bookmarked_ids()
            found = None
            if search and search.strip():
                from reader.cli.search import ready

                ready(lib)
                results = lib.search(search)
                if results.notice:
                    out(f"reader: {results.notice}", err=True)
                found = {h.id for h in results.hits}
            rows = filter_summaries(
                lib.summaries(), unread_only=unread, bookmarked_only=bookmarked,
                read_ids=read, bookmarked_ids=marked, ids=found,
            )
            rows = sort_summaries(rows, sort)
        if as_json:
            out_json([
                {"id": s.id, "title": s.title, "authors": s.authors, "publisher": s.publisher, "date": s.date,
                 "added": s.added, "words": s.words, "read": s.id in read, "bookmarked": s.id in marked}
                for s in rows
            ])
            return
        for s in rows:
            out(_summary_line(s, s.id in read, s.id in marked))
        out(f"{len(rows)} article{'s' if len(rows) != 1 else ''}.")

    @app.command("show")
    @friendly
    def show(
        ref: Annotated[str, typer.Argument(help="Article id, unique id prefix, or unique title fragment.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Show one article from the library."""
        with library_session() as lib:
            a = lib.get(ref)
            read = lib.is_read(a.id)
        if as_json:
            d = a.inspect_dict()
            d.update(added=a.added, source=a.source, read=read)
            out_json(d)
            return
        out(a.title or "(untitled)")
        meta = [", ".join(a.authors), a.publisher, a.date, a.section, a.url]
        out(" · ".join(m for m in meta if m))
        out(f"id {a.id}")
        out()
        for text, kind in zip(a.paragraphs, a.kinds):
            out(("> " + text) if kind == "quote" else text)
            out()
        for line in summary_lines(a.entities):  # the byline apart from the text's entities
            out(line)

    @app.command("inspect")
    @friendly
    def inspect(
        path: Annotated[Path, typer.Argument(help="An article file to parse (not imported).")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the parsed article as JSON.")] = False,
    ) -> None:
        """Parse one file without importing it and print what reader makes of it."""
        from reader.cli.common import OPTIONS

        try:
            a = parse_file(path)
        except IngestError as exc:
            raise fail(f"{shown_name(path)}: {exc}") from None
        a.entities = extract_entities(a, backend=OPTIONS.entities)
        if as_json:
            out_json(a.inspect_dict())
            return
        for label, value in [
            ("title", a.title), ("section", a.section), ("authors", ", ".join(a.authors) or None),
            ("publisher", a.publisher), ("date", a.date), ("page date", a.page_date), ("url", a.url),
            ("language", a.language),
        ]:
            out(f"{label:>10}: {value if value is not None else '-'}")
        special = {k: a.kinds.count(k) for k in ("heading", "quote", "caption") if k in a.kinds}
        extra = "".join(f", {n} {k}{'s' if n != 1 else ''}" for k, n in special.items())
        out(f"{'paragraphs':>10}: {len(a.paragraphs)} ({a.word_count} words{extra})")
        for group, members in grouped(a.entities):
            for e in members:
                shown = entity_label(group, e) if group == BYLINE else f"×{entity_label(group, e)}"
                out(f"{(e.type if group != BYLINE else group):>12}  {e.name}  {shown}"
                    + (f"  ({', '.join(e.aliases)})" if len(e.aliases) > 1 else ""))
