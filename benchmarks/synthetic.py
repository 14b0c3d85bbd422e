"""Generated libraries for benchmarks: many articles, many bookmarks, one very long article.

    build_library(root, articles=10_000, bookmarks=5_000, seed=0) -> Library
    long_article(words=100_000, seed=0) -> Article

Articles are written straight into the library layout (index + article files) with a few
entities each, so building 10,000 takes seconds and measures the reader, not the generator.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

from reader.ingest import article_id
from reader.library import INDEX_VERSION, Library, Summary
from reader.models import Article, Entity

WORDS = (
    "the government said on tuesday that talks would continue despite objections from officials in the region "
    "analysts warned that the agreement could collapse if sanctions were renewed and markets reacted sharply "
    "protesters gathered outside parliament demanding answers about the budget and the new security law"
).split()
PEOPLE = ["Maria Lopez", "John Carter", "Amir Rahimi", "Chen Wei", "Fatima Noor", "Lars Nilsson", "Ada Okafor"]
ORGS = ["United Nations", "European Union", "World Bank", "Red Cross", "Reuters", "Amnesty International"]
PLACES = ["Paris", "Nairobi", "Tehran", "Lima", "Oslo", "Jakarta", "Ankara", "Quito"]
OUTLETS = ["The Daily Ledger", "Harbour Times", "Northern Post", "Atlas Wire"]


def _paragraph(rng: random.Random, n: int) -> str:
    words = rng.choices(WORDS, k=n)
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def make_article(i: int, rng: random.Random, paragraphs: int = 12, words: int = 60) -> Article:
    paras = [_paragraph(rng, words) for _ in range(paragraphs)]
    person, org, place = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(PLACES)
    paras[0] = f"{person} of the {org} spoke in {place}. " + paras[0]
    title = f"Article {i}: {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} in {place}"
    ents = [
        Entity(person, "person", [person], 1, [[0, 0, len(person)]]),
        Entity(org, "organization", [org], 1, [[0, paras[0].index(org), paras[0].index(org) + len(org)]]),
        Entity(place, "place", [place], 1, [[0, paras[0].index(place), paras[0].index(place) + len(place)]]),
    ]
    day = datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(days=rng.randrange(1500))
    return Article(
        id=article_id(paras, title),
        title=title,
        paragraphs=paras,
        authors=[rng.choice(PEOPLE)],
        publisher=rng.choice(OUTLETS),
        date=day.date().isoformat(),
        language="en",
        entities=ents,
        added=(day + timedelta(days=2)).isoformat(timespec="seconds"),
    )


def build_library(root: Path, articles: int = 10_000, bookmarks: int = 5_000, seed: int = 0) -> Library:
    root = Path(root)
    rng = random.Random(seed)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(articles):
        a = make_article(i, rng)
        (root / "articles" / f"{a.id}.json").write_text(json.dumps(a.to_dict()), "utf-8")
        made.append(a)
    index = {"version": INDEX_VERSION, "articles": [asdict(Summary.of(a)) for a in made]}
    (root / "index.json").write_text(json.dumps(index), "utf-8")
    lib = Library(root)
    with lib.state.batch():  # one lock hold, each store file written once
        for b in range(bookmarks):
            a = made[rng.randrange(len(made))]
            p = rng.randrange(len(a.paragraphs))
            text = a.paragraphs[p]
            lib.state.add_bookmark(a.id, p, text[:80], "", text[80:112], 0, 80, note=f"note {b}" if b % 3 == 0 else "")
    return lib


def long_article(words: int = 100_000, seed: int = 0) -> Article:
    rng = random.Random(seed)
    paras = []
    total = 0
    while total < words:
        n = rng.randrange(40, 120)
        paras.append(_paragraph(rng, n))
        total += n
    title = f"A very long article of {words} words"
    return Article(id=article_id(paras, title), title=title, paragraphs=paras, authors=["Ada Okafor"],
                   publisher="Atlas Wire", language="en")
