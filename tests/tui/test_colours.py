"""The cursor, the selection and every highlight are visible in truecolor, 256 colours, 16 colours and NO_COLOR.

Each test renders the real screen and lowers its colours as the terminal would (tests/tui/terminal_look.py):
what matters is what a user of a 16-colour terminal sees, not what the truecolor screenshot shows.
"""

from __future__ import annotations

import pytest

from reader.tui.app import build_app
from tests.tui.terminal_look import Look, region_cells
from tests.tui.test_entities_cite import choose_entity
from tests.tui.test_list import GENEVA

#: (colour system of the terminal, NO_COLOR set)
MODES = [("truecolor", False), ("256", False), ("16", False), ("256", True), ("16", True)]
TEXTUAL_SYSTEM = {"truecolor": "truecolor", "256": "256", "16": "standard"}


@pytest.fixture(params=MODES, ids=lambda m: m[0] + ("-NO_COLOR" if m[1] else ""))
def mode(request, monkeypatch):
    system, no_color = request.param
    monkeypatch.setattr("textual.constants.COLOR_SYSTEM", TEXTUAL_SYSTEM[system])
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    return system


def seen(look: Look) -> tuple:
    """What tells a cell apart besides its character: the background the eye sees and the attributes."""
    return (look.shown_bg, look.reverse, look.underline, look.bold)


def cells_of(rows, needle: str) -> list[Look]:
    """The looks of the cells of the first occurrence of `needle` in the rows ("a|b": of a, where a is followed by b)."""
    needle, _, context = needle.partition("|")
    for row in rows:
        text = "".join(ch for ch, _ in row)
        at = text.find(needle + context)
        if at >= 0:
            return [look for _ch, look in row[at : at + len(needle)]]
    raise AssertionError(f"{needle!r} is not on the screen")


def assert_apart(rows, marked: str, plain: str, what: str) -> None:
    a, b = {seen(x) for x in cells_of(rows, marked)}, {seen(x) for x in cells_of(rows, plain)}
    assert a.isdisjoint(b), f"{what}: {marked!r} looks like {plain!r}: {a} vs {b}"


def assert_list_cursor_visible(app, system: str) -> None:
    lst = app.screen.article_list
    rows = region_cells(app, lst, system)
    per = lst.ROW_HEIGHT
    cursor = [look.shown_bg for r in rows[lst.cursor * per : (lst.cursor + 1) * per] for _ch, look in r]
    others = [
        look.shown_bg for i, r in enumerate(rows) if i // per != lst.cursor and i // per < lst.row_count for _ch, look in r
    ]
    assert set(cursor).isdisjoint(others), f"the cursor row's background is also another row's: {set(cursor)} {set(others)}"


async def test_list_cursor_visible_focused_and_not(lib, mode):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.article_list.has_focus and app.screen.article_list.cursor == 1
        assert_list_cursor_visible(app, mode)
        await pilot.press("enter")  # the reading pane takes the focus; the list keeps showing where it is
        await pilot.pause()
        assert not app.screen.article_list.has_focus
        assert_list_cursor_visible(app, mode)


async def test_reading_cursor_selection_and_highlights_visible(lib, mode):
    geneva = lib.get(GENEVA)
    p3 = geneva.paragraphs[3]
    start = p3.index("Markets were calm.")
    lib.state.add_bookmark(GENEVA, 3, "Markets were calm.", p3[start - 32 : start], p3[start + 18 :], start, start + 18)
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.article_list.select_id(GENEVA)
        await pilot.press("enter", "v")
        await pilot.pause()
        pane = app.screen.pane
        rows = region_cells(app, pane, mode)
        # the cursor's paragraph: its gutter differs from every other paragraph's
        lay = pane._layout
        top = int(pane.scroll_y)
        cursor_gutters = {(rows[y - top][0][0], seen(rows[y - top][0][1])) for y in range(lay.para_top[0], lay.para_bottom[0])}
        other_gutters = {(rows[y - top][0][0], seen(rows[y - top][0][1])) for y in range(lay.para_top[3], lay.para_bottom[3])}
        assert cursor_gutters.isdisjoint(other_gutters)
        assert_apart(rows, "said on Tuesday", "Delegates were", "selection")
        assert_apart(rows, "Markets", "Analysts", "bookmark")
        await pilot.press("escape", "h")  # every mention
        await pilot.pause()
        rows = region_cells(app, pane, mode)
        assert_apart(rows, "Maria Lopez| declined", "declined to comment", "mention")
        await choose_entity(pilot, "United Nations")
        rows = region_cells(app, pane, mode)
        assert_apart(rows, "United Nations", "Officials from", "chosen entity")


async def test_highlight_ending_mid_line_leaves_the_rest_of_the_line_alone(lib):
    """A selection ending mid-line: after it the text keeps the text's colour and the cursor's background."""
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.article_list.select_id(GENEVA)
        await pilot.press("enter", "v")
        await pilot.pause()
        pane = app.screen.pane
        rows = region_cells(app, pane, "truecolor")
        after = cells_of(rows, " Delegates were")  # the sentence after the selected one
        plain = cells_of(rows, "them.")  # the cursor paragraph's last line, nothing selected on it
        assert {(x.fg, x.bg) for x in after} == {(x.fg, x.bg) for x in plain} and len({(x.fg, x.bg) for x in plain}) == 1
        selected = cells_of(rows, "said on Tuesday")
        assert {x.bg for x in selected}.isdisjoint({x.bg for x in plain})


async def test_bookmarks_screen_cursor_visible(lib, mode):
    from reader.tui.screens.bookmarks import BookmarksScreen
    from tests.tui.helpers import wait_until

    for p in (0, 3, 5):
        lib.state.add_bookmark(GENEVA, p, lib.get(GENEVA).paragraphs[p], note="n" if p == 3 else "")
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        await pilot.press("j")
        await pilot.pause()
        lst = app.screen.bookmark_list
        rows = region_cells(app, lst, mode)
        per = lst.ROW_HEIGHT
        cursor = [look.shown_bg for r in rows[per : 2 * per] for _ch, look in r]
        others = [look.shown_bg for r in rows[: per] + rows[2 * per : 3 * per] for _ch, look in r]
        assert set(cursor).isdisjoint(others)


async def test_find_matches_visible(lib, mode):
    """ctrl+f marks every match, the current one apart from the others, in every colour system."""
    from reader.tui.screens.find_dialog import FindDialog
    from tests.tui.helpers import wait_until

    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert screen.open_article(GENEVA)
        screen.pane.focus()
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, FindDialog))
        await pilot.press(*"geneva", "enter")
        await wait_until(pilot, lambda: app.screen is screen and screen.pane.find_count == 2)
        await pilot.pause()
        rows = region_cells(app, screen.pane, mode)
        assert_apart(rows, "Geneva| would", "talks in", "the current match")  # on the cursor's paragraph
        assert_apart(rows, "Geneva|.", "conference hall", "another match")  # in the caption
        assert_apart(rows, "Geneva| would", "Geneva|.", "the current match and another")
