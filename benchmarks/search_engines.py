"""Which full-text engine: SQLite FTS5 (standard library) against tantivy (Rust, pip wheel).

    python -m benchmarks.search_engines [--articles 20000]

Both index the same generated articles (benchmarks/search_corpus.py), given the same folded
words (reader/search/text.py), body not stored (the article files keep the text). Prints the
indexing cost per article, query times (median, p95) for the same queries, and the size on disk.
tantivy is not a dependency of reader: install it by hand (pip install tantivy) to run this.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.search_corpus import make_articles
from reader.search.text import index_text

QUERIES = {
    "1 word (common)": ["ba"],
    "1 word (mid)": ["tehran"],
    "2 words": ["rotterdam", "zurich"],
    "3 words": ["amir", "bank", "paris"],
    "phrase": ['"world bank"'],
    "prefix": ["kra*"],
}


def docs(n: int):
    for a in make_articles(n):
        yield (a.id, index_text(a.title), index_text(" ".join(a.authors)), index_text(a.publisher),
               index_text("\n".join(a.paragraphs)))


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size


def fts5(data: list, folder: Path) -> dict:
    db = sqlite3.connect(folder / "fts.sqlite")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, author, publisher, body, content='', "
        "tokenize=\"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\")"
    )
    t = time.perf_counter()
    for i in range(0, len(data), 200):
        with db:
            db.executemany("INSERT INTO fts(rowid, title, author, publisher, body) VALUES (?,?,?,?,?)",
                           [(j + i + 1, *d[1:]) for j, d in enumerate(data[i:i + 200])])
    per = (time.perf_counter() - t) / len(data)
    db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    db.commit()
    times = {}
    for name, words in QUERIES.items():
        q = " ".join(words)
        runs = []
        for _ in range(15):
            t = time.perf_counter()
            db.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 10, 3, 2, 1) LIMIT 20", (q,)).fetchall()
            runs.append(time.perf_counter() - t)
        times[name] = runs
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {"per_article": per, "times": times, "size": size(folder / "fts.sqlite")}


def tantivy_(data: list, folder: Path) -> dict:
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field("rowid", stored=True, indexed=True)
    for f in ("title", "author", "publisher", "body"):
        sb.add_text_field(f, stored=False)
    schema = sb.build()
    index = tantivy.Index(schema, path=str(folder))
    writer = index.writer(heap_size=50_000_000, num_threads=1)
    t = time.perf_counter()
    for i in range(0, len(data), 200):
        for j, d in enumerate(data[i:i + 200]):
            doc = tantivy.Document(title=d[1], author=d[2], publisher=d[3], body=d[4])
            doc.add_unsigned("rowid", i + j + 1)
            writer.add_document(doc)
        writer.commit()
    per = (time.perf_counter() - t) / len(data)
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    times = {}
    for name, words in QUERIES.items():
        q = " AND ".join(words).replace("kra*", "kra*")
        runs = []
        for _ in range(15):
            t = time.perf_counter()
            query = index.parse_query(q, ["title", "author", "publisher", "body"])
            searcher.search(query, 20).hits
            runs.append(time.perf_counter() - t)
        times[name] = runs
    return {"per_article": per, "times": times, "size": size(folder)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20_000)
    n = ap.parse_args().articles
    data = list(docs(n))
    text = sum(len(" ".join(d[1:]).encode()) for d in data)
    print(f"{n:,} articles, {text / 1e6:.0f} MB of folded text")
    for name, fn in (("sqlite fts5", fts5), ("tantivy", tantivy_)):
        with tempfile.TemporaryDirectory() as tmp:
            try:
                r = fn(data, Path(tmp))
            except ImportError:
                print(f"{name}: not installed")
                continue
        print(f"{name}: indexing {r['per_article'] * 1000:.2f} ms/article (batches of 200, one commit each), "
              f"size {r['size'] / 1e6:.0f} MB ({r['size'] / text:.0%} of the text)")
        for q, runs in r["times"].items():
            runs.sort()
            print(f"   {q:18} median {statistics.median(runs) * 1000:6.2f} ms   p95 {runs[int(len(runs) * .95) - 1] * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
