"""CLI commands about bookmarks, notes and read state:

    reader bookmark add ID --paragraph N [--sentence K] [--note TEXT] [--json]
    reader bookmark list [ID] [--json]
    reader bookmark rm BID
    reader note BID TEXT
    reader mark-read ID [--unread]

Paragraph numbers count body paragraphs from 1, as `reader show` prints them (reader.numbering), on
the command line, in the text output and in the JSON: "paragraph" is the number of the paragraph the
bookmark's text is in now (null for a caption or embedded post), "located" where its text is now
(found again by reader.services.anchor: paragraph number and character offsets, or null).
Sentence numbers count from 1 too.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from reader.cli.common import fail, friendly, library_session, out, out_json
from reader.errors import NoteChoiceError, NotFound, ReaderError
from reader.library import Library
from reader.models import Article, Bookmark
from reader.numbering import index_of, label, number_of
from reader.wording import count
from reader.services.anchor import anchor_of, locate, sentence_span

QUOTE_WIDTH = 70


def resolve_bookmark(lib: Library, ref: str) -> Bookmark:
    """A bookmark id or a unique prefix of one."""
    return lib.find_bookmark(ref)


def _short(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _located(bm: Bookmark, article: Article | None) -> tuple[int, int, int] | None:
    return None if article is None else locate(bm, article.paragraphs)


def _bookmark_json(bm: Bookmark, article: Article | None, heads: list[Any] | None = None) -> dict[str, Any]:
    where = _located(bm, article)
    d = bm.to_dict()
    d["note_conflict"] = [{"version": h.version, "device": h.device, "when": h.when, "text": h.text} for h in heads or []]
    d["title"] = article.title if article else None
    d["paragraph"] = None if article is None else number_of(article, where[0] if where else bm.paragraph)
    d["located"] = None if where is None or article is None else {
        "paragraph": number_of(article, where[0]), "start": where[1], "end": where[2]}
    return d


def _conflict_lines(bm: Bookmark, heads: list[Any]) -> str:
    """A note edited on two devices: every text, and how to choose (one rule for list and note)."""
    lines = [f"\n    note CONFLICT: edited on {len(heads)} devices without seeing each other:"]
    for h in heads:
        lines.append(f"\n      [{h.version[:8]}] {h.device} {h.when}: {_short(h.text, 200)}")
    lines.append(f"\n    keep one with `reader note {bm.id} --keep VERSION`, or write a merged note with `reader note {bm.id} TEXT`")
    return "".join(lines)


def _bookmark_line(bm: Bookmark, article: Article | None, heads: list[Any] | None = None) -> str:
    where = _located(bm, article)
    if article is None:
        status = "  (article not in the library)"
        para = label(None)
    elif where is None:
        status = "  (text not found in the article)"
        para = label(number_of(article, bm.paragraph))
    else:
        para = label(number_of(article, where[0]))
        status = "" if where[0] == bm.paragraph else f"  (moved from {label(number_of(article, bm.paragraph))})"
    line = f"{bm.id}  {bm.article_id[:10]}  {para}  “{_short(bm.quote)}”{status}"
    if heads:
        line += _conflict_lines(bm, heads)
    elif bm.note:
        line += f"\n    note: {_short(bm.note, 200)}"
    return line


def register(app: typer.Typer) -> None:
    bookmark = typer.Typer(
        name="bookmark", help="Add, list and remove bookmarks (kept passages).", no_args_is_help=True,
        rich_markup_mode=None,
    )
    app.add_typer(bookmark, name="bookmark")

    @bookmark.command("add")
    @friendly
    def add(
        ref: Annotated[str, typer.Argument(help="Article id, unique id prefix, or unique title fragment.")],
        paragraph: Annotated[int, typer.Option("--paragraph", "-p", help="Paragraph number, as `reader show` prints them (1 = the first).")],
        sentence: Annotated[
            Optional[int], typer.Option("--sentence", "-s", help="Only this sentence of the paragraph (1 = first).")
        ] = None,
        note: Annotated[str, typer.Option("--note", "-n", help="A note to keep with it.")] = "",
        as_json: Annotated[bool, typer.Option("--json", help="Print the bookmark as JSON.")] = False,
    ) -> None:
        """Bookmark a paragraph (or one sentence of it) of an article."""
        with library_session() as lib:
            article = lib.get(ref)
            p = index_of(article, paragraph)
            start = end = None
            if sentence is not None:
                span = sentence_span(article.paragraphs[p], sentence - 1)
                if span is None:
                    raise ReaderError(f"Paragraph {paragraph} has no sentence {sentence}.")
                start, end = span
            bm = lib.add_bookmark(article.id, anchor_of(article.paragraphs, p, start, end), note=note)
        if as_json:
            out_json(_bookmark_json(bm, article))
        else:
            out(f"bookmarked {bm.id}  ¶{paragraph}  “{_short(bm.quote)}”")

    @bookmark.command("list")
    @friendly
    def list_(
        ref: Annotated[Optional[str], typer.Argument(help="Only this article's bookmarks.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """List bookmarks, found again in the current text of their article."""
        with library_session() as lib:
            aid = lib.resolve(ref) if ref else None
            marks = lib.bookmarks(aid)
            conflicts = lib.note_conflicts()
            articles: dict[str, Article | None] = {}
            for bm in marks:
                if bm.article_id not in articles:
                    try:
                        articles[bm.article_id] = lib.get(bm.article_id)
                    except NotFound:
                        articles[bm.article_id] = None
                    except ReaderError as exc:  # a damaged article file: said once, its bookmarks still listed
                        lib.warn(str(exc))
                        articles[bm.article_id] = None
        if as_json:
            out_json([_bookmark_json(bm, articles[bm.article_id], conflicts.get(bm.id)) for bm in marks])
            return
        last = None
        for bm in marks:
            if bm.article_id != last:
                a = articles[bm.article_id]
                out(f"{(a.title if a else None) or '(untitled)'}  [{bm.article_id[:10]}]")
                last = bm.article_id
            out("  " + _bookmark_line(bm, articles[bm.article_id], conflicts.get(bm.id)))
        out(f"{count(len(marks), 'bookmark')}.")

    @bookmark.command("rm")
    @friendly
    def rm(bid: Annotated[str, typer.Argument(help="Bookmark id (or a unique prefix).")]) -> None:
        """Remove a bookmark (and its note)."""
        with library_session() as lib:
            bm = resolve_bookmark(lib, bid)
            lib.remove_bookmark(bm.id)
        out(f"removed {bm.id}")

    @app.command("note")
    @friendly
    def note_(
        bid: Annotated[str, typer.Argument(help="Bookmark id (or a unique prefix).")],
        text: Annotated[Optional[str], typer.Argument(help="The note; an empty string clears it.")] = None,
        keep: Annotated[Optional[str], typer.Option(
            "--keep", help="A note in conflict: keep this version (id prefix or device, as `bookmark list` shows).")] = None,
    ) -> None:
        """Set the note of a bookmark (this also resolves a note edited on two devices, everywhere)."""
        with library_session() as lib:
            target = resolve_bookmark(lib, bid)
            if keep is not None:
                try:
                    bm = lib.set_note_version(target.id, keep)
                except NoteChoiceError as exc:
                    raise fail(str(exc), 2) from None
            elif text is None:
                raise fail("give the note TEXT, or --keep VERSION for a note in conflict.", 2)
            else:
                bm = lib.set_note(target.id, text)
        out(f"note {'saved' if bm.note else 'cleared'} for {bm.id}")

    @app.command("mark-read")
    @friendly
    def mark_read(
        ref: Annotated[str, typer.Argument(help="Article id, unique id prefix, or unique title fragment.")],
        unread: Annotated[bool, typer.Option("--unread", help="Mark it unread instead.")] = False,
    ) -> None:
        """Mark an article read (or unread)."""
        with library_session() as lib:
            aid = lib.resolve(ref)
            lib.set_read(aid, read=not unread)
            title = lib.get(aid).title
        out(f"marked {'unread' if unread else 'read'}: {aid[:10]}  {title or '(untitled)'}")


__all__ = ["register", "resolve_bookmark"]
