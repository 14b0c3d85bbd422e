"""A local web site for the source tests: an http.server thread on 127.0.0.1, port chosen by the OS.

    with LocalSite() as site:
        site.route("/feed.xml", body, content_type="application/rss+xml")
        site.route("/slow", handler=callable)      # handler(request_handler) writes the response itself
        site.url("/feed.xml"); site.hits["/feed.xml"]; site.max_concurrent

Nothing leaves the machine.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FEEDS = Path(__file__).resolve().parent / "fixtures" / "feeds"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    gzip: bool = False
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


def article_page(title: str, paragraphs: int = 10, extra: str = "", author: str = "Maria Lopez") -> str:
    body = "".join(
        f"<p>{title} paragraph {i}: the regional council met on Monday to discuss the plan, and officials from "
        f"the port authority said the work would take two more years to finish, costing more than planned.</p>"
        for i in range(paragraphs)
    )
    return (f'<!doctype html><html lang="en"><head><title>{title}</title><meta name="author" content="{author}">'
            f"{extra}</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
            "<footer>Copyright</footer></body></html>")


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.active = 0
        self.max_concurrent = 0
        self.delay = 0.0
        self._lock = threading.Lock()
        self.stop_stalling = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path
                with site._lock:
                    site.hits[path] += 1
                    if "?" in path:  # also counted under the bare path
                        site.hits[path.split("?")[0]] += 1
                    site.requests.append((path, dict(self.headers)))
                    site.active += 1
                    site.max_concurrent = max(site.max_concurrent, site.active)
                try:
                    if site.delay:
                        time.sleep(site.delay)
                    route = site.routes.get(path) or site.routes.get(path.split("?")[0])
                    if route is None:
                        self._send(404, "text/html", b"<html><body>not here</body></html>")
                    elif route.handler is not None:
                        route.handler(self)
                    elif route.etag and self.headers.get("If-None-Match") == route.etag:
                        self.send_response(304)
                        self.send_header("ETag", route.etag)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                    else:
                        headers = dict(route.headers)
                        if route.etag:
                            headers["ETag"] = route.etag
                        body = route.body
                        if route.gzip:
                            body = gzip.compress(body)
                            headers["Content-Encoding"] = "gzip"
                        self._send(route.status, route.content_type, body, headers)
                finally:
                    with site._lock:
                        site.active -= 1

            def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                if "Location" not in (headers or {}) or body:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.send_header("Content-Length", "0")
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def route(self, path: str, body: str | bytes = b"", **kw: object) -> Route:
        r = Route(body.encode("utf-8") if isinstance(body, str) else body, **kw)  # type: ignore[arg-type]
        self.routes[path] = r
        return r

    def feed(self, path: str, fixture: str, content_type: str = "application/xml", **fmt: str) -> Route:
        raw = (FEEDS / fixture).read_bytes()
        text = raw.decode("latin-1").replace("{base}", self.base)
        for k, v in fmt.items():
            text = text.replace("{" + k + "}", v)
        return self.route(path, text.encode("latin-1"), content_type=content_type)

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.route(path, b"", status=status, headers={"Location": to})

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> LocalSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_stalling.set()
        self.server.shutdown()
        self.server.server_close()


class StallingServer:
    """Accepts connections and never answers (a hung server)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/feed.xml"
        self.conns: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)

    def close(self) -> None:
        self._stop = True
        for c in self.conns:
            c.close()
        self.sock.close()


def free_port_refusing() -> str:
    """An address where nothing listens (connection refused)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/x"
