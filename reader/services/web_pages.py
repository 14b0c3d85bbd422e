"""`reader add URL...`: fetch web pages with the one HTTP client, extract the article, keep the original.

    add_urls(lib, urls, progress=None) -> ImportReport   # each URL imported, updated, skipped or refused

A page already in the library under the same canonical URL is updated in place when its text changed
(bookmarks kept, re-anchored on their text) and "skipped" when identical. The URL and the access date
are recorded (citations give both); the fetched page is kept compressed in originals/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from typing import Any

from reader.errors import IngestError
from reader.library import ImportReport, ImportResult, Library
from reader.models import Article
from reader.services.page_worker import extract_page
from reader.sources.http import FetchError, Limiter, new_client


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def is_url(arg: str) -> bool:
    return "://" in arg[:12] or arg.lower().startswith(("http:", "https:"))


def _fetch_all(urls: list[str], backend: str) -> list[tuple[str, Article | None, str | None, str | None]]:
    limiter = Limiter()
    accessed = now_iso()

    with new_client() as client:
        def one(url: str) -> tuple[str, Article | None, str | None, str | None]:
            try:
                got = limiter.fetch(client, url, "page")
                data, text = extract_page(got.body, got.charset, got.content_type, got.url, accessed, backend)
                return url, Article.from_dict(data), text, None
            except (FetchError, IngestError) as exc:
                return url, None, None, str(exc)

        with ThreadPoolExecutor(8) as pool:
            return list(pool.map(one, urls))


def add_urls(lib: Library, urls: Iterable[str], progress: Callable[[ImportResult], Any] | None = None) -> ImportReport:
    report = ImportReport()
    for url, article, text, error in _fetch_all(list(dict.fromkeys(urls)), lib.backend):
        if article is None:
            result = ImportResult(url, "refused", reason=error)
        else:
            status = lib.add_articles([article], originals=[text])[0]
            result = ImportResult(url, status, article.id, article.title)
        report.results.append(result)
        if progress:
            progress(result)
    return report
