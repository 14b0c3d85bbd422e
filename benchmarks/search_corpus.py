"""A generated library for the search benchmark: many varied articles of about 800 words.

    make_articles(n, seed=0) -> Iterator[Article]
    write_library(root, n, seed=0) -> list of (id, path)   # article files + index.json, no search index

The vocabulary is not trivial: 40,000 invented words drawn with a Zipf law (a few very common,
most rare, as in real text), each article leaning on one of 300 topics (its own 120 words, so
words cluster in articles as real subjects do), real names of people, organisations and places,
words with diacritics (São Paulo, Zürich, Erdoğan), and one article in twenty in Persian.
Paragraphs are slices of one long Zipf-drawn text at random places, with
topic words mixed in. Writing 100,000 articles takes a minute or two; the benchmark measures the reader, not this.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

from reader.library import INDEX_VERSION, Summary
from reader.models import Article, Entity

VOCAB = 40_000
TOPICS = 300
POOL = 3_000_000
SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou", "ea")]
PEOPLE = ["Maria Lopez", "John Carter", "Amir Rahimi", "Chen Wei", "Fatima Noor", "Lars Nilsson",
          "Ada Okafor", "Recep Erdoğan", "Zoë Müller", "Mahsa Amini", "Ebrahim Raisi", "Olaf Scholz"]
ORGS = ["United Nations", "European Union", "World Bank", "Red Cross", "Reuters", "Amnesty International",
        "Central Bank", "Supreme Court", "Ministry of Health"]
PLACES = ["Paris", "Nairobi", "Tehran", "Lima", "Oslo", "Jakarta", "Ankara", "Quito", "São Paulo", "Zürich",
          "Rotterdam", "Kraków", "Bogotá", "Montréal"]
OUTLETS = ["The Daily Ledger", "Harbour Times", "Northern Post", "Atlas Wire", "Al Jazeera", "BBC Persian"]
SECTIONS = ["World", "Business", "Science", "Politics", "Culture", "Sport", None]
PERSIAN = ("تهران ایران دولت مجلس اقتصاد کتاب‌ها نمایشگاه خبرگزاری گزارش وزیر رئیس‌جمهور اعتراض "
           "دانشگاه زنان آزادی تحریم نفت بازار قیمت مردم شهر امروز گفت سال هفته جمهوری اسلامی").split()


def vocabulary(seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < VOCAB:
        words.add("".join(rng.choices(SYLLABLES, k=rng.choice((1, 2, 2, 3, 3, 3, 4)))))
    return sorted(words, key=lambda w: (len(w), w))  # short words are the common ones, as in real text


def make_articles(n: int, seed: int = 0, words: int = 800) -> Iterator[Article]:
    rng = random.Random(seed)
    vocab = vocabulary(seed)
    cum = list(itertools.accumulate(1.0 / (r + 1) ** 1.05 for r in range(len(vocab))))
    # Paragraphs are slices of one long Zipf-drawn text (fast), with topic words mixed in.
    pool = rng.choices(vocab, cum_weights=cum, k=POOL)
    topics = [rng.sample(vocab[200:], 120) for _ in range(TOPICS)]
    start = date(2015, 1, 1)
    for i in range(n):
        topic = topics[rng.randrange(TOPICS)]
        person, org, place = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(PLACES)
        persian = i % 20 == 7
        paras = []
        left = words
        while left > 0:
            k = min(left, rng.randint(40, 110))
            if persian:
                ws = rng.choices(PERSIAN, k=k)
            else:
                off = rng.randrange(POOL - k)
                ws = pool[off:off + k]
                rnd = rng.random
                for j in range(rng.randrange(12), k, 12):  # the topic's words
                    ws[j] = topic[int(rnd() * 120)]
            ws[0] = ws[0].capitalize()
            paras.append(" ".join(ws) + ".")
            left -= k
        paras[0] = f"{person} of the {org} spoke in {place}. " + paras[0]
        if rng.random() < 0.3:
            paras[rng.randrange(len(paras))] += f" Officials in {rng.choice(PLACES)} said {rng.choice(PEOPLE)} agreed."
        title_words = rng.sample(PERSIAN, 4) if persian else [rng.choice(topic), *rng.choices(vocab[:3000], k=3)]
        title = " ".join(title_words).capitalize() + f" in {place}"
        ents = [
            Entity(person, "person", [person, person.split()[-1]], 1, [[0, 0, len(person)]]),
            Entity(org, "organization", [org], 1, [[0, paras[0].index(org), paras[0].index(org) + len(org)]]),
            Entity(place, "place", [place], 1, [[0, paras[0].index(place), paras[0].index(place) + len(place)]]),
        ]
        day = start + timedelta(days=rng.randrange(3650))
        yield Article(
            id=hashlib.sha256(f"{seed}-{i}".encode()).hexdigest()[:16],
            title=title,
            paragraphs=paras,
            authors=[rng.choice(PEOPLE)],
            publisher=rng.choice(OUTLETS),
            section=rng.choice(SECTIONS),
            date=day.isoformat(),
            language="fa" if persian else "en",
            entities=ents,
            added=f"{day + timedelta(days=1)}T09:00:00+00:00",
        )


def write_library(root: Path, n: int, seed: int = 0) -> list[Article]:
    """Article files and index.json written directly (no search index): returns nothing heavy."""
    root = Path(root)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    rows = []
    for a in make_articles(n, seed):
        (root / "articles" / f"{a.id}.json").write_text(json.dumps(a.to_dict(), ensure_ascii=False), "utf-8")
        rows.append(asdict(Summary.of(a)))
    (root / "index.json").write_text(json.dumps({"version": INDEX_VERSION, "articles": rows}, ensure_ascii=False), "utf-8")
    return rows
