"""The user's keymap and theme in the app (issue 10, the user's own settings)."""

from __future__ import annotations

from reader.services import preferences
from reader.services.user_config import UserConfig
from reader.tui.app import build_app
from reader.tui.commands import ReaderCommands
from reader.tui.screens.help import HelpScreen
from tests.tui.fixtures import build
from tests.tui.helpers import notifications, screen_text
from tests.tui.test_list import GENEVA
from tests.tui.test_reading import open_article


async def test_a_remapped_key_works_and_help_footer_and_palette_show_it(lib):
    config = UserConfig.load()
    config.set_key("bookmark", "x")
    config.set_key("quote", "ctrl+y")
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        footer = screen_text(app).splitlines()[-1]
        assert "x Bookmark" in footer and "b Bookmark" not in footer
        await pilot.press("x")
        await pilot.pause()
        assert GENEVA in app.screen.bookmarked_ids
        await pilot.press("b")  # the old key no longer bookmarks (nor removes)
        await pilot.pause()
        assert GENEVA in app.screen.bookmarked_ids
        commands = {title: help_text for title, help_text, _run in ReaderCommands(app.screen)._commands()}
        assert commands["Bookmark"] == "key: x" and commands["Quote"] == "key: ctrl+y"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app).splitlines()
        rows = [[w for w in ln.replace("│", " ").split() if not set(w) <= set("▁▂▃▄▅▆▇█")] for ln in lines]
        assert ["x", "Bookmark"] in rows and ["b", "Bookmark"] not in rows


async def test_an_unknown_key_id_is_reported_not_fatal(lib):
    UserConfig.load().set_key("no-such-action", "z")
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("no-such-action" in n for n in notifications(app))


async def test_the_theme_is_the_users_not_the_librarys(lib, tmp_path):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert preferences.theme() == "nord"
    other = build(tmp_path / "other-library")
    try:
        app = build_app(other)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.theme == "nord"
    finally:
        other.close()


async def test_a_library_theme_from_an_older_reader_is_adopted(lib):
    lib.set_setting("theme", "gruvbox")
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
    assert UserConfig.load().file_value("theme") == "gruvbox"


async def test_messages_name_the_remapped_keys(lib):
    from tests.tui.test_entities_cite import choose_entity

    config = UserConfig.load()
    config.set_key("clear-entity-filter", "ctrl+e")
    config.set_key("next-mention", "period")
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await choose_entity(pilot, "United Nations")
        assert any("; ./N to jump, f for articles" in n for n in notifications(app))
        await pilot.press("f")
        await pilot.pause()
        assert "1 article mentions United Nations; ctrl+e clears." in notifications(app)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.list_query.entity is None
