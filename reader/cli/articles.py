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
from reader.library import ImportReport, ImportResult, Summary
from reader.names import display_authors
from reader.numbering import paragraph_numbers
from reader.services.list_query import SORTS, ListQuery
from reader.wording import count


#: The header of `reader list`: what each column is.
LEGEND = "id          *u  date        title \u2014 authors, publisher      (* bookmarked, u unread)"


def one_line(text: str | None) -> str:
    """A field on one output line (a title with a newline cannot forge the next line)."""
    return " ".join((text or "").split())


def _summary_line(s: Summary, read: bool, marked: bool) -> str:
    flags = ("*" if marked else " ") + (" " if read else "u")
    who = one_line(display_authors(s.authors)) or "-"
    return (
        f"{s.id[:10]}  {flags}  {one_line(s.date) or '----------'}  {one_line(s.title) or '(untitled)'}  — "
        f"{who}, {one_line(s.publisher) or '-'}"
    )


def register(app: typer.Typer) -> None:
    @app.command("add")
    @friendly
    def add(args: Annotated[list[str], typer.Argument(help="Files, folders or web page URLs to import.")]) -> None:
        """Import article files (.txt, .md, .html), whole folders and web pages (http/https URLs)."""
        from reader.services.web_pages import add_urls, is_url

        urls = [a for a in args if is_url(a)]
        paths = [Path(a) for a in args if not is_url(a)]
        with library_session() as lib:

            def show(r: ImportResult) -> None:  # file names escaped: a newline in one cannot forge a line
                if r.status == "imported":
                    out(f"imported  {r.article_id[:10]}  {one_line(r.title) or shown_name(r.path)}")
                elif r.status == "updated":
                    out(f"updated   {r.article_id[:10]}  {one_line(r.title) or shown_name(r.path)} (its text changed; bookmarks kept)")
                elif r.status == "duplicate":
                    out(f"skipped   {r.article_id[:10]}  {shown_name(r.path)} (already in the library)")
                elif r.status == "skipped":
                    out(f"skipped   {shown_name(r.path)}: {shown_name(r.reason)}")
                else:
                    out(f"refused   {shown_name(r.path)}: {r.reason}")

            report = lib.import_paths(paths, progress=show) if paths else ImportReport()
            if urls:
                report.results += add_urls(lib, urls, progress=show).results
        for p in paths:
            if p.is_dir() and next(iter_article_files([p]), None) is None:
                out(f"note      {shown_name(p)}: no .txt, .md or .html files in this folder")
        links = report.count("skipped")
        out(
            f"{report.count('imported')} imported, "
            + (f"{report.count('updated')} updated, " if report.count("updated") else "")
            + f"{report.count('duplicate')} skipped, "
            f"{report.count('refused')} refused."
            + (f" {links} link{'s' if links != 1 else ''} leaving the folder not followed." if links else "")
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
        sort: Annotated[str, typer.Option(metavar="added|date|title", help="The order (newest first for added and date).")] = "added",
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        tag: Annotated[Optional[str], typer.Option("--tag", help="Only articles with this tag.")] = None,
        feed: Annotated[Optional[str], typer.Option("--feed", help="Only articles from this feed (id, URL or title).")] = None,
    ) -> None:
        """List the articles in the library."""
        if sort not in SORTS:
            raise fail(f"unknown sort {sort!r}; use added, date or title.", 2)
        query = ListQuery(sort=sort, unread_only=unread, bookmarked_only=bookmarked)
        with library_session() as lib:
            read, marked = lib.read_ids(), lib.bookmarked_ids()
            feed_id = lib.feed(feed).id if feed else None
            found = None
            if search and search.strip():
                from reader.cli.search import ready

                ready(lib)
                results = lib.search(search)
                if results.notice:
                    out(f"reader: {results.notice}", err=True)
                found = {h.id for h in results.hits}
            rows = query.apply(lib.summaries_where(tag=tag, feed=feed_id) if (tag or feed) else lib.summaries(), read, marked)
            if found is not None:
                rows = [s for s in rows if s.id in found]
        if as_json:
            out_json([
                {"id": s.id, "title": s.title, "authors": s.authors, "publisher": s.publisher, "date": s.date,
                 "added": s.added, "words": s.words, "read": s.id in read, "bookmarked": s.id in marked,
                 "tags": s.tags, "feed": s.feed, "url": s.url}
                for s in rows
            ])
            return
        if rows:
            out(LEGEND)
        for s in rows:
            out(_summary_line(s, s.id in read, s.id in marked))
        out(f"{count(len(rows), 'article')}.")

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
            # "numbers": each block's paragraph number (null: caption, heading, embedded post)
            d.update(added=a.added, source=a.source, read=read, accessed=a.accessed, tags=a.tags, feed=a.feed,
                     numbers=paragraph_numbers(a.kinds, len(a.paragraphs)))
            out_json(d)
            return
        out(a.title or "(untitled)")
        meta = [display_authors(a.authors), a.publisher, a.date, a.section, a.url]
        out(" · ".join(m for m in meta if m))
        if a.accessed or a.tags:
            out(" · ".join(filter(None, [f"accessed {a.accessed[:10]}" if a.accessed else "",
                                         ("tags: " + ", ".join(a.tags)) if a.tags else ""])))
        out(f"id {a.id}")
        out()
        for text, kind, number in zip(a.paragraphs, a.kinds, paragraph_numbers(a.kinds, len(a.paragraphs))):
            if number is not None:
                out(f"\u00b6{number}  {text}")  # the numbers bookmark add --paragraph and cite --paragraph take
            else:
                out({"quote": "    > ", "heading": "    ## ", "caption": "    [caption] "}.get(kind, "    ") + text)
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
        a.entities = extract_entities(a, backend=OPTIONS.backend)
        if as_json:
            out_json(a.inspect_dict())
            return
        for label, value in [
            ("title", a.title), ("section", a.section), ("authors", display_authors(a.authors) or None),
            ("publisher", a.publisher), ("date", a.date), ("page date", a.page_date), ("url", a.url),
            ("language", a.language),
        ]:
            out(f"{label:>10}: {value if value is not None else '-'}")
        special = {k: a.kinds.count(k) for k in ("heading", "quote", "caption", "standfirst") if k in a.kinds}
        extra = "".join(f", {count(n, k)}" for k, n in special.items())
        out(f"{'paragraphs':>10}: {len(a.paragraphs)} ({a.word_count} words{extra})")
        for group, members in grouped(a.entities):
            for e in members:
                shown = entity_label(group, e) if group == BYLINE else f"×{entity_label(group, e)}"
                out(f"{(e.type if group != BYLINE else group):>12}  {e.name}  {shown}"
                    + (f"  ({', '.join(e.aliases)})" if len(e.aliases) > 1 else ""))
