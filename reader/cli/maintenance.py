"""CLI commands that look after the library itself: where it is, rebuilding its index."""

from __future__ import annotations

from typing import Annotated

import typer

from reader.cli.common import friendly, library_session, out
from reader.wording import count
from reader.services.safe_text import shown_name


def register(app: typer.Typer) -> None:
    @app.command("where")
    @friendly
    def where() -> None:
        """Print the library folder in use."""
        with library_session(seed=False) as lib:
            out(shown_name(lib.root))

    @app.command("reindex")
    @friendly
    def reindex(
        entities: Annotated[bool, typer.Option("--entities", help="Also re-run entity extraction.")] = False,
    ) -> None:
        """Rebuild the library index from the article files (after damage, or to refresh entities)."""
        with library_session(seed=False) as lib:
            n = lib.reindex(reextract=entities, progress=out)
        out(f"{count(n, 'article')} indexed.")
