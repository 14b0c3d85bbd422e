"""TUI speed: first screen, filter per keystroke, opening a 100,000-word article, peak memory.

    /work/venv/bin/python -m benchmarks.bench_tui [--articles 10000] [--bookmarks 5000]

Builds a generated library in a temp dir (benchmarks/synthetic.py), then drives the real app
with Textual's run_test/Pilot at 160x48 and prints each figure with its goal.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import build_library, long_article
from reader.models import Entity


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


class Clock:
    """Wall time and this process's CPU time (the latter is what a busy machine does not inflate)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


async def run(root: Path, articles: int, bookmarks: int) -> dict[str, float]:
    from reader.tui.app import build_app
    from reader.tui.screens.main import MainScreen
    from reader.tui.widgets.reading_pane import ReadingPane

    t = time.perf_counter()
    lib = build_library(root, articles, bookmarks)
    long = long_article(100_000)
    long.entities = [Entity("Ada Okafor", "person", ["Ada Okafor"], 1, [[0, 0, 3]])]
    lib.add_article(long)
    print(f"built library: {len(lib):,} articles, {bookmarks:,} bookmarks in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    figures: dict[str, float] = {}
    clock = Clock()
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        while not isinstance(app.screen, MainScreen) or not app.screen.rows:
            await pilot.pause()
        await pilot.pause()
        figures["first_screen"], figures["first_screen_cpu"] = clock.stop()
        screen = app.screen

        await pilot.press("slash")
        from reader.tui.widgets.article_list import ArticleList

        article_list = screen.query_one(ArticleList)
        list_render = article_list.render_lines
        drawn: list[float] = []

        def list_spy(crop):  # the list redrawn with the new rows = what the user sees change
            strips = list_render(crop)
            if not drawn and article_list.rows is not before[0]:
                drawn.append(clock.stop()[0])
            return strips

        article_list.render_lines = list_spy
        per_key, per_key_cpu, per_key_drawn = [], [], []
        before = [article_list.rows]
        for ch in "article 12":
            drawn.clear()
            before[0] = article_list.rows
            clock = Clock()
            await pilot.press("space" if ch == " " else ch)
            await pilot.pause()
            wall, cpu = clock.stop()
            per_key.append(wall)
            per_key_cpu.append(cpu)
            per_key_drawn.append(drawn[0] if drawn else wall)
        article_list.render_lines = list_render
        figures["filter_key_drawn"] = statistics.median(per_key_drawn)
        noop = []
        for _ in range(5):  # the harness's own cost per key: a key nothing is bound to
            clock = Clock()
            await pilot.press("ctrl+y")
            await pilot.pause()
            noop.append(clock.stop()[0])
        figures["noop_key"] = statistics.median(noop)
        figures["filter_key_median"] = statistics.median(per_key)
        figures["filter_key_cpu"] = statistics.median(per_key_cpu)
        figures["filter_key_max"] = max(per_key)
        figures["filter_rows"] = len(screen.rows)

        for _ in "article 12":
            await pilot.press("backspace")
        for ch in "very long":
            await pilot.press("space" if ch == " " else ch)
        await pilot.press("enter")
        await pilot.pause()
        pane = screen.query_one(ReadingPane)
        painted: list[tuple[float, float]] = []
        render_lines = pane.render_lines

        def spy(crop):  # the first time the pane paints the long article = its first screen
            strips = render_lines(crop)
            if not painted and pane.article is not None:
                painted.append(clock.stop())
            return strips

        pane.render_lines = spy
        clock = Clock()
        await pilot.press("enter")
        await pilot.pause()
        figures["open_long"], figures["open_long_cpu"] = clock.stop()
        figures["open_long_paint"], figures["open_long_paint_cpu"] = painted[0]
        assert pane.article is not None and pane.article.word_count >= 100_000, "the long article did not open"
        t = time.perf_counter()
        await pilot.press("G")
        await pilot.pause()
        figures["jump_to_end"] = time.perf_counter() - t
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lib.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--bookmarks", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        f = asyncio.run(run(Path(tmp), args.articles, args.bookmarks))
    print("figure                             wall (cpu)")
    print(f"first screen after imports        {_ms(f['first_screen']):>10} ({_ms(f['first_screen_cpu'])})   goal < 1000 ms")
    print(f"filter, per keystroke (median):")
    print(f"  until the list is redrawn       {_ms(f['filter_key_drawn']):>10}              goal < 50 ms")
    print(f"  until the app is idle again     {_ms(f['filter_key_median']):>10} ({_ms(f['filter_key_cpu'])})")
    print(f"  (a key bound to nothing costs   {_ms(f['noop_key']):>10} wall in this harness)")
    print(f"filter, per keystroke (worst)     {_ms(f['filter_key_max']):>10}   ({int(f['filter_rows'])} rows left)")
    print(f"open a 100,000-word article:")
    print(f"  until its first screen is drawn {_ms(f['open_long_paint']):>10} ({_ms(f['open_long_paint_cpu'])})   goal < 300 ms")
    print(f"  until the app is idle again     {_ms(f['open_long']):>10} ({_ms(f['open_long_cpu'])})")
    print(f"jump to its end (G)               {_ms(f['jump_to_end']):>10}")
    print(f"peak memory (max RSS)             {f['peak_rss_mb']:>7.0f} MB   goal < 300 MB")
    print(f"(load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; wall times grow with it)")


if __name__ == "__main__":
    main()
