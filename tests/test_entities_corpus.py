"""The shared corpus scored with the shared scorer: entity F1 >= 0.90 (skipped when ../shared is absent)."""

from __future__ import annotations

import json

import pytest

from reader.entities import extract_entities
from reader.ingest import parse_file
from tests.entities_helpers import load_scorer, shared_dir

SHARED = shared_dir()
pytestmark = pytest.mark.skipif(SHARED is None or load_scorer() is None,
                                reason="../shared/corpus or the scorer is not present")


def _pairs():
    corpus = SHARED / "corpus"
    for txt in sorted(corpus.glob("*.txt")):
        gold = corpus / "gold" / (txt.stem + ".json")
        if gold.is_file():
            yield txt, json.loads(gold.read_text(encoding="utf-8"))


def _predict(txt):
    """What `reader inspect FILE --json` prints, as the scorer reads it."""
    a = parse_file(txt)
    a.entities = extract_entities(a)
    return json.loads(json.dumps(a.inspect_dict()))


def test_corpus_entity_f1_at_least_0_90():
    scorer = load_scorer()
    tp = fp = fn = 0
    report = []
    for txt, gold in _pairs():
        t, f, n, *_rest, misses, wrong = scorer.score(gold, _predict(txt))
        tp, fp, fn = tp + t, fp + f, fn + n
        report.append(f"{txt.name}: missed {misses} wrong {wrong}")
    p, r, f1 = scorer.prf(tp, fp, fn)
    assert tp, "no document scored"
    assert f1 >= 0.90, f"entity F1 {f1:.3f} (P {p:.3f} R {r:.3f})\n" + "\n".join(report)


def test_corpus_mentions_are_inside_paragraphs():
    for txt, _gold in _pairs():
        a = parse_file(txt)
        for e in extract_entities(a):
            for para, start, end in e.mentions:
                text = a.title if para == -1 else a.paragraphs[para]
                assert 0 <= start < end <= len(text) and text[start:end] in e.aliases
