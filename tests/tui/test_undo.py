"""Removing a bookmark that has a note asks first; every deletion (bookmark, note) is undone with U or ctrl+z."""

from __future__ import annotations

from dataclasses import replace

from reader.tui.app import build_app
from reader.tui.screens.bookmarks import BookmarksScreen
from reader.tui.screens.confirm import ConfirmDialog
from reader.tui.screens.main import MainScreen
from tests.tui.helpers import notifications, screen_text, wait_until
from tests.tui.test_list import GENEVA
from tests.tui.test_reading import open_article


def noted(lib):
    para = lib.get(GENEVA).paragraphs[3]
    return lib.state.add_bookmark(GENEVA, 3, para, note="the key [b]claim[/b]")


async def test_b_on_a_bookmark_with_a_note_asks_and_u_undoes(lib):
    bm = noted(lib)
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("j", "j", "j", "b")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        text = screen_text(app)
        assert "Remove the bookmark on paragraph 2 and its note?" in text  # block 3: the second body paragraph
        assert "the key [b]claim[/b]" in text  # the note shown literally
        await pilot.press("n")  # keep
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert [b.id for b in lib.state.bookmarks(GENEVA)] == [bm.id]
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")  # escape keeps too
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert len(lib.state.bookmarks(GENEVA)) == 1
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_until(pilot, lambda: lib.state.bookmarks(GENEVA) == [])
        assert "Bookmark removed (paragraph 2) \u2014 press U to undo." in notifications(app)
        assert GENEVA not in app.screen.bookmarked_ids
        await pilot.press("U")
        await pilot.pause()
        [back] = lib.state.bookmarks(GENEVA)
        # the same bookmark: id, passage, note, creation date; `updated` is the restore's own stamp (sync
        # derives it from the newest change, and putting a bookmark back is one)
        assert back == replace(bm, updated=back.updated) and back.updated >= bm.updated
        assert GENEVA in app.screen.bookmarked_ids
        assert app.screen.pane.bookmark_at_cursor() == back
        assert "Restored the bookmark on paragraph 2." in notifications(app)


async def test_b_without_a_note_removes_at_once_and_ctrl_z_undoes(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("b")
        await pilot.pause()
        [bm] = lib.state.bookmarks(GENEVA)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)  # no question: nothing the user wrote is lost
        assert lib.state.bookmarks(GENEVA) == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        [back] = lib.state.bookmarks(GENEVA)  # `updated` is the restore's own stamp
        assert back == replace(bm, updated=back.updated)
        await pilot.press("U")
        await pilot.pause()
        assert "Nothing to undo." in notifications(app)


async def test_deleted_note_comes_back(lib):
    bm = noted(lib)
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("j", "j", "j", "a")
        await wait_until(pilot, lambda: app.screen.__class__.__name__ == "NoteEditor")
        await pilot.press("ctrl+d")
        await wait_until(pilot, lambda: lib.state.get_bookmark(bm.id).note == "")
        assert "Note deleted \u2014 press U to undo." in notifications(app)
        await pilot.press("U")
        await wait_until(pilot, lambda: lib.state.get_bookmark(bm.id).note == bm.note)


async def test_bookmarks_screen_asks_and_undoes_and_undo_crosses_screens(lib):
    bm = noted(lib)
    plain = lib.state.add_bookmark(GENEVA, 0, lib.get(GENEVA).paragraphs[0])
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        await pilot.press("d")  # the first row: paragraph 1, no note: deleted at once
        await pilot.pause()
        assert [b.id for b in lib.state.bookmarks()] == [bm.id]
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_until(pilot, lambda: lib.state.bookmarks() == [])
        await pilot.press("U")
        await wait_until(pilot, lambda: [b.id for b in lib.state.bookmarks()] == [bm.id])
        assert "Restored the bookmark \u00b62 of \u201cTalks resume in Geneva\u201d." in notifications(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("U")  # the main screen undoes what the bookmarks screen deleted before
        await wait_until(pilot, lambda: {b.id for b in lib.state.bookmarks()} == {bm.id, plain.id})
        assert GENEVA in app.screen.bookmarked_ids
