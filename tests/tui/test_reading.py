"""The reading pane: layout, passage cursor, sentence selection, position, read state, RTL."""

from __future__ import annotations

from reader.tui.app import build_app
from tests.tui.helpers import screen_text, wait_until
from tests.tui.test_list import BUDGET, GENEVA, PERSIAN


async def open_article(pilot, article_id: str) -> None:
    app = pilot.app
    app.screen.article_list.focus()
    app.screen.article_list.select_id(article_id)
    await pilot.press("enter")
    await pilot.pause()
    assert app.screen.article_id == article_id


async def test_title_block_metadata_and_paragraph_kinds(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        text = screen_text(app)
        assert "Talks resume in Geneva" in text
        assert "By Maria Lopez \u00b7 Harbour Times \u00b7 2024-03-01 \u00b7 World" in text
        assert "\u258c \u201cWe are ready to listen,\u201d" in text  # the quote is set off with a bar
        assert "  Photo: the conference hall in Geneva." in text  # caption indented
        pane = app.screen.pane
        # heading bold, caption dim/italic: styles come from the component classes in styles/
        heading = pane.render_line(pane._layout.para_top[1] - int(pane.scroll_y))
        assert any(seg.style and seg.style.bold for seg in heading if "second round" in seg.text)
        caption = pane.render_line(pane._layout.para_top[4] - int(pane.scroll_y))
        assert any(seg.style and seg.style.italic for seg in caption if "Photo" in seg.text)


async def test_cursor_moves_by_paragraph_and_position_is_saved_and_restored(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        pane = app.screen.pane
        assert pane.cursor == 0
        await pilot.press("j", "j", "down")
        assert pane.cursor == 3
        await pilot.press("k")
        assert pane.cursor == 2
        # the position is written after a short pause in movement
        await wait_until(pilot, lambda: lib.state.get_position(GENEVA) == 2)
        lines = [line for line in screen_text(app).splitlines() if "\u258c" in line]
        assert any("\u258c \u258c \u201cWe are ready" in line for line in lines)  # gutter cursor + quote bar
        await pilot.press("k")
        app.screen.article_list.select_id(BUDGET)
        app.screen.article_list.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert lib.state.get_position(GENEVA) == 1  # flushed when another article opens
        app.screen.article_list.select_id(GENEVA)
        app.screen.article_list.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert pane.cursor == 1


async def test_sentence_selection_extends_and_moves(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        pane = app.screen.pane
        assert pane.passage().text.startswith("Maria Lopez said") and pane.passage().text.endswith("host them.")
        await pilot.press("v")
        assert pane.passage().text == "Maria Lopez said on Tuesday that talks in Geneva would resume next week."
        await pilot.press("J")
        assert pane.passage().text.endswith("Delegates were cautious.")
        await pilot.press("K")
        assert pane.passage().text.endswith("next week.")
        await pilot.press("j")  # in a selection j/k move it by a sentence
        assert pane.passage().text == "Delegates were cautious."
        await pilot.press("escape")
        assert pane.selection is None
        await pilot.press("shift+down")  # shift+down starts a selection too
        assert pane.selection == (0, 1)


async def test_reaching_the_end_marks_read_and_m_toggles(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        assert not lib.state.is_read(GENEVA)
        await pilot.press("G")
        await pilot.pause()
        assert lib.state.is_read(GENEVA)
        assert GENEVA in app.screen.read_ids
        await pilot.press("m")
        await pilot.pause()
        assert not lib.state.is_read(GENEVA)
        assert "Marked as unread." in [str(n.message) for n in app._notifications]
        await pilot.press("m")
        assert lib.state.is_read(GENEVA)


async def test_m_on_the_list_toggles_the_highlighted_article(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        app.screen.article_list.select_id(BUDGET)
        await pilot.press("m")
        assert lib.state.is_read(BUDGET)
        lst = app.screen.article_list
        strip = lst.render_line(lst.cursor * 2)
        assert not any(seg.style and seg.style.bold for seg in strip if "Budget" in seg.text)


async def test_click_on_a_paragraph_moves_the_cursor(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        pane = app.screen.pane
        top = pane._layout.para_top[3]
        await pilot.click("#reading", offset=(5, top + 1))  # +1: the border
        await pilot.pause()
        assert pane.cursor == 3


async def test_rtl_text_keeps_its_logical_order(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, PERSIAN)
        text = screen_text(app)
        first = lib.get(PERSIAN).paragraphs[0]
        assert first in text  # not reversed by us; the terminal applies the bidi algorithm
        line = next(line for line in text.splitlines() if first in line)
        assert line.index(first) > 40  # right-aligned in the pane


async def test_long_article_renders_only_visible_lines(lib):
    from benchmarks.synthetic import long_article
    from reader.models import Entity

    long = long_article(20_000)
    long.entities = [Entity("Ada Okafor", "person", ["Ada Okafor"], 1, [[0, 0, 3]])]
    lib.add_article(long)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, long.id)
        pane = app.screen.pane
        assert list(pane.children) == []
        assert pane.virtual_size.height > 1000
        await pilot.press("G")
        await pilot.pause()
        assert pane.cursor == len(long.paragraphs) - 1
        assert long.paragraphs[-1][:20] in screen_text(app)
        await pilot.press("g")
        assert pane.cursor == 0 and pane.scroll_y == 0
        await pilot.press("pagedown")
        assert pane.cursor > 0


async def test_position_is_saved_when_the_app_quits(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("j", "j", "j", "j", "q")
        await pilot.pause()
    assert lib.state.get_position(GENEVA) == 4


async def test_an_article_that_fits_is_read_once_its_end_was_in_view_a_moment(lib, monkeypatch):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        monkeypatch.setattr("reader.tui.widgets.reading_pane.END_SEEN", 600.0)
        await open_article(pilot, BUDGET)  # three short paragraphs: the whole article on one screen
        assert app.screen.pane._end_timer is not None  # its end is in view: the moment has started
        assert not lib.state.is_read(BUDGET)  # not at once: a glance on the way elsewhere is not reading
        monkeypatch.setattr("reader.tui.widgets.reading_pane.END_SEEN", 0.5)
        await open_article(pilot, PERSIAN)  # straight on to the next one, short too
        await wait_until(pilot, lambda: lib.state.is_read(PERSIAN))
        assert PERSIAN in app.screen.read_ids
        assert not lib.state.is_read(BUDGET)  # left before its moment


async def test_a_long_article_is_not_read_while_its_end_is_out_of_view(lib, monkeypatch):
    monkeypatch.setattr("reader.tui.widgets.reading_pane.END_SEEN", 0.5)
    app = build_app(lib)
    async with app.run_test(size=(80, 16)) as pilot:
        await open_article(pilot, GENEVA)  # longer than the screen at 80x16: its end is not in view
        await pilot.pause(1.5)
        assert not lib.state.is_read(GENEVA) and app.screen.pane._end_timer is None
        await pilot.press("pagedown", "pagedown")  # scrolled to its end: read
        await wait_until(pilot, lambda: lib.state.is_read(GENEVA))
