"""Crash test: kill a writing process with SIGKILL at random moments; nothing acknowledged is lost.

    python -m benchmarks.crash_loop [--iterations 200] [--seed 1] [--dir DIR] [--synced]

--synced runs the same loop on the synced store of a library (reader.sync: single changes appended to
the device's journal with one fsync, batches into its shards), checking every complete journal line too.

Each iteration starts a child process that opens the store and writes without pause: bookmark
adds (60%), note edits (20%), batches of 5 adds (10%), read-state changes (10%). It acknowledges
each write by printing it AFTER the call returned. The parent kills it with SIGKILL after a random
delay (10% of the time during start-up, while it may be creating or opening the store), then
opens the store fresh and checks: it loads without a damage warning, every file is valid JSON,
every acknowledged bookmark and read state is there, and every acknowledged note is there or a
later one. Prints the figures and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _open(path: Path):  # noqa: ANN202
    """The store under test: a StateStore at path, or (path a folder: --synced) a library's SyncedStore."""
    if path.suffix != ".json":
        from reader.sync import journal
        from reader.sync.store import SyncedStore

        journal.FOLD_AT = 8 * 1024  # fold the journal into the shards often, so kills land in folds too
        return SyncedStore(path, device="crash")
    from reader.store import StateStore

    return StateStore(path)


def child(path: str, seed: int) -> None:
    rng = random.Random(seed)
    store = _open(Path(path))
    print("ready", flush=True)
    mine: list[str] = []
    k = 0
    while True:
        r = rng.random()
        if r < 0.6 or not mine:
            bm = store.add_bookmark(f"art{rng.randrange(40)}", rng.randrange(20), "quote " * rng.randrange(1, 30))
            mine.append(bm.id)
            print("A", bm.id, flush=True)
        elif r < 0.8:
            k += 1
            bid = rng.choice(mine)
            store.set_note(bid, f"n{seed}-{k}")
            print("N", bid, k, flush=True)
        elif r < 0.9:
            with store.batch():
                made = [store.add_bookmark(f"art{rng.randrange(40)}", 0, "batched") for _ in range(5)]
            mine.extend(b.id for b in made)
            print("\n".join(f"A {b.id}" for b in made), flush=True)
        else:
            aid = f"read{seed}-{k}-{rng.randrange(10**6)}"
            store.set_read(aid)
            print("R", aid, flush=True)


@dataclass
class Figures:
    iterations: int = 0
    failures: list[str] = field(default_factory=list)
    acknowledged: int = 0
    bookmarks: int = 0
    interrupted_writes: int = 0  # kills that left a temp file behind: the kill landed mid-write
    seconds: float = 0.0


def check(store_path: Path, seed: int, lines: list[str]) -> list[str]:
    problems = []
    store = _open(store_path)
    try:
        if store.warning or store.readonly:
            problems.append(f"store reported damage: {store.warning}")
        own = getattr(store, "own", store)
        for f in [own.path, *own.folder.glob("*.json")]:
            try:
                json.loads(f.read_bytes())
            except ValueError as exc:
                problems.append(f"{f.name} is not valid JSON: {exc}")
        journal = getattr(store, "journal", None)
        if journal is not None and journal.exists():
            complete = journal.read_bytes()
            complete = complete[: complete.rfind(b"\n") + 1]  # a torn last line was never acknowledged
            for n, raw in enumerate(complete.splitlines()):
                try:
                    json.loads(raw)
                except ValueError as exc:
                    problems.append(f"journal line {n + 1} is not valid JSON: {exc}")
        have = {b.id: b for b in store.bookmarks()}
        reads = store.read_ids()
        notes: dict[str, int] = {}
        for line in lines:
            parts = line.split()
            if parts[0] == "A" and parts[1] not in have:
                problems.append(f"acknowledged bookmark {parts[1]} is missing")
            elif parts[0] == "R" and parts[1] not in reads:
                problems.append(f"acknowledged read state {parts[1]} is missing")
            elif parts[0] == "N":
                notes[parts[1]] = max(notes.get(parts[1], 0), int(parts[2]))
        for bid, k in notes.items():
            note = have[bid].note if bid in have else ""
            got = int(note.rsplit("-", 1)[1]) if note.startswith(f"n{seed}-") else -1
            if got < k:
                problems.append(f"note of {bid}: acknowledged n{seed}-{k}, found {note!r}")
    finally:
        store.close()
    return problems


def run(iterations: int, seed: int = 1, folder: Path | None = None, max_delay: float = 0.25, synced: bool = False) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        store_path = Path(tmp) / ("lib" if synced else "state.json")
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        for i in range(iterations):
            child_seed = seed * 100_000 + i
            proc = subprocess.Popen(
                [sys.executable, "-m", "benchmarks.crash_loop", "--child", str(store_path), str(child_seed)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env, text=True,
            )
            assert proc.stdout is not None
            if rng.random() < 0.1:
                time.sleep(rng.uniform(0, 0.4))  # during start-up: opening, maybe creating, the store
            else:
                proc.stdout.readline()  # "ready"
                time.sleep(rng.uniform(0, max_delay))
            proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate()
            if proc.returncode != -signal.SIGKILL:
                figures.failures.append(f"iteration {i}: child exited {proc.returncode} before the kill: {err[-500:]}")
            lines = [ln for ln in out.split("\n")[:-1] if ln and ln != "ready"]  # complete lines only
            own = Path(tmp) / "lib" / "devices" / "crash" if synced else Path(tmp)
            left = list(own.glob(".*.tmp")) + list((own / "state.d").glob(".*.tmp"))
            figures.interrupted_writes += bool(left)
            problems = check(store_path, child_seed, lines)
            figures.failures.extend(f"iteration {i}: {p}" for p in problems)
            figures.iterations += 1
            figures.acknowledged += len(lines)
        s = _open(store_path)
        figures.bookmarks = len(s.bookmarks())
        s.close()
    figures.seconds = time.perf_counter() - t0
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="SIGKILL crash loop for the state store.")
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=None, help="Where to make the temp store (default: system temp).")
    ap.add_argument("--synced", action="store_true", help="The synced store of a library (reader.sync).")
    ap.add_argument("--child", nargs=2, metavar=("PATH", "SEED"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    f = run(args.iterations, args.seed, args.dir, synced=args.synced)
    print(f"crash loop: {f.iterations} SIGKILLs, {len(f.failures)} failures, {f.acknowledged} acknowledged writes "
          f"checked, {f.interrupted_writes} kills landed mid-write (temp file left), {f.bookmarks} bookmarks at the "
          f"end, {f.seconds:.1f} s")
    for line in f.failures[:20]:
        print("  FAIL", line)
    return 1 if f.failures else 0


if __name__ == "__main__":
    sys.exit(main())
