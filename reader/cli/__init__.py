"""The typer CLI: `reader` opens the TUI; subcommands do everything scriptable."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reader import __version__
from reader.cli import articles, bookmarks, cite, entities, maintenance, search, sources, sync
from reader.cli import config as config_cli
from reader.cli import help_format
from reader.cli.common import OPTIONS, friendly, open_library

help_format.apply()  # REF, PATHS..., N, TEXT in --help instead of {ref}, <list[Path]>, <str>

app = typer.Typer(
    name="reader",
    help="A terminal article reader: import, read, bookmark, note and cite news articles.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reader {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    library: Annotated[
        Optional[str],
        typer.Option("--library", "-L", envvar="READER_LIBRARY", metavar="DIR", help="Library folder (default: the platform data dir)."),
    ] = None,
    entities: Annotated[
        Optional[str],
        typer.Option("--entities", metavar="rules|spacy", help="Entity extractor (default: READER_ENTITIES, the config file, else rules)."),
    ] = None,
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """Open the reader (no command), or run a command."""
    OPTIONS.library = library
    OPTIONS.entities = entities
    if ctx.invoked_subcommand is None:
        _open_tui()


@friendly
def _open_tui() -> None:
    from reader.tui.app import build_app

    lib = open_library()
    try:
        build_app(lib).run()
    finally:
        lib.close()


articles.register(app)
maintenance.register(app)
bookmarks.register(app)
cite.register(app)
config_cli.register(app)
entities.register(app)
sources.register(app)
search.register(app)
sync.register(app)


def main() -> None:
    app()
