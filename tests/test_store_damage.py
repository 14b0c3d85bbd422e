"""A damaged store: kept aside untouched, a clear message naming the file, usable from the backup
or read-only; never overwritten."""

from __future__ import annotations

import json

import pytest

from reader.errors import NotFound, StoreReadOnly
from reader.store import StateStore

DAMAGE = {
    "invalid json": b"{not json at all",
    "truncated": None,  # the good file cut in half
    "wrong shape": b"[1, 2, 3]",
    "wrong table shape": b'{"settings": [1, 2]}',
    "wrong row shape": b'{"settings": {"1": "x"}}',
    "not utf-8": b'{"settings": {"1": {"key": "\xff\xfe"}}}',
    "zero bytes": b"",
}


def _make(tmp_path, writes: int = 2) -> StateStore:
    s = StateStore(tmp_path / "state.json")
    for i in range(writes):
        s.set_setting("k", i)
    s.close()
    return s


def _damage(path, kind: str) -> bytes:
    raw = DAMAGE[kind]
    if raw is None:
        good = path.read_bytes()
        raw = good[: len(good) // 2]
    path.write_bytes(raw)
    return raw


def _aside(path) -> list:
    return sorted(path.parent.glob(path.name + ".damaged-*"))


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_main_file_falls_back_to_the_backup(tmp_path, kind):
    _make(tmp_path)  # k=0 then k=1: the backup holds k=0
    path = tmp_path / "state.json"
    raw = _damage(path, kind)
    s = StateStore(path)
    assert s.warning and str(path) in s.warning and "\n" not in s.warning
    assert "state.json.bak" in s.warning
    kept = _aside(path)
    assert len(kept) == 1 and kept[0].read_bytes() == raw and kept[0].name in s.warning
    assert s.get_setting("k") == 0 and not s.readonly
    s.set_setting("k", 5)  # usable
    assert StateStore(path).get_setting("k") == 5
    assert kept[0].read_bytes() == raw  # never overwritten


@pytest.mark.parametrize("kind", ["invalid json", "truncated", "wrong shape"])
def test_damaged_without_backup_is_read_only_and_untouched(tmp_path, kind):
    _make(tmp_path, writes=1)
    path = tmp_path / "state.json"
    (tmp_path / "state.json.bak").unlink(missing_ok=True)
    raw = _damage(path, kind)
    s = StateStore(path)
    assert s.readonly and s.warning and str(path) in s.warning and "read-only" in s.warning
    with pytest.raises(StoreReadOnly, match="state.json"):
        s.set_setting("k", 9)
    with pytest.raises(StoreReadOnly):
        s.add_bookmark("a", 0, "q")
    assert path.read_bytes() == raw
    assert [p.read_bytes() for p in _aside(path)] == [raw]
    s2 = StateStore(path)  # a second process finding the same damage does not pile up copies
    assert s2.readonly and len(_aside(path)) == 1


def test_a_damaged_shard_falls_back_to_its_backup(tmp_path):
    s = StateStore(tmp_path / "state.json", shards=1)
    first = s.add_bookmark("a", 0, "first")
    s.add_bookmark("a", 1, "second")
    s.close()
    shard = tmp_path / "state.d" / "bookmarks-00.json"
    shard.write_bytes(b'{"bookmarks": {"1": ')
    s = StateStore(tmp_path / "state.json")
    assert [b.id for b in s.bookmarks()] == [first.id]
    assert "bookmarks-00.json" in s.warning
    assert _aside(shard)[0].read_bytes() == b'{"bookmarks": {"1": '


def test_damage_while_open_is_noticed_on_the_next_read(tmp_path):
    s = StateStore(tmp_path / "state.json")
    s.set_setting("k", 1)
    s.set_setting("k", 2)
    assert s.warning is None
    (tmp_path / "state.json").write_bytes(b"\x00\x00garbage")  # another program scribbles on it
    assert s.get_setting("k") == 1
    assert "state.json" in s.warning
    s.set_setting("k", 3)
    assert json.loads((tmp_path / "state.json").read_text())["settings"]["1"]["value"] == 3


def test_empty_file_without_backup_is_an_empty_store(tmp_path):
    (tmp_path / "state.json").write_bytes(b"")
    s = StateStore(tmp_path / "state.json")
    assert s.warning is None and not s.readonly
    s.set_setting("k", 1)
    assert StateStore(tmp_path / "state.json").get_setting("k") == 1


def test_library_and_cli_open_a_damaged_store(tmp_path):
    """The library still opens (from the backup) and the CLI shows the warning on stderr."""
    from typer.testing import CliRunner

    from reader.cli import app

    lib = tmp_path / "lib"
    runner = CliRunner()
    assert runner.invoke(app, ["--library", str(lib), "list"]).exit_code == 0
    from reader.library import Library

    l1 = Library(lib)
    l1.state.set_setting("a", 1)
    l1.state.set_setting("a", 2)
    l1.close()
    (lib / "state.json").write_bytes(b"{oops")
    res = runner.invoke(app, ["--library", str(lib), "bookmark", "list"])
    assert res.exit_code == 0, res.output
    assert "state.json" in res.output and "damaged" in res.output


def test_unwritable_folder_is_one_clear_error(tmp_path):
    import os

    from reader.errors import StoreError

    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="state.json|state.d"):
            StateStore(folder / "state.json")
    finally:
        folder.chmod(0o700)


