"""Schema version in the file; newer stores refused untouched; the unversioned layout migrated."""

from __future__ import annotations

import json
import os

import pytest

from reader import __version__
from reader.errors import StoreTooNew
from reader.library import Library
from reader.store import StateStore
from reader.store.migrate import DEFAULT_SHARDS, SCHEMA

V0 = {
    "reads": {
        "1": {"article_id": "art1", "read": True, "updated": "2024-01-01T00:00:00+00:00", "position": 3},
        "2": {"article_id": "art2", "position": 5},
    },
    "bookmarks": {
        str(i): {
            "id": f"bm{i:010d}", "article_id": "art1" if i % 2 else "art2", "paragraph": i, "quote": f"q{i}",
            "prefix": "p", "suffix": "s", "start": 0, "end": 2, "note": f"note {i}",
            "created": "2024-01-01T00:00:00+00:00", "updated": "2024-01-01T00:00:00+00:00",
        }
        for i in range(1, 21)
    },
    "meta": {"1": {"article_id": "art1", "fields": {"title": "Corrected"}}},
    "settings": {"1": {"key": "theme", "value": "dark"}},
}


def test_new_store_records_its_schema(tmp_path):
    StateStore(tmp_path / "state.json").close()
    meta = json.loads((tmp_path / "state.json").read_text())["_meta"]["1"]
    assert meta == {"schema": SCHEMA, "app": __version__, "shards": DEFAULT_SHARDS}


def test_unversioned_store_is_migrated_without_losing_anything(tmp_path):
    path = tmp_path / "state.json"
    raw = json.dumps(V0).encode()
    path.write_bytes(raw)
    s = StateStore(path)
    assert s.warning is None
    assert s.read_ids() == {"art1"}
    assert s.get_position("art1") == 3 and s.get_position("art2") == 5
    assert [b.id for b in s.bookmarks()] == [f"bm{i:010d}" for i in range(1, 21)]  # order kept
    assert s.get_bookmark("bm0000000007").note == "note 7"
    assert s.get_meta("art1") == {"title": "Corrected"} and s.get_setting("theme") == "dark"
    assert json.loads(path.read_text())["_meta"]["1"]["schema"] == SCHEMA
    assert (tmp_path / "state.json.schema0").read_bytes() == raw  # the old file kept
    # still all there for the next process, and a new bookmark sorts after the migrated ones
    new = s.add_bookmark("art3", 0, "new")
    assert [b.id for b in StateStore(path).bookmarks()][-1] == new.id


def test_interrupted_migration_is_redone_without_duplicates(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps(V0))
    StateStore(path).close()
    path.write_text(json.dumps(V0))  # as if killed before state.json was rewritten
    s = StateStore(path)
    assert len(s.bookmarks()) == 20 and s.read_ids() == {"art1"}


@pytest.mark.parametrize("newer", [{"schema": SCHEMA + 1, "app": "9.0"}, {"schema": 99}])
def test_newer_store_is_refused_and_never_written(tmp_path, newer):
    path = tmp_path / "state.json"
    raw = json.dumps({"_meta": {"1": newer}, "whatever": {"1": {"x": 1}}}).encode()
    path.write_bytes(raw)
    before = os.stat(path)
    with pytest.raises(StoreTooNew) as err:
        StateStore(path)
    msg = str(err.value)
    assert str(path) in msg and "newer version" in msg and "\n" not in msg
    assert path.read_bytes() == raw and os.stat(path).st_mtime_ns == before.st_mtime_ns
    assert not list(tmp_path.glob("state.json.*"))


def test_newer_store_written_while_open_is_not_overwritten(tmp_path):
    path = tmp_path / "state.json"
    s = StateStore(path)
    s.set_setting("k", 1)
    newer = json.dumps({"_meta": {"1": {"schema": SCHEMA + 1}}}).encode()
    path.write_bytes(newer)  # a newer reader upgraded it meanwhile
    with pytest.raises(StoreTooNew):
        s.set_setting("k", 2)
    with pytest.raises(StoreTooNew):
        s.add_bookmark("a", 0, "q")
    assert path.read_bytes() == newer


def test_library_refuses_a_newer_store_with_one_line(tmp_path):
    from typer.testing import CliRunner

    from reader.cli import app

    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "state.json").write_text(json.dumps({"_meta": {"1": {"schema": SCHEMA + 1}}}))
    with pytest.raises(StoreTooNew):
        Library(lib)
    res = CliRunner().invoke(app, ["--library", str(lib), "list"])
    assert res.exit_code == 1
    assert "newer version of reader" in res.output and "Traceback" not in res.output


def test_store_written_by_the_original_tinydb_code_is_migrated(tmp_path):
    """A state.json as the unversioned StateStore wrote it (TinyDB's default JSONStorage)."""
    from tinydb import Query, TinyDB

    path = tmp_path / "state.json"
    db = TinyDB(path, ensure_ascii=False)
    db.table("reads").upsert({"article_id": "x", "read": True, "updated": "t"}, Query().article_id == "x")
    db.table("reads").upsert({"article_id": "x", "position": 4}, Query().article_id == "x")
    for i in range(3):
        db.table("bookmarks").insert({"id": f"b{i}", "article_id": "x", "paragraph": i, "quote": "q", "prefix": "",
                                      "suffix": "", "start": 0, "end": 0, "note": "é", "created": "c", "updated": "u"})
    db.table("meta").upsert({"article_id": "x", "fields": {"title": "T"}}, Query().article_id == "x")
    db.table("settings").upsert({"key": "theme", "value": "dark"}, Query().key == "theme")
    db.close()
    s = StateStore(path)
    assert s.is_read("x") and s.get_position("x") == 4
    assert [b.id for b in s.bookmarks()] == ["b0", "b1", "b2"] and s.get_bookmark("b1").note == "é"
    assert s.get_meta("x") == {"title": "T"} and s.get_setting("theme") == "dark"
