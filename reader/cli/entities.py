"""CLI commands about entities across the library, and the user's corrections of them:

    reader entity list [--json] [--type T]          every entity: name, type, articles, mentions, aliases
    reader entity show NAME [--json]                the articles that mention it, the bookmarked passages
    reader entity merge A B [--article ID]          B folded into A (A's name is kept)
    reader entity rename A NEW [--article ID]
    reader entity type A TYPE [--article ID]
    reader entity hide A [--article ID]             "not an entity"
    reader entity add TEXT --article ID --type T [--name N] [--everywhere]   one the extractor missed
    reader entity undo [CORRECTION_ID]              the latest correction (or the one named)
    reader entity corrections [--json]              every correction, oldest first

An entity is named by any of its aliases, or "Name (type)" when a name is used for two types.
Corrections apply to the whole library unless --article scopes them to one article: a
correction says what a name is (an organisation, one and the same as another), which is as true
in the next article as in this one; --article is for the rare name that means two things.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reader.cli.common import friendly, library_session, out, out_json
from reader.library import Library
from reader.services.entity_report import entity_report
from reader.services.safe_text import clean

entity_app = typer.Typer(help="Entities across the library, and your corrections of them.", no_args_is_help=True,
                         rich_markup_mode=None)

Scope = Annotated[
    Optional[str],
    typer.Option("--article", "-a", help="Only in this article (id, id prefix or title fragment); default: everywhere."),
]


def _name(text: str) -> str:
    """A name typed by the user, as it enters the store: no control sequences, one line."""
    return " ".join(clean(text).split())


def _done(lib: Library, correction: dict) -> None:
    out(f"{lib.describe_correction(correction)} (correction {correction['id']}; `reader entity undo` reverts it).")


def register(app: typer.Typer) -> None:
    app.add_typer(entity_app, name="entity")


@entity_app.command("list")
@friendly
def list_(
    type_: Annotated[Optional[str], typer.Option("--type", "-t", help="person, organization, place or date.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every entity in the library (your corrections applied), most articles first."""
    with library_session() as lib:
        ents = lib.library_entities(type_)
    if as_json:
        out_json([e.to_dict() for e in ents])
        return
    for e in ents:
        others = [a for a in e.aliases if a != e.name]
        extra = f"  (also {', '.join(others)})" if others else ""
        out(f"{len(e.articles):>5} art {e.mentions:>6} ×  {e.type:<12}  {e.name}{extra}")
    out(f"{len(ents)} entit{'ies' if len(ents) != 1 else 'y'}.")


@entity_app.command("show")
@friendly
def show(
    name: Annotated[str, typer.Argument(help="Any alias of the entity; \"Name (type)\" to choose a type.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The articles that mention an entity, with counts, and the bookmarked passages that mention it."""
    with library_session() as lib:
        report = entity_report(lib, name)
    if as_json:
        out_json(report.to_dict())
        return
    e = report.entity
    out(f"{e.name} ({e.type}): {e.mentions} mention{'s' * (e.mentions != 1)} in {len(e.articles)} "
        f"article{'s' * (len(e.articles) != 1)}")
    if len(e.aliases) > 1:
        out(f"aliases: {', '.join(e.aliases)}")
    out()
    for aid, title, n in report.articles:
        out(f"{aid[:10]}  {n:>4} ×  {title or '(untitled)'}")
    if report.passages:
        out()
        out(f"bookmarked passages ({len(report.passages)}):")
        for p in report.passages:
            quote = " ".join(p.bookmark.quote.split())
            out(f"{p.bookmark.id}  {p.title or '(untitled)'}, par. {p.paragraph + 1}: “{quote[:100]}”")
            if p.bookmark.note.strip():
                out(f"    note: {' '.join(p.bookmark.note.split())}")


@entity_app.command("merge")
@friendly
def merge(
    first: Annotated[str, typer.Argument(help="The entity to keep (its name is kept).")],
    second: Annotated[str, typer.Argument(help="The entity folded into the first.")],
    article: Scope = None,
) -> None:
    """Merge two entities into one (their aliases joined; the first one's name is kept)."""
    with library_session() as lib:
        _done(lib, lib.correct_entity("merge", first, second, article=article))


@entity_app.command("rename")
@friendly
def rename(
    name: Annotated[str, typer.Argument(help="Any alias of the entity.")],
    new: Annotated[str, typer.Argument(help="The name to show from now on.")],
    article: Scope = None,
) -> None:
    """Give an entity another name (the old names stay its aliases)."""
    with library_session() as lib:
        _done(lib, lib.correct_entity("rename", name, _name(new), article=article))


@entity_app.command("type")
@friendly
def type_(
    name: Annotated[str, typer.Argument(help="Any alias of the entity.")],
    kind: Annotated[str, typer.Argument(metavar="TYPE", help="person, organization, place or date.")],
    article: Scope = None,
) -> None:
    """Change an entity's type."""
    with library_session() as lib:
        _done(lib, lib.correct_entity("type", name, kind, article=article))


@entity_app.command("hide")
@friendly
def hide(
    name: Annotated[str, typer.Argument(help="Any alias of the entity.")],
    article: Scope = None,
) -> None:
    """Hide something that is not an entity (undo brings it back)."""
    with library_session() as lib:
        _done(lib, lib.correct_entity("hide", name, article=article))


@entity_app.command("add")
@friendly
def add(
    text: Annotated[str, typer.Argument(help="The entity's words exactly as the article writes them.")],
    article: Annotated[str, typer.Option("--article", "-a", help="The article where it is written.")],
    kind: Annotated[str, typer.Option("--type", "-t", help="person, organization, place or date.")],
    name: Annotated[Optional[str], typer.Option("--name", help="The name to show (default: the text).")] = None,
    everywhere: Annotated[bool, typer.Option("--everywhere", help="Also in every other article that writes it.")] = False,
) -> None:
    """Add an entity the extractor missed (its mentions are found by its text)."""
    with library_session() as lib:
        c = lib.add_entity(article, _name(text), kind, _name(name) if name else None, library_wide=everywhere)
        _done(lib, c)


@entity_app.command("undo")
@friendly
def undo(
    correction: Annotated[Optional[str], typer.Argument(help="A correction id (default: the latest).")] = None,
) -> None:
    """Undo the latest entity correction (or the one named)."""
    with library_session() as lib:
        c = lib.undo_entity_correction(correction)
        if c is None:
            out("No entity correction to undo." if correction is None else f"No correction {correction!r}; "
                "run `reader entity corrections` to see their ids.")
            raise typer.Exit(0 if correction is None else 1)
        out(f"Undone: {lib.describe_correction(c)}.")


@entity_app.command("corrections")
@friendly
def corrections(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Every entity correction, oldest first."""
    with library_session() as lib:
        rows = lib.entity_corrections()
        if as_json:
            out_json(rows)
            return
        for c in rows:
            out(f"{c['id']}  {c.get('created', '')}  {lib.describe_correction(c)}")
        out(f"{len(rows)} correction{'s' * (len(rows) != 1)}.")
