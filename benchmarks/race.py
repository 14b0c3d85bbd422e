"""Concurrency: N processes, each holding the store open, add bookmarks at the same moment.

    python -m benchmarks.race [--processes 2] [--each 500] [--shards 32]

Prints how many bookmarks are there afterwards (must be processes x each) and how long it took.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys
from pathlib import Path
from reader.store import StateStore
path, tag, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = StateStore(path)          # held open for the whole run, like a TUI
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()              # start together
for i in range(n):
    bm = store.add_bookmark(f"{tag}-art{i % 17}", i, f"{tag} quote {i}", note=f"{tag}{i}")
    if i % 10 == 0:
        store.set_note(bm.id, f"{tag}{i} edited")
        store.set_read(f"{tag}-art{i % 17}")
        store.set_setting(f"{tag}-count", i)
store.close()
"""


def race(path: Path, n: int, tags: tuple[str, ...] = ("p1", "p2")) -> None:
    """Start one writer per tag, let them all go at once, wait; raise if one failed."""
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag, str(n)], cwd=ROOT, text=True,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for tag in tags
    ]
    for p in procs:
        assert p.stdout is not None and p.stdin is not None
        line = p.stdout.readline()
        if line != "ready\n":
            raise RuntimeError(f"writer did not start: {p.stderr.read() if p.stderr else ''}")
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        _, err = p.communicate(timeout=600)
        if p.returncode != 0:
            raise RuntimeError(f"writer failed ({p.returncode}): {err[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    from reader.store import StateStore

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--each", type=int, default=500)
    ap.add_argument("--shards", type=int, default=32)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "state.json"
        StateStore(path, shards=args.shards).close()
        t = time.perf_counter()
        race(path, args.each, tuple(f"p{i + 1}" for i in range(args.processes)))
        took = time.perf_counter() - t
        s = StateStore(path)
        count = len(s.bookmarks())
        s.close()
    want = args.processes * args.each
    print(f"race: {args.processes} processes x {args.each} bookmark adds (plus notes, read states, settings), "
          f"{args.shards} shard(s): {count} bookmarks there (expected {want}), {took:.1f} s")
    return 0 if count == want else 1


if __name__ == "__main__":
    sys.exit(main())
