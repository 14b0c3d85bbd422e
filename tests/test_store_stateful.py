"""Stateful property test: random operations through two store instances (two processes' views of one
store) always agree with a plain model — no stale cache, no lost write, no re-used document id."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from reader.services.safe_text import clean
from reader.errors import NotFound
from reader.store import StateStore

ARTICLES = st.sampled_from(["a1", "a2", "a3", "a4"])
TEXT = st.text(max_size=12)


class TwoInstances(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp())
        self.stores = [StateStore(self.tmp / "state.json", shards=2), None]
        self.stores[1] = StateStore(self.tmp / "state.json")
        self.bookmarks: dict[str, dict] = {}  # id -> {article, note}
        self.order: list[str] = []
        self.read: dict[str, bool] = {}
        self.settings: dict[str, object] = {}

    def teardown(self) -> None:
        for s in self.stores:
            s.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    @rule(who=st.integers(0, 1), aid=ARTICLES, note=TEXT)
    def add(self, who, aid, note):
        bm = self.stores[who].add_bookmark(aid, 0, "q", note=note)
        self.bookmarks[bm.id] = {"article": aid, "note": clean(note)}  # the store keeps no control sequence
        self.order.append(bm.id)

    @precondition(lambda self: self.order)
    @rule(who=st.integers(0, 1), pick=st.integers(0, 10**6), note=TEXT)
    def edit(self, who, pick, note):
        bid = self.order[pick % len(self.order)]
        assert self.stores[who].set_note(bid, note).note == clean(note)
        self.bookmarks[bid]["note"] = clean(note)

    @precondition(lambda self: self.order)
    @rule(who=st.integers(0, 1), pick=st.integers(0, 10**6))
    def remove(self, who, pick):
        bid = self.order.pop(pick % len(self.order))
        del self.bookmarks[bid]
        self.stores[who].remove_bookmark(bid)
        with pytest.raises(NotFound):
            self.stores[1 - who].get_bookmark(bid)

    @rule(who=st.integers(0, 1), aid=ARTICLES, read=st.booleans())
    def mark(self, who, aid, read):
        self.stores[who].set_read(aid, read)
        self.read[aid] = read

    @rule(who=st.integers(0, 1), key=st.sampled_from(["k1", "k2"]), value=st.one_of(st.integers(), TEXT))
    def setting(self, who, key, value):
        self.stores[who].set_setting(key, value)
        self.settings[key] = clean(value) if isinstance(value, str) else value

    @rule(who=st.integers(0, 1), aids=st.lists(ARTICLES, max_size=4))
    def batch(self, who, aids):
        with self.stores[who].batch():
            for aid in aids:
                bm = self.stores[who].add_bookmark(aid, 1, "batched")
                self.bookmarks[bm.id] = {"article": aid, "note": ""}
                self.order.append(bm.id)

    @invariant()
    def both_agree_with_the_model(self):
        for s in self.stores:
            got = s.bookmarks()
            assert [b.id for b in got] == self.order
            assert {b.id: {"article": b.article_id, "note": b.note} for b in got} == self.bookmarks
            assert s.read_ids() == {a for a, r in self.read.items() if r}
            assert {k: s.get_setting(k) for k in self.settings} == self.settings


TwoInstances.TestCase.settings = settings(max_examples=20, stateful_step_count=20, deadline=None)
test_two_instances_agree_with_a_model = TwoInstances.TestCase
