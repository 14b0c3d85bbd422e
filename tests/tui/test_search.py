"""Full-text search in the TUI: `/` as you type with snippets, ctrl+f inside the article, notes in B."""

from __future__ import annotations

from reader.tui.app import build_app
from reader.tui.screens.bookmarks import BookmarksScreen
from reader.tui.screens.find_dialog import FindDialog
from reader.tui.screens.main import MainScreen
from tests.tui.helpers import screen_text, wait_until

GENEVA, BUDGET, PERSIAN, HOSTILE = "a1geneva00000001", "b2budget00000002", "c3persian0000003", "d4hostile000004"


def ids(screen: MainScreen) -> list[str]:
    return [s.id for s in screen.rows]


async def _ready(pilot) -> MainScreen:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, MainScreen) and pilot.app.screen.rows)
    return pilot.app.screen


async def test_slash_searches_the_body_with_a_snippet_under_the_title(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _ready(pilot)
        await pilot.press("slash", *"cautious")  # only in the body of the Geneva article
        await wait_until(pilot, lambda: ids(screen) == [GENEVA])
        await wait_until(pilot, lambda: "Delegates were cautious" in screen_text(app))
        text = screen_text(app)
        assert "Articles 1/4" in text and "by relevance" in text
        await pilot.press(*" -geneva")
        await wait_until(pilot, lambda: ids(screen) == [])
        await pilot.press("escape")
        await wait_until(pilot, lambda: len(ids(screen)) == 4)
        assert "2024-03-01 \u00b7 Harbour Times" in screen_text(app)  # meta lines are back


async def test_the_word_being_typed_is_a_prefix_and_answers_to_old_keystrokes_are_dropped(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _ready(pilot)
        await pilot.press("slash", *"parliam")
        await wait_until(pilot, lambda: ids(screen) == [BUDGET])
        old = screen._search_seq
        await pilot.press(*"ent xyzzy")
        await wait_until(pilot, lambda: ids(screen) == [])
        answer = lib.search("geneva")
        screen._search_done(old, answer, None)  # a late answer to an earlier keystroke
        await pilot.pause()
        assert ids(screen) == []


async def test_a_malformed_query_says_one_line_and_keeps_the_list(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _ready(pilot)
        await pilot.press("slash", *"geneva")
        await wait_until(pilot, lambda: ids(screen) == [GENEVA])
        await pilot.press(*' "talks')
        await wait_until(pilot, lambda: screen._search_error is not None)
        assert ids(screen) == [GENEVA]
        pane = screen.query_one("#list-pane")
        assert "phrase is not closed" in str(pane.border_subtitle)


async def test_search_filters_keep_the_toggles_and_is_filters(lib):
    lib.state.set_read(GENEVA, True)
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _ready(pilot)
        await pilot.press("slash", *"maria")
        await wait_until(pilot, lambda: set(ids(screen)) == {GENEVA, BUDGET})
        await pilot.press(*" is:unread")
        await wait_until(pilot, lambda: ids(screen) == [BUDGET])


async def test_hostile_text_in_snippets_is_shown_literally(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await _ready(pilot)
        await pilot.press("slash", *"markup")
        await wait_until(pilot, lambda: ids(screen) == [HOSTILE])
        await wait_until(pilot, lambda: "Markup [bold red]x[/] and [/]" in screen_text(app))  # the snippet line
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text


async def test_ctrl_f_finds_in_the_article_and_n_steps_with_a_count(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _ready(pilot)
        assert screen.open_article(GENEVA)
        screen.pane.focus()
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, FindDialog))
        await pilot.press(*"geneva", "enter")
        await wait_until(pilot, lambda: app.screen is screen)
        assert screen.pane.find_count == 2  # paragraphs 1 and 5 (the title is not counted)
        assert "find: geneva  1/2" in str(screen.pane.border_subtitle)
        assert screen.pane.cursor == 0
        await pilot.press("n")
        assert "2/2" in str(screen.pane.border_subtitle) and screen.pane.cursor == 4
        await pilot.press("n")
        assert "1/2" in str(screen.pane.border_subtitle) and screen.pane.cursor == 0
        await pilot.press("N")
        assert "2/2" in str(screen.pane.border_subtitle)
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, FindDialog))
        await pilot.press("ctrl+u", *'"talks in geneva" OR markets', "enter")
        await wait_until(pilot, lambda: app.screen is screen)
        assert screen.pane.find_count == 2 and screen.pane.cursor == 0


async def test_opening_a_search_result_marks_the_matches(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _ready(pilot)
        await pilot.press("slash", *"delegate")
        await wait_until(pilot, lambda: ids(screen) == [GENEVA])
        await pilot.press("enter", "enter")
        await wait_until(pilot, lambda: screen.article_id == GENEVA)
        assert screen.pane.find_count == 2  # "Delegates" (prefix while typing) and "delegate"
        await pilot.press("n")
        assert "1/2" in str(screen.pane.border_subtitle)


async def test_notes_are_searchable_from_the_bookmarks_screen(lib):
    lib.state.add_bookmark(GENEVA, 0, "Maria Lopez said", note="check the Zürich angle")
    lib.state.add_bookmark(BUDGET, 0, "Parliament debated", note="budget numbers")
    lib.state.add_bookmark(BUDGET, 2, "The vote is expected next month.")
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await _ready(pilot)
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        bm = app.screen
        assert len(bm._bookmarks) == 3
        await pilot.press("slash", *"zurich")
        await wait_until(pilot, lambda: len(bm._bookmarks) == 1)
        assert bm._bookmarks[0].note == "check the Zürich angle"
        assert "1 of 3 match" in screen_text(app)
        await pilot.press(*" OR vote")
        await wait_until(pilot, lambda: len(bm._bookmarks) == 2)
        await pilot.press("escape")
        await wait_until(pilot, lambda: len(bm._bookmarks) == 3)
        assert isinstance(app.screen, BookmarksScreen)


async def test_a_hostile_query_is_shown_inert(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _ready(pilot)
        screen.filter_text = 'x "\x1b]52;c;aGk=\x07[bold red]open'
        await wait_until(pilot, lambda: screen._search_error is not None)
        subtitle = str(screen.query_one("#list-pane").border_subtitle)
        assert "phrase is not closed" in subtitle and "\x1b" not in subtitle and "\x07" not in subtitle
        assert screen.open_article(GENEVA)
        screen.apply_find(__import__("reader.search", fromlist=["parse"]).parse("[bold red]x[/] \x1b[2Jgeneva"))
        await pilot.pause()
        sub = getattr(screen.pane.border_subtitle, "plain", str(screen.pane.border_subtitle))
        assert "\x1b" not in sub  # (the subtitle is kept as escaped markup; the screen shows it literally)
        assert "find: [bold red]x[/]" in screen_text(app)
