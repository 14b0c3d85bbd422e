"""Bookmarks and notes: b toggles, a edits in a modal, the bookmarks screen lists and jumps."""

from __future__ import annotations

from reader.tui.app import build_app
from reader.tui.screens.bookmarks import BookmarksScreen
from reader.tui.screens.note_editor import NoteEditor
from tests.tui.helpers import notifications, screen_text
from tests.tui.test_list import BUDGET, GENEVA
from tests.tui.test_reading import open_article


async def test_b_bookmarks_the_passage_and_toggles_off(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("j", "j", "j", "b")
        await pilot.pause()
        [bm] = lib.state.bookmarks(GENEVA)
        para = lib.get(GENEVA).paragraphs[3]
        assert (bm.paragraph, bm.start, bm.end, bm.quote) == (3, 0, len(para), para)
        assert GENEVA in app.screen.bookmarked_ids
        assert "Bookmarked paragraph 2." in notifications(app)  # body paragraphs only: heading and embedded post are not counted
        assert any("\u2605 Talks resume in Geneva" in line for line in screen_text(app).splitlines())
        pane = app.screen.pane
        strip = pane.render_line(pane._layout.para_top[3] - int(pane.scroll_y))
        assert any(seg.style and seg.style.bgcolor for seg in strip if "Analysts" in seg.text)
        await pilot.press("b")
        await pilot.pause()
        assert lib.state.bookmarks(GENEVA) == []
        assert GENEVA not in app.screen.bookmarked_ids


async def test_bookmark_a_selection_of_sentences_keeps_quote_and_context(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("v", "j", "b")
        await pilot.pause()
        [bm] = lib.state.bookmarks(GENEVA)
        para = lib.get(GENEVA).paragraphs[0]
        assert bm.quote == "Delegates were cautious."
        assert para[bm.start : bm.end] == bm.quote
        assert para[: bm.start].endswith(bm.prefix) and bm.prefix
        assert para[bm.end :].startswith(bm.suffix) and bm.suffix


async def test_note_editor_saves_edits_and_deletes(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"check", "enter", *"[b]this[/b]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [bm] = lib.state.bookmarks(GENEVA)
        assert bm.note == "check\n[b]this[/b]"
        assert "\u270e check [b]this[/b]" in screen_text(app)  # shown under the passage, literally
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one("TextArea").text == "check\n[b]this[/b]"
        await pilot.press(*"!", "ctrl+s")
        await pilot.pause()
        assert lib.state.bookmarks(GENEVA)[0].note == "check\n[b]this[/b]!"
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        [bm] = lib.state.bookmarks(GENEVA)
        assert bm.note == ""
        assert "Note deleted \u2014 press U to undo." in notifications(app)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)


async def test_note_editor_buttons_work_with_the_mouse(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"mouse note")
        await pilot.click("#save")
        await pilot.pause()
        assert lib.state.bookmarks(GENEVA)[0].note == "mouse note"


async def test_bookmarks_screen_lists_all_and_jumps_to_the_passage(lib):
    geneva = lib.get(GENEVA)
    p3 = geneva.paragraphs[3]
    start = p3.index("Markets were calm.")
    lib.state.add_bookmark(GENEVA, 3, "Markets were calm.", p3[start - 32 : start], "", start, start + 18, note="calm [red]markets[/]")
    lib.state.add_bookmark(BUDGET, 1, lib.get(BUDGET).paragraphs[1], note="")
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        text = screen_text(app)
        assert "Bookmarks: 2" in text
        assert "Budget debate runs late" in text and "Talks resume in Geneva" in text
        assert "\u270e calm [red]markets[/]" in text
        await pilot.press("j", "enter")  # Budget sorts first; go to the Geneva one
        await pilot.pause()
        assert not isinstance(app.screen, BookmarksScreen)
        pane = app.screen.pane
        assert app.screen.article_id == GENEVA
        assert pane.cursor == 3
        assert pane.passage().text == "Markets were calm."
        assert pane.has_focus


async def test_bookmarks_screen_edits_and_deletes(lib):
    bm = lib.state.add_bookmark(GENEVA, 0, "Delegates were cautious.", note="old")
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*" new", "ctrl+s")
        await pilot.pause()
        assert lib.state.get_bookmark(bm.id).note == "old new"
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("d")  # the bookmark has a note: asked first
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert lib.state.bookmarks() == []
        assert "No bookmarks yet" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert GENEVA not in app.screen.bookmarked_ids


async def test_moved_text_is_still_found_by_its_quote(lib):
    """A bookmark stored with a stale paragraph number is located by its quote."""
    lib.state.add_bookmark(GENEVA, 0, "Markets were calm.", note="moved")
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        pane = app.screen.pane
        assert [s for s, e, b in pane._marks.get(3, [])] == [lib.get(GENEVA).paragraphs[3].index("Markets")]
        assert "\u270e moved" in screen_text(app)


async def test_bookmarks_screen_click_jumps(lib):
    lib.state.add_bookmark(GENEVA, 5, lib.get(GENEVA).paragraphs[5], note="click me")
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        await pilot.click("#bookmark-list", offset=(5, 1))
        await pilot.pause()
        assert app.screen.article_id == GENEVA
        assert app.screen.pane.cursor == 5
