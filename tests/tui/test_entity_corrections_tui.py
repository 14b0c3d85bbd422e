"""Entity corrections in the app (issue 14): the entity panel's r/t/x/M/z with their dialog and scope,
adding a missed entity from the reading pane's selection (+), and the library's entities screen (E)."""

from __future__ import annotations

from textual.widgets import DataTable, Input, RadioSet

from reader.tui.app import build_app
from reader.tui.screens.entities import EntitiesScreen
from reader.tui.screens.entity_dialogs import EntityDialog
from tests.tui.helpers import notifications, screen_text, wait_until
from tests.tui.test_entities_cite import choose_entity, para_segments
from tests.tui.test_list import BUDGET, GENEVA, HOSTILE as HOSTILE_ID, ids
from tests.tui.test_reading import open_article

HOSTILE = "[bold red]x[/] \x1b]52;c;aGk=\x07\x1b[2J[link=file:///etc/passwd]y[/link]"
SHOWN = "[bold red]x[/] [link=file:///etc/passwd]y[/link]"


def panel_names(app) -> list[str]:
    return [e.name for e in app.screen.entity_panel.entities]


async def highlight(pilot, name: str) -> None:
    panel = pilot.app.screen.entity_panel
    panel.focus()
    options = [panel.get_option_at_index(i) for i in range(panel.option_count)]  # a row is a name and its count
    panel.highlighted = next(i for i, o in enumerate(options) if o.id is not None and panel.entities[int(o.id)].name.startswith(name))
    await pilot.pause()


async def dialog(pilot) -> EntityDialog:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, EntityDialog))
    return pilot.app.screen


async def choose_scope(pilot, which: str) -> None:
    await pilot.click(f"#scope-{which}")
    await pilot.pause()


async def test_rename_with_a_hostile_name_shows_it_literally_and_z_undoes(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await highlight(pilot, "Maria Lopez")
        await pilot.press("r")
        dlg = await dialog(pilot)
        field = dlg.query_one("#entity-name", Input)
        assert field.value == "Maria Lopez"
        field.value = HOSTILE
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntityDialog))
        assert SHOWN in panel_names(app)
        text = screen_text(app)  # markup shown as typed (cut with an ellipsis in the narrow panel), escapes gone
        assert "[bold red]x[/]" in text and "\x1b" not in text
        assert "\x1b" not in "".join(panel_names(app))
        assert SHOWN in [e.name for e in lib.get(BUDGET).entities]  # the whole library by default
        assert app.screen.entity_panel.has_focus
        await pilot.press("z")
        await pilot.pause()
        assert "Maria Lopez" in panel_names(app) and SHOWN not in panel_names(app)
        assert any(n.startswith("Undone: renamed Maria Lopez") for n in notifications(app))
        assert lib.entity_corrections() == []


async def test_hide_in_this_article_only(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await highlight(pilot, "Maria Lopez")
        await pilot.press("x")
        await dialog(pilot)
        await choose_scope(pilot, "article")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntityDialog))
        assert "Maria Lopez" not in panel_names(app)
        panel = app.screen.entity_panel
        assert panel.highlighted_entity is not None and panel.highlighted_entity.name == "United Nations"  # the next one
        assert "Maria Lopez" in [e.name for e in lib.get(BUDGET).entities]
        assert lib.entity_corrections()[0]["scope"] == GENEVA


async def test_type_change_for_the_library(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await highlight(pilot, "Geneva")
        await pilot.press("t")
        dlg = await dialog(pilot)
        await pilot.click("#type-organization")
        await pilot.pause()
        assert dlg.query_one("#entity-type", RadioSet).pressed_button.id == "type-organization"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntityDialog))
        geneva = next(e for e in app.screen.entity_panel.entities if e.name == "Geneva")
        assert geneva.type == "organization"
        assert "Organisations (2)" in screen_text(app)


async def test_merge_from_the_panel_joins_aliases_and_the_f_filter(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await highlight(pilot, "United Nations")
        await pilot.press("M")
        await dialog(pilot)
        await pilot.press(*"world")  # filter as you type: World Bank is only in another article
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntityDialog))
        assert lib.entity_corrections()[0]["op"] == "merge"
        assert "World Bank" in [a for e in lib.get(BUDGET).entities if e.name == "United Nations" for a in e.aliases]
        await choose_entity(pilot, "United Nations")
        await pilot.press("f")
        await pilot.pause()
        assert set(ids(app.screen)) == {GENEVA, BUDGET}


async def test_add_a_missed_entity_from_the_selection(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        app.screen.pane.focus()
        await pilot.press("v", "J")  # the first two sentences
        await pilot.press("plus")
        dlg = await dialog(pilot)
        field = dlg.query_one("#entity-name", Input)
        assert field.value.startswith("Maria Lopez said on Tuesday") and "Delegates were cautious." in field.value
        field.value = "Atlantis"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EntityDialog)  # not in the article: said in the dialog, which stays
        assert "not in this article" in str(dlg.query_one("#entity-error").render())
        field.value = "Delegates"
        await pilot.click("#type-organization")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntityDialog))
        assert "Delegates" in panel_names(app)
        c = lib.entity_corrections()[0]
        assert (c["op"], c["scope"], c["type"]) == ("add", GENEVA, "organization")
        await choose_entity(pilot, "Delegates")
        pane = app.screen.pane
        assert any(seg.style and seg.style.bgcolor for seg in para_segments(pane, 0) if seg.text == "Delegates")


async def test_add_hostile_text_shows_it_literally(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, HOSTILE_ID)
        app.screen.pane.focus()
        await pilot.press("plus")
        dlg = await dialog(pilot)
        dlg.query_one("#entity-name", Input).value = "[link=file:///etc/passwd]link[/link]"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntityDialog))
        assert "[link=file:///etc/passwd]link[/link]" in panel_names(app)
        assert "[link=file:///etc/passwd]link[/link]" in screen_text(app)


async def test_entities_screen_filters_sorts_and_lists_articles(lib):
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        await wait_until(pilot, lambda: isinstance(app.screen, EntitiesScreen))
        screen = app.screen
        table = screen.query_one(DataTable)
        assert table.row_count == 8
        assert "by articles" in screen_text(app)
        assert screen.current.name == "Maria Lopez"  # most articles first
        await pilot.press(*"lop")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "by mentions" in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntitiesScreen))
        assert set(ids(app.screen)) == {GENEVA, BUDGET}
        assert "Maria Lopez" in str(app.screen.query_one("#list-pane").border_subtitle)


async def test_entities_screen_corrects_for_the_library_and_undoes(lib):
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("E")
        await wait_until(pilot, lambda: isinstance(app.screen, EntitiesScreen))
        await pilot.press(*"tuesday")
        await pilot.press("ctrl+x")
        await dialog(pilot)
        assert not app.screen.query("#entity-scope")  # the whole library, no scope to choose here
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, EntitiesScreen))
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 0
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 1
        assert lib.entity_corrections() == []


async def test_palette_lists_the_entity_actions(lib):
    from reader.tui.commands import ReaderCommands

    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        provider = ReaderCommands(app.screen)
        titles = [t for t, _h, _r in provider._commands()]
        for title in ("All entities", "Add a missed entity (from the selection)", "Rename entity", "Merge into entity",
                      "Not an entity", "Undo entity correction"):
            assert title in titles
