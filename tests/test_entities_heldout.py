"""Entity quality on articles far from the corpus's subject, annotated blind by a teammate.

tests/fixtures/heldout/ (eight articles: Brazil, Kenya, Japan, German football, Indian floods, the US Supreme
Court, a Nigerian lawsuit, UN climate talks) scored F1 0.80 when first measured, while the five-article corpus
gave 0.99; it was then used to generalise the rules and scores 0.93. tests/fixtures/heldout2/ (eight more:
Canada, Korea, a cartel trial, Australia, France, the Nile, the Philippines, Switzerland) was kept blind for
measurement: 0.82 before the rules were generalised, 0.915 after. These bars guard that level; improve it
with general rules and data, never with cases written for these texts
(`python benchmarks/heldout_entities.py [--set heldout2]` prints the misses).
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


@pytest.mark.parametrize(("folder", "bar"), [("heldout", 0.90), ("heldout2", 0.88)])
def test_entity_f1_on_unseen_subjects_meets_the_bar(folder, bar):
    scorer = _scorer()
    tp = fp = fn = 0
    texts = sorted((FIXTURES / folder).glob("*.txt"))
    assert len(texts) == 8, f"the {folder} set went missing"
    for text in texts:
        gold = json.loads((FIXTURES / folder / "gold" / f"{text.stem}.json").read_text("utf-8"))
        article = parse_file(text)
        article.entities = extract_entities(article)
        t, f, n, *_ = scorer.score(gold, article.inspect_dict())
        tp, fp, fn = tp + t, fp + f, fn + n
    _, _, f1 = scorer.prf(tp, fp, fn)
    assert f1 >= bar, f"{folder}: entity F1 {f1:.3f} < {bar} (tp={tp} fp={fp} fn={fn})"
