"""import-notes at scale: 100,000 bookmarks from one JSON notes file (goal: under 60 s), then again
(all already there), then a run killed after a third of the shards and resumed.

    python -m benchmarks.bench_import_notes [--bookmarks 100000] [--articles 200]

Builds a library of `--articles` small articles and a notes file holding `--bookmarks` bookmarks
spread over them (each with a note, a quote from its article and the metadata of an export), then
prints the seconds each run takes through reader.services.notes_import.import_notes (the code
behind `reader import-notes`), and what each run added.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from reader.library import Library
from reader.models import Article
from reader.services.notes_import import import_notes
from reader.store.state import StateStore


class Killed(Exception):
    """Stands for the process being killed between two shards."""


def _articles(n: int) -> list[Article]:
    return [
        Article(
            id=f"{i:016x}", title=f"Article {i}", authors=["Maziar Motamedi"], date="2023-06-20",
            paragraphs=[f"Paragraph {p} of article {i}, with enough words to be a real passage." for p in range(10)],
        )
        for i in range(n)
    ]


def _notes(articles: list[Article], n: int) -> str:
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    per: dict[str, list[dict]] = {a.id: [] for a in articles}
    for i in range(n):
        a = articles[i % len(articles)]
        p = (i // len(articles)) % len(a.paragraphs)
        stamp = (start + timedelta(seconds=i)).isoformat(timespec="seconds")
        per[a.id].append({
            "id": f"b{i:011x}", "article_id": a.id, "paragraph": p, "quote": a.paragraphs[p], "prefix": "", "suffix": "",
            "start": 0, "end": len(a.paragraphs[p]), "note": f"Note {i}: why this passage matters.",
            "created": stamp, "updated": stamp, "citation": "(Motamedi, 2023, para. 1)",
        })
    doc = {
        "format": "reader-notes", "version": 1, "exported": start.isoformat(), "citation_style": "apa",
        "articles": [{"id": aid, "corrections": {}, "bookmarks": marks} for aid, marks in per.items()],
    }
    return json.dumps(doc, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bookmarks", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args(argv)

    articles = _articles(args.articles)
    text = _notes(articles, args.bookmarks)
    print(f"notes file: {args.bookmarks:,} bookmarks over {args.articles} articles, {len(text) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        lib = Library.open(Path(tmp) / "lib", seed=False)
        lib.add_articles(articles)

        t0 = time.perf_counter()
        report = import_notes(lib, text)
        first = time.perf_counter() - t0
        print(f"first import:  {first:6.2f} s   added {report.added:,}   (goal: under 60 s)")

        t0 = time.perf_counter()
        again = import_notes(lib, text)
        print(f"same again:    {time.perf_counter() - t0:6.2f} s   added {again.added:,}, already here {again.duplicates:,}")
        lib.close()

        # A run killed after a third of the shards, then run again.
        lib = Library.open(Path(tmp) / "lib2", seed=False)
        lib.add_articles(articles)
        real = StateStore.put_bookmarks

        def killed(self: StateStore, bookmarks: list, progress=None) -> None:  # type: ignore[no-untyped-def]
            def stop(done: int, total: int) -> None:
                if done > total // 3:
                    raise Killed

            real(self, bookmarks, stop)

        StateStore.put_bookmarks = killed  # type: ignore[method-assign]
        try:
            import_notes(lib, text)
        except Killed:
            pass
        finally:
            StateStore.put_bookmarks = real  # type: ignore[method-assign]
        kept = len(lib.state.bookmarks())
        t0 = time.perf_counter()
        resumed = import_notes(lib, text)
        total = len(lib.state.bookmarks())
        print(
            f"killed, resumed: {kept:,} kept, resumed in {time.perf_counter() - t0:6.2f} s adding {resumed.added:,}; "
            f"{total:,} bookmarks, {len({b.id for b in lib.state.bookmarks()}):,} distinct ids"
        )
        lib.close()
    return 0 if first < 60 and total == args.bookmarks else 1


if __name__ == "__main__":
    sys.exit(main())
