"""CLI commands about citations and notes: cite, meta, export, import-notes (settings: reader.cli.config)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from reader.cli.common import fail, friendly, library_session, out, out_json
from reader.library import Library
from reader.models import Article
from reader.numbering import index_of
from reader.wording import count, counted
from reader.services import cite as cite_service
from reader.services import preferences
from reader.services.clipboard import copy_text
from reader.services.export import EXPORT_FORMATS, export_notes, import_notes
from reader.services.meta_fields import FieldError, check_corrections
from reader.services.output import write_output
from reader.services.safe_text import clean, shown_name

def default_style(lib: Library) -> str:
    return preferences.citation_style(lib)


def _passage(article: Article, paragraph: int) -> str:
    """Body paragraph `paragraph` (1-based, as `reader show` numbers them)."""
    return article.paragraphs[index_of(article, paragraph)]


def _copy_and_report(text: str) -> None:
    result = copy_text(text)
    if result.ok:
        out(f"reader: {result.message}.", err=True)
    else:
        out(f"reader: not copied: {result.message}; the text is printed above.", err=True)


def register(app: typer.Typer) -> None:
    @app.command("cite")
    @friendly
    def cite(
        ref: Annotated[str, typer.Argument(help="Article id, unique id prefix, or unique title fragment.")],
        style: Annotated[
            Optional[str],
            typer.Option("--style", "-s", metavar="STYLE", help=f"One of {', '.join(cite_service.STYLES)} (default: the setting, else apa)."),
        ] = None,
        paragraph: Annotated[
            Optional[int], typer.Option("--paragraph", "-p", help="Quote paragraph N (from 1) with its in-text citation.")
        ] = None,
        copy: Annotated[bool, typer.Option("--copy", "-c", help="Also copy it to the clipboard; says which route.")] = False,
    ) -> None:
        """Print the citation of an article in a citation style or data format."""
        with library_session() as lib:
            article = lib.get(ref)
            name = cite_service.check_style(style) if style else default_style(lib)
        if paragraph is not None:
            text = cite_service.format_quotation(article, name, _passage(article, paragraph), paragraph)
        else:
            text = cite_service.format_reference(article, name)
        text = clean(text)
        out(text)
        if copy:
            _copy_and_report(text)

    @app.command("meta")
    @friendly
    def meta(
        ref: Annotated[str, typer.Argument(help="Article id, unique id prefix, or unique title fragment.")],
        title: Annotated[Optional[str], typer.Option("--title", help="Correct the title.")] = None,
        author: Annotated[
            Optional[list[str]],
            typer.Option("--author", help='An author, repeatable ("Given Family", "Family, Given", or "{Organisation}"); "" for none.'),
        ] = None,
        date: Annotated[Optional[str], typer.Option("--date", help='Publication date YYYY[-MM[-DD]]; "" for no date.')] = None,
        url: Annotated[Optional[str], typer.Option("--url", help="The article's URL.")] = None,
        publisher: Annotated[Optional[str], typer.Option("--publisher", help="The newspaper or site.")] = None,
        section: Annotated[Optional[str], typer.Option("--section", help="The site's section.")] = None,
        language: Annotated[Optional[str], typer.Option("--language", help="Language code, e.g. en.")] = None,
        show: Annotated[bool, typer.Option("--show", help="Print the metadata citations use (after corrections).")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="With --show: print JSON (fields and CSL item).")] = False,
    ) -> None:
        """Correct an article's metadata; every later citation uses the corrections."""
        given = {"title": title, "authors": author, "date": date, "url": url, "publisher": publisher,
                 "section": section, "language": language}
        try:
            fields = check_corrections({k: v for k, v in given.items() if v is not None})
        except FieldError as exc:
            raise fail(f"{exc}", 2) from None
        with library_session() as lib:
            aid = lib.resolve(ref)
            if fields:
                lib.set_meta(aid, fields)
            article = lib.get(aid)
            corrected = lib.corrected_fields(aid)
        if fields:
            out(f"corrected {', '.join(fields)} of {aid[:10]}.")
        if show or not fields:
            if as_json:
                out_json({"id": aid, "corrected": sorted(corrected), "item": cite_service.csl_item(article)})
                return
            for label, key, value in (
                ("title", "title", article.title), ("authors", "authors", "; ".join(article.authors) or None),
                ("publisher", "publisher", article.publisher), ("date", "date", article.date), ("url", "url", article.url),
                ("section", "section", article.section), ("language", "language", article.language),
                ("added", None, article.added),
            ):
                mark = " (corrected)" if key in corrected else ""
                out(f"{label:>10}: {value if value is not None else '-'}{mark}")

    @app.command("export")
    @friendly
    def export(
        fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help="markdown, json, bibtex, biblatex-apa, ris or csl-json.")] = "markdown",
        output: Annotated[
            Optional[str],
            typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of printing (- for standard output)."),
        ] = None,
        style: Annotated[Optional[str], typer.Option("--style", "-s", metavar="STYLE", help="Citation style (default: the setting).")] = None,
    ) -> None:
        """Export all bookmarks and notes, grouped by article, each with its citation."""
        if fmt not in EXPORT_FORMATS:
            raise fail(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}.", 2)
        if output is not None and not output.strip():
            raise fail("the output path is empty; give a file name, or - to write to standard output.", 2)
        with library_session() as lib:
            text = export_notes(lib, fmt, style)
        if output is None:
            out(text.rstrip("\n"))
            return
        how = write_output(output, text)
        if how != "standard output":
            out(f"wrote {shown_name(output)}.", err=how == "stream")

    @app.command("import-notes")
    @friendly
    def import_notes_cmd(
        path: Annotated[Path, typer.Argument(help="A file written by `reader export --format json`.")],
    ) -> None:
        """Import bookmarks and notes from a JSON export, skipping those already here."""
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise fail(f"cannot read {shown_name(path)} ({getattr(exc, 'strerror', None) or exc}); check the path.") from None
        def progress(done: int, total: int) -> None:
            if total >= 1000:
                out(f"reader: {done:,} of {total:,} bookmarks written", err=True)

        with library_session() as lib:
            report = import_notes(lib, text, progress)
        for line in report.refused:
            out(f"reader: refused: {line}", err=True)
        out(f"{count(report.added, 'bookmark')} added, {count(report.updated, 'note')} updated, "
            f"{report.duplicates} already here.")
        if report.kept_newer:
            out(f"{counted(report.kept_newer, 'note', 'was', 'were')} edited here after the export and kept "
                "(the file's copies are older).")
        if report.missing_articles:
            out(
                f"{counted(len(report.missing_articles), 'article', 'is')} not in this library (import them with `reader add`, "
                f"then import the notes again): {', '.join(a[:10] for a in report.missing_articles)}",
                err=True,
            )
        if report.refused:
            raise fail(f"{count(len(report.refused), 'entry')} refused (named above); the rest were imported.")
