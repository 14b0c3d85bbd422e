"""The note editor never loses typing: keys and ctrl+s arriving together save exactly what was typed."""

from __future__ import annotations

import unicodedata

from textual import events

from reader.tui.app import build_app
from reader.tui.screens.main import MainScreen
from reader.tui.screens.note_editor import NoteEditor
from tests.tui.helpers import wait_until
from tests.tui.test_list import GENEVA
from tests.tui.test_reading import open_article

NOTES = [f"note {i}: the quick brown fox, {i * 7} times; [b]not markup[/b]" for i in range(6)]


def burst(app, keys: list[str]) -> None:
    """Send key events as a fast terminal does (a paste, tmux send-keys): all at once, nothing awaited between."""
    for key in keys:
        char = key if len(key) == 1 else None
        name = {" ": "space", ":": "colon", ",": "comma", ";": "semicolon", "[": "left_square_bracket",
                "]": "right_square_bracket", "/": "slash"}.get(key, key)
        if char and name == key and not key.isalnum():
            name = unicodedata.name(key).lower().replace(" ", "_")
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_keys_then_ctrl_s_with_no_pause_save_everything_typed(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        for i, note in enumerate(NOTES):
            await pilot.press("a")
            await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
            await pilot.press(*note, "ctrl+s")  # one press call: no pause before ctrl+s
            await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
            assert app.screen.pane.bookmark_at_cursor().note == note
            await pilot.press("j")
        assert sorted(b.note for b in lib.state.bookmarks(GENEVA)) == sorted(NOTES)


async def test_a_burst_of_keys_and_ctrl_s_is_saved_whole(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(pilot, GENEVA)
        for i, note in enumerate(NOTES):
            await pilot.press("a")
            await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor) and app.screen.query_one("TextArea").has_focus)
            burst(app, [*note, "ctrl+s"])  # the note and ctrl+s as a paste or tmux send-keys delivers them
            await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
            await wait_until(pilot, lambda: len(lib.state.bookmarks(GENEVA)) == i + 1)
            assert app.screen.pane.bookmark_at_cursor().note == note
            await pilot.press("j")
        assert sorted(b.note for b in lib.state.bookmarks(GENEVA)) == sorted(NOTES)
