"""`reader refresh`: bring every feed up to date, concurrently but politely.

    refresh(lib, refs=None, progress=None, *, total=8, per_host=2, processes=0) -> RefreshReport

* At most `total` requests at once and `per_host` to one host; a feed's item pages are fetched in
  the same pool. Conditional GET (ETag / Last-Modified): a 304 costs one small request.
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

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
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
    def __init__(self, lib: Library, limiter: Limiter, pool: Executor, client: Any, accessed: str) -> None:
        self.lib, self.limiter, self.pool, self.client, self.accessed = lib, limiter, pool, client, accessed
        self.fetched: dict[str, str] = {}  # canonical link -> content id of the article made from it (this run)
        self.pending: list[tuple[Article, str | None]] = []
        self.updates: list[tuple[str, Article]] = []
        self.write_lock = asyncio.Lock()
        self.inflight: dict[str, asyncio.Future[Any]] = {}

    async def flush(self, force: bool = False) -> None:
        if not self.pending or (not force and len(self.pending) < FLUSH_EVERY):
            return
        async with self.write_lock:
            batch, self.pending = self.pending, []
            if batch:
                await asyncio.to_thread(self.lib.add_articles, [a for a, _ in batch], [t for _, t in batch])

    async def page(self, link: str, backend: str) -> tuple[Article, str]:
        got = await self.limiter.fetch(self.client, link, "page")
        loop = asyncio.get_running_loop()
        data, text = await loop.run_in_executor(
            self.pool, extract_page, got.body, got.charset, got.content_type, got.url, self.accessed, backend)
        return Article.from_dict(data), text

    async def item(self, feed: Feed, data: FeedData, it: FeedItem, result: FeedResult) -> None:
        known = feed.items.get(it.guid)
        digest = it.digest()
        if known and len(known) > 1 and known[1] == digest:
            return
        link = canonical(it.link) if it.link else None
        full = needs_full_text(it, feed.full_text)
        if known and (len(known) < 3 or known[2] == "page") and full:
            feed.items[it.guid] = [known[0], digest, "page"]  # the page was fetched once already
            return
        loop = asyncio.get_running_loop()
        if full and link:
            existing = self.lib.find_by_url(link) or self.fetched.get(link)
            if existing and not known:
                feed.items[it.guid] = [existing, digest, "page"]
                return
            try:
                fut = self.inflight.get(link)
                if fut is None:
                    fut = self.inflight[link] = asyncio.ensure_future(self.page(it.link or link, self.lib.backend))
                page, original = await fut
                article = _merge(page, it, feed, data.title or feed.title)
                result.full_text += 1
                self.fetched[link] = article.id
                self._store(feed, it, article, original, known, digest, "page", result)
                return
            except (FetchError, IngestError) as exc:
                result.full_text_failed += 1
                result.notes.append(f"{it.link}: {exc}")
        article = item_article(it, feed.id, data.title or feed.title, self.accessed)
        if article is None:
            return
        article.tags = list(dict.fromkeys([*article.tags, *feed.tags]))
        article = Article.from_dict(await loop.run_in_executor(self.pool, with_entities, article.to_dict(), self.lib.backend))
        self._store(feed, it, article, None, known, digest, "feed", result)

    def _store(self, feed: Feed, it: FeedItem, article: Article, original: str | None,
               known: list[str] | None, digest: str, how: str, result: FeedResult) -> None:
        if known:
            self.updates.append((known[0], article))
            feed.items[it.guid] = [known[0], digest, how]
            result.updated += 1
        else:
            self.pending.append((article, original))
            feed.items[it.guid] = [article.id, digest, how]
            result.new += 1

    async def feed(self, feed: Feed, forced: bool) -> FeedResult:
        now = _now()
        if not forced and feed.retry_after and feed.retry_after > _iso(now):
            return FeedResult(feed, "backing-off")
        result = FeedResult(feed, "ok")
        try:
            got = await self.limiter.fetch(self.client, feed.url, "feed", etag=feed.etag, modified=feed.modified)
            if got.moved_to:
                feed.url = got.moved_to
                result.notes.append(f"moved permanently to {got.moved_to}")
            feed.etag, feed.modified = got.etag, got.modified
            if got.not_modified:
                result.status = "not-modified"
            else:
                data = await asyncio.to_thread(parse_feed, got.body, got.url, got.content_type)
                feed.title = feed.title or data.title
                feed.site = feed.site or data.link
                await asyncio.gather(*(self.item(feed, data, it, result) for it in data.items))
                await self.flush()
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
    pool: Executor = ProcessPoolExecutor(processes) if processes > 0 else ThreadPoolExecutor(2)

    async def main() -> None:
        run = _Run(lib, Limiter(total, per_host), pool, None, _iso(_now()))
        async with new_client(max_connections=total) as client:
            run.client = client
            tasks = [asyncio.ensure_future(run.feed(f, forced)) for f in feeds]
            for n, fut in enumerate(asyncio.as_completed(tasks), start=1):
                r = await fut
                report.results.append(r)
                if progress:
                    progress(n, len(feeds), r)
        await run.flush(force=True)
        for aid, article in run.updates:
            try:
                await asyncio.to_thread(lib.update_article, aid, article)
            except ReaderError:
                pass
        with lib.state.batch():
            for f in feeds:
                lib.save_feed(f)

    try:
        asyncio.run(main())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return report


def default_processes(feeds: int) -> int:
    """Worker processes for a big refresh (both cores); threads for a few feeds."""
    return min(os.cpu_count() or 1, 4) if feeds >= 20 else 0
