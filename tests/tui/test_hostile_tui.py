"""Issue 9 in the TUI: the metadata editor (e), the note editor (a, also from the bookmarks screen)
never receive a control sequence, even from a library that already holds some, and never store one;
damage found in the library is a notification at start, and the app keeps working."""

from __future__ import annotations

import json
import os

from textual.widgets import Input, TextArea

from reader.library import Library
from reader.tui.app import build_app
from reader.tui.screens.bookmarks import BookmarksScreen
from reader.tui.screens.meta_editor import MetaEditor
from reader.tui.screens.note_editor import NoteEditor
from tests.hostile import DIRTY, HOSTILE, assert_clean, assert_store_clean, plant_bookmark, plant_meta
from tests.tui.helpers import notifications, screen_text, wait_until
from tests.tui.test_list import GENEVA
from tests.tui.test_reading import open_article


async def test_meta_editor_shows_and_stores_clean_text(lib):
    plant_meta(lib, GENEVA, {"title": DIRTY, "publisher": DIRTY, "url": f"https://x/{DIRTY}", "section": DIRTY,
                             "authors": [DIRTY, "B"], "date": f"2020{HOSTILE[0]}"})
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MetaEditor)
        for field in editor.query(Input):
            assert_clean(field.value, field.id)
        assert editor.query_one("#meta-title", Input).value == "Evil end"
        for i, bad in enumerate(HOSTILE):  # typed or pasted in: never stored
            editor.query_one("#meta-publisher", Input).value = f"Press{bad}{i}"
            editor.query_one("#meta-title", Input).value = f"Title {bad}{i}"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, MetaEditor)
            meta = lib.state.get_meta(GENEVA)
            assert meta["title"] == f"Title {i}" and meta["publisher"] == f"Press{i}"
            await pilot.press("e")
            await pilot.pause()
            editor = app.screen
        assert_clean(screen_text(app))
    assert "Title 4" in "".join(f.read_text("utf-8") for f in (lib.root / "devices").rglob("*")
                                if f.name.startswith("meta-") or f.name == "journal.jsonl")
    assert_store_clean(lib.root)  # saving rewrote the old dirty corrections clean


async def test_note_editor_shows_and_stores_clean_text(lib):
    paragraph = lib.get(GENEVA).paragraphs[0]
    plant_bookmark(lib, GENEVA, 0, paragraph, f"[b]old[/b] {DIRTY}")
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        area = editor.query_one(TextArea)
        assert area.text == "[b]old[/b] Evil" + " " * 6 + "end"
        assert_clean(area.text)
        area.insert("".join(HOSTILE) + "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [bm] = lib.state.bookmarks(GENEVA)
        assert bm.note.endswith("end!") and "[b]old[/b]" in bm.note
        assert_clean(bm.note)
        assert_clean(screen_text(app))
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert_clean(app.screen.query_one(TextArea).text)
    assert_store_clean(lib.root)  # the planted note was saved again, clean


async def test_a_new_note_with_escapes_is_stored_clean(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(TextArea).insert(DIRTY)
        await pilot.press("ctrl+s")
        await pilot.pause()
    [bm] = lib.state.bookmarks(GENEVA)
    assert bm.note == "Evil" + " " * 6 + "end"
    assert_store_clean(lib.root)


async def test_a_damaged_shard_is_a_notification_at_start_and_the_app_works(tmp_path):
    from tests.tui.fixtures import build

    root = tmp_path / "lib"
    lib = build(root)
    for i in range(40):
        lib.state.add_bookmark(GENEVA, 0, lib.get(GENEVA).paragraphs[0], note=f"n{i}")
    lib.state.fold_journal()  # single changes go to the device's journal first; this test damages a shard
    lib.close()
    shard = next(f for f in sorted((root / "devices" / "testdevice" / "state.d").glob("marks-*.json"))
                 if len(json.loads(f.read_text("utf-8"))["marks"]) >= 2)
    shard.with_name(shard.name + ".bak").unlink(missing_ok=True)
    os.truncate(shard, 100)
    lib = Library(root)
    try:
        app = build_app(lib)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: any(shard.name in m for m in notifications(app)))
            [message] = [m for m in notifications(app) if shard.name in m]
            assert "only that file is read-only" in message
            await open_article(pilot, GENEVA)
            await pilot.press("j", "b")
            await pilot.pause()
            assert "Bookmarked the heading." in notifications(app)  # Geneva's second paragraph is a heading (unnumbered)
    finally:
        lib.close()


async def test_the_app_starts_on_a_damaged_index_and_article_file(tmp_path):
    from tests.tui.fixtures import build

    root = tmp_path / "lib"
    build(root).close()
    (root / "index.json").write_text("[]", "utf-8")
    (root / "articles" / f"{GENEVA}.json").write_text("{}", "utf-8")
    lib = Library(root)
    try:
        app = build_app(lib)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: any("index.json" in m for m in notifications(app)))
            assert len(app.screen.rows) == 3  # rebuilt from the three readable article files
            assert app.is_running
    finally:
        lib.close()


async def test_the_article_list_cleans_every_field_it_shows(lib, monkeypatch):
    from dataclasses import replace

    real = lib.summaries
    dirty = f"2020{HOSTILE[0]}{HOSTILE[1]}{HOSTILE[3]}"
    monkeypatch.setattr(lib, "summaries", lambda: [replace(s, date=dirty, publisher=DIRTY) for s in real()])
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "2020" in text
        assert_clean(text)


async def test_tui_import_of_a_folder_says_links_leaving_it_were_not_followed(lib, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "one.txt").write_text("A fresh headline\n\nThe body of the fresh article, in one paragraph.\n", "utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret headline\n\nThe body of a file outside the folder.\n", "utf-8")
    (folder / "link.txt").symlink_to(secret)
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*str(folder), "enter")
        await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: any(n.startswith("Imported 1,") for n in notifications(app)))
        assert any("1 link leaving the folder not followed." in n for n in notifications(app))
        assert "Secret headline" not in screen_text(app)
