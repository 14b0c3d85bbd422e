"""CLI commands about citations and notes: cite, meta, export, import-notes, config citation-style."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Optional

import typer

from reader.cli.common import fail, friendly, library_session, out, out_json, report_warnings
from reader.errors import ReaderError
from reader.library import Library
from reader.models import Article
from reader.services import cite as cite_service
from reader.services import preferences
from reader.services.clipboard import copy_text
from reader.services.export import EXPORT_FORMATS, export_notes, import_notes
from reader.services.output import write_output
from reader.services.safe_text import clean, shown_name

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def default_style(lib: Library) -> str:
    return preferences.citation_style(lib)


def _passage(article: Article, paragraph: int) -> str:
    if not article.paragraphs:
        raise ReaderError("The article has no paragraphs to quote; cite it without --paragraph.")
    if not 1 <= paragraph <= len(article.paragraphs):
        raise ReaderError(
            f"The article has {len(article.paragraphs)} paragraphs; give --paragraph between 1 and {len(article.paragraphs)}."
        )
    return article.paragraphs[paragraph - 1]


def _copy_and_report(text: str) -> None:
    result = copy_text(text)
    if result.ok:
        out(f"reader: {result.message}.", err=True)
    else:
        out(f"reader: not copied: {result.message}; the text is printed above.", err=True)


def _warn(lib: Library) -> None:
    """Tell the user (on stderr) when the store was found damaged and what was done about it."""
    report_warnings(lib)


def register(app: typer.Typer) -> None:
    @app.command("cite")
    @friendly
    def cite(
        ref: Annotated[str, typer.Argument(help="Article id, unique id prefix, or unique title fragment.")],
        style: Annotated[
            Optional[str],
            typer.Option("--style", "-s", help=f"One of {', '.join(cite_service.STYLES)} (default: the setting, else apa)."),
        ] = None,
        paragraph: Annotated[
            Optional[int], typer.Option("--paragraph", "-p", help="Quote paragraph N (from 1) with its in-text citation.")
        ] = None,
        copy: Annotated[bool, typer.Option("--copy", "-c", help="Also copy it to the clipboard; says which route.")] = False,
    ) -> None:
        """Print the citation of an article in a citation style or data format."""
        with library_session() as lib:
            _warn(lib)
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
        fields: dict = {}
        if title is not None:
            fields["title"] = " ".join(title.split()) or None  # one line
        if author is not None:
            fields["authors"] = [a.strip() for a in author if a.strip()]
        if date is not None:
            date = date.strip()
            if date and not _DATE.match(date):
                raise fail(f"the date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD; e.g. --date 2023-06-20.", 2)
            fields["date"] = date or None
        for key, value in (("url", url), ("publisher", publisher), ("section", section), ("language", language)):
            if value is not None:
                fields[key] = " ".join(value.split()) or None
        with library_session() as lib:
            _warn(lib)
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
        fmt: Annotated[str, typer.Option("--format", "-f", help="markdown, json or bibtex.")] = "markdown",
        output: Annotated[
            Optional[str],
            typer.Option("--output", "-o", help="Write to FILE instead of printing (- for standard output)."),
        ] = None,
        style: Annotated[Optional[str], typer.Option("--style", "-s", help="Citation style (default: the setting).")] = None,
    ) -> None:
        """Export all bookmarks and notes, grouped by article, each with its citation."""
        if fmt not in EXPORT_FORMATS:
            raise fail(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}.", 2)
        if output is not None and not output.strip():
            raise fail("the output path is empty; give a file name, or - to write to standard output.", 2)
        with library_session() as lib:
            _warn(lib)
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
        with library_session() as lib:
            _warn(lib)
            report = import_notes(lib, text)
        out(f"{report.added} bookmarks added, {report.updated} notes updated, {report.duplicates} already here.")
        if report.missing_articles:
            out(
                f"{len(report.missing_articles)} articles are not in this library (import them with `reader add`, "
                f"then import the notes again): {', '.join(a[:10] for a in report.missing_articles)}",
                err=True,
            )

    config = typer.Typer(help="Settings.", no_args_is_help=True, rich_markup_mode=None)

    @config.command("citation-style")
    @friendly
    def citation_style(
        style: Annotated[Optional[str], typer.Argument(help=f"One of {', '.join(cite_service.STYLES)}; omit to show.")] = None,
    ) -> None:
        """Show or set the default citation style."""
        with library_session() as lib:
            if style is None:
                out(default_style(lib))
                return
            name = preferences.set_citation_style(lib, style)
        out(f"default citation style: {name}.")

    app.add_typer(config, name="config")
