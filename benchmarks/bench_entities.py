"""Words per second of entity extraction (rules backend) on one core.

    python -m benchmarks.bench_entities [--words 200000] [--backend rules]

Uses ../shared/corpus/*.txt (parsed by reader.ingest, as `reader inspect` does) repeated until the article set reaches at least
--words words; without the corpus, generated news-like text. Prints the gazetteer load time (paid once, at
the first extraction, never at import) and the extraction rate.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from reader.models import Article

ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        d = base / "shared" / "corpus"
        if d.is_dir() and any(d.glob("*.txt")):
            return d
    return None


def _generated(n_articles: int = 40) -> list[Article]:
    rnd = random.Random(7)
    people = ["Anthony Albanese", "Peter Dutton", "Jacinda Ardern", "William Ruto", "Raila Odinga",
              "Maria Lopez", "Chen Wei", "Olaf Scholz"]
    orgs = ["Reserve Bank of Australia (RBA)", "Kenya Revenue Authority", "Australian Labor Party",
            "World Health Organization", "Safaricom", "European Commission"]
    places = ["Canberra", "Nairobi", "Mombasa", "Sydney", "Berlin", "Kenya", "Australia", "Germany"]
    verbs = ["said on Tuesday that", "told reporters in", "announced plans with", "met officials from"]
    arts = []
    for k in range(n_articles):
        paras = []
        for _ in range(20):
            words = []
            for _ in range(5):
                words += [rnd.choice(people), rnd.choice(verbs), rnd.choice(orgs), "in", rnd.choice(places),
                          "on June", str(rnd.randint(1, 28)) + ",", "2023, as the economy grew slowly."]
            paras.append(" ".join(words))
        arts.append(Article(id=f"g{k}", title=f"Generated story {k}", paragraphs=paras))
    return arts


def articles() -> list[Article]:
    d = corpus_dir()
    if d is None:
        return _generated()
    from reader.ingest import parse_file

    return [parse_file(f) for f in sorted(d.glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--backend", default="rules")
    args = ap.parse_args()
    t0 = time.perf_counter()
    from reader.entities import extract_entities
    from reader.entities.gazetteer import gazetteer

    t_import = time.perf_counter() - t0
    base = articles()
    t1 = time.perf_counter()
    g = gazetteer()
    t_load = time.perf_counter() - t1
    batch, words = [], 0
    while words < args.words:
        for a in base:
            batch.append(a)
            words += a.word_count
    start, cpu0 = time.perf_counter(), time.process_time()
    n_ent = 0
    for a in batch:
        n_ent += len(extract_entities(a, backend=args.backend))
    secs = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    print(f"import reader.entities: {t_import * 1000:.0f} ms; gazetteer load (first extraction): "
          f"{g.load_seconds * 1000:.0f} ms ({t_load * 1000:.0f} ms wall)")
    print(f"{len(batch)} articles, {words} words, {n_ent} entities in {secs:.2f} s")
    print(f"CPU time {cpu:.2f} s: {words / cpu:,.0f} words per CPU-second (one core; wall-clock rate is lower "
          f"when other processes compete for the core)")
    print(f"entities: {words / secs:,.0f} words/s")


if __name__ == "__main__":
    main()
