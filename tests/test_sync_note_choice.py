"""Choosing among the versions of a note in conflict: one rule (reader.sync.note_choice) behind
`reader note ID --keep VERSION` and the TUI's conflict dialog (Library.set_note_version / set_merged_note)."""

from __future__ import annotations

import pytest

from reader.errors import NoteChoiceError
from reader.library import Library
from reader.models import Anchor
from reader.sync.note_choice import choose_version, merged_draft
from reader.sync.store import NoteHead, SyncedStore
from tests.sync_helpers import exchange

HEADS = [NoteHead("abc123", "laptop", "2026-12-01T10:00:00+00:00", "one"),
         NoteHead("abd456", "desktop", "2026-12-01T10:01:00+00:00", "two")]


def test_a_version_is_named_by_id_prefix_or_device():
    assert choose_version(HEADS, "abc").text == "one"
    assert choose_version(HEADS, "abd456").text == "two"
    assert choose_version(HEADS, "desktop").text == "two"
    with pytest.raises(NoteChoiceError, match="abc123, abd456"):
        choose_version(HEADS, "ab")  # two versions start with it
    with pytest.raises(NoteChoiceError):
        choose_version(HEADS, "server")
    with pytest.raises(NoteChoiceError, match="not in conflict"):
        choose_version([], "abc")


def test_merged_draft_has_every_different_text_once():
    heads = [*HEADS, NoteHead("x", "server", "", "one"), NoteHead("y", "phone", "", "  ")]
    assert merged_draft(heads) == "one\n\ntwo"


def _conflict(tmp_path) -> tuple[Library, str]:
    lib = Library(tmp_path / "a")
    bm = lib.add_bookmark("art", Anchor(0, "quote"), note="start")
    exchange(lib.root, tmp_path / "b")
    other = SyncedStore(tmp_path / "b", device="laptop")
    other.set_note(bm.id, "laptop's")
    other.close()
    lib.set_note(bm.id, "mine")
    exchange(lib.root, tmp_path / "b")
    assert len(lib.note_conflict(bm.id)) == 2
    return lib, bm.id


def test_keep_resolves_and_a_version_arriving_meanwhile_stays_in_conflict(tmp_path):
    lib, bid = _conflict(tmp_path)
    seen = lib.note_conflict(bid)
    late = SyncedStore(tmp_path / "b", device="laptop")
    late.set_note(bid, "laptop, later")  # written after the user opened the choice
    late.close()
    exchange(lib.root, tmp_path / "b")
    bm = lib.set_note_version(bid, "laptop", seen)
    assert bm.note in {"laptop's", "laptop, later"}
    assert sorted(h.text for h in lib.note_conflict(bid)) == ["laptop's", "laptop, later"]  # not hidden unseen
    lib.set_note_version(bid, "laptop")  # the CLI's way: every current version
    assert lib.note_conflict(bid) == [] and lib.find_bookmark(bid).note == "laptop, later"
    lib.close()


def test_merged_note_resolves_on_every_device(tmp_path):
    lib, bid = _conflict(tmp_path)
    lib.set_merged_note(bid, "both \x1b[2Jtexts", lib.note_conflict(bid))
    assert lib.note_conflict(bid) == [] and lib.find_bookmark(bid).note == "both texts"
    exchange(lib.root, tmp_path / "b")
    other = SyncedStore(tmp_path / "b", device="laptop")
    assert other.conflicts() == {} and other.get_bookmark(bid).note == "both texts"
    other.close()
    lib.close()


def test_cli_keep_calls_the_same_rule(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from reader.cli import app

    lib, bid = _conflict(tmp_path)
    lib.close()
    runner = CliRunner()
    res = runner.invoke(app, ["--library", str(tmp_path / "a"), "note", bid, "--keep", "server"])
    assert res.exit_code == 2 and "No single version 'server'; choose one of:" in res.output
    res = runner.invoke(app, ["--library", str(tmp_path / "a"), "note", bid, "--keep", "laptop"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["--library", str(tmp_path / "a"), "note", bid, "--keep", "laptop"])
    assert res.exit_code == 2 and "not in conflict" in res.output
    out = runner.invoke(app, ["--library", str(tmp_path / "a"), "bookmark", "list"]).output
    assert "CONFLICT" not in out and "laptop's" in out


def test_restore_brings_back_the_versions_and_compaction_keeps_them(tmp_path):
    lib, bid = _conflict(tmp_path)
    seen = lib.note_conflict(bid)
    lib.set_note_version(bid, "laptop", seen)
    exchange(lib.root, tmp_path / "b")
    lib.restore_note_conflict(bid, seen)
    assert lib.note_conflict(bid) == seen
    exchange(lib.root, tmp_path / "b")
    other = SyncedStore(tmp_path / "b", device="laptop")  # the other device follows after the next sync
    assert sorted(h.text for h in other.note_heads(bid)) == ["laptop's", "mine"]
    other.close()
    lib.sync_compact()
    assert lib.note_conflict(bid) == seen  # an undone choice supersedes nothing
    lib.close()
