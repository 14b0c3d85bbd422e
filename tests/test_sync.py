"""Sync between machines: two libraries with different device ids, edited independently, then brought
together by copying files both ways (rsync in both orders, a plain copy, a copy that leaves
sync-conflict files) end with the same state, every acknowledged change kept."""

from __future__ import annotations

import json
import time
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.sync.files import ASIDE
from reader.sync.store import SyncedStore
from tests.sync_helpers import RSYNC, exchange, fingerprint

HOWS = ["py", pytest.param("rsync", marks=pytest.mark.skipif(RSYNC is None, reason="rsync is not installed")), "conflicts"]


def _next_second() -> None:
    """rsync --update compares whole seconds: edits made within the second of the previous copy look
    as old as it. People edit long after a sync; here, wait for the next second."""
    start = int(time.time())
    while int(time.time()) == start:
        time.sleep(0.02)


def _edit_both(a_root: Path, b_root: Path) -> tuple[dict, SyncedStore, SyncedStore]:
    """A shared start (synced once), then independent edits on each device; returns what was acknowledged."""
    a = SyncedStore(a_root, device="laptop")
    shared = a.add_bookmark("art1", 2, "a shared passage", note="first note")
    doomed = a.add_bookmark("art1", 3, "to be deleted on b")
    a.set_read("art1")
    a.set_position("art1", 5)
    a.close()
    exchange(a_root, b_root)
    _next_second()
    a, b = SyncedStore(a_root, device="laptop"), SyncedStore(b_root, device="desktop")
    assert b.get_bookmark(shared.id).note == "first note"
    # independent edits
    only_a = a.add_bookmark("art2", 0, "laptop's passage", note="from the laptop")
    a.set_note(shared.id, "laptop's version")
    a.set_position("art1", 9)
    a.set_meta("art1", {"title": "Corrected on the laptop"})
    a.set_setting("citation_style", "apa")
    only_b = b.add_bookmark("art3", 1, "desktop's passage")
    b.set_note(shared.id, "desktop's version")
    b.remove_bookmark(doomed.id)
    b.set_read("art2")
    b.set_read("art1", False)
    b.set_meta("art1", {"author": "Fixed on the desktop"})
    return {"shared": shared.id, "doomed": doomed.id, "only_a": only_a.id, "only_b": only_b.id}, a, b


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("first", ["ab", "ba"])
def test_two_libraries_converge(tmp_path, how, first):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    ids, a, b = _edit_both(a_root, b_root)
    a.close(), b.close()
    exchange(a_root, b_root, how=how, first=first)
    exchange(a_root, b_root, how=how, first=first)  # a second round: conflict copies meet their folders' owners
    a, b = SyncedStore(a_root, device="laptop"), SyncedStore(b_root, device="desktop")
    fa, fb = fingerprint(a, ["art1", "art2", "art3"]), fingerprint(b, ["art1", "art2", "art3"])
    assert fa == fb
    marks = {m[0]: m for m in fa["bookmarks"]}
    assert ids["only_a"] in marks and ids["only_b"] in marks and ids["shared"] in marks
    assert ids["doomed"] not in marks  # the deletion holds
    assert fa["conflicts"] == {ids["shared"]: ["desktop's version", "laptop's version"]}
    assert marks[ids["only_a"]][3] == "from the laptop"
    assert fa["read"] == ["art2"]  # art1 marked unread on the desktop after the laptop marked it read
    assert fa["positions"]["art1"] == 9
    assert fa["meta"] == {"art1": {"title": "Corrected on the laptop", "author": "Fixed on the desktop"}}
    assert fa["settings"] == {"citation_style": "apa"}
    # the user resolves on one device; it is resolved everywhere after the next exchange
    _next_second()
    a.set_note(ids["shared"], "merged by hand")
    a.close(), b.close()
    exchange(a_root, b_root, how=how, first=first)
    for root, dev in ((a_root, "laptop"), (b_root, "desktop")):
        s = SyncedStore(root, device=dev)
        assert s.conflicts() == {} and s.get_bookmark(ids["shared"]).note == "merged by hand", dev
        s.close()


