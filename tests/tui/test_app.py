"""Help, command palette, themes, panels at 80x24, import, store errors, untrusted text."""

from __future__ import annotations

from reader.errors import StoreError, StoreReadOnly
from reader.services import preferences
from reader.services.user_config import UserConfig
from reader.tui.app import build_app
from reader.tui.keys import help_rows
from reader.tui.screens.bookmarks import BookmarksScreen
from reader.tui.screens.help import HelpScreen
from tests.tui.fixtures import HOSTILE_TITLE
from tests.tui.helpers import notifications, region_text, screen_text, wait_until
from tests.tui.test_list import GENEVA, HOSTILE
from tests.tui.test_reading import open_article


async def test_help_lists_every_binding(lib):
    app = build_app(lib)
    async with app.run_test(size=(100, 200)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        rows = [row for _title, section in help_rows() for row in section]
        assert len(rows) > 40
        for title, section in help_rows():
            assert title in text
            for key, description in section:
                assert description in text, description
        for needle in ("Bookmark", "Note", "Cite", "Quote", "Next mention", "Articles with entity", "Extend selection"):
            assert needle in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_runs_actions(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Bookmarks")
        palette = app.screen
        await wait_until(pilot, lambda: palette.query("CommandList").first().option_count > 0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))


async def test_command_palette_offers_every_action_and_style(lib):
    from reader.services import cite
    from reader.tui.commands import ReaderCommands
    from reader.tui.keys import bindings_of
    from reader.tui.screens.main import MainScreen
    from reader.tui.widgets.reading_pane import ReadingPane

    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [t for t, _h, _run in ReaderCommands(app.screen)._commands()]
        for cls in (MainScreen, ReadingPane):
            for b in bindings_of(cls):
                assert b.description in titles
        for style in cite.STYLES:
            assert f"Citation style: {style}" in titles
        run = dict((t, r) for t, _h, r in ReaderCommands(app.screen)._commands())
        run["Citation style: ieee"]()
        assert preferences.citation_style() == "ieee"


async def test_theme_is_remembered(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert preferences.theme() == "nord"
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"


async def test_at_80x24_the_entity_panel_starts_hidden_and_panels_toggle(lib):
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, GENEVA)
        screen = app.screen
        assert not screen.entity_panel.display
        assert "People (1)" not in screen_text(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.entity_panel.display
        assert "People (1)" in screen_text(app)
        await pilot.press("right_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert not screen.entity_panel.display
        assert not screen.query_one("#list-pane").display
        assert screen.pane.size.width > 70  # the reading pane takes the room
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert app.screen.entity_panel.display
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert not app.screen.entity_panel.display


async def test_import_in_a_worker_adds_articles(lib, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "one.txt").write_text("A fresh headline\n\nThe body of the fresh article, in one paragraph.\n", "utf-8")
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*str(folder), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.screen.rows) == 5
        assert any(n.startswith("Imported 1,") for n in notifications(app))
        assert "A fresh headline" in screen_text(app)


async def test_store_write_failures_are_notified_not_raised(lib, monkeypatch):
    def refuse(*args, **kwargs):
        raise StoreReadOnly("The store state.json is damaged and open read-only; restore it from state.json.bak.")

    monkeypatch.setattr(lib.state, "add_bookmark", refuse)
    monkeypatch.setattr(lib.state, "set_read", refuse)
    monkeypatch.setattr(lib.state, "set_setting", refuse)
    monkeypatch.setattr(UserConfig, "_save", refuse)  # the style and the theme are the user's settings
    monkeypatch.setattr(lib.state, "set_position", lambda *a: (_ for _ in ()).throw(StoreError("disk full")))
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("b", "j", "G", "m")
        await wait_until(pilot, lambda: "disk full" in notifications(app))
        await pilot.press("y", "down", "enter")
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
        messages = notifications(app)
        assert sum("open read-only" in m for m in messages) >= 4
        assert "disk full" in messages
        assert app.is_running
        assert GENEVA not in app.screen.bookmarked_ids and GENEVA not in app.screen.read_ids
    assert lib.state.bookmarks() == []


async def test_untrusted_text_shows_literally_and_without_escapes(lib):
    lib.state.add_bookmark(HOSTILE, 0, lib.get(HOSTILE).paragraphs[0], note="[bold]note[/bold] \x1b[2J")
    app = build_app(lib)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_article(pilot, HOSTILE)
        await pilot.press("h")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold red]x[/] [/] [link=file:///etc/passwd]click[/link]RED" in text  # list and pane title
        pane_text = " ".join(line.strip("\u2502\u258c ") for line in region_text(app, app.screen.pane).splitlines())
        assert "Markup [bold red]x[/] and [/] and [link=file:///etc/passwd]link[/link] stay literal." in pane_text
        assert "Escapes red and OSC  and bell  and bidi evil go." in text
        assert "[b]Evil[/b] Corp" in text  # entity name
        assert "By [i]Mallory[/i] \u00b7 [blink]Press[/blink]" in text
        assert "\u270e [bold]note[/bold]" in text
        for bad in ("\x1b", "\x07", "\u202e", "]52;"):
            assert bad not in text
        # nothing became a link or a style from the text itself
        pane = app.screen.pane
        for y in range(pane.size.height):
            for seg in pane.render_line(y):
                assert not (seg.style and seg.style.link), seg
        from tests.tui.test_entities_cite import choose_entity

        await choose_entity(pilot, "[b]Evil[/b]")
        await pilot.press("f")
        await pilot.pause()
        assert "\u2316 [b]Evil" in screen_text(app)
        assert any("[b]Evil[/b] Corp: 1 mention" in n for n in notifications(app))
        await pilot.press("B")
        await pilot.pause()
        text = screen_text(app)
        assert "\u270e [bold]note[/bold]" in text and "\x1b" not in text
        assert HOSTILE_TITLE[:14] in text


async def test_a_damaged_store_opens_read_only_with_a_message(tmp_path):
    from reader.library import Library
    from tests.tui.fixtures import build

    root = tmp_path / "lib"
    build(root).close()
    lib = Library(root)
    lib.state.set_setting("theme", "nord")  # make sure state.json exists with content
    lib.close()
    state = root / "devices" / "testdevice" / "state.json"  # this device's main store file (reader.sync)
    for backup in state.parent.glob("state.json.bak*"):
        backup.unlink()
    state.write_text("{ not json", "utf-8")
    lib = Library(root)
    try:
        assert lib.state.readonly
        app = build_app(lib)
        async with app.run_test(size=(120, 40)) as pilot:
            await open_article(pilot, GENEVA)
            await pilot.press("b")
            await pilot.pause()
            messages = notifications(app)
            assert any("read-only" in m and "state.json" in m for m in messages)  # at start and on b
            assert sum("read-only" in m for m in messages) >= 2
            assert app.is_running and GENEVA not in app.screen.bookmarked_ids
        assert state.read_text("utf-8") == "{ not json"  # never overwritten
    finally:
        lib.close()
