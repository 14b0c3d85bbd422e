"""The main screen's source actions: delete (d, asks first; undone by z or U from the screen's undo stack), tags (t), the sources
picker (S: one feed or tag, as newsboat's feed list) and refreshing the feeds (r) in a worker
with progress above the footer, new articles appearing in the list, feed errors as notifications."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import work
from textual.message import Message

from reader.errors import ReaderError
from reader.tui.screens.sources_dialogs import ConfirmDialog, Source, SourcesPicker, TagDialog
from reader.tui.textkit import one_line


class SourcesActions:
    """Mixed into MainScreen (which supplies library, listing, article_list, document, app, notify...)."""

    library: Any
    source: Source | None = None

    @dataclass
    class RefreshProgress(Message):
        done: int
        total: int
        line: str
        failed: bool

    @dataclass
    class RefreshDone(Message):
        new: int
        updated: int
        failed: int
        error: str | None = None

    # -- which article ------------------------------------------------------------------------------
    def _target_id(self) -> str | None:
        """The highlighted article in the list (when the list has focus), else the open one."""
        if self.article_list.has_focus or self.document is None:
            current = self.article_list.current
            if current is not None:
                return current.id
        return self.document.article.id if self.document is not None else None

    def reload_list(self) -> None:
        self.listing.load(self._source_rows())
        self.article_list.forget_labels()
        self._refilter()

    def _source_rows(self) -> list:
        src = self.source
        if src is None or src.kind == "all":
            return self.app.guard(self.library.summaries) or []
        kw = {src.kind: src.key}
        return self.app.guard(self.library.summaries_where, **kw) or []

    # -- delete and undo -----------------------------------------------------------------------------
    def action_delete(self) -> None:
        aid = self._target_id()
        if aid is None:
            self.notify("Choose an article in the list first.", severity="warning")
            return
        title = next((s.title for s in self.listing.ordered("added") if s.id == aid), None)
        marks = len(self.app.guard(self.library.bookmarks, aid) or [])
        extra = f" and its {marks} bookmark{'s' * (marks != 1)}" if marks else ""

        def done(yes: bool | None) -> None:
            if not yes:
                return
            ids = self.app.guard(self.library.delete, [aid])
            if not ids:
                return
            if self.document is not None and self.document.article.id in ids:
                self.document = None
                self.pane.border_title = "Reading"
            self.bookmarked_ids = frozenset(self.app.guard(self.library.bookmarked_ids) or ())
            self.reload_list()

            def restore() -> None:
                for restored in ids:
                    self.library.restore(restored)
                self.bookmarked_ids = frozenset(self.library.bookmarked_ids())
                self.reload_list()
                self.article_list.select_id(ids[0])

            # the main screen's undo stack (U, ctrl+z; z here): the latest deletion of any kind comes back first
            self.undo_stack.push(f"\u201c{one_line(title or '(untitled)')}\u201d from the trash", restore)
            self.notify("Moved to the trash; z or U brings it back.", timeout=5)

        self.app.push_screen(ConfirmDialog(f"Delete \u201c{one_line(title or '(untitled)')}\u201d{extra}?", yes="Delete"), done)

    def action_undo_delete(self) -> None:
        self.action_undo()

    # -- tags -------------------------------------------------------------------------------------
    def action_tag(self) -> None:
        aid = self._target_id()
        if aid is None:
            self.notify("Choose an article in the list first.", severity="warning")
            return
        current = self.app.guard(self.library.tags_of, aid) or []

        def done(text: str | None) -> None:
            if not text:
                return
            words = text.replace(",", " ").split()
            add = [w.lstrip("+") for w in words if not w.startswith("-")]
            remove = [w[1:] for w in words if w.startswith("-")]
            if not any(w.startswith(("+", "-")) for w in words):  # a plain list replaces the tags
                remove = list(current)
            tags = self.app.guard(self.library.tag, aid, add, remove)
            if tags is None:
                return
            self.reload_list()
            if self.document is not None and self.document.article.id == aid:
                self.open_article(aid, position=self.pane.cursor)
            self.notify("Tags: " + (", ".join(tags) or "(none)"), timeout=3)

        self.app.push_screen(TagDialog(current), done)

    # -- the sources picker ----------------------------------------------------------------------------
    def action_sources(self) -> None:
        lib = self.library
        everything = self.app.guard(lib.summaries) or []
        sources: list[tuple[Source, int]] = [(Source("all", "", "All articles"), len(everything))]
        counts = self.app.guard(lib.feed_counts) or {}
        for f in self.app.guard(lib.feeds) or []:
            sources.append((Source("feed", f.id, f.title or f.url), counts.get(f.id, 0)))
        for tag, n in (self.app.guard(lib.all_tags) or {}).items():
            sources.append((Source("tag", tag, tag), n))

        def done(src: Source | None) -> None:
            if src is None:
                return
            self.source = None if src.kind == "all" else src
            self.reload_list()
            self.notify(f"Showing {one_line(src.label)}.", timeout=2)

        self.app.push_screen(SourcesPicker(sources, self.source), done)

    def source_flag(self) -> str | None:
        src = self.source
        if src is None:
            return None
        return ("\u25c9 " if src.kind == "feed" else "# ") + one_line(src.label)

    # -- refresh -------------------------------------------------------------------------------------
    def action_refresh(self) -> None:
        if not (self.app.guard(self.library.feeds) or []):
            self.notify("No feeds yet: subscribe with `reader feed add URL` in a shell.", severity="warning", timeout=6)
            return
        status = self.query_one("#refresh-status")
        status.update("Refreshing feeds\u2026")
        status.display = True
        self._refresh_worker()

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh_worker(self) -> None:
        from reader.services.refresh import default_processes, refresh

        def progress(done: int, total: int, result: Any) -> None:
            self.post_message(self.RefreshProgress(done, total, result.line(), result.status == "failed"))

        try:
            feeds = len(self.library.feeds())
            report = refresh(self.library, progress=progress, processes=default_processes(feeds))
        except (ReaderError, OSError) as exc:
            self.post_message(self.RefreshDone(0, 0, 0, str(exc)))
            return
        failed = sum(r.status == "failed" for r in report.results)
        self.post_message(self.RefreshDone(report.total("new"), report.total("updated"), failed))

    def on_sources_actions_refresh_progress(self, event: RefreshProgress) -> None:
        self.query_one("#refresh-status").update(f"Refreshing feeds {event.done}/{event.total}")
        if event.failed:
            self.notify(event.line.split(None, 1)[-1], title="Feed failed", severity="error", timeout=8)

    def on_sources_actions_refresh_done(self, event: RefreshDone) -> None:
        self.query_one("#refresh-status").display = False
        if event.error:
            self.notify(f"Refresh failed: {event.error}", severity="error", timeout=8)
            return
        self.reload_list()
        severity = "warning" if event.failed else "information"
        tail = f"; {event.failed} feed{'s' * (event.failed != 1)} failed" if event.failed else ""
        self.notify(f"{event.new} new, {event.updated} updated{tail}.", severity=severity, timeout=5)
