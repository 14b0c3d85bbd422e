"""Random operation sequences on 2 or 3 devices with random sync points (files copied from one library
folder to another, newer over older, as a sync tool does): once every file has been exchanged, every
device shows the same state, and a bookmark that no device deleted is there."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import NotFound
from reader.sync.store import SyncedStore
from tests.sync_helpers import copy_py, fingerprint

ARTICLES = ["a1", "a2", "a3"]

op = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 2), st.sampled_from(ARTICLES), st.text(max_size=5)),
    st.tuples(st.just("note"), st.integers(0, 2), st.integers(0, 20), st.text(max_size=5)),
    st.tuples(st.just("rm"), st.integers(0, 2), st.integers(0, 20)),
    st.tuples(st.just("read"), st.integers(0, 2), st.sampled_from(ARTICLES), st.booleans()),
    st.tuples(st.just("pos"), st.integers(0, 2), st.sampled_from(ARTICLES), st.integers(0, 50)),
    st.tuples(st.just("meta"), st.integers(0, 2), st.sampled_from(ARTICLES), st.sampled_from(["title", "author"]), st.text(max_size=4)),
    st.tuples(st.just("setting"), st.integers(0, 2), st.sampled_from(["style", "theme"]), st.integers(0, 9)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(2, 3), ops=st.lists(op, max_size=25))
def test_devices_converge_once_every_file_is_exchanged(n, ops):
    tmp = Path(tempfile.mkdtemp())
    try:
        roots = [tmp / f"d{i}" for i in range(n)]
        stores = [SyncedStore(r, device=f"dev{i}") for i, r in enumerate(roots)]
        deleted: set[str] = set()
        added: set[str] = set()
        for o in ops:
            i = o[1] % n
            s = stores[i]
            marks = s.bookmarks()
            if o[0] == "add":
                added.add(s.add_bookmark(o[2], 0, "q" + o[3], note=o[3]).id)
            elif o[0] == "note" and marks:
                s.set_note(marks[o[2] % len(marks)].id, o[3])
            elif o[0] == "rm" and marks:
                bid = marks[o[2] % len(marks)].id
                try:
                    s.remove_bookmark(bid)
                    deleted.add(bid)
                except NotFound:
                    pass
            elif o[0] == "read":
                s.set_read(o[2], o[3])
            elif o[0] == "pos":
                s.set_position(o[2], o[3])
            elif o[0] == "meta":
                s.set_meta(o[2], {o[3]: o[4] or "x"})
            elif o[0] == "setting":
                s.set_setting(o[2], o[3])
            elif o[0] == "sync":
                copy_py(roots[o[1] % n], roots[o[2] % n])
        for _ in range(2):  # everyone to everyone
            for a in range(n):
                for b in range(n):
                    if a != b:
                        copy_py(roots[a], roots[b])
        prints = [fingerprint(s, ARTICLES) for s in stores]
        assert all(p == prints[0] for p in prints[1:])
        shown = {b[0] for b in prints[0]["bookmarks"]}
        assert shown == added - deleted
        for s in stores:
            s.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
