"""The article list: rows, count, sort, filter as you type, unread/bookmarked toggles, opening."""

from __future__ import annotations

from reader.tui.app import build_app
from reader.tui.screens.main import MainScreen
from tests.tui.helpers import screen_text, wait_until

GENEVA, BUDGET, PERSIAN, HOSTILE = "a1geneva00000001", "b2budget00000002", "c3persian0000003", "d4hostile000004"


def ids(screen: MainScreen) -> list[str]:
    return [s.id for s in screen.rows]


async def test_rows_show_title_publisher_author_date_and_count(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Articles 4/4" in text
        assert "Talks resume in Geneva" in text
        assert "2024-03-01 \u00b7 Harbour Times" in text


async def test_sort_cycles_added_date_title(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert ids(screen) == [BUDGET, GENEVA, PERSIAN, HOSTILE]  # newest added first
        await pilot.press("s")
        assert screen.list_query.sort == "date"
        assert ids(screen) == [GENEVA, BUDGET, PERSIAN, HOSTILE]
        await pilot.press("s")
        assert screen.list_query.sort == "title"
        assert ids(screen)[:2] == [HOSTILE, BUDGET]  # "[bold..." sorts before letters
        await pilot.pause()
        assert "by title" in screen_text(app)


async def test_filter_as_you_type_and_escape_clears(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "g", "e", "n")
        screen = app.screen
        await wait_until(pilot, lambda: ids(screen) == [GENEVA])  # the search runs in a worker
        await pilot.pause()
        assert "Articles 1/4" in screen_text(app)
        await pilot.press("space", "q", "q")
        await wait_until(pilot, lambda: ids(screen) == [])
        await pilot.press("escape")
        await pilot.pause()
        assert ids(screen) == [BUDGET, GENEVA, PERSIAN, HOSTILE]
        assert screen.article_list.has_focus


async def test_filter_matches_author_and_publisher(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"carter")
        await wait_until(pilot, lambda: ids(app.screen) == [BUDGET])
        await pilot.press("enter")
        assert app.screen.article_list.has_focus
        assert ids(app.screen) == [BUDGET]


async def test_unread_only_and_bookmarked_only(lib):
    lib.state.set_read(GENEVA, True)
    lib.state.add_bookmark(PERSIAN, 0, "x")
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        assert GENEVA not in ids(app.screen) and len(ids(app.screen)) == 3
        await pilot.pause()
        assert "unread" in screen_text(app)
        await pilot.press("u", "o")
        assert ids(app.screen) == [PERSIAN]
        await pilot.press("o")
        assert len(ids(app.screen)) == 4


async def test_unread_rows_are_bold_and_bookmarked_rows_marked(lib):
    lib.state.set_read(GENEVA, True)
    lib.state.add_bookmark(BUDGET, 0, "Parliament")
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        lst = app.screen.article_list

        def title_bold(row: int) -> bool:
            strip = lst.render_line(row * 2)
            return any(seg.style and seg.style.bold for seg in strip if seg.text.strip() and "\u2605" not in seg.text)

        order = ids(app.screen)
        assert title_bold(order.index(BUDGET)) is True
        assert title_bold(order.index(GENEVA)) is False
        lines = screen_text(app).splitlines()
        assert any("\u2605 Budget debate runs late" in line for line in lines)
        assert not any("\u2605 Talks resume" in line for line in lines)


async def test_enter_and_click_open_an_article(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.screen.article_id == GENEVA
        assert app.screen.pane.has_focus
        assert "Delegates were cautious." in screen_text(app)
        # click the third row (rows are two lines high, inside a border)
        await pilot.click("#articles", offset=(4, 4))
        await pilot.pause()
        assert app.screen.article_id == PERSIAN


async def test_list_scrolls_and_stays_virtual_on_many_rows(lib):
    from tests.tui.fixtures import geneva

    for i in range(60):
        a = geneva()
        a.id = f"gen{i:013d}"
        a.title = f"Copy {i:03d} of the talks"
        lib.add_article(a)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lst = app.screen.article_list
        assert len(app.screen.rows) == 64
        assert list(lst.children) == []  # no widget per row
        await pilot.press("G")
        await pilot.pause()
        assert lst.cursor == 63
        assert lst.scroll_y > 0
        assert "[bold red]x[/] [/]" in screen_text(app)
