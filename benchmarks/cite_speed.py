"""How long citations take: pandoc start-up and one formatted reference per style, cold and cached.

Run: python benchmarks/cite_speed.py [--repeat N]
Prints milliseconds per call. The TUI formats in a worker thread; the CLI pays one pandoc run per
`reader cite` (plus Python start-up); an export pays one run for all its articles.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.models import Article  # noqa: E402
from reader.services import cite, csl_engine  # noqa: E402


def article(i: int) -> Article:
    return Article(id=f"bench{i:05d}", title=f"Benchmark headline number {i}?", paragraphs=["p"],
                   authors=["Maziar Motamedi", "Anna Keller"], publisher="Al Jazeera", date="2023-06-20",
                   url=f"https://example.org/{i}", added="2024-05-17T09:30:00+00:00")


def ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    t = time.perf_counter()
    path = csl_engine.pandoc_path()
    print(f"find pandoc (first call, then cached): {(time.perf_counter() - t) * 1000:.1f} ms  {path}")
    print(f"pandoc --version: {ms(lambda: subprocess.run([path, '--version'], capture_output=True), args.repeat):.0f} ms")
    counter = iter(range(10**6))
    for style in cite.FORMATTED:
        uncached = ms(lambda s=style: cite.format_reference(article(next(counter)), s), args.repeat)
        a = article(0)
        cite.format_reference(a, style)
        cached = ms(lambda s=style: cite.format_reference(a, s), args.repeat)
        print(f"{style:8} one reference: {uncached:6.0f} ms   cached: {cached:6.3f} ms")
    for n in (10, 100):
        arts = [article(10_000 + next(counter) * 1000 + i) for i in range(n)]
        print(f"apa      {n} references in one run: {ms(lambda: cite.format_references(arts, 'apa'), 1):6.0f} ms")


if __name__ == "__main__":
    main()
