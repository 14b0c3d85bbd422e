"""Issue 9: damage is loud, never silent. A damaged bookmark shard, a shard that is a folder, an
index of the wrong shape, an article file of `{}`, a bookmark with a note of the wrong type: one
line naming the file and what to do, and the rest of the library keeps working. Writes that fail
(unwritable library, full disk) are one line and leave nothing half-written."""

from __future__ import annotations

import errno
import json
import os

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.models import Article, Entity
from reader.store.state import shard_of

runner = CliRunner()
A, B = "a" * 16, "b" * 16


def run(root, *args, code=0):
    res = runner.invoke(app, ["--library", str(root), *map(str, args)])
    assert res.exit_code == code, res.output
    assert "Traceback" not in res.output
    return res


def warnings(res) -> list[str]:
    return [ln for ln in res.stderr.splitlines() if ln.startswith("reader: warning:")]


@pytest.fixture
def root(tmp_path):
    """Two articles, 40 bookmarks spread over the shards."""
    root = tmp_path / "lib"
    lib = Library(root)
    for aid, title in ((A, "Alpha story"), (B, "Beta story")):
        lib.add_article(Article(id=aid, title=title, paragraphs=[f"{title} first.", f"{title} second."],
                                authors=["Ann Author"], publisher="Pub", date="2020-01-01", entities=[Entity("X", "place")]))
    for i in range(40):
        lib.state.add_bookmark(A if i % 2 else B, i % 2, f"{'Alpha' if i % 2 else 'Beta'} story first.", note=f"n{i}")
        lib.state.fold_journal()  # single changes go to the device's journal first; these tests damage the shards
    lib.close()
    return root


def _shard_with_bookmarks(root) -> tuple[os.PathLike, int]:
    """A bookmark shard holding at least two bookmarks, and how many it holds."""
    for f in sorted((root / "devices" / "testdevice" / "state.d").glob("marks-*.json")):
        n = len(json.loads(f.read_text("utf-8"))["marks"])
        if n >= 2:
            return f, n
    raise AssertionError("no shard with two bookmarks")


def test_a_truncated_shard_without_backup_is_loud_and_read_only_on_its_own(root):
    shard, n = _shard_with_bookmarks(root)
    for bak in shard.parent.glob(shard.name + ".bak"):
        bak.unlink()
    os.truncate(shard, 100)
    damaged = shard.read_bytes()
    res = run(root, "bookmark", "list")
    [line] = warnings(res)
    assert str(shard) in line and "read-only" in line and "only that file" in line
    assert "Reader is read-only" not in line  # the rest is not
    assert f"{40 - n} bookmarks." in res.stdout
    # other writes succeed: a new bookmark goes to another shard, a note elsewhere changes, settings too
    res = run(root, "bookmark", "add", A, "-p", "1", "--note", "after the damage", "--json")
    new = json.loads(res.stdout)
    assert shard_of(new["id"], 32) != int(shard.name[6:8])
    run(root, "config", "citation-style", "mla")
    assert shard.read_bytes() == damaged  # never overwritten
    assert [p.read_bytes() for p in shard.parent.glob(shard.name + ".damaged-*")] == [damaged]
    for args in (["list"], ["export"], ["export", "--format", "json"]):  # the rest keeps working, and says so
        res = run(root, *args)
        assert len(warnings(res)) == 1


def test_writing_to_the_damaged_shard_says_only_that_file_is_read_only(root):
    from reader.errors import StoreReadOnly

    shard, _ = _shard_with_bookmarks(root)
    shard.with_name(shard.name + ".bak").unlink(missing_ok=True)
    os.truncate(shard, 100)
    lib = Library(root)
    lib.state.check()
    [line] = lib.take_warnings()
    assert "only that file is read-only" in line
    hidden = [f"x{i}" for i in range(10000) if shard_of(f"x{i}", 32) == int(shard.name[6:8])]
    with pytest.raises(StoreReadOnly, match="only that file"):
        with lib.state.own._writing():
            lib.state.own._shard("marks", hidden[0]).write({})
    lib.state.set_read(A)  # another file: fine
    lib.close()


def test_a_truncated_shard_with_backup_says_what_was_rolled_back(root):
    shard, n = _shard_with_bookmarks(root)
    assert shard.with_name(shard.name + ".bak").exists()
    os.truncate(shard, 100)
    res = run(root, "bookmark", "list")
    [line] = warnings(res)
    assert str(shard) in line and "rolled back" in line and ".bak" in line and "is lost" in line
    assert f"({n - 1} bookmark" in line  # the backup is the version before the last change
    assert f"{40 - 1} bookmarks." in res.stdout
    assert not warnings(run(root, "bookmark", "list"))  # restored: said once


def test_a_shard_that_is_a_folder(root):
    shard, n = _shard_with_bookmarks(root)
    shard.unlink()
    shard.mkdir()
    res = run(root, "bookmark", "list")
    [line] = warnings(res)
    assert str(shard) in line and "folder" in line and "mv " in line
    assert f"{40 - n} bookmarks." in res.stdout
    run(root, "bookmark", "add", A, "-p", "1")
    run(root, "list")
    run(root, "export")
    assert shard.is_dir()


