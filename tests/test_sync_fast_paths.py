"""The fast paths of the synced store keep every guarantee: the per-device journal (single changes, one
fsync each; a torn last line; folding into the shards) and the per-machine cache of the other devices'
merged rows (a warm start sees exactly what a cold one does, and follows changes arriving later)."""

from __future__ import annotations

import json

import pytest

from reader.sync import journal, snapshot
from reader.sync.store import SyncedStore
from tests.sync_helpers import fingerprint


def _fill(root, device: str, n: int = 30) -> list[str]:
    s = SyncedStore(root, device=device)
    ids = []
    for i in range(n):
        ids.append(s.add_bookmark(f"art{i % 5}", i % 3, f"{device} passage {i}", note=f"{device} note {i}").id)
        s.set_read(f"art{i}", i % 2 == 0)
        s.set_position(f"art{i % 5}", i)
    s.close()
    return ids


def test_single_changes_go_to_the_journal_and_read_back(tmp_path):
    root = tmp_path / "lib"
    s = SyncedStore(root, device="laptop")
    bm = s.add_bookmark("a1", 2, "a passage", note="first")
    s.set_note(bm.id, "second")
    s.set_read("a1")
    s.set_position("a1", 4)
    s.set_meta("a1", {"title": "Fixed"})
    assert s.journal.exists() and not list((s.own.folder).glob("marks-*.json"))  # nothing rewritten yet
    lines = s.journal.read_bytes().splitlines()
    assert len(lines) == 6 and all(json.loads(x)["d"] == "laptop" for x in lines)
    s.close()
    s = SyncedStore(root, device="laptop")
    assert s.get_bookmark(bm.id).note == "second" and s.read_ids() == {"a1"} and s.get_position("a1") == 4
    assert s.get_meta("a1") == {"title": "Fixed"}
    other = SyncedStore(root, device="desktop")  # another device reads the journal as it reads shards
    assert fingerprint(other, ["a1"]) == fingerprint(s, ["a1"])


def test_a_torn_last_line_is_never_read_and_is_cut_off_by_the_next_change(tmp_path):
    root = tmp_path / "lib"
    s = SyncedStore(root, device="laptop")
    bm = s.add_bookmark("a1", 0, "kept", note="acknowledged")
    s.close()
    path = root / "devices" / "laptop" / journal.NAME
    with open(path, "ab") as fh:  # a process killed in the middle of an append: never acknowledged
        fh.write(b'{"t":"reads","k":"a9","v":{"read":tr')
    s = SyncedStore(root, device="laptop")
    assert s.get_bookmark(bm.id).note == "acknowledged" and s.read_ids() == set() and not s.take_warnings()
    s.set_read("a2")
    text = path.read_bytes()
    assert text.endswith(b"\n") and b'"a9"' not in text
    assert all(json.loads(line) for line in text.splitlines())
    s.close()
    s = SyncedStore(root, device="laptop")
    assert s.read_ids() == {"a2"} and s.get_bookmark(bm.id).note == "acknowledged"


def test_the_journal_folds_into_the_shards_without_losing_anything(tmp_path, monkeypatch):
    monkeypatch.setattr(journal, "FOLD_AT", 2048)
    root = tmp_path / "lib"
    ids = _fill(root, "laptop", 40)
    s = SyncedStore(root, device="laptop")
    assert s.journal.stat().st_size <= 2048 + 1024  # folded along the way
    assert list(s.own.folder.glob("marks-*.json"))  # into the shards
    before = fingerprint(s, [f"art{i}" for i in range(40)])
    assert sorted(b[0] for b in before["bookmarks"]) == sorted(ids)
    assert s.fold_journal() >= 0 and s.journal.read_bytes() == b""
    s.close()
    s = SyncedStore(root, device="laptop")
    assert fingerprint(s, [f"art{i}" for i in range(40)]) == before


def test_a_warm_start_from_the_cache_sees_what_a_cold_one_does_and_follows_later_changes(tmp_path, monkeypatch):
    root = tmp_path / "lib"
    _fill(root, "laptop", 10)
    desk = _fill(root, "desktop", 25)
    _fill(root, "server", 25)
    arts = [f"art{i}" for i in range(25)]
    s = SyncedStore(root, device="laptop")
    assert s.view.base is None  # no cache yet: every file read
    cold = fingerprint(s, arts)
    s.close()
    cache = snapshot.cache_file(root, "laptop")
    assert cache is not None and cache.exists() and root not in cache.parents  # per machine, not in the library
    s = SyncedStore(root, device="laptop")
    assert fingerprint(s, arts) == cold and s.view.base is not None  # started from the cache
    s.set_note(desk[0], "edited on the laptop")  # this device's changes fold on top of the cached merge
    s.set_read("art1")
    # another device writes while this one runs: the cached merge is left for the files
    d = SyncedStore(root, device="desktop")
    d.remove_bookmark(desk[1])
    d.set_position("art3", 99)
    d.close()
    s.view.force = True
    seen = fingerprint(s, arts)
    assert s.view.base is None
    monkeypatch.setattr(snapshot, "cache_file", lambda root, device: None)
    fresh = SyncedStore(root, device="other")  # a cold read of the same files, no cache
    assert fingerprint(fresh, arts) == seen
    assert desk[1] not in {b[0] for b in seen["bookmarks"]} and seen["positions"]["art3"] == 99
    assert ("edited on the laptop" in {b[3] for b in seen["bookmarks"]}) and "art1" in seen["read"]
    s.close()


@pytest.mark.parametrize("content", [b"", b"{nope", b'{"version": 1, "sigs": {}, "tables": []}', b"\x00\xff"])
def test_a_damaged_cache_is_ignored(tmp_path, content):
    root = tmp_path / "lib"
    _fill(root, "laptop", 5)
    _fill(root, "desktop", 5)
    s = SyncedStore(root, device="laptop")
    cold = fingerprint(s, ["art1"])
    s.close()
    cache = snapshot.cache_file(root, "laptop")
    cache.write_bytes(content)
    s = SyncedStore(root, device="laptop")
    assert fingerprint(s, ["art1"]) == cold and s.view.base is None and not s.take_warnings()


def test_a_conflict_copy_of_the_journal_is_read_then_folded_and_set_aside(tmp_path):
    root = tmp_path / "lib"
    s = SyncedStore(root, device="laptop")
    s.set_read("a1")
    s.close()
    path = root / "devices" / "laptop" / journal.NAME
    # a sync tool kept another version of the journal beside it, holding a change the real one lacks
    copy = path.with_name("journal.sync-conflict-20261201-101010-ABCDEFG.jsonl")
    copy.write_bytes(path.read_bytes() + journal.line_of("reads", "a2", {"read": True}, 5, "laptop"))
    other = SyncedStore(root, device="desktop")  # another device reads the copy, never moves it
    assert other.read_ids() == {"a1", "a2"} and copy.exists()
    other.close()
    s = SyncedStore(root, device="laptop")  # the owner folds it into its files and sets it aside
    assert not copy.exists() and s.read_ids() == {"a1", "a2"}
    from reader.sync.files import ASIDE

    assert any(p.name.endswith(copy.name) for p in (root / ASIDE).iterdir())
    s.close()
    assert SyncedStore(root, device="desktop").read_ids() == {"a1", "a2"}
