"""Snapshot of the note-conflict dialog at 80x24 and 160x48 (fixed versions: no clock, no device id).

Regenerate after an intended change: pytest tests/tui/test_note_conflict_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from reader.sync.store import NoteHead
from reader.tui.app import build_app
from reader.tui.screens.note_conflict import NoteConflictDialog
from tests.tui.test_list import GENEVA

SIZES = [(80, 24), (160, 48)]
HEADS = [
    NoteHead("3f2a9c01d4e5", "laptop", "2026-11-30T21:04:09+00:00",
             "Check the market data for that week [bold]before[/] quoting."),
    NoteHead("b71e0c9a2f33", "office-desktop", "2026-12-01T08:15:42+00:00",
             "Compare with the March report \x1b]52;c;aGk=\x07(page 4).\nAsk the desk."),
]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_note_conflict_dialog(snap_compare, lib, size):
    quote = lib.get(GENEVA).paragraphs[3]

    async def run_before(pilot):
        await pilot.press("B")
        await pilot.pause()
        pilot.app.push_screen(NoteConflictDialog(quote, HEADS))
        await pilot.pause()

    assert snap_compare(build_app(lib), terminal_size=size, run_before=run_before)
