"""The state store: contract, atomic writes, two instances, batches."""

from __future__ import annotations

import json
import os

import pytest

from reader.errors import NotFound, StoreError
from reader.store import StateStore
from reader.store.storage import AtomicJSONStorage


@pytest.fixture
def store(tmp_path):
    s = StateStore(tmp_path / "state.json")
    yield s
    s.close()


def files(store: StateStore) -> list:
    return [store.path, *sorted(store.folder.glob("*.json"))]


# -- the API contract ------------------------------------------------------------------------------
def test_read_state_and_position(store):
    assert not store.is_read("a") and store.get_position("a") is None
    store.set_read("a")
    store.set_position("a", 7)
    store.set_position("b", 2)
    assert store.is_read("a") and store.get_position("a") == 7
    assert store.read_ids() == {"a"}
    store.set_read("a", read=False)
    assert store.read_ids() == set() and store.get_position("a") == 7


def test_bookmarks_notes_and_order(store):
    made = [store.add_bookmark(f"art{i % 3}", i, f"quote {i}", "pre", "suf", 1, 5, note=f"n{i}") for i in range(40)]
    assert [b.id for b in store.bookmarks()] == [b.id for b in made]  # oldest first, across shards
    assert [b.id for b in store.bookmarks("art1")] == [b.id for b in made if b.article_id == "art1"]
    assert store.bookmarked_ids() == {"art0", "art1", "art2"}
    got = store.get_bookmark(made[5].id)
    assert (got.quote, got.prefix, got.suffix, got.start, got.end, got.note) == ("quote 5", "pre", "suf", 1, 5, "n5")
    assert store.set_note(made[5].id, "changed").note == "changed"
    assert store.get_bookmark(made[5].id).note == "changed"
    store.remove_bookmark(made[5].id)
    with pytest.raises(NotFound, match="reader bookmark list"):
        store.get_bookmark(made[5].id)
    with pytest.raises(NotFound):
        store.remove_bookmark(made[5].id)
    with pytest.raises(NotFound):
        store.set_note("nope", "x")
    assert len(store.bookmarks()) == 39


def test_meta_and_settings(store):
    store.set_meta("a", {"title": "T"})
    store.set_meta("a", {"date": "2024-01-02"})
    assert store.get_meta("a") == {"title": "T", "date": "2024-01-02"}
    assert store.all_meta() == {"a": {"title": "T", "date": "2024-01-02"}}
    assert store.get_setting("theme", "light") == "light"
    store.set_setting("theme", "dark")
    store.set_setting("theme", "solar")
    assert store.get_setting("theme") == "solar"


def test_everything_survives_reopening(tmp_path):
    s = StateStore(tmp_path / "state.json")
    bm = s.add_bookmark("a", 1, "q", note="kept")
    s.set_read("a")
    s.set_meta("a", {"title": "T"})
    s.set_setting("k", [1, 2])
    s.close()
    s = StateStore(tmp_path / "state.json")
    assert s.get_bookmark(bm.id).note == "kept" and s.is_read("a")
    assert s.get_meta("a") == {"title": "T"} and s.get_setting("k") == [1, 2]


def test_files_are_tinydb_json(store):
    store.add_bookmark("a", 0, "q")
    store.set_read("a")
    for path in files(store):
        data = json.loads(path.read_text("utf-8"))
        assert all(isinstance(t, dict) for t in data.values())
    meta = json.loads(store.path.read_text("utf-8"))["_meta"]["1"]
    assert meta["schema"] == 1 and meta["shards"] == store.shards


# -- atomic writes ---------------------------------------------------------------------------------
def test_write_replaces_the_file_never_rewrites_it_in_place(store):
    store.set_setting("k", "old")
    before = os.stat(store.path).st_ino
    with open(store.path, "rb") as fh:  # a reader that opened the old version
        store.set_setting("k", "new")
        assert json.loads(fh.read())["settings"]["1"]["value"] == "old"  # old file untouched
    assert os.stat(store.path).st_ino != before
    assert store.get_setting("k") == "new"


def test_failed_write_leaves_old_file_and_no_temp(store, monkeypatch):
    store.set_setting("k", "old")
    raw = store.path.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(StoreError, match="state.json"):
        store.set_setting("k", "new")
    monkeypatch.undo()
    assert store.path.read_bytes() == raw
    assert not list(store.path.parent.glob(".*.tmp"))
    assert store.get_setting("k") == "old"  # the failed change is not kept in memory either
    store.set_setting("k", "newer")
    assert StateStore(store.path).get_setting("k") == "newer"


def test_rolling_backup_is_the_previous_version(store):
    store.set_setting("k", 1)
    store.set_setting("k", 2)
    bak = store.path.with_name("state.json.bak")
    assert json.loads(bak.read_text())["settings"]["1"]["value"] == 1
    assert os.stat(bak).st_ino != os.stat(store.path).st_ino