def test_an_older_copy_never_brings_a_deleted_bookmark_back(tmp_path):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    a = SyncedStore(a_root, device="laptop")
    bm = a.add_bookmark("x", 0, "q")
    a.close()
    exchange(a_root, b_root)
    old_copy = tmp_path / "old"
    shutil.copytree(a_root / "devices", old_copy)  # a stale backup of the laptop's files
    b = SyncedStore(b_root, device="desktop")
    b.remove_bookmark(bm.id)
    b.close()
    exchange(a_root, b_root)
    shutil.copytree(old_copy, a_root / "devices", dirs_exist_ok=True)  # the stale copy arrives late
    a = SyncedStore(a_root, device="laptop")
    assert a.bookmarks() == []


def test_conflict_copies_are_merged_then_set_aside(tmp_path):
    root = tmp_path / "lib"
    s = SyncedStore(root, device="laptop")
    s.set_read("x")
    s.fold_journal()  # into the shards (single changes go to the journal first)
    s.close()
    shard = next((root / "devices" / "laptop" / "state.d").glob("reads-*.json"))
    saved = shard.read_bytes()
    s = SyncedStore(root, device="laptop")
    s.set_position("y", 3)  # may land in another shard; the copy below holds a change the real file lacks
    s.set_read("x", False)
    s.fold_journal()
    s.close()
    # a sync tool kept an older version of the shard as a conflict copy holding a row the real file has newer
    data = json.loads(saved)
    data["reads"]["99"] = {"k": "z", "v": {"read": True}, "h": {"read": 5}, "d": "laptop"}
    conflict = shard.with_name(shard.stem + ".sync-conflict-20261201-101010-ABCDEFG.json")
    conflict.write_text(json.dumps(data))
    other = SyncedStore(root, device="desktop")  # another device reads the copy, never moves it
    assert other.read_ids() == {"z"} and conflict.exists()
    other.close()
    s = SyncedStore(root, device="laptop")  # the owner folds it into its files and sets it aside
    assert not conflict.exists() and list((root / ASIDE).iterdir())
    assert s.read_ids() == {"z"} and s.get_position("y") == 3


def test_a_library_written_before_sync_migrates_with_old_files_kept(tmp_path):
    from reader.store import StateStore

    root = tmp_path / "lib"
    root.mkdir()
    old = StateStore(root / "state.json")
    bm = old.add_bookmark("art", 1, "old passage", note="old note")
    old.set_read("art")
    old.set_position("art", 4)
    old.set_meta("art", {"title": "T"})
    old.set_setting("citation_style", "mla")
    old.close()
    s = SyncedStore(root, device="laptop")
    assert (root / "state.json.pre-sync").exists() and (root / "state.d.pre-sync").is_dir()
    assert not (root / "state.json").exists()
    assert s.get_bookmark(bm.id).note == "old note" and s.read_ids() == {"art"} and s.get_position("art") == 4
    assert s.get_meta("art") == {"title": "T"} and s.get_setting("citation_style") == "mla"
    s.set_note(bm.id, "new note")
    s.close()
    assert SyncedStore(root, device="laptop").get_bookmark(bm.id).note == "new note"  # migrated once only


def test_ignore_files_keep_per_machine_data_out(tmp_path):
    SyncedStore(tmp_path / "lib", device="laptop").close()
    for name in (".stignore", ".gitignore"):
        lines = (tmp_path / "lib" / name).read_text().splitlines()
        assert "index.json" in lines and "*.lock" in lines and "*.bak" in lines and ASIDE in lines


