"""Store speed with a big library: one bookmark add, read-state change, note edit (goal: < 10 ms median).

    python -m benchmarks.bench_store [--articles 10000] [--bookmarks 5000] [--reads 10000] [--n 200]

Builds a synthetic library (benchmarks/synthetic.py) in a temp folder, marks `--reads` articles read
(so the read-state files are as big as they get), then times each operation n times and prints
medians and 95th percentiles in milliseconds. Also prints what the rolling backup (hard link) and a
re-read after another process's change cost.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import build_library
from reader.store import StateStore


def _ms(samples: list[float]) -> str:
    s = sorted(samples)
    return f"median {statistics.median(s) * 1e3:6.2f} ms   p95 {s[int(len(s) * 0.95) - 1] * 1e3:6.2f} ms"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--bookmarks", type=int, default=5_000)
    ap.add_argument("--reads", type=int, default=10_000)
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        root = Path(tmp) / "lib"
        t0 = time.perf_counter()
        lib = build_library(root, articles=args.articles, bookmarks=args.bookmarks)
        t1 = time.perf_counter()
        ids = [s.id for s in lib.summaries()]
        store = lib.state
        with store.batch():
            for aid in ids[: args.reads]:
                store.set_read(aid)
        t2 = time.perf_counter()
        print(f"library: {len(ids)} articles, {len(store.bookmarks())} bookmarks, {len(store.read_ids())} read "
              f"(built in {t1 - t0:.1f} s; {min(args.reads, len(ids))} read states in one batch: {t2 - t1:.2f} s)")
        sizes = [p.stat().st_size for p in store.folder.glob("*.json")]
        print(f"store files: {len(sizes) + 1}, largest shard {max(sizes) / 1024:.0f} KiB")

        # Why the shards: what re-serialising every bookmark on each write (one TinyDB file) would cost.
        from reader.store.storage import dump

        everything = {"bookmarks": {str(i): b.to_dict() for i, b in enumerate(store.bookmarks(), 1)}}
        one_file = []
        for _ in range(5):
            t = time.perf_counter()
            dump(everything)
            one_file.append(time.perf_counter() - t)
        print(f"(one unsharded file: serialising all bookmarks alone takes {_ms(one_file)} per write)")

        add, read, note = [], [], []
        for i in range(args.n):
            aid = ids[(i * 7919) % len(ids)]
            t = time.perf_counter()
            bm = store.add_bookmark(aid, 1, "a quoted passage of some length", "before ", " after", 7, 38)
            add.append(time.perf_counter() - t)
            t = time.perf_counter()
            store.set_read(aid, read=bool(i % 2))
            read.append(time.perf_counter() - t)
            t = time.perf_counter()
            store.set_note(bm.id, f"a note about it, number {i}")
            note.append(time.perf_counter() - t)
        print(f"bookmark add     {_ms(add)}")
        print(f"read-state change {_ms(read)}")
        print(f"note edit        {_ms(note)}")

        # Reads: a cheap stat when nothing changed; a re-parse of one shard after another process wrote.
        reads_same, reads_changed = [], []
        other = StateStore(store.path)
        for i in range(args.n):
            aid = ids[(i * 31) % len(ids)]
            t = time.perf_counter()
            store.is_read(aid)
            reads_same.append(time.perf_counter() - t)
            other.set_read(aid, read=True)
            t = time.perf_counter()
            store.is_read(aid)
            reads_changed.append(time.perf_counter() - t)
        other.close()
        print(f"is_read, unchanged  {_ms(reads_same)}")
        print(f"is_read, after another process wrote that shard  {_ms(reads_changed)}")

        # The rolling backup: a hard link of the previous file, measured on its own.
        target = next(store.folder.glob("bookmarks-*.json"))
        link = []
        tmpl, bak = target.with_name("bench.link"), target.with_name("bench.bak")
        for i in range(args.n):
            src = target if i % 2 else target.with_name(target.name + ".bak")  # alternate inodes
            t = time.perf_counter()
            os.link(src, tmpl)
            os.replace(tmpl, bak)
            link.append(time.perf_counter() - t)
        print(f"rolling backup (hard link + rename, per write)  {_ms(link)}")
        lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
