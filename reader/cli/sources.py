"""CLI commands for sources and the library the user manages: feed, refresh, rm, restore, trash, tag."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from reader.cli.common import fail, friendly, library_session, out, out_json

feed_app = typer.Typer(help="Subscribe to feeds: add, list, rm, import, export.", no_args_is_help=True,
                       rich_markup_mode=None)
trash_app = typer.Typer(help="Deleted articles: list, empty (restore with `reader restore ID`).",
                        no_args_is_help=True, rich_markup_mode=None)


def write_output(text: str, path: Optional[Path]) -> None:
    """Text to a file (atomically) or stdout. (A shared safe `-o` writer may replace this at merge.)"""
    if path is None:
        sys.stdout.write(text)
        return
    from reader.store.atomic import atomic_write_text

    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise fail(f"cannot write {path} ({exc.strerror or exc}); choose another file with -o.") from None


def register(app: typer.Typer) -> None:
    app.add_typer(feed_app, name="feed")
    app.add_typer(trash_app, name="trash")

    @feed_app.command("add")
    @friendly
    def feed_add(
        url: Annotated[str, typer.Argument(help="A feed URL (RSS, Atom, JSON Feed) or a page that names one.")],
        title: Annotated[Optional[str], typer.Option("--title", help="Your name for the feed.")] = None,
        tag: Annotated[Optional[list[str]], typer.Option("--tag", help="Tag its articles (repeatable).")] = None,
        full_text: Annotated[str, typer.Option("--full-text", help="auto, always or never fetch the full page.")] = "auto",
    ) -> None:
        """Subscribe to a feed (`reader refresh` brings its articles in)."""
        from reader.services.feeds import add_feed

        with library_session(seed=False) as lib:
            f = add_feed(lib, url, title, tag or [], full_text)
        out(f"subscribed {f.id}  {f.title or f.url}  ({f.url})")

    @feed_app.command("list")
    @friendly
    def feed_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
        """List the feeds: id, title, url, tags, articles, last refresh, last error."""
        with library_session(seed=False) as lib:
            feeds, counts = lib.feeds(), lib.feed_counts()
        rows = [{"id": f.id, "title": f.title, "url": f.url, "tags": f.tags, "full_text": f.full_text,
                 "articles": counts.get(f.id, 0), "last_refresh": f.last_refresh, "last_error": f.last_error}
                for f in feeds]
        if as_json:
            out_json(rows)
            return
        for r in rows:
            tags = f"  [{', '.join(r['tags'])}]" if r["tags"] else ""
            out(f"{r['id']}  {r['title'] or '(untitled)'}{tags}  {r['articles']} articles  "
                f"refreshed {r['last_refresh'] or 'never'}  {r['url']}")
            if r["last_error"]:
                out(f"            last error: {r['last_error']}")
        out(f"{len(rows)} feed{'s' if len(rows) != 1 else ''}.")

    @feed_app.command("rm")
    @friendly
    def feed_rm(
        ref: Annotated[str, typer.Argument(help="Feed id, URL or title fragment.")],
        keep_articles: Annotated[bool, typer.Option("--keep-articles", help="Keep its articles in the library.")] = False,
    ) -> None:
        """Unsubscribe; its articles go to the trash unless --keep-articles."""
        with library_session(seed=False) as lib:
            f, n = lib.remove_feed(ref, keep_articles)
        out(f"unsubscribed {f.title or f.url}" + (f"; {n} articles moved to the trash" if n else ""))

    @feed_app.command("import")
    @friendly
    def feed_import(
        path: Annotated[Path, typer.Argument(help="An OPML file (from newsboat, Miniflux, FreshRSS...).")],
    ) -> None:
        """Subscribe to every feed of an OPML file."""
        from reader.services.feeds import import_opml

        try:
            data = path.read_bytes()
        except OSError as exc:
            raise fail(f"cannot read {path} ({exc.strerror or exc}).") from None
        with library_session(seed=False) as lib:
            added, skipped = import_opml(lib, data)
        for f in added:
            out(f"subscribed {f.id}  {f.title or f.url}")
        out(f"{len(added)} feeds added, {skipped} already subscribed. Run `reader refresh` to fetch them.")

    @feed_app.command("export")
    @friendly
    def feed_export(
        output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write to this file (default: stdout).")] = None,
    ) -> None:
        """Print the subscriptions as OPML 2.0."""
        from reader.services.feeds import export_opml

        with library_session(seed=False) as lib:
            text = export_opml(lib)
        write_output(text, output)

    @app.command("refresh")
    @friendly
    def refresh_cmd(
        feeds: Annotated[Optional[list[str]], typer.Argument(help="Feeds to refresh (default: all).")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Fetch new articles from the feeds (exit 1 if any feed failed)."""
        from reader.services.refresh import default_processes, refresh

        with library_session(seed=False) as lib:
            n = len(feeds) if feeds else len(lib.feeds())
            if n == 0:
                raise fail("no feeds yet; subscribe with `reader feed add URL` or `reader feed import FILE.opml`.")
            bar = None
            if sys.stdout.isatty() and not as_json:
                from rich.progress import Progress

                bar = Progress(transient=True)
                task = bar.add_task("refreshing", total=n)

            def progress(done: int, total: int, r: object) -> None:
                if bar is not None:
                    if not bar.live.is_started:  # started here, after the worker processes were forked
                        bar.start()
                    bar.update(task, completed=done)
                if not as_json and r.status != "not-modified":  # type: ignore[attr-defined]
                    line = r.line()  # type: ignore[attr-defined]
                    if bar is not None:
                        bar.console.print(line, markup=False, highlight=False)
                    else:
                        out(line)

            try:
                report = refresh(lib, feeds or None, progress, processes=default_processes(n))
            finally:
                if bar is not None:
                    bar.stop()
        if as_json:
            out_json([{"id": r.feed.id, "title": r.feed.title, "url": r.feed.url, "status": r.status, "new": r.new,
                       "updated": r.updated, "full_text": r.full_text, "full_text_failed": r.full_text_failed,
                       "error": r.error} for r in report.results])
        else:
            unchanged = sum(r.status == "not-modified" for r in report.results)
            out(f"{report.total('new')} new, {report.total('updated')} updated; {unchanged} feeds unchanged, "
                f"{sum(r.status == 'failed' for r in report.results)} of {len(report.results)} failed.")
        if report.failed:
            raise typer.Exit(1)

    @app.command("rm")
    @friendly
    def rm(refs: Annotated[list[str], typer.Argument(help="Article ids, id prefixes or unique title fragments.")]) -> None:
        """Move articles (with their bookmarks and notes) to the trash."""
        with library_session(seed=False) as lib:
            ids = lib.delete(refs)
        for aid in ids:
            out(f"deleted   {aid[:10]}  (restore with `reader restore {aid[:10]}`)")

    @app.command("restore")
    @friendly
    def restore(ref: Annotated[str, typer.Argument(help="Id (or id prefix) of a deleted article.")]) -> None:
        """Bring a deleted article back from the trash, with its bookmarks."""
        with library_session(seed=False) as lib:
            aid = lib.restore(ref)
            title = lib.get(aid).title
        out(f"restored  {aid[:10]}  {title or '(untitled)'}")

    @trash_app.command("list")
    @friendly
    def trash_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
        """List deleted articles."""
        with library_session(seed=False) as lib:
            rows = lib.trash()
        if as_json:
            out_json(rows)
            return
        for r in rows:
            out(f"{r['id'][:10]}  deleted {r['deleted']}  {r['title'] or '(untitled)'}  ({r['bookmarks']} bookmarks)")
        out(f"{len(rows)} in the trash.")

    @trash_app.command("empty")
    @friendly
    def trash_empty() -> None:
        """Delete the trash for good."""
        with library_session(seed=False) as lib:
            n = lib.empty_trash()
        out(f"{n} article{'s' if n != 1 else ''} deleted for good.")

    @app.command("tag", context_settings={"ignore_unknown_options": True})
    @friendly
    def tag(
        ref: Annotated[str, typer.Argument(help="Article id, id prefix or unique title fragment.")],
        changes: Annotated[Optional[list[str]], typer.Argument(help="+tag to add, -tag to remove.")] = None,
    ) -> None:
        """Show, add (+t) or remove (-t) an article's tags."""
        add = [c[1:] for c in changes or [] if c.startswith("+")]
        remove = [c[1:] for c in changes or [] if c.startswith("-")]
        bad = [c for c in changes or [] if not c.startswith(("+", "-"))]
        if bad:
            raise fail(f"write +{bad[0]} to add a tag or -{bad[0]} to remove it.", 2)
        with library_session(seed=False) as lib:
            tags = lib.tag(ref, add, remove) if (add or remove) else lib.tags_of(ref)
        out(", ".join(tags) if tags else "(no tags)")
