"""Keys typed in one burst (a paste, tmux send-keys, quick typing) reach what the burst opened, never the
main screen's keys; a question is not answered by keys typed before it was shown; a save waits for the keys
typed before it (reader/tui/key_routing.py)."""

from __future__ import annotations

from reader.tui.app import build_app
from reader.tui.screens.bookmarks import BookmarksScreen
from reader.tui.screens.confirm import ConfirmDialog
from reader.tui.screens.main import MainScreen
from reader.tui.screens.meta_editor import MetaEditor
from tests.tui.helpers import wait_until
from tests.tui.test_list import GENEVA
from tests.tui.test_note_typing import burst
from tests.tui.test_reading import open_article


async def test_slash_and_the_search_in_one_burst(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await pilot.pause()
        burst(app, ["/", *"lopez"])  # l would open, o toggle bookmarked-only, s sort...
        await wait_until(pilot, lambda: screen.query_one("#filter").value == "lopez")
        await pilot.pause()
        q = screen.list_query
        assert (q.text, q.sort, q.bookmarked_only, q.unread_only) == ("lopez", "added", False, False)
        assert screen.article_id is None
        assert screen.query_one("#filter").has_focus


async def test_note_editor_opened_and_typed_in_one_burst(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        burst(app, ["a", *"check the vote, 3 times", "ctrl+s"])
        await wait_until(pilot, lambda: len(lib.state.bookmarks(GENEVA)) == 1)
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert lib.state.bookmarks(GENEVA)[0].note == "check the vote, 3 times"


async def test_find_opened_and_typed_in_one_burst(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        screen = app.screen
        burst(app, ["ctrl+f", *"geneva", "enter"])
        await wait_until(pilot, lambda: app.screen is screen and screen.pane.find_count == 2)


async def test_bookmarks_screen_and_its_search_in_one_burst(lib):
    lib.state.add_bookmark(GENEVA, 3, lib.get(GENEVA).paragraphs[3], note="market data")
    lib.state.add_bookmark(GENEVA, 0, lib.get(GENEVA).paragraphs[0])
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, ["B", "/", *"market"])  # a would edit a note, e too, d delete
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        await wait_until(pilot, lambda: app.screen.query_one("#bookmark-search").value == "market")
        assert len(lib.state.bookmarks(GENEVA)) == 2


async def test_meta_editor_opened_typed_and_saved_in_one_burst(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        burst(app, ["e", *"Talks resume [b]soon[/b]", "ctrl+s"])  # the title is selected: typing replaces it
        await wait_until(pilot, lambda: lib.get(GENEVA).title != "Talks resume in Geneva")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert lib.get(GENEVA).title == "Talks resume [b]soon[/b]"


async def test_meta_editor_save_waits_for_the_keys_typed_before_it(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, MetaEditor) and app.screen.query_one("#meta-title").has_focus)
        burst(app, [*"A title typed fast", "ctrl+s"])
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.pause()
        assert lib.get(GENEVA).title == "A title typed fast"


async def test_a_question_is_not_answered_by_keys_typed_before_it(lib):
    para = lib.get(GENEVA).paragraphs[0]
    lib.state.add_bookmark(GENEVA, 0, para, note="keep me")
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        burst(app, ["b", "y"])  # y typed before the question was there
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.pause(0.3)
        assert isinstance(app.screen, ConfirmDialog)
        assert [b.note for b in lib.state.bookmarks(GENEVA)] == ["keep me"]
        await pilot.press("y")  # typed with the question on screen: it answers
        await wait_until(pilot, lambda: lib.state.bookmarks(GENEVA) == [])


async def test_entities_screen_filter_and_enter_in_one_burst(lib):
    """enter (a priority key there, it wins over the filter box's own) waits for the filter typed before it."""
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        burst(app, ["E", *"tuesday", "enter"])
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen) and app.screen.list_query.entity is not None)
        assert app.screen.list_query.entity.name == "Tuesday"
        assert [s.id for s in app.screen.rows] == [GENEVA]


async def test_entity_rename_typed_and_applied_in_one_burst(lib):
    from reader.tui.screens.entity_dialogs import EntityDialog
    from tests.tui.test_entity_corrections_tui import highlight, panel_names

    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await highlight(pilot, "Maria Lopez")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, EntityDialog) and app.screen.query_one("#entity-name").has_focus)
        app.screen.query_one("#entity-name").value = ""
        burst(app, [*"Maria L\u00f3pez Garc\u00eda", "ctrl+s"])
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        await wait_until(pilot, lambda: "Maria L\u00f3pez Garc\u00eda" in panel_names(app))


async def test_keys_typed_while_the_app_starts_go_to_the_list_not_the_hidden_search_box(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert screen.focused is screen.article_list
        # what Textual does when a screen is composed in a focused terminal (the tests' app has no terminal focus)
        screen.set_focus(None)
        app.app_focus = True
        screen._update_auto_focus()
        assert screen.focused is screen.article_list
        await pilot.pause()


async def test_editing_keys_in_a_burst_act_where_they_were_typed(lib):
    """backspace in a burst deletes the letter before it, not the last one typed."""
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        burst(app, ["a", *"notex", "backspace", *"d", "ctrl+s"])
        await wait_until(pilot, lambda: len(lib.state.bookmarks(GENEVA)) == 1)
        assert lib.state.bookmarks(GENEVA)[0].note == "noted"


async def test_keys_after_a_dialog_closes_go_to_the_screen_behind_it(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        screen = app.screen
        burst(app, ["a", *"first", "ctrl+s", "j", "j", "j"])  # save, then three paragraphs down
        await wait_until(pilot, lambda: screen.pane.cursor == 3)
        assert [b.note for b in lib.state.bookmarks(GENEVA)] == ["first"]
        burst(app, ["ctrl+f", *"geneva", "enter", "n"])  # find (from paragraph 3: the match in 4, 2/2), then the next
        await wait_until(pilot, lambda: "1/2" in str(screen.pane.border_subtitle) and screen.pane.cursor == 0)  # wrapped


async def test_open_and_find_in_one_burst(lib):
    """enter's article is open before ctrl+f asks for it (the list's Opened message comes after enter)."""
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        screen.article_list.select_id(GENEVA)
        await pilot.pause()
        burst(app, ["enter", "ctrl+f", *"geneva", "enter", "n"])
        await wait_until(pilot, lambda: screen.article_id == GENEVA and "2/2" in str(screen.pane.border_subtitle))
        q = screen.list_query
        assert (q.text, q.unread_only, q.bookmarked_only) == ("", False, False)
