"""The one HTTP client for pages and feeds (httpx, async).

    fetch(client, url, kind="page"|"feed", etag=None, modified=None) -> Fetched   # or FetchError
    new_client() -> httpx.Client             # compressed responses, redirects followed, timeouts
    Limiter(total, per_host).fetch(client, url, ...)   # bounded concurrency for threads

Rules: http and https only; a body above MAX_BODY (10 MB, after decompression) is refused while it
streams; a whole request (redirects included) must finish within DEADLINE seconds, so a server that
trickles bytes cannot hold a refresh; too many redirects (a loop) is one clear line. Every failure is
a FetchError whose message is one sentence naming the kind: DNS, refused connection, TLS, HTTP status,
timeout, redirects, size, content type.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from reader import __version__
from reader.errors import ReaderError

MAX_BODY = 10 * 1024 * 1024
MAX_REDIRECTS = 8
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
DEADLINE = 45.0
USER_AGENT = f"reader/{__version__} (terminal article reader; +https://example.invalid/reader)"

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/feed+json", "application/json", "text/html", "application/xhtml+xml", "text/plain",
    "application/x-rss+xml", "application/octet-stream", "binary/octet-stream",
)


class FetchError(ReaderError):
    """A URL could not be fetched; str() is one line with the reason and what to do."""

    def __init__(self, message: str, kind: str, status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind  # dns | refused | tls | http | timeout | redirects | size | type | url | network
        self.status = status


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    requested: str
    status: int  # 200, or 304 (not modified: body empty)
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    modified: str | None = None
    #: the new address when every redirect on the way was permanent (301/308), else None
    moved_to: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str:
    """The URL stripped, or FetchError if it is not an http(s) address with a host."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url!r} is not an http or https address; reader fetches only web pages and feeds.", "url")
    if not parts.hostname:
        raise FetchError(f"{url!r} has no host name; check the address.", "url")
    return url


def new_client(max_connections: int = 16, **kw: object) -> httpx.Client:
    """The shared client (thread-safe): compressed responses, redirects followed, timeouts, keep-alive.

    Synchronous httpx in threads: about half the CPU per request of httpx's async client (no anyio
    layer), which matters when a refresh makes thousands of requests on two cores."""
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.Client(
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        limits=limits,
        **kw,  # type: ignore[arg-type]
    )


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _causes(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def describe(exc: Exception, url: str) -> FetchError:
    """An httpx (or OS) exception -> one FetchError line."""
    host = _host(url)
    if isinstance(exc, FetchError):
        return exc
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"too many redirects from {url} (more than {MAX_REDIRECTS}, a loop?); check the address.", "redirects")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError(f"{url} redirected to an address that is not http or https; reader does not follow it.", "url")
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        return FetchError(f"{host} did not answer in time (timed out); try again later.", "timeout")
    chain = _causes(exc)
    text = " ".join(str(c) for c in chain).lower()
    if any(isinstance(c, socket.gaierror) for c in chain) or any(
        s in text for s in ("name or service not known", "nodename nor servname", "getaddrinfo", "no address associated",
                            "temporary failure in name resolution", "name resolution")
    ):
        return FetchError(f"cannot find the host {host} (DNS lookup failed); check the address and your connection.", "dns")
    if any(isinstance(c, ConnectionRefusedError) for c in chain) or "connection refused" in text or "errno 111" in text:
        return FetchError(f"{host} refused the connection; the site may be down, try again later.", "refused")
    if any(isinstance(c, ssl.SSLError) for c in chain) or "ssl" in text or "certificate" in text:
        return FetchError(f"secure connection to {host} failed (TLS error: its certificate is not trusted or the handshake failed).", "tls")
    if isinstance(exc, httpx.InvalidURL):
        return FetchError(f"{url!r} is not a valid address; check it.", "url")
    reason = str(exc).strip() or type(exc).__name__
    return FetchError(f"network error fetching {url} ({reason.splitlines()[0][:120]}); try again later.", "network")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            return v.strip().strip("\"'").lower()
    return None


