"""Refresh speed: a local site of FEEDS feeds x ITEMS items, each item's page a full article.

    python -m benchmarks.refresh_speed [--feeds 200] [--items 20] [--hosts 10] [--serial]

Starts the site in a separate process (so the server does not share the GIL with reader) on
127.0.0.1, listening on --hosts ports (each port is one "host" for the 2-per-host limit), subscribes
a fresh library to every feed (summaries only: full text is fetched and extracted with trafilatura,
entities found), then prints:
    first refresh      wall seconds (goal < 30 s on the 2-core machine), articles stored
    second refresh     wall seconds when every feed answers 304 (goal < 2 s)
    peak memory        MB of the reader process and of its largest worker (goal < 300 MB)
    one at a time      wall seconds of the same first refresh with 1 request at a time and
                       no worker processes, and the ratio (with --serial; it takes minutes)
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WORDS = ("the government said on tuesday that talks would continue despite objections from officials in the region "
         "analysts warned that the agreement could collapse if sanctions were renewed and markets reacted sharply "
         "protesters gathered outside parliament demanding answers about the budget and the new security law").split()
PEOPLE = ["Maria Lopez", "John Carter", "Amir Rahimi", "Chen Wei", "Fatima Noor", "Lars Nilsson", "Ada Okafor"]
ORGS = ["United Nations", "European Union", "World Bank", "Red Cross", "Amnesty International"]
PLACES = ["Paris", "Nairobi", "Tehran", "Lima", "Oslo", "Jakarta", "Ankara", "Quito"]


def page(feed: int, item: int) -> bytes:
    rng = random.Random(feed * 1000 + item)
    person, org, place = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(PLACES)
    paras = []
    for p in range(12):
        words = rng.choices(WORDS, k=60)
        words[0] = words[0].capitalize()
        paras.append(" ".join(words) + ".")
    paras[0] = f"{person} of the {org} spoke in {place} on Monday. " + paras[0]
    paras[5] = f"{place} officials said {person} would return. " + paras[5]
    title = f"Story {feed}-{item}: talks in {place}"
    body = "".join(f"<p>{t}</p>" for t in paras)
    return (f'<!doctype html><html lang="en"><head><title>{title}</title><meta name="author" content="{rng.choice(PEOPLE)}">'
            f'<meta property="og:site_name" content="Bench Wire {feed}"></head><body><nav><a href="/">Home</a> '
            f'<a href="/world">World</a></nav><article><h1>{title}</h1><p class="byline">By {rng.choice(PEOPLE)}</p>'
            f"{body}</article><aside>Most read: other stories</aside><footer>Copyright Bench Wire</footer></body></html>"
            ).encode()


def feed_xml(base: str, feed: int, items: int) -> bytes:
    entries = "".join(
        f"<item><title>Story {feed}-{i}</title><link>{base}/p/{feed}/{i}.html</link><guid>f{feed}-{i}</guid>"
        f"<pubDate>Mon, 03 Jun 2024 07:{i:02d}:00 GMT</pubDate><description>A short summary of story {i}…</description></item>"
        for i in range(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed {feed}</title><link>{base}/</link>'
            f"{entries}</channel></rss>").encode()


def serve(ports_q: mp.Queue, hosts: int, items: int) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if parts[0] == "feed":
                n = int(parts[1].split(".")[0])
                etag = f'"feed-{n}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body, ctype, extra = feed_xml(base, n, items), "application/rss+xml", {"ETag": etag}
            elif parts[0] == "p":
                body, ctype, extra = page(int(parts[1]), int(parts[2].split(".")[0])), "text/html; charset=utf-8", {}
            else:
                body, ctype, extra = b"no", "text/plain", {}
            self.send_response(200 if parts[0] in ("feed", "p") else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

    ports = []
    for _ in range(hosts):
        srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        srv.daemon_threads = True
        ports.append(srv.server_address[1])
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    ports_q.put(ports)
    threading.Event().wait()


def subscribe(root: Path, ports: list[int], feeds: int):
    from reader.library import Library
    from reader.library_manage import Feed

    lib = Library(root)
    with lib.state.batch():
        for n in range(feeds):
            url = f"http://127.0.0.1:{ports[n % len(ports)]}/feed/{n}.xml"
            lib.save_feed(Feed(id=f"bench{n:04d}", url=url, title=f"Bench feed {n}", added=f"{n:06d}"))
    return lib


def timed_refresh(lib, **kw):
    from reader.services.refresh import refresh

    t = time.perf_counter()
    report = refresh(lib, **kw)
    return time.perf_counter() - t, report


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--serial", action="store_true", help="also time the one-at-a-time refresh (slow)")
    args = ap.parse_args(argv)
    from reader.services.refresh import default_processes

    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    server = ctx.Process(target=serve, args=(q, args.hosts, args.items), daemon=True)
    server.start()
    ports = q.get(timeout=30)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            lib = subscribe(Path(tmp) / "lib", ports, args.feeds)
            procs = default_processes(args.feeds)
            cpu0 = resource.getrusage(resource.RUSAGE_SELF)
            wall, report = timed_refresh(lib, processes=procs)
            cpu1, kids_cpu = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            main_cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
            failed = sum(r.status == "failed" for r in report.results)
            print(f"first refresh:   {wall:6.2f} s  {len(lib)} articles from {args.feeds} feeds x {args.items} items "
                  f"({report.total('full_text')} pages extracted, {failed} feeds failed, {procs} worker processes)  goal < 30 s")
            print(f"                 CPU: {main_cpu:.1f} s in reader's process, {kids_cpu.ru_utime + kids_cpu.ru_stime:.1f} s "
                  f"in workers and the site; load average before: {_load()}")
            wall2, report2 = timed_refresh(lib, processes=procs)
            unchanged = sum(r.status == "not-modified" for r in report2.results)
            print(f"second refresh:  {wall2:6.2f} s  {unchanged}/{args.feeds} feeds answered 304  goal < 2 s")
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"peak memory:     {own:6.1f} MB reader process, {kids:6.1f} MB largest child "
                  f"(worker or the site)  goal < 300 MB")
            if args.serial:
                lib2 = subscribe(Path(tmp) / "lib2", ports, args.feeds)
                wall3, _ = timed_refresh(lib2, total=1, per_host=1, processes=0)
                print(f"one at a time:   {wall3:6.2f} s  ratio {wall3 / wall:.1f}x slower than the bounded concurrent refresh")
    finally:
        server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
