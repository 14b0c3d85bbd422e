"""Sync speed: merging every device's files at start, and one write (goals: merge of 3 devices x 5,000
bookmarks + 10,000 read states adds < 200 ms at start; one write < 10 ms median).

    python -m benchmarks.bench_sync [--devices 3] [--bookmarks 5000] [--reads 10000] [--n 200]

Builds the devices' files in one library folder (as a sync tool leaves them), then times a fresh open
plus the first read (read states and every bookmark) against the same with one device's files only:
cold (no cache: every device's files parsed and merged) and warm (the per-machine cache of the other
devices' merged rows, made when the previous run closed, still matches their files: only this device's
files are parsed). Then one write (read state, position, bookmark add, note edit) n times, each
appended to the device's journal with one fsync: medians and 95th percentiles.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from reader.sync.store import SyncedStore


def _ms(samples: list[float]) -> str:
    s = sorted(samples)
    return f"median {statistics.median(s) * 1e3:6.2f} ms   p95 {s[max(0, int(len(s) * 0.95) - 1)] * 1e3:6.2f} ms"


def _fill(root: Path, device: str, bookmarks: int, reads: int) -> None:
    s = SyncedStore(root, device=device)
    with s.batch():
        for i in range(reads):
            s.set_read(f"article-{i:05d}")
    with s.batch():  # add_bookmark reads each bookmark back; in bulk, its rows are put directly
        for i in range(bookmarks):
            bid = f"{device[:4]}{i:08d}"
            s.put("marks", bid, {"article_id": f"article-{i % reads:05d}", "paragraph": i % 30,
                                 "quote": f"a quoted passage number {i} of {device}", "prefix": "", "suffix": "",
                                 "start": 0, "end": 30, "created": "2026-01-01T00:00:00+00:00", "seq": i})
            if i % 3 == 0:
                s.put("notes", f"n{bid}", {"b": bid, "t": f"note {i}", "p": []})
    s.close()


def _open_and_read(root: Path, device: str) -> tuple[float, float, float]:
    """(open + what a start reads: read states and which articles have bookmarks, the merge;
    then listing every bookmark as Bookmark objects; the start's CPU time), in seconds."""
    t, c = time.perf_counter(), time.process_time()
    s = SyncedStore(root, device=device)
    s.read_ids()
    s.bookmarked_ids()
    start, cpu = time.perf_counter() - t, time.process_time() - c
    t = time.perf_counter()
    s.bookmarks()
    listing = time.perf_counter() - t
    s.close()
    return start, listing, cpu


def _best(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return min(r[0] for r in runs), min(r[1] for r in runs), min(r[2] for r in runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devices", type=int, default=3)
    ap.add_argument("--bookmarks", type=int, default=5_000)
    ap.add_argument("--reads", type=int, default=10_000)
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        os.environ["READER_CACHE_DIR"] = str(Path(tmp) / "cache")  # the per-machine cache, not the user's
        one, many = Path(tmp) / "one", Path(tmp) / "many"
        t0 = time.perf_counter()
        _fill(one, "dev0", args.bookmarks, args.reads)
        for d in range(args.devices):
            _fill(many, f"dev{d}", args.bookmarks, args.reads)
        print(f"built {args.devices} devices x {args.bookmarks:,} bookmarks + {args.reads:,} read states "
              f"in {time.perf_counter() - t0:.1f} s")
        base = _best([_open_and_read(one, "dev0") for _ in range(5)])
        cold_runs = []
        for _ in range(3):
            shutil.rmtree(Path(tmp) / "cache", ignore_errors=True)
            cold_runs.append(_open_and_read(many, "dev0"))
        cold = _best(cold_runs)
        warm = _best([_open_and_read(many, "dev0") for _ in range(5)])
        n = args.devices
        print(f"start (open, read states, bookmarked articles), 1 device:  {base[0] * 1e3:7.1f} ms")
        print(f"start, {n} devices, cold (no cache: first start after a sync): {cold[0] * 1e3:7.1f} ms  "
              f"(the merge adds {(cold[0] - base[0]) * 1e3:.1f} ms)")
        print(f"start, {n} devices, warm (cache of the other devices' rows):  {warm[0] * 1e3:7.1f} ms  "
              f"(the merge adds {(warm[0] - base[0]) * 1e3:.1f} ms; goal < 200 ms)")
        print(f"  (CPU time of the start, less sensitive to other processes: 1 device {base[2] * 1e3:.1f} ms, "
              f"cold {cold[2] * 1e3:.1f} ms, warm {warm[2] * 1e3:.1f} ms: the merge adds {(warm[2] - base[2]) * 1e3:.1f} ms warm)")
        print(f"listing every bookmark: 1 device ({args.bookmarks:,}) {base[1] * 1e3:.1f} ms, {n} devices "
              f"({n * args.bookmarks:,}) {warm[1] * 1e3:.1f} ms")
        s = SyncedStore(many, device="dev0")
        s.read_ids()
        marks = s.bookmarks()[:args.n]
        timings: dict[str, list[float]] = {"set_read": [], "set_position": [], "add_bookmark": [], "set_note": []}
        for i in range(args.n):
            for name, call in (
                ("set_read", lambda: s.set_read(f"article-{i:05d}", i % 2 == 0)),
                ("set_position", lambda: s.set_position(f"article-{i:05d}", i)),
                ("add_bookmark", lambda: s.add_bookmark(f"article-{i:05d}", 1, "new passage")),
                ("set_note", lambda: s.set_note(marks[i % len(marks)].id, f"edited {i}")),
            ):
                t = time.perf_counter()
                call()
                timings[name].append(time.perf_counter() - t)
        for name, samples in timings.items():
            print(f"one write, {name:13s} {_ms(samples)}   (goal: median < 10 ms)")
        # the notes in conflict (the TUI's bookmarks screen and start notification): first, then unchanged
        t = time.perf_counter()
        s.conflicts()
        first = time.perf_counter() - t
        again = []
        for _ in range(20):
            t = time.perf_counter()
            s.conflicts()
            again.append(time.perf_counter() - t)
        print(f"notes in conflict: first {first * 1e3:.1f} ms, again unchanged {_ms(again)}")
        s.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