def check_type(content_type: str, url: str, kind: str) -> None:
    mime = content_type.split(";")[0].strip().lower()
    if not mime:
        return
    if mime == "application/pdf":
        raise FetchError(f"{url} is a PDF; reader does not import PDFs yet (save the article's web page instead).", "type")
    if kind == "page" and mime in ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml"):
        raise FetchError(f"{url} is a feed, not a page; subscribe to it with `reader feed add {url}`.", "type")
    allowed = PAGE_TYPES if kind == "page" else FEED_TYPES
    if mime not in allowed and not mime.endswith(("+xml", "+json")):
        what = "a web page" if kind == "page" else "a feed"
        raise FetchError(f"{url} is {mime}, not {what}; reader imports HTML pages and RSS/Atom/JSON feeds.", "type")


def _fetch(client: httpx.Client, url: str, kind: str, headers: dict[str, str], max_body: int, deadline: float,
           timeout: httpx.Timeout) -> Fetched:
    started = time.monotonic()
    with client.stream("GET", url, headers=headers, timeout=timeout) as resp:
        final = str(resp.url)
        moved = None
        if resp.history and all(r.status_code in (301, 308) for r in resp.history) and final != url:
            moved = final
        if resp.status_code == 304:
            return Fetched(final, url, 304, moved_to=moved,
                           etag=resp.headers.get("etag") or headers.get("If-None-Match"),
                           modified=resp.headers.get("last-modified") or headers.get("If-Modified-Since"))
        if resp.status_code >= 400:
            phrase = resp.reason_phrase or "error"
            what = "the page is not there (check the address)" if resp.status_code in (404, 410) else (
                "the server failed; try again later" if resp.status_code >= 500 else "the request was refused")
            raise FetchError(f"{final} answered {resp.status_code} {phrase}: {what}.", "http", resp.status_code)
        ctype = resp.headers.get("content-type", "")
        check_type(ctype, final, kind)
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_body and "content-encoding" not in resp.headers:
            raise FetchError(f"{final} is {int(declared) / 1048576:.0f} MB, above the {max_body // 1048576} MB limit for one {kind}.", "size")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > max_body:
                raise FetchError(f"{final} is larger than the {max_body // 1048576} MB limit for one {kind}; it was not kept.", "size")
            if time.monotonic() - started > deadline:  # a server trickling bytes: each read is quick, the whole is not
                raise FetchError(f"{urlsplit(final).hostname} did not answer in time (timed out after {deadline:.0f} s); try again later.", "timeout")
            chunks.append(chunk)
        return Fetched(
            final, url, resp.status_code, b"".join(chunks), ctype, _charset(ctype),
            resp.headers.get("etag"), resp.headers.get("last-modified"), moved,
            {k.lower(): v for k, v in resp.headers.items()},
        )


def fetch(
    client: httpx.Client,
    url: str,
    kind: str = "page",
    *,
    etag: str | None = None,
    modified: str | None = None,
    deadline: float | None = None,
    max_body: int = MAX_BODY,
) -> Fetched:
    url = check_url(url)
    headers = {}
    if kind == "feed":
        headers["Accept"] = ("application/rss+xml, application/atom+xml, application/feed+json, "
                             "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
    else:
        headers["Accept"] = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    limit = DEADLINE if deadline is None else deadline
    # per-read timeouts from the module settings (tests lower them), never above the deadline
    timeout = httpx.Timeout(min(READ_TIMEOUT, limit), connect=min(CONNECT_TIMEOUT, limit))
    try:
        return _fetch(client, url, kind, headers, max_body, limit, timeout)
    except FetchError:
        raise
    except (httpx.HTTPError, OSError, ssl.SSLError, ValueError) as exc:
        raise describe(exc, url) from None


def fetch_one(url: str, kind: str = "page", **kw: object) -> Fetched:
    """One URL with a fresh client (tests, scripts)."""
    with new_client() as client:
        return fetch(client, url, kind, **kw)  # type: ignore[arg-type]


class Limiter:
    """At most `total` requests at once, and at most `per_host` to one host (host:port). Thread-safe."""

    def __init__(self, total: int = 8, per_host: int = 2) -> None:
        self.total = threading.BoundedSemaphore(total)
        self.per_host = per_host
        self.hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def fetch(self, client: httpx.Client, url: str, kind: str = "page", **kw: object) -> Fetched:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            sem = self.hosts.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with sem, self.total:
            return fetch(client, url, kind, **kw)  # type: ignore[arg-type]
