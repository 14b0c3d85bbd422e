"""The entity panel (groups, highlight, n/N, f) and citations (c, C, style chooser)."""

from __future__ import annotations

import re


from reader.services import cite, preferences
from reader.tui.app import build_app
from reader.tui.screens.dialogs import StyleChooser
from tests.tui.helpers import notifications, screen_text
from tests.tui.test_list import BUDGET, GENEVA, ids
from tests.tui.test_reading import open_article


async def choose_entity(pilot, name: str) -> None:
    panel = pilot.app.screen.entity_panel
    panel.focus()
    options = [panel.get_option_at_index(i) for i in range(panel.option_count)]
    index = next(i for i, o in enumerate(options) if o.id is not None and panel.entities[int(o.id)].name.startswith(name))
    panel.highlighted = index
    await pilot.press("enter")
    await pilot.pause()


def para_segments(pane, p: int):
    """Every rendered segment of paragraph p (all its wrapped lines; must be on screen)."""
    lay = pane._layout
    top = int(pane.scroll_y)
    return [seg for y in range(lay.para_top[p], lay.para_bottom[p]) for seg in pane.render_line(y - top)]


async def test_entity_panel_groups_by_type_with_counts(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        text = screen_text(app)
        for line in ("People (1)", "Organisations (1)", "Places (1)", "Dates (1)"):
            assert line in text
        for name, count in (("Maria Lopez", 2), ("United Nations", 2), ("Tuesday", 1)):  # the count on the name's line
            assert re.search(rf"{name} +{count} \u2502", text), name
        assert text.index("People (1)") < text.index("Organisations (1)") < text.index("Places (1)")


async def test_choosing_an_entity_highlights_and_n_jumps(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await choose_entity(pilot, "United Nations")
        screen = app.screen
        assert screen.entity.name == "United Nations"
        pane = screen.pane
        assert any(seg.style and seg.style.bgcolor for seg in para_segments(pane, 0) if seg.text == "United Nations")
        await pilot.press("n")
        assert pane.cursor == 0
        await pilot.press("n")
        assert pane.cursor == 5
        assert pane.passage().text.startswith("Officials from the United Nations")
        await pilot.press("N")
        assert pane.cursor == 0
        assert "Mention 1 of 2." in notifications(app)


async def test_h_highlights_every_mention(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        pane = app.screen.pane

        def underlined() -> set[str]:
            return {seg.text for seg in para_segments(pane, 0) if seg.style and seg.style.underline}

        assert underlined() == set()
        await pilot.press("h")
        assert {"Maria Lopez", "Geneva", "United Nations", "Tuesday"} <= underlined()
        await pilot.press("h")
        assert underlined() == set()


async def test_f_filters_the_list_to_articles_mentioning_the_entity(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await choose_entity(pilot, "Maria Lopez")
        await pilot.press("f")
        await pilot.pause()
        assert sorted(ids(app.screen)) == sorted([GENEVA, BUDGET])
        assert "\u2316 Maria Lopez" in screen_text(app)
        await pilot.press("F")
        assert len(ids(app.screen)) == 4


async def test_n_without_an_entity_says_what_to_do(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("n")
        assert any("Choose an entity" in n for n in notifications(app))


async def test_c_copies_the_citation_and_says_by_which_route(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        expected = cite.format_reference(lib.get(GENEVA), cite.DEFAULT_STYLE)
        assert app.clipboard == expected
        [note] = [n for n in notifications(app) if n.startswith("Copied")]
        assert "citation" in note and "osc52" in note


async def test_C_copies_the_selected_passage_with_its_citation(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("v", "j", "C")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # cited as "para. 1"
        expected = cite.format_quotation(lib.get(GENEVA), cite.DEFAULT_STYLE, "Delegates were cautious.", paragraph=1)
        assert app.clipboard == expected
        assert any("quotation" in n and "route: osc52" in n for n in notifications(app))


async def test_copy_routes_come_from_the_clipboard_service(lib, monkeypatch):
    from reader.services import clipboard

    monkeypatch.setattr(clipboard, "copy_text", lambda text, osc52=None: clipboard.CopyResult(True, "system", "copied to the system clipboard"))
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("route: system" in n for n in notifications(app))


async def test_style_chooser_changes_and_remembers_the_style(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, StyleChooser)
        await pilot.press("down", "enter")  # apa -> mla
        await pilot.pause()
        assert preferences.citation_style() == "mla"
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == cite.format_reference(lib.get(GENEVA), "mla")
        assert any("Copied the MLA citation" in n for n in notifications(app))


async def test_copy_without_an_article_says_what_to_do(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("c", "b", "a")
        await pilot.pause()
        assert sum("Open an article first" in n for n in notifications(app)) == 3


async def test_e_corrects_metadata_used_by_list_pane_and_citations(lib):
    from reader.tui.screens.meta_editor import MetaEditor

    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("j", "j", "e")
        await pilot.pause()
        assert isinstance(app.screen, MetaEditor)
        app.screen.query_one("#meta-date").value = "2024-13"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MetaEditor)  # refused: not a date
        assert "is not a real date" in screen_text(app)
        app.screen.query_one("#meta-date").value = "2024-03-04"
        app.screen.query_one("#meta-authors").value = "Maria Lopez; Ana Ruiz"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert lib.state.get_meta(GENEVA) == {"date": "2024-03-04", "authors": ["Maria Lopez", "Ana Ruiz"]}
        text = screen_text(app)
        assert "By Maria Lopez, Ana Ruiz \u00b7 Harbour Times \u00b7 2024-03-04" in text
        assert "2024-03-04 \u00b7 Harbour Times" in text  # the list row
        assert app.screen.pane.cursor == 2  # still where the reader was
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == cite.format_reference(lib.get(GENEVA), cite.DEFAULT_STYLE)


async def test_when_c_cannot_copy_the_citation_is_shown(lib, monkeypatch):
    from reader.services import clipboard
    from reader.tui.screens.citation_view import CitationView

    monkeypatch.setattr(clipboard, "copy_text", lambda text, osc52=None: clipboard.CopyResult(False, "none", "no clipboard available"))
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CitationView)
        expected = cite.format_reference(lib.get(GENEVA), cite.DEFAULT_STYLE)
        assert app.screen.query_one("#citation-text").text == expected
        assert expected.split(".")[0] in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CitationView)


async def test_f_says_one_article_mentions(lib):
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await choose_entity(pilot, "United Nations")
        await pilot.press("f")
        await pilot.pause()
        assert "1 article mentions United Nations; F clears." in notifications(app)


async def test_the_citation_dialog_shows_hostile_text_literally(lib, monkeypatch):
    from reader.services import clipboard
    from reader.tui.screens.citation_view import CitationView
    from tests.tui.test_list import HOSTILE

    monkeypatch.setattr(clipboard, "copy_text",
                        lambda text, osc52=None: clipboard.CopyResult(False, "none", "no clipboard \x1b[2J[b]x[/b]"))
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, HOSTILE)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CitationView)
        text = app.screen.query_one("#citation-text").text
        assert "\x1b" not in text and "\x07" not in text and "[bold red]x[/]" in text
        shown = screen_text(app)
        assert "\x1b" not in shown and "[b]x[/b]" in shown


async def test_metadata_editor_has_language_shows_clean_values_and_refuses_like_the_cli(lib):
    from reader.tui.screens.meta_editor import MetaEditor

    lib.state.set_meta(GENEVA, {"section": "World\x1b]52;c;aGk=\x07\x1b[2J"})  # stored before values were cleaned
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MetaEditor)
        assert app.screen.query_one("#meta-section").value == "World"
        for value, says in (("2023-02-30", "is not a real date"), ("0000", "is not a real date")):
            app.screen.query_one("#meta-date").value = value
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, MetaEditor) and says in screen_text(app)
        app.screen.query_one("#meta-date").value = "2023"
        app.screen.query_one("#meta-language").value = "not a tag"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MetaEditor) and "is not a language tag" in screen_text(app)
        app.screen.query_one("#meta-language").value = "fa"
        app.screen.query_one("#meta-title").value = "New\x1b[2J title [bold]x[/]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MetaEditor)
        meta = lib.state.get_meta(GENEVA)
        assert (meta["date"], meta["language"], meta["title"]) == ("2023", "fa", "New title [bold]x[/]")