def test_temp_files_of_a_killed_writer_are_cleaned_at_open(tmp_path):
    StateStore(tmp_path / "state.json").close()
    junk = [tmp_path / ".state.json.abc.tmp", tmp_path / "state.d" / ".bookmarks-03.json.x.tmp"]
    for j in junk:
        j.write_text("{partial")
    StateStore(tmp_path / "state.json").close()
    assert not any(j.exists() for j in junk)


def test_storage_is_a_tinydb_storage_used_by_tinydb(tmp_path):
    from tinydb import TinyDB

    db = TinyDB(tmp_path / "x.json", storage=AtomicJSONStorage)
    db.insert({"a": 1})
    assert json.loads((tmp_path / "x.json").read_text()) == {"_default": {"1": {"a": 1}}}


# -- two instances (as a TUI and a CLI command would hold it) ------------------------------------
@pytest.mark.parametrize("shards", [1, 32])
def test_two_instances_never_lose_each_others_writes(tmp_path, shards):
    a = StateStore(tmp_path / "state.json", shards=shards)
    b = StateStore(tmp_path / "state.json")
    assert b.shards == shards  # the shard count comes from the file
    ids = []
    for i in range(30):
        ids.append((a if i % 2 else b).add_bookmark(f"x{i}", i, f"q{i}").id)
        (b if i % 2 else a).set_read(f"x{i}")
    a.set_meta("x1", {"title": "from a"})
    b.set_setting("from", "b")
    a.set_note(ids[0], "a's note")
    b.set_note(ids[1], "b's note")
    for s in (a, b, StateStore(tmp_path / "state.json")):
        assert [bm.id for bm in s.bookmarks()] == ids
        assert s.read_ids() == {f"x{i}" for i in range(30)}
        assert s.get_meta("x1") == {"title": "from a"} and s.get_setting("from") == "b"
        assert s.get_bookmark(ids[0]).note == "a's note" and s.get_bookmark(ids[1]).note == "b's note"


def test_reads_see_the_other_instances_changes(tmp_path):
    a = StateStore(tmp_path / "state.json", shards=1)
    b = StateStore(tmp_path / "state.json")
    bm = a.add_bookmark("x", 0, "q")
    assert b.bookmarks()[0].note == ""  # b has it cached now
    a.set_note(bm.id, "changed")
    assert b.get_bookmark(bm.id).note == "changed"
    a.remove_bookmark(bm.id)
    assert b.bookmarks() == [] and b.bookmarked_ids() == set()


def test_same_size_rewrite_is_seen(tmp_path):
    """A change that keeps the file size (read True -> False) is still noticed by the other instance."""
    a = StateStore(tmp_path / "state.json", shards=1)
    b = StateStore(tmp_path / "state.json")
    a.set_setting("flag", "aaaa")
    for value in ["bbbb", "cccc", "dddd", "aaaa"]:
        assert b.get_setting("flag") != value
        a.set_setting("flag", value)
        assert b.get_setting("flag") == value


# -- batches ----------------------------------------------------------------------------------------
def test_batch_writes_each_file_once(store, monkeypatch):
    calls = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda s, d: (calls.append(str(d)), real(s, d))[1])
    with store.batch():
        for i in range(200):
            store.add_bookmark("a", i, "q")
        store.set_read("a")
    data_writes = [c for c in calls if c.endswith(".json")]
    assert len(data_writes) == len(set(data_writes)) <= store.shards + 1
    assert len(StateStore(store.path).bookmarks()) == 200


def test_batch_that_fails_saves_nothing(store):
    store.add_bookmark("a", 0, "kept")
    with pytest.raises(RuntimeError):
        with store.batch():
            store.add_bookmark("a", 1, "dropped")
            store.set_read("a")
            raise RuntimeError("boom")
    assert [b.quote for b in store.bookmarks()] == ["kept"] and not store.is_read("a")
    assert [b.quote for b in StateStore(store.path).bookmarks()] == ["kept"]


def test_batch_holds_the_lock_so_others_wait(tmp_path):
    import threading

    a = StateStore(tmp_path / "state.json")
    b = StateStore(tmp_path / "state.json")
    order = []

    def other():
        b.add_bookmark("b", 0, "q")
        order.append("b")

    with a.batch():
        a.add_bookmark("a", 0, "q")
        t = threading.Thread(target=other)
        t.start()
        t.join(0.3)
        order.append("a")
    t.join(5)
    assert order == ["a", "b"]
    assert {x.article_id for x in StateStore(tmp_path / "state.json").bookmarks()} == {"a", "b"}


def test_lock_held_too_long_is_one_clear_error(tmp_path, monkeypatch):
    import threading

    from reader.store import locking

    a = StateStore(tmp_path / "state.json")
    b = StateStore(tmp_path / "state.json")
    b._lock.timeout = 0.2
    entered, done = threading.Event(), threading.Event()

    def hold():
        with a.batch():
            entered.set()
            done.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    entered.wait(5)
    try:
        with pytest.raises(StoreError, match="lock") as err:
            b.set_read("x")
        assert "\n" not in str(err.value)
    finally:
        done.set()
        t.join()
    b.set_read("x")  # free again
    assert a.is_read("x") and locking.LOCK_TIMEOUT > 1
