"""Snapshots of the main screens at 80x24 and 160x48 (fixed data, no clocks).

Regenerate after an intended change: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from reader.tui.app import build_app
from tests.tui.test_list import GENEVA

SIZES = [(80, 24), (160, 48)]


@pytest.fixture
def snap_lib(lib):
    geneva = lib.get(GENEVA)
    p3 = geneva.paragraphs[3]
    start = p3.index("Markets were calm.")
    lib.state.add_bookmark(GENEVA, 3, "Markets were calm.", p3[start - 32 : start], p3[start + 18 :], start, start + 18,
                           note="Check the market data for that week.")
    lib.state.add_bookmark(GENEVA, 2, geneva.paragraphs[2])
    return lib


async def _open_geneva(pilot):
    screen = pilot.app.screen
    screen.article_list.select_id(GENEVA)
    await pilot.press("enter", "j", "j", "j")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, snap_lib, size):
    assert snap_compare(build_app(snap_lib), terminal_size=size, run_before=_open_geneva)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, snap_lib, size):
    async def run_before(pilot):
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(build_app(snap_lib), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_note_editor(snap_compare, snap_lib, size, monkeypatch):
    from reader.tui.screens.note_editor import NoteEditor

    # A blinking cursor would make the picture depend on timing: no blinking from the start.
    monkeypatch.setattr(NoteEditor, "CURSOR_BLINK", False)

    async def run_before(pilot):
        await _open_geneva(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert pilot.app.screen.query_one("TextArea").has_focus

    assert snap_compare(build_app(snap_lib), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_bookmarks_screen(snap_compare, snap_lib, size):
    async def run_before(pilot):
        await pilot.press("B")
        await pilot.pause()

    assert snap_compare(build_app(snap_lib), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_entities_screen(snap_compare, snap_lib, size):
    async def run_before(pilot):
        await pilot.press("E")
        await pilot.pause()
        pilot.app.screen.query_one("Input").cursor_blink = False
        await pilot.pause()

    assert snap_compare(build_app(snap_lib), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_entity_type_dialog(snap_compare, snap_lib, size):
    async def run_before(pilot):
        await _open_geneva(pilot)
        panel = pilot.app.screen.entity_panel
        if not panel.display:
            await pilot.press("right_square_bracket")
        panel.focus()
        panel.highlighted = 1
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(build_app(snap_lib), terminal_size=size, run_before=run_before)
