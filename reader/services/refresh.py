"""`reader refresh`: bring every feed up to date, concurrently but politely.

    refresh(lib, refs=None, progress=None, *, total=8, per_host=2, processes=0) -> RefreshReport

* At most `total` requests at once and `per_host` to one host (threads and one httpx client; a
  feed's item pages go through the same limits). Conditional GET (ETag / Last-Modified): a 304 costs one small request.
* A permanent redirect (301/308 all the way) updates the stored feed URL.
* A failing feed gets one line (FeedResult.error) and the others go on. After repeated failures a
  feed backs off (BACKOFF_BASE doubling, at most BACKOFF_MAX) unless named on the command line.
* Full text: per feed `auto|always|never` (reader.sources.feeds.needs_full_text). A page is fetched
  once: a link whose canonical URL is already in the library, or fetched earlier in this run, is not
  fetched again. When extraction fails the feed's own text is kept.
* New items become articles (one index write per batch); an item whose text changed updates its
  article in place. Extraction and entity finding run in `processes` worker processes (0: threads).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from reader.errors import IngestError, ReaderError
from reader.library import Library
from reader.library_manage import Feed
from reader.models import Article
from reader.services.page_worker import extract_page, with_entities
from reader.sources.feeds import FeedData, FeedError, FeedItem, item_article, needs_full_text, parse_feed
from reader.sources.http import FetchError, Limiter, new_client
from reader.sources.urls import canonical

BACKOFF_BASE = timedelta(minutes=30)
BACKOFF_MAX = timedelta(days=1)
FLUSH_EVERY = 400


@dataclass
class FeedResult:
    feed: Feed
    status: str  # "ok" | "not-modified" | "failed" | "backing-off"
    new: int = 0
    updated: int = 0
    full_text: int = 0
    full_text_failed: int = 0
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        name = self.feed.title or self.feed.url
        if self.status == "failed":
            return f"failed    {name}: {self.error}"
        if self.status == "backing-off":
            return f"waiting   {name}: failing since {self.feed.failures} refreshes; next try after {self.feed.retry_after} (name it to try now)"
        if self.status == "not-modified":
            return f"unchanged {name}"
        extra = f", {self.full_text_failed} pages kept the feed's text" if self.full_text_failed else ""
        return f"ok        {name}: {self.new} new, {self.updated} updated{extra}"


@dataclass
class RefreshReport:
    results: list[FeedResult] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(r.status == "failed" for r in self.results)

    def total(self, attr: str) -> int:
        return sum(getattr(r, attr) for r in self.results)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _merge(page: Article, item: FeedItem, feed: Feed, feed_title: str | None) -> Article:
    """The extracted page, with the feed item's metadata where the page has none, and the tags."""
    tags = list(dict.fromkeys([*page.tags, *item.tags, *feed.tags]))
    return replace(
        page,
        title=page.title or item.title,
        date=page.date or item.date,
        authors=page.authors or list(item.authors),
        publisher=page.publisher or feed_title,
        url=canonical(item.link) if item.link else page.url,
        source=item.link or page.source,
        tags=tags,
        feed=feed.id,
    )