def test_cli_shows_both_texts_and_keep_resolves(tmp_path, monkeypatch):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    ids, a, b = _edit_both(a_root, b_root)
    a.close(), b.close()
    exchange(a_root, b_root)
    runner = CliRunner()
    monkeypatch.setenv("READER_DEVICE", "laptop")
    res = runner.invoke(app, ["--library", str(a_root), "bookmark", "list"])
    assert res.exit_code == 0, res.output
    assert "note CONFLICT" in res.output and "laptop's version" in res.output and "desktop's version" in res.output
    res = runner.invoke(app, ["--library", str(a_root), "bookmark", "list", "--json"])
    rows = {r["id"]: r for r in json.loads(res.output)}
    assert sorted(t["text"] for t in rows[ids["shared"]]["note_conflict"]) == ["desktop's version", "laptop's version"]
    res = runner.invoke(app, ["--library", str(a_root), "note", ids["shared"], "--keep", "desktop"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["--library", str(a_root), "sync", "status", "--json"])
    info = json.loads(res.output)
    assert info["note_conflicts"] == [] and {d["device"] for d in info["devices"]} == {"laptop", "desktop"}
    s = SyncedStore(a_root, device="laptop")
    assert s.get_bookmark(ids["shared"]).note == "desktop's version"


def test_hostile_note_conflict_texts_show_literally(tmp_path, monkeypatch):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    a = SyncedStore(a_root, device="laptop")
    bm = a.add_bookmark("art", 0, "q", note="start")
    a.close()
    exchange(a_root, b_root)
    a, b = SyncedStore(a_root, device="laptop"), SyncedStore(b_root, device="desktop")
    a.set_note(bm.id, "\x1b]52;c;aGk=\x07[bold red]x[/]")
    b.set_note(bm.id, "\x1b[2J[link=file:///etc/passwd]y[/link]")
    a.close(), b.close()
    exchange(a_root, b_root)
    monkeypatch.setenv("READER_DEVICE", "laptop")
    res = CliRunner().invoke(app, ["--library", str(a_root), "bookmark", "list"])
    assert "\x1b" not in res.output and "\x07" not in res.output
    assert "[bold red]x[/]" in res.output and "[link=file:///etc/passwd]y[/link]" in res.output
    res = CliRunner().invoke(app, ["--library", str(a_root), "sync", "status"])
    assert "\x1b" not in res.output and "[bold red]x[/]" in res.output


def test_compact_drops_superseded_entries_seen_everywhere_and_keeps_tombstones(tmp_path):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    a = SyncedStore(a_root, device="laptop")
    bm = a.add_bookmark("x", 0, "q", note="v1")
    gone = a.add_bookmark("x", 1, "to delete")
    a.set_position("x", 1)
    a.close()
    exchange(a_root, b_root)
    b = SyncedStore(b_root, device="desktop")
    b.set_note(bm.id, "v2")
    b.set_position("x", 7)
    b.remove_bookmark(gone.id)
    b.close()
    exchange(a_root, b_root)
    for root, dev in ((a_root, "laptop"), (b_root, "desktop")):  # each device records what it has seen
        s = SyncedStore(root, device=dev)
        from reader.sync.maintenance import record_seen

        record_seen(s)
        s.close()
    exchange(a_root, b_root)
    a = SyncedStore(a_root, device="laptop")
    before = fingerprint(a, ["x"])
    from reader.sync.maintenance import compact

    done = compact(a)
    assert done["dropped"] >= 3  # the old note version, the old position, the deleted bookmark's row
    assert fingerprint(a, ["x"]) == before
    a.close()
    exchange(a_root, b_root)
    b = SyncedStore(b_root, device="desktop")
    assert fingerprint(b, ["x"]) == before and gone.id not in {m.id for m in b.bookmarks()}
    assert compact(b)["dropped"] == 0  # the desktop's rows are the winners: kept (its tombstone too)
    assert b.get("marks", gone.id) is None and b.view.table("marks")[gone.id].v["deleted"] is True