def test_store_file_is_a_folder_is_one_clear_line_and_read_only(tmp_path):
    (tmp_path / "state.json").mkdir()
    s = StateStore(tmp_path / "state.json")  # opens: read what can be read, one line saying what to do
    assert s.readonly and "state.json" in s.warning and "folder" in s.warning and "\n" not in s.warning
    with pytest.raises(StoreReadOnly, match="folder"):
        s.set_setting("k", 1)
    assert (tmp_path / "state.json").is_dir()


def test_every_cli_command_reports_the_damage_once(tmp_path):
    from typer.testing import CliRunner

    from reader.cli import app
    from reader.library import Library

    lib = tmp_path / "lib"
    l1 = Library(lib)
    l1.state.set_setting("a", 1)
    l1.state.set_setting("a", 2)
    l1.close()
    (lib / "state.json").write_bytes(b"{oops")
    res = CliRunner().invoke(app, ["--library", str(lib), "list"])
    assert res.exit_code == 0, res.output
    assert res.output.count("reader: warning: ") == 1 and str(lib / "state.json") in res.output
    again = CliRunner().invoke(app, ["--library", str(lib), "list"])  # recovered: no warning the second time
    assert "warning" not in again.output


def test_hand_edited_rows_of_the_wrong_kind_are_skipped(tmp_path):
    s = StateStore(tmp_path / "state.json", shards=1)
    good = s.add_bookmark("a", 0, "q")
    s.set_meta("a", {"title": "T"})
    s.close()
    shard = tmp_path / "state.d" / "bookmarks-00.json"
    data = json.loads(shard.read_text())
    data["bookmarks"]["90"] = {"foo": 1}
    data["bookmarks"]["91"] = {"id": "x", "article_id": 5, "paragraph": "1", "quote": None}
    shard.write_text(json.dumps(data))
    main = json.loads((tmp_path / "state.json").read_text())
    main["meta"]["7"] = {"article_id": "b", "fields": ["not", "a", "dict"]}
    (tmp_path / "state.json").write_text(json.dumps(main))
    s = StateStore(tmp_path / "state.json")
    assert [b.id for b in s.bookmarks()] == [good.id] and s.bookmarked_ids() == {"a"}
    assert s.all_meta() == {"a": {"title": "T"}} and s.get_meta("b") == {}
    with pytest.raises(NotFound):
        s.get_bookmark("x")
    s.add_bookmark("c", 0, "still writable")
    assert len(StateStore(tmp_path / "state.json").bookmarks()) == 2
