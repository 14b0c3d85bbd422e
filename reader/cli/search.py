"""`reader search`: full-text search of the library in the query language of reader.search."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from reader.cli.common import fail, friendly, library_session, out, out_json
from reader.library import Library
from reader.search import HELP
from reader.services.safe_text import clean
from reader.services.snippets import Snippet, snippet


def ready(lib: Library) -> None:
    """Bring the index up to date in the foreground (a CLI run cannot wait for a background one)."""

    def show(done: int, total: int) -> None:
        out(f"reader: building the search index: {done:,} of {total:,} articles", err=True)

    state = lib.search_index.ensure(background=False, progress=show)
    if state == "unavailable":
        from reader.search.keeper import UNAVAILABLE

        out(f"reader: {UNAVAILABLE}", err=True)


def _marked(snip: Snippet, color: bool) -> str:
    """Snippet text with its matches set off: bold underline on a terminal, [[...]] otherwise."""
    before, after = ("\x1b[1;4m", "\x1b[22;24m") if color else ("[[", "]]")
    parts, pos = [], 0
    for a, b in snip.marks:
        parts += [clean(snip.text[pos:a]), before, clean(snip.text[a:b]), after]
        pos = b
    parts.append(clean(snip.text[pos:]))
    return "".join(parts)


def register(app: typer.Typer) -> None:
    @app.command("search", help=f"Search the full text of the library. Query language: {HELP}.")
    @friendly
    def search(
        query: Annotated[str, typer.Argument(help="The query, e.g. 'rotterdam \"port strike\" -sport date:2023'.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON: id, title, date, score, snippet, matches.")] = False,
        limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.", min=1)] = 20,
        sort: Annotated[str, typer.Option(help="relevance or date (newest first).")] = "relevance",
    ) -> None:
        if sort not in ("relevance", "date"):
            raise fail(f"unknown sort {sort!r}; use relevance or date.", 2)
        with library_session() as lib:
            ready(lib)
            results = lib.search(query, limit=limit, sort=sort)
            snippets = [snippet(lib.get(h.id), results.query) for h in results.hits]
        if results.notice:
            out(f"reader: {results.notice}", err=True)
        if as_json:
            out_json([
                {"id": h.id, "title": h.summary.title, "date": h.summary.date, "score": round(h.score, 4),
                 "snippet": s.text, "matches": [list(m) for m in s.marks]}
                for h, s in zip(results.hits, snippets)
            ])
            return
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        for h, s in zip(results.hits, snippets):
            score = f"  {h.score:.2f}" if sort == "relevance" and results.full_text else ""
            out(f"{h.id[:10]}  {h.summary.date or '----------'}  {h.summary.title or '(untitled)'}{score}")
            sys.stdout.write("    " + _marked(s, color) + "\n")
        n = len(results.hits)
        shown = f"{n} of {results.total:,}" if results.total > n else f"{n}"
        out(f"{shown} matching article{'s' if results.total != 1 else ''}.")