@pytest.mark.parametrize("index", ["[]", '{"articles": {}}', "{nope"])
def test_an_index_of_the_wrong_shape_is_rebuilt_for_the_session(root, index):
    (root / "index.json").write_text(index, "utf-8")
    res = run(root, "list")
    [line] = warnings(res)
    assert "index.json" in line and "reader reindex" in line
    assert "2 articles." in res.stdout
    assert "bookmarks." in run(root, "bookmark", "list").stdout
    run(root, "export")
    run(root, "reindex")
    assert not warnings(run(root, "list"))


def test_index_rows_with_missing_or_unknown_keys(root):
    doc = json.loads((root / "index.json").read_text("utf-8"))
    doc["articles"][0] = {"id": A, "title": "Alpha story", "novel": 1}  # missing keys, an unknown one
    doc["articles"].append({"title": "no id"})
    (root / "index.json").write_text(json.dumps(doc), "utf-8")
    res = run(root, "list")
    [line] = warnings(res)
    assert "index.json" in line and "2 rows" in line and "reader reindex" in line
    assert "Alpha story" in res.stdout and "2 articles." in res.stdout
    run(root, "list", "--sort", "date")
    run(root, "list", "--search", "alpha")


def test_an_article_file_of_an_empty_object(root):
    (root / "articles" / f"{A}.json").write_text("{}", "utf-8")
    res = run(root, "bookmark", "list")
    [line] = warnings(res)
    assert f"{A}.json" in line and "reader add" in line
    assert "40 bookmarks." in res.stdout  # the other article's bookmarks are listed
    res = run(root, "export")
    assert "Beta story" in res.stdout and len(warnings(res)) == 1
    assert "not in the export" in warnings(res)[0]
    run(root, "list")
    res = run(root, "show", A, code=1)
    assert res.output.count("\n") == 1 and f"{A}.json" in res.output


def test_a_bookmark_whose_note_is_a_number(root):
    notes = sorted((root / "devices" / "testdevice" / "state.d").glob("notes-*.json"))[0]
    doc = json.loads(notes.read_text("utf-8"))
    first = next(iter(doc["notes"].values()))
    first["v"]["t"] = 7
    notes.write_text(json.dumps(doc), "utf-8")
    res = run(root, "bookmark", "list")
    [line] = warnings(res)
    assert first["v"]["b"] in line and "wrong type" in line and "reader note" in line
    assert "note: 7" in res.stdout
    run(root, "export")
    run(root, "export", "--format", "json")
    run(root, "bookmark", "list", "--json")


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_add_on_a_full_disk_is_one_line_and_leaves_nothing(root, tmp_path, monkeypatch):
    src = tmp_path / "new.txt"
    src.write_text("A new headline\n\nThe body of the new article, in one paragraph.\n", "utf-8")
    before = sorted(p.name for p in root.rglob("*")), (root / "index.json").read_bytes()
    monkeypatch.setattr("reader.store.atomic.os.fsync", _enospc)
    res = run(root, "add", src, code=1)
    assert "No space left on device" in res.output and res.output.strip().count("\n") == 0
    assert (sorted(p.name for p in root.rglob("*")), (root / "index.json").read_bytes()) == before


def test_add_fails_on_the_index_write_and_removes_its_article_files(root, tmp_path, monkeypatch):
    import reader.library as library

    src = tmp_path / "new.txt"
    src.write_text("A new headline\n\nThe body of the new article, in one paragraph.\n", "utf-8")
    files = sorted((root / "articles").iterdir())
    real = library.atomic_write_text

    def index_fails(path, text):
        if path.name == "index.json":
            raise PermissionError(errno.EACCES, "Permission denied")
        real(path, text)

    monkeypatch.setattr(library, "atomic_write_text", index_fails)
    res = run(root, "add", src, code=1)
    assert "Permission denied" in res.output and "Traceback" not in res.output
    assert sorted((root / "articles").iterdir()) == files  # no article file without its index row


def test_reindex_on_an_unwritable_library_is_one_line(root, monkeypatch):
    before = (root / "index.json").read_bytes()
    monkeypatch.setattr("reader.store.atomic.os.fsync", lambda fd: (_ for _ in ()).throw(PermissionError(errno.EACCES, "Permission denied")))
    res = run(root, "reindex", code=1)
    assert "Permission denied" in res.output and res.output.strip().count("\n") == 0
    assert (root / "index.json").read_bytes() == before
    assert not list(root.glob(".index.json.*"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod; the monkeypatched tests above cover it")
def test_add_to_a_read_only_folder(root, tmp_path):
    src = tmp_path / "new.txt"
    src.write_text("A new headline\n\nThe body of the new article, in one paragraph.\n", "utf-8")
    (root / "articles").chmod(0o500)
    try:
        res = run(root, "add", src, code=1)
        assert "Permission denied" in res.output
    finally:
        (root / "articles").chmod(0o700)
