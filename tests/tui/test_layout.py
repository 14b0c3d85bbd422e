"""Layout: the width shared in proportion at 80x24, 120x40 and 160x48, a readable text measure, one side panel at
a time on a narrow screen, and nothing cut at 80 columns (footer, empty-pane hint, entity counts, errors)."""

from __future__ import annotations

import re

import pytest

from reader.models import Article, Entity
from reader.tui.app import build_app
from reader.tui.widgets.reading_pane import MEASURE
from tests.tui.helpers import region_text, screen_text, wait_until
from tests.tui.test_list import GENEVA
from tests.tui.test_reading import open_article


def widths(screen) -> tuple[int, int, int]:
    return tuple(w.region.width if w.display else 0 for w in (screen.query_one("#list-pane"), screen.pane, screen.entity_panel))


def longest_text_line(app) -> int:
    pane = app.screen.pane
    lines = [pane.render_line(y) for y in range(pane.scrollable_content_region.height)]
    return max(len("".join(seg.text for seg in strip).rstrip()) for strip in lines) - 2  # less the gutter


@pytest.mark.parametrize(
    "size, list_min, text_min", [((80, 24), 26, 40), ((120, 40), 30, 55), ((160, 48), 40, 75)], ids=["80x24", "120x40", "160x48"]
)
async def test_width_shared_in_proportion(lib, size, list_min, text_min):
    app = build_app(lib)
    async with app.run_test(size=size) as pilot:
        await open_article(pilot, GENEVA)
        listw, readw, entw = widths(app.screen)
        assert listw + readw + entw == size[0]
        assert listw >= list_min
        assert (entw > 0) == (size[0] >= 120)  # the entity panel starts hidden below 120 columns
        assert text_min <= longest_text_line(app) <= MEASURE


async def test_text_keeps_a_readable_measure_on_a_wide_screen(lib):
    app = build_app(lib)
    async with app.run_test(size=(220, 50)) as pilot:
        await open_article(pilot, GENEVA)
        assert app.screen.pane.region.width > MEASURE + 10
        assert longest_text_line(app) <= MEASURE
        assert widths(app.screen)[0] >= 50  # the list gets its share of the room: whole titles


async def test_right_bracket_at_80_columns_shows_entities_in_place_of_the_list(lib):
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        listw, readw, entw = widths(app.screen)
        assert entw > 0 and listw == 0
        assert readw >= 50
        await pilot.press("left_square_bracket")
        await pilot.pause()
        listw, readw, entw = widths(app.screen)
        assert listw > 0 and entw == 0 and readw >= 50
        await pilot.press("left_square_bracket")  # and [ still hides the list
        await pilot.pause()
        assert widths(app.screen) == (0, 80, 0)


async def test_entity_counts_stay_on_the_name_line(lib):
    name = "Islamic Revolutionary Guard Corps Aerospace Force"
    para = f"The {name} said so. The {name} repeated it."
    lib.add_article(Article(id="e5long0000000005", title="Long names", paragraphs=[para], language="en",
                            entities=[Entity(name, "organization", [name], 2, [[0, 4, 4 + len(name)]])],
                            added="2024-03-09T08:00:00+00:00"))
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, "e5long0000000005")
        text = screen_text(app)
        assert re.search(r"Islamic Revolut\S* +2 \u2502", text), text


async def test_nothing_cut_at_80_columns(lib):
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "B Bookmarks" in screen_text(app).splitlines()[-1])  # whole, not cut
        footer = screen_text(app).splitlines()[-1]
        assert "B Bookmarks" in footer and "^p palette" in footer, footer
        hint = " ".join(line.strip("│ ") for line in region_text(app, app.screen.pane).splitlines())
        assert "Open an article from the list (enter), or press ? for help." in re.sub(r"\s+", " ", hint)
        await open_article(pilot, GENEVA)
        await wait_until(pilot, lambda: "B Bookmarks" in screen_text(app).splitlines()[-1])  # whole, not cut
        footer = screen_text(app).splitlines()[-1]
        assert "B Bookmarks" in footer and "^p palette" in footer, footer


async def test_an_error_in_the_metadata_editor_is_shown_whole_at_80_columns(lib):
    from textual.widgets import Input, Label

    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#meta-date", Input).value = "2023-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#meta-error", Label).render()).strip()
        assert message
        shown = re.sub(r"[│ ]+", " ", " ".join(line.strip("│ ") for line in screen_text(app).splitlines()))
        assert " ".join(message.split()[-4:]) in shown, message
