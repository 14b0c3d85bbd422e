"""Sync through the whole Library (two libraries with different device ids on one machine, files copied
both ways as a sync tool would): derived data stays per machine, an updated article converges without
any file rewritten in place, and corrections, tags, read state, positions, feeds and the trash follow
the per-device rule."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from reader.library import Library
from reader.library_manage import Feed, feed_id
from reader.services.anchor import anchor_of
from reader.sync.files import IGNORED
from tests.sync_helpers import RSYNC, exchange

HOWS = ["py", pytest.param("rsync", marks=pytest.mark.skipif(RSYNC is None, reason="rsync is not installed")), "conflicts"]

V1 = "Harbour cranes return\n\nThe port of Valmora bought four cranes from Rotterdam.\n\nDock workers said the cranes were late.\n"
V2 = ("Harbour cranes return\n\nThe port of Valmora bought four cranes from Rotterdam.\n\nDock workers said the cranes "
      "were late.\n\nCorrection: the harbourmaster Ines Carvalho said five cranes arrived.\n")


@pytest.fixture
def open_lib(monkeypatch):
    libs: list[Library] = []

    def _open(root: Path, device: str) -> Library:
        monkeypatch.setenv("READER_DEVICE", device)
        lib = Library.open(root)
        libs.append(lib)
        return lib

    yield _open
    for lib in libs:
        lib.close()


def _next_second() -> None:
    """rsync --update compares whole seconds: edits within the second of the last copy look as old."""
    start = int(time.time())
    while int(time.time()) == start:
        time.sleep(0.02)


def _sync(a: Path, b: Path, how: str = "py") -> None:
    exchange(a, b, how=how)
    exchange(a, b, how=how)  # a second round: conflict copies meet their folders' owners
    _next_second()


def _view(lib: Library) -> dict:
    """What a user sees of a library, for comparing machines."""
    rows = lib.summaries()
    return {
        "articles": sorted((s.id, s.title, s.words, tuple(s.tags)) for s in rows),
        "texts": {s.id: lib.get(s.id).paragraphs for s in rows},
        "read": sorted(lib.read_ids()),
        "positions": {s.id: lib.position(s.id) for s in rows},
        "bookmarks": sorted((b.id, b.article_id, b.quote, b.note) for b in lib.bookmarks()),
        "entity_corrections": [(c["id"], c["op"]) for c in lib.entity_corrections()],
        "entities": sorted(e.label for e in lib.library_entities()),
        "feeds": sorted((f.id, f.url, f.title) for f in lib.feeds()),
        "trash": sorted(r["id"] for r in lib.trash()),
    }


def test_derived_data_is_never_synced(tmp_path, open_lib):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    src = tmp_path / "cranes.txt"
    src.write_text(V2, "utf-8")
    a = open_lib(a_root, "laptop")
    a.import_paths([src])
    assert a.library_entities()
    assert (a_root / "entities.json").exists()
    for name in (".stignore", ".gitignore"):
        lines = (a_root / name).read_text("utf-8").splitlines()
        assert "entities.json" in lines and "index.json" in lines and "*.lock" in lines
    assert "entities.json" in IGNORED
    a.close()
    exchange(a_root, b_root)  # copies only what the ignore files let through
    assert not (b_root / "entities.json").exists() and not (b_root / "index.json").exists()
    b = open_lib(b_root, "desktop")
    # the article arrived as a file; this machine builds its own list, entity rows and search index
    assert [s.id for s in b.summaries()] == [s.id for s in a.summaries()]
    assert (b_root / "entities.json").exists()
    assert sorted(e.label for e in b.library_entities()) == sorted(e.label for e in a.library_entities())
    assert [h.id for h in b.search("harbourmaster").hits] == [s.id for s in b.summaries()]


def test_reindex_with_entities_leaves_unchanged_article_files_alone(tmp_path, open_lib):
    """`reader reindex --entities` on two machines must not rewrite the same article file name on both
    (a sync tool would see two edits of one file): a file whose re-extraction gives the same content is
    not written."""
    src = tmp_path / "cranes.txt"
    src.write_text(V2, "utf-8")
    a = open_lib(tmp_path / "a", "laptop")
    (aid,) = [r.article_id for r in a.import_paths([src]).results]
    files = sorted((tmp_path / "a" / "articles").rglob("*.json"))
    assert files
    before = {f: (f.stat().st_ino, f.stat().st_mtime_ns, f.read_bytes()) for f in files}
    assert a.reindex(reextract=True) == 1
    assert {f: (f.stat().st_ino, f.stat().st_mtime_ns, f.read_bytes()) for f in files} == before
    # a file whose entities are stale is still brought up to date
    path = next(f for f in files if json.loads(f.read_text("utf-8")).get("entities"))
    data = json.loads(path.read_text("utf-8"))
    data["entities"] = []
    path.write_text(json.dumps(data), "utf-8")
    a.reindex(reextract=True)
    assert json.loads(path.read_text("utf-8"))["entities"]


@pytest.mark.parametrize("how", HOWS)
def test_an_updated_article_converges_and_no_file_is_rewritten(tmp_path, open_lib, how):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    src = tmp_path / "cranes.txt"
    src.write_text(V1, "utf-8")
    a = open_lib(a_root, "laptop")
    (aid,) = [r.article_id for r in a.import_paths([src]).results]
    a.close()
    _sync(a_root, b_root, how)
    b = open_lib(b_root, "desktop")
    art = b.get(aid)
    bm = b.add_bookmark(aid, anchor_of(art.paragraphs, 1, 0, 12), note="late cranes")
    b.set_read(aid)
    b.close()
    _sync(a_root, b_root, how)
    base = (a_root / "articles" / f"{aid}.json").read_bytes()
    # the page changed: re-imported on the laptop
    src.write_text(V2, "utf-8")
    a = open_lib(a_root, "laptop")
    assert [r.status for r in a.import_paths([src]).results] == ["updated"]
    assert (a_root / "articles" / f"{aid}.json").read_bytes() == base  # never rewritten in place
    versions = list((a_root / "articles" / f"{aid}.versions").glob("*.json"))
    assert len(versions) == 1 and versions[0].stem != aid
    assert a.get(aid).paragraphs[-1].startswith("Correction")
    a.close()
    _sync(a_root, b_root, how)
    a, b = open_lib(a_root, "laptop"), open_lib(b_root, "desktop")
    assert _view(a) == _view(b)
    assert b.get(aid).paragraphs[-1].startswith("Correction")  # the new text reached the desktop
    assert [m.note for m in b.bookmarks(aid)] == ["late cranes"] and aid in b.read_ids()
    assert [h.id for h in b.search("harbourmaster").hits] == [aid]  # its search index follows
    a.close(), b.close()
    # both machines update the same article apart, to different texts: both end with the same one
    src.write_text(V2 + "\nA third text from the laptop.\n", "utf-8")
    a = open_lib(a_root, "laptop")
    assert [r.status for r in a.import_paths([src]).results] == ["updated"]
    a.close()
    src.write_text(V2 + "\nA fourth text from the desktop.\n", "utf-8")
    b = open_lib(b_root, "desktop")
    assert [r.status for r in b.import_paths([src]).results] == ["updated"]
    b.close()
    _sync(a_root, b_root, how)
    a, b = open_lib(a_root, "laptop"), open_lib(b_root, "desktop")
    assert _view(a) == _view(b)
    assert "A fourth text from the desktop." in a.get(aid).paragraphs  # the later edit wins, on both


@pytest.mark.parametrize("how", HOWS)
def test_trash_holds_and_restore_follows(tmp_path, open_lib, how):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    src = tmp_path / "cranes.txt"
    src.write_text(V2, "utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Night trains\n\nThe night train to Vienna runs again from May.\n", "utf-8")
    a = open_lib(a_root, "laptop")
    aid, keep = [r.article_id for r in a.import_paths([src, other]).results]
    a.close()
    _sync(a_root, b_root, how)
    b = open_lib(b_root, "desktop")
    b.add_bookmark(aid, anchor_of(b.get(aid).paragraphs, 1, 0, 8), note="kept passage")
    b.close()
    _sync(a_root, b_root, how)
    a = open_lib(a_root, "laptop")
    a.delete([aid])
    a.close()
    _sync(a_root, b_root, how)  # the desktop still has the article file: a copy goes back to the laptop
    a, b = open_lib(a_root, "laptop"), open_lib(b_root, "desktop")
    for lib in (a, b):
        assert [s.id for s in lib.summaries()] == [keep]  # deleted on both, and it stays deleted
        assert lib.bookmarks() == [] and [r["id"] for r in lib.trash()] == [aid]
    assert _view(a) == _view(b)
    b.restore(aid)  # restored on the other machine
    a.close(), b.close()
    _sync(a_root, b_root, how)
    a, b = open_lib(a_root, "laptop"), open_lib(b_root, "desktop")
    for lib in (a, b):
        assert sorted(s.id for s in lib.summaries()) == sorted([aid, keep])
        assert [m.note for m in lib.bookmarks(aid)] == ["kept passage"] and lib.trash() == []
    assert _view(a) == _view(b)
    a.delete([aid])
    assert a.empty_trash() == 1
    a.close(), b.close()
    _sync(a_root, b_root, how)
    a, b = open_lib(a_root, "laptop"), open_lib(b_root, "desktop")
    for lib in (a, b):
        assert [s.id for s in lib.summaries()] == [keep] and lib.trash() == []
    assert _view(a) == _view(b)


@pytest.mark.parametrize("how", HOWS)
def test_corrections_tags_reads_positions_and_feeds_follow_the_per_device_rule(tmp_path, open_lib, how):
    a_root, b_root = tmp_path / "a", tmp_path / "b"
    src = tmp_path / "cranes.txt"
    src.write_text(V2, "utf-8")
    a = open_lib(a_root, "laptop")
    (aid,) = [r.article_id for r in a.import_paths([src]).results]
    a.close()
    _sync(a_root, b_root, how)
    a, b = open_lib(a_root, "laptop"), open_lib(b_root, "desktop")
    # the laptop: a tag, an entity correction, read state, a position, a feed
    a.tag(aid, add=["ports"])
    person = next(e for e in a.library_entities() if e.type == "person")
    a.correct_entity("rename", person.name, "Inês Carvalho")
    a.set_read(aid)
    a.set_position(aid, 2)
    url_a, url_b = "http://127.0.0.1:1/a.xml", "http://127.0.0.1:1/b.xml"
    a.save_feed(Feed(id=feed_id(url_a), url=url_a, title="Laptop feed", added="2026-01-01T00:00:00+00:00"))
    a.save_feed(Feed(id=feed_id(url_b), url=url_b, title="Both feed", added="2026-01-02T00:00:00+00:00"))
    a.close()
    _sync(a_root, b_root, how)
    b.close()
    b = open_lib(b_root, "desktop")
    assert "ports" in b.get(aid).tags and aid in b.read_ids() and b.position(aid) == 2
    assert "Inês Carvalho (person)" in {e.label for e in b.library_entities()}
    # the desktop, later: another tag, a type correction, unread, a position, a feed removed and one renamed
    b.tag(aid, add=["cranes"], remove=["ports"])
    org = next(e for e in b.library_entities() if e.type != "person" and e.type != "date")
    b.correct_entity("hide", org.name)
    b.set_read(aid, False)
    b.set_position(aid, 3)
    b.remove_feed(feed_id(url_a), keep_articles=True)
    b.save_feed(Feed(id=feed_id(url_b), url=url_b, title="Renamed on the desktop", added="2026-01-02T00:00:00+00:00"))
    b.close()
    _sync(a_root, b_root, how)
    a, b = open_lib(a_root, "laptop"), open_lib(b_root, "desktop")
    va, vb = _view(a), _view(b)
    assert va == vb
    assert va["articles"][0][3] == ("cranes",)
    assert va["read"] == [] and va["positions"] == {aid: 3}
    assert [op for _, op in va["entity_corrections"]] == ["rename", "hide"]
    assert org.label not in va["entities"] and "Inês Carvalho (person)" in va["entities"]
    assert va["feeds"] == [(feed_id(url_b), url_b, "Renamed on the desktop")]  # the removed feed stays removed
    # an undo on one machine holds on the other
    a.undo_entity_correction()
    a.close(), b.close()
    _sync(a_root, b_root, how)
    a, b = open_lib(a_root, "laptop"), open_lib(b_root, "desktop")
    assert [c["op"] for c in b.entity_corrections()] == ["rename"] and _view(a) == _view(b)
    for root in (a_root, b_root):  # nothing but the devices' own folders holds state
        assert not (root / "state.json").exists() and not (root / "state.d").exists()
    assert json.loads((a_root / "index.json").read_text("utf-8"))["articles"]
