"""Entity quality on articles far from the corpus's subject, annotated blind by a teammate.

tests/fixtures/heldout/ (eight articles: Brazil, Kenya, Japan, German football, Indian floods, the US Supreme
Court, a Nigerian lawsuit, UN climate talks) scored F1 0.80 when first measured, while the five-article corpus
gave 0.99; it was then used to generalise the rules and scores 0.93. tests/fixtures/heldout2/ (eight more:
Canada, Korea, a cartel trial, Australia, France, the Nile, the Philippines, Switzerland) was kept blind for
measurement: 0.82 before the rules were generalised, 0.915 after. These bars guard that level; improve it
with general rules and data, never with cases written for these texts
(`python benchmarks/heldout_entities.py [--set heldout2]` prints the misses).

tests/fixtures/realnews/dev/ holds 16 real published articles of many outlets and subjects (business, sport,
elections in four countries, health, disasters, a court case), annotated blind by a teammate: the rules scored
F1 0.784 (P 0.824, R 0.748) and 58/80 metadata fields exact when they landed, 0.944 (P 0.946, R 0.942) and
80/80 after issue 14's general rules (`python benchmarks/heldout_entities.py --set realnews/dev --compare-spacy`;
spaCy en_core_web_sm 0.748). The bar below is the issue's goal. tests/fixtures/realnews/blind/ (8 articles) was
measured once, at the end: F1 0.888 (P 0.872, R 0.904; spaCy 0.736) and 34/40 metadata fields exact. It is
measured by the benchmark only, never by a test, and never tuned on.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from reader.entities import extract_entities
from reader.ingest import parse_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _scorer():
    for path in (ROOT.parent / "shared" / "tools" / "score_entities.py", ROOT / "benchmarks" / "score_entities_copy.py"):
        if path.is_file():
            spec = importlib.util.spec_from_file_location("score_entities_heldout", path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    pytest.fail("no entity scorer found (../shared/tools or benchmarks/score_entities_copy.py)")


@pytest.mark.parametrize(("folder", "bar", "size"), [("heldout", 0.90, 8), ("heldout2", 0.88, 8),
                                                     ("realnews/dev", 0.85, 16)])
def test_entity_f1_on_unseen_subjects_meets_the_bar(folder, bar, size):
    scorer = _scorer()
    tp = fp = fn = 0
    texts = sorted((FIXTURES / folder).glob("*.txt"))
    assert len(texts) == size, f"the {folder} set went missing"
    for text in texts:
        gold = json.loads((FIXTURES / folder / "gold" / f"{text.stem}.json").read_text("utf-8"))
        article = parse_file(text)
        article.entities = extract_entities(article)
        t, f, n, *_ = scorer.score(gold, article.inspect_dict())
        tp, fp, fn = tp + t, fp + f, fn + n
    p, r, f1 = scorer.prf(tp, fp, fn)
    assert f1 >= bar, f"{folder}: entity F1 {f1:.3f} < {bar} (tp={tp} fp={fp} fn={fn})"
    if folder.startswith("realnews"):  # the goal: precision and recall both 0.80 or more
        assert p >= 0.80 and r >= 0.80, f"{folder}: P {p:.3f} R {r:.3f}"


def test_real_news_metadata_is_exact_on_95_percent_of_fields():
    folder = FIXTURES / "realnews" / "dev"
    fields = ("title", "section", "authors", "publisher", "date")
    exact = total = 0
    for text in sorted(folder.glob("*.txt")):
        gold = json.loads((folder / "gold" / f"{text.stem}.json").read_text("utf-8"))["metadata"]
        got = parse_file(text).inspect_dict()
        exact += sum(got[f] == gold.get(f) for f in fields)
        total += len(fields)
    assert total == 80 and exact / total >= 0.95, f"{exact}/{total} metadata fields exact"
