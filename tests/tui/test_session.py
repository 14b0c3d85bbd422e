"""Relaunching reopens the last article at its position, with the list's sort and filters as they were."""

from __future__ import annotations

from reader.tui.app import build_app
from reader.tui.session import Session, load_session
from tests.tui.helpers import screen_text, wait_until
from tests.tui.test_entities_cite import choose_entity
from tests.tui.test_list import BUDGET, GENEVA, ids
from tests.tui.test_reading import open_article


async def test_relaunch_reopens_the_article_at_its_place_with_sort_and_filters(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("j", "j", "j", "b")
        await pilot.press("s", "o")  # sort by date, bookmarked only
        app.screen.article_list.focus()
        await pilot.press("slash", *"lopez", "enter")  # a search that finds both
        await wait_until(pilot, lambda: app.screen._search_answer is not None and ids(app.screen) == [GENEVA])
        assert app.screen.list_query.sort == "date"
        await pilot.press("q")
    assert lib.state.get_position(GENEVA) == 3

    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: screen._search_answer is not None)  # the search is run again
        q = screen.list_query
        assert screen.article_id == GENEVA
        assert screen.pane.cursor == 3
        assert screen.pane.has_focus
        assert (q.sort, q.unread_only, q.bookmarked_only, q.text) == ("date", False, True, "lopez")
        assert ids(screen) == [GENEVA]
        assert "by date \u00b7 \u2605" in screen_text(app)
        await pilot.press("o")  # and they change as before
        await wait_until(pilot, lambda: ids(screen)[:2] == [GENEVA, BUDGET])  # by date, "lopez" in both
        assert "lopez" == screen.query_one("#filter").value


async def test_entity_filter_comes_back_and_damaged_session_is_ignored(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await choose_entity(pilot, "Maria Lopez")
        await pilot.press("f")
        await pilot.pause()
        assert set(ids(app.screen)) == {GENEVA, BUDGET}
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert set(ids(app.screen)) == {GENEVA, BUDGET}
        assert "\u2316 Maria Lopez" in screen_text(app)
        await pilot.press("F")
    # whatever a synced or hand-edited store holds, reader starts
    lib.set_reading_session({"article_id": 42, "sort": "[bold]x", "unread_only": "yes", "entity_aliases": "x"})
    assert load_session(lib) == Session()
    lib.set_reading_session({"article_id": "no-such-article"})
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: len(app.screen.rows) == 4)
        assert app.screen.article_id is None
        assert app.screen.article_list.has_focus


async def test_hostile_text_in_a_stored_session_shows_literally(lib):
    lib.set_reading_session({"filter_text": "[bold]x\x1b]52;c;aGk=\x07\x1b[2J", "entity_name": "[link=file:///etc/passwd]e",
                             "entity_aliases": ["Maria Lopez"]})
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:  # wide enough for the list's search and entity flags
        screen = app.screen
        await wait_until(pilot, lambda: screen._search_answer is not None or screen._search_error is not None)
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x" in text and "\u2316 [link=file:/" in text
        assert "\x1b" not in text and "\x07" not in text and "]52;" not in text
        assert "\x1b" not in app.screen.filter_text