class _Run:
    """One refresh. Feed threads (`total` of them) fetch and read feeds; page threads fetch pages; the
    CPU pool (processes or threads) parses feeds and extracts pages. Only the calling thread writes
    to the library."""

    def __init__(self, lib: Library, limiter: Limiter, cpu: Executor, pages: ThreadPoolExecutor, client: Any,
                 accessed: str) -> None:
        self.lib, self.limiter, self.cpu, self.pages, self.client = lib, limiter, cpu, pages, client
        self.accessed = accessed
        self.known = lib.urls()  # canonical URL -> article id, at the start (no O(n) lookup per item)
        self.lock = threading.Lock()
        self.fetched: dict[str, str] = {}  # canonical link -> id of the article made from it in this run
        self.inflight: dict[str, Future[tuple[Article, str]]] = {}
        self.pending: list[tuple[Article, str | None]] = []
        self.updates: list[tuple[str, Article]] = []

    def flush(self, force: bool = False) -> None:
        """Store the new articles (calling thread only): one index write per FLUSH_EVERY articles."""
        with self.lock:
            if not self.pending or (not force and len(self.pending) < FLUSH_EVERY):
                return
            batch, self.pending = self.pending, []
        self.lib.add_articles([a for a, _ in batch], [t for _, t in batch])

    def _page(self, link: str) -> tuple[Article, str]:
        got = self.limiter.fetch(self.client, link, "page")
        data, text = self.cpu.submit(extract_page, got.body, got.charset, got.content_type, got.url,
                                     self.accessed, self.lib.backend).result()
        return Article.from_dict(data), text

    def page(self, link: str, canon: str) -> Future[tuple[Article, str]]:
        """The page of a link, fetched once per run however many items (or feeds) carry it."""
        with self.lock:
            fut = self.inflight.get(canon)
            if fut is None:
                fut = self.inflight[canon] = self.pages.submit(self._page, link)
            return fut

    def item_plan(self, feed: Feed, it: FeedItem) -> tuple[str, Future[tuple[Article, str]] | None]:
        """'skip', 'feed' (use the feed's text) or 'page' (with the future of its page)."""
        known = feed.items.get(it.guid)
        digest = it.digest()
        if known and len(known) > 1 and known[1] == digest:
            return "skip", None
        full = needs_full_text(it, feed.full_text)
        if known and (len(known) < 3 or known[2] == "page") and full:
            feed.items[it.guid] = [known[0], digest, "page"]  # the page was fetched once already
            return "skip", None
        if full and it.link:
            canon = canonical(it.link)
            with self.lock:
                existing = self.known.get(canon) or self.fetched.get(canon)
            if existing and not known:
                feed.items[it.guid] = [existing, digest, "page"]
                return "skip", None
            return "page", self.page(it.link, canon)
        return "feed", None

    def item_done(self, feed: Feed, data: FeedData, it: FeedItem, plan: str, fut: Future | None,
                  result: FeedResult) -> None:
        known = feed.items.get(it.guid)
        digest = it.digest()
        if plan == "page" and fut is not None:
            try:
                page, original = fut.result()
                article = _merge(page, it, feed, data.title or feed.title)
                result.full_text += 1
                with self.lock:
                    self.fetched[canonical(it.link or "")] = article.id
                self._store(feed, it, article, original, known, digest, "page", result)
                return
            except (FetchError, IngestError) as exc:
                result.full_text_failed += 1
                result.notes.append(f"{it.link}: {exc}")
        article = item_article(it, feed.id, data.title or feed.title, self.accessed)
        if article is None:
            return
        article.tags = list(dict.fromkeys([*article.tags, *feed.tags]))
        article = Article.from_dict(self.cpu.submit(with_entities, article.to_dict(), self.lib.backend).result())
        self._store(feed, it, article, None, known, digest, "feed", result)

    def _store(self, feed: Feed, it: FeedItem, article: Article, original: str | None,
               known: list[str] | None, digest: str, how: str, result: FeedResult) -> None:
        with self.lock:
            if known:
                self.updates.append((known[0], article))
                feed.items[it.guid] = [known[0], digest, how]
                result.updated += 1
            else:
                self.pending.append((article, original))
                feed.items[it.guid] = [article.id, digest, how]
                result.new += 1

    def feed(self, feed: Feed, forced: bool) -> FeedResult:
        now = _now()
        if not forced and feed.retry_after and feed.retry_after > _iso(now):
            return FeedResult(feed, "backing-off")
        result = FeedResult(feed, "ok")
        try:
            got = self.limiter.fetch(self.client, feed.url, "feed", etag=feed.etag, modified=feed.modified)
            if got.moved_to:
                feed.url = got.moved_to
                result.notes.append(f"moved permanently to {got.moved_to}")
            feed.etag, feed.modified = got.etag, got.modified
            if got.not_modified:
                result.status = "not-modified"
            else:
                data = self.cpu.submit(parse_feed, got.body, got.url, got.content_type).result()
                feed.title = feed.title or data.title
                feed.site = feed.site or data.link
                plans = [(it, *self.item_plan(feed, it)) for it in data.items]
                for it, plan, fut in plans:
                    if plan != "skip":
                        self.item_done(feed, data, it, plan, fut, result)
            feed.failures, feed.retry_after, feed.last_error = 0, None, None
        except (FetchError, FeedError, ReaderError) as exc:
            result.status, result.error = "failed", str(exc)
            feed.failures += 1
            feed.last_error = str(exc)
            if feed.failures >= 2:
                wait = min(BACKOFF_BASE * (2 ** (feed.failures - 2)), BACKOFF_MAX)
                feed.retry_after = _iso(now + wait)
        feed.last_refresh = _iso(now)
        return result


def refresh(
    lib: Library,
    refs: list[str] | None = None,
    progress: Callable[[int, int, FeedResult], Any] | None = None,
    *,
    total: int = 8,
    per_host: int = 2,
    processes: int = 0,
) -> RefreshReport:
    feeds = [lib.feed(r) for r in refs] if refs else lib.feeds()
    forced = bool(refs)
    report = RefreshReport()
    if not feeds:
        return report
    cpu: Executor = ThreadPoolExecutor(2)
    if processes > 0:
        # fork is quick, but only safe while this process has one thread (the CLI); an app with threads
        # (the TUI) spawns fresh interpreters instead.
        method = "fork" if threading.active_count() == 1 and "fork" in mp.get_all_start_methods() else "spawn"
        cpu = ProcessPoolExecutor(processes, mp_context=mp.get_context(method))
        cpu.submit(int).result()  # start the workers now, before this refresh starts its own threads
    feed_threads = ThreadPoolExecutor(total, thread_name_prefix="reader-feed")
    page_threads = ThreadPoolExecutor(total, thread_name_prefix="reader-page")
    try:
        with new_client(max_connections=2 * total) as client:
            run = _Run(lib, Limiter(total, per_host), cpu, page_threads, client, _iso(_now()))
            futures = [feed_threads.submit(run.feed, f, forced) for f in feeds]
            for n, fut in enumerate(as_completed(futures), start=1):
                r = fut.result()
                report.results.append(r)
                if progress:
                    progress(n, len(feeds), r)
                run.flush()
        run.flush(force=True)
        for aid, article in run.updates:
            try:
                lib.update_article(aid, article)
            except ReaderError:
                pass
        with lib.state.batch():
            for f in feeds:
                lib.save_feed(f)
    finally:
        feed_threads.shutdown(wait=True, cancel_futures=True)
        page_threads.shutdown(wait=True, cancel_futures=True)
        cpu.shutdown(wait=True, cancel_futures=True)
    return report


def default_processes(feeds: int) -> int:
    """Worker processes for a big refresh (both cores); threads for a few feeds."""
    return min(os.cpu_count() or 1, 4) if feeds >= 20 else 0
