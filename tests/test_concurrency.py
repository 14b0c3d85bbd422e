"""Two processes writing at once never lose each other's writes."""

from __future__ import annotations

import json

import pytest

from benchmarks.race import race
from reader.store import StateStore

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("shards", [32, 1])
def test_two_processes_add_500_bookmarks_each(tmp_path, shards):
    path = tmp_path / "state.json"
    StateStore(path, shards=shards).close()  # shards=1: every write goes to the same file
    race(path, 500)
    store = StateStore(path)
    marks = store.bookmarks()
    assert len(marks) == 1000
    assert len({b.id for b in marks}) == 1000
    for tag in ("p1", "p2"):
        mine = [b for b in marks if b.quote.startswith(tag)]
        assert [b.quote for b in mine] == [f"{tag} quote {i}" for i in range(500)]  # each one's order kept
        assert sum(b.note.endswith("edited") for b in mine) == 50
        assert store.get_setting(f"{tag}-count") == 490
    assert len(store.read_ids()) == 34
    for f in [path, *store.folder.glob("*.json")]:
        json.loads(f.read_bytes())
    assert not list(tmp_path.rglob(".*.tmp"))
