"""Library-wide entities (issue 14): `reader entity list`, the `f` filter and lookups on 10,000 articles.

    python -m benchmarks.bench_entity_list [--articles 10000] [--entities 25] [--corrections 40]

Builds a generated library (benchmarks/synthetic.py) whose articles carry `--entities` entities each,
drawn from a pool of names with a long tail (as real news has), then times, with the user's
corrections applied: the library-wide list from a cold start (index read + aggregation), the same
list again (cached), articles_mentioning (the `f` filter), find_entity and the CLI's
`reader entity list --json` end to end. Prints each figure with its goal.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from benchmarks.synthetic import make_article
from reader.library import INDEX_VERSION, Library, Summary
from reader.library_entities import ROWS_FILE, entity_rows
from reader.models import Entity

TYPES = ("person", "organization", "place", "date")


def build(root: Path, articles: int, per_article: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    pool = [(f"Name{i} Surname{i % 997}", TYPES[i % 4]) for i in range(20_000)]
    weights = [1 / (i + 1) for i in range(len(pool))]  # Zipf-like: a few names everywhere, most rare
    (root / "articles").mkdir(parents=True, exist_ok=True)
    rows, ents = [], {}
    for i in range(articles):
        a = make_article(i, rng)
        for name, kind in {p for p in rng.choices(pool, weights, k=per_article)}:
            a.entities.append(Entity(name, kind, [name, name.split()[-1]], rng.randrange(1, 6), []))
        (root / "articles" / f"{a.id}.json").write_text(json.dumps(a.to_dict()), "utf-8")
        rows.append(asdict(Summary.of(a)))
        ents[a.id] = entity_rows(a)
    (root / "index.json").write_text(json.dumps({"version": INDEX_VERSION, "articles": rows}), "utf-8")
    (root / ROWS_FILE).write_text(json.dumps({"version": 1, "articles": ents}), "utf-8")


CPU: dict[str, float] = {}


def timed(fn, name: str = ""):
    """Wall time (and, under `name`, this process's CPU time: what a busy machine does not inflate)."""
    t, c = time.perf_counter(), time.process_time()
    result = fn()
    CPU[name] = time.process_time() - c
    return time.perf_counter() - t, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--entities", type=int, default=25)
    ap.add_argument("--corrections", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t, _ = timed(lambda: build(root, args.articles, args.entities))
        size = (root / "index.json").stat().st_size / 1e6
        print(f"built {args.articles:,} articles x ~{args.entities} entities in {t:.1f} s; index.json {size:.1f} MB",
              file=sys.stderr)
        lib = Library(root)
        top = lib.library_entities()[: args.corrections * 2]
        ops = ["rename", "type", "hide", "merge"]
        for n in range(args.corrections):  # library-wide corrections of the most frequent entities
            op = ops[n % 4]
            a, b = top[2 * n], top[2 * n + 1]
            value = {"rename": f"Renamed {n}", "type": "organization", "hide": None, "merge": f"{b.name} ({b.type})"}[op]
            lib.correct_entity(op, f"{a.name} ({a.type})", value)
        lib.close()

        lib = Library(root)  # cold: nothing cached
        read, _ = timed(lib._load_index, "read")
        rows_read, _ = timed(lib._entity_rows, "rows")
        rows_size = (root / ROWS_FILE).stat().st_size / 1e6
        cold, ents = timed(lib.library_entities, "cold")
        warm, _ = timed(lib.library_entities)
        name = ents[len(ents) // 2].aliases[0]
        mention, ids = timed(lambda: lib.articles_mentioning(ents[0].name))
        find, _ = timed(lambda: lib.find_entity(f"{ents[5].name} ({ents[5].type})"))
        lib.close()
        cli, proc = timed(lambda: subprocess.run(
            [sys.executable, "-m", "reader", "--library", str(root), "entity", "list", "--json"],
            capture_output=True, text=True, check=True))
        listed = len(json.loads(proc.stdout))
        print(f"articles                              {args.articles:>10,}")
        print(f"library entities ({args.corrections} corrections)      {len(ents):>10,}")
        print(f"index.json read (as the list does)    {read * 1000:>8.0f} ms   ({size:.1f} MB; CPU {CPU['read'] * 1000:.0f} ms)")
        print(f"entities.json read (entity list only) {rows_read * 1000:>8.0f} ms   ({rows_size:.1f} MB; CPU {CPU['rows'] * 1000:.0f} ms)")
        print(f"entity list, cold (aggregate)         {cold * 1000:>8.0f} ms   goal < 1000 ms  (CPU {CPU['cold'] * 1000:.0f} ms)")
        print(f"entity list, warm (cached)            {warm * 1000:>8.1f} ms   goal < 50 ms")
        print(f"articles_mentioning (f filter)        {mention * 1000:>8.1f} ms   goal < 100 ms  ({len(ids):,} articles)")
        print(f"find_entity by alias                  {find * 1000:>8.1f} ms   goal < 100 ms  (e.g. {name!r})")
        print(f"`reader entity list --json` (process) {cli * 1000:>8.0f} ms   goal < 3000 ms  ({listed:,} rows)")


if __name__ == "__main__":
    main()
