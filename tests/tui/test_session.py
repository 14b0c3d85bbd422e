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
        await pilot.press("slash", *"a", "enter")  # a filter that keeps both
        await pilot.pause()
        assert app.screen.sort_key == "date"
        await pilot.press("q")
    assert lib.state.get_position(GENEVA) == 3

    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.article_id == GENEVA
        assert screen.pane.cursor == 3
        assert screen.pane.has_focus
        assert (screen.sort_key, screen.unread_only, screen.bookmarked_only, screen.filter_text) == ("date", False, True, "a")
        assert ids(screen) == [GENEVA]
        assert screen.article_list.current.id == GENEVA
        assert "by date \u00b7 \u2605" in screen_text(app)
        await pilot.press("o")  # and they change as before
        await pilot.pause()
        assert ids(screen)[:2] == [GENEVA, BUDGET]  # by date, "a" in both
        assert "a" == screen.query_one("#filter").value


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
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]x" in text and "\u2316 [link=file:/" in text
        assert "\x1b" not in text and "\x07" not in text and "]52;" not in text
        assert "\x1b" not in app.screen.filter_text
