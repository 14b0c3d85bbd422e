"""Metadata on real scraped pages of many outlets (issue 14, deliverable 3): at least 95% of fields exact.

tests/fixtures/realmeta/dev/ (12 real pages from 12 outlets, metadata gold annotated blind) scored 51/60
fields exact when it arrived, measured before any rule was written for it; the general rules written after
it give 60/60 (`python benchmarks/metadata_accuracy.py --set realmeta/dev` prints the figures and misses).
tests/fixtures/realnews/dev/ (16 pages) stays 80/80. The blind sets are measured by the benchmark only,
never by a test, and never tuned on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.ingest import parse_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIELDS = ("title", "section", "authors", "publisher", "date")


@pytest.mark.parametrize(("folder", "size"), [("realmeta/dev", 12), ("realnews/dev", 16)])
def test_metadata_is_exact_on_95_percent_of_fields(folder, size):
    exact = total = 0
    misses = []
    for gpath in sorted((FIXTURES / folder / "gold").glob("*.json")):
        gold = json.loads(gpath.read_text("utf-8"))
        got = parse_file(FIXTURES / folder / gold["doc"]).inspect_dict()
        for f in FIELDS:
            ok = got[f] == gold["metadata"].get(f)
            exact += ok
            total += 1
            if not ok:
                misses.append(f"{gold['doc']} {f}: {gold['metadata'].get(f)!r} != {got[f]!r}")
    assert total == size * len(FIELDS)
    assert exact / total >= 0.95, f"{folder}: {exact}/{total} exact; " + "; ".join(misses)
