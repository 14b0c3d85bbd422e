"""A note edited on two devices (issue 13) in the TUI: a real conflict made by two library folders with
different device ids brought together as a sync tool would; the TUI marks it (bookmarks list, reading
pane, a notification at start), and the conflict dialog resolves it by keeping a version (key or mouse)
or by writing a merged note; the store and `reader bookmark list` then show no conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli import app as cli
from reader.library import Library
from reader.services.anchor import anchor_of
from reader.sync.store import SyncedStore
from reader.tui.app import build_app
from reader.tui.screens.bookmarks import BookmarksScreen
from reader.tui.screens.note_conflict import NoteConflictDialog
from reader.tui.screens.note_editor import NoteEditor
from tests.sync_helpers import exchange
from tests.tui.helpers import notifications, screen_text, wait_until
from tests.tui.test_list import GENEVA
from tests.tui.test_reading import open_article

LAPTOP_TEXT = "Check the figures [laptop]"
HERE_TEXT = "Compare with the March report"


def make_conflict(lib: Library, tmp_path: Path, laptop: str = LAPTOP_TEXT, here: str = HERE_TEXT) -> str:
    """A bookmark on Geneva paragraph 3 noted, synced to a "laptop" library folder, its note then changed
    on both devices without an exchange in between, then both folders exchanged: a conflict."""
    article = lib.get(GENEVA)
    bm = lib.add_bookmark(GENEVA, anchor_of(article.paragraphs, 3, None, None), note="first note")
    other = tmp_path / "laptop-lib"
    exchange(lib.root, other)
    store = SyncedStore(other, device="laptop")
    store.set_note(bm.id, laptop)
    store.close()
    lib.set_note(bm.id, here)  # this device: "testdevice" (tests/conftest.py)
    exchange(lib.root, other)
    assert len(lib.note_conflict(bm.id)) == 2
    return bm.id


def cli_list(root: Path) -> str:
    res = CliRunner().invoke(cli, ["--library", str(root), "bookmark", "list"])
    assert res.exit_code == 0, res.output
    return res.output


async def open_dialog(pilot) -> NoteConflictDialog:
    await pilot.press("B")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, BookmarksScreen))
    await pilot.press("v")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, NoteConflictDialog))
    return pilot.app.screen


async def test_conflict_is_marked_in_the_list_the_pane_and_a_notification_at_start(lib, tmp_path):
    make_conflict(lib, tmp_path)
    assert "note CONFLICT" in cli_list(lib.root)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("1 note changed on different devices" in n and "press B for Bookmarks, then v" in n
                   for n in notifications(app))
        await open_article(pilot, GENEVA)
        app.screen.pane.jump_to(3)
        await pilot.pause()
        [note] = app.screen.pane._layout.note_texts
        assert note.startswith("\u270e ! CONFLICT, 2 versions (Bookmarks: B, v) ")
        assert "! CONFLICT" in screen_text(app)  # under the passage, on screen
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        text = screen_text(app)
        assert "1 note in conflict: v to choose" in text
        assert "! CONFLICT, 2 versions" in text  # the row's marker is words, not only a colour
        assert "v Choose version" in text.splitlines()[-1]  # in the footer while a conflict waits


async def test_keep_a_version_with_its_number_key(lib, tmp_path):
    bid = make_conflict(lib, tmp_path)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        text = screen_text(app)
        assert "laptop" in text and "testdevice" in text
        assert LAPTOP_TEXT in text and HERE_TEXT in text
        order = [h.text for h in dialog.heads]
        await pilot.press("1")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        assert lib.note_conflict(bid) == [] and lib.find_bookmark(bid).note == order[0]
        assert any(n.startswith("Kept version 1") for n in notifications(app))
        assert "CONFLICT" not in screen_text(app)
    assert "CONFLICT" not in cli_list(lib.root) and order[0] in cli_list(lib.root)
    exchange(lib.root, tmp_path / "laptop-lib")  # resolved on the other device after the next sync
    other = SyncedStore(tmp_path / "laptop-lib", device="laptop")
    assert other.conflicts() == {} and other.get_bookmark(bid).note == order[0]
    other.close()


async def test_keep_a_version_with_the_mouse(lib, tmp_path):
    bid = make_conflict(lib, tmp_path)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        second = dialog.heads[1].text
        button = dialog.query_one("#keep-1")
        dialog.query_one("#conflict-versions").scroll_to_widget(button, animate=False)
        await pilot.pause()
        assert await pilot.click("#keep-1")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        assert lib.note_conflict(bid) == [] and lib.find_bookmark(bid).note == second
    assert "CONFLICT" not in cli_list(lib.root)


async def test_write_a_merged_note_from_both_texts(lib, tmp_path):
    bid = make_conflict(lib, tmp_path)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        area = app.screen.query_one("TextArea")
        assert LAPTOP_TEXT in area.text and HERE_TEXT in area.text  # both texts to start the merge from
        assert "Merged note" in screen_text(app)
        await pilot.press("escape")  # back one step, to the versions
        await wait_until(pilot, lambda: isinstance(app.screen, NoteConflictDialog))
        assert len(lib.note_conflict(bid)) == 2
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        area = app.screen.query_one("TextArea")
        area.text = "Both: figures and the March report"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        assert lib.note_conflict(bid) == [] and lib.find_bookmark(bid).note == "Both: figures and the March report"
        assert any(n.startswith("Merged note saved.") for n in notifications(app))
    out = cli_list(lib.root)
    assert "CONFLICT" not in out and "Both: figures and the March report" in out


async def test_cancel_keeps_the_conflict_and_note_key_in_the_pane_opens_the_dialog(lib, tmp_path):
    bid = make_conflict(lib, tmp_path)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, GENEVA)
        app.screen.pane.jump_to(3)
        await pilot.pause()
        await pilot.press("a")  # the note key on a note in conflict: its versions, not a silent overwrite
        await wait_until(pilot, lambda: isinstance(app.screen, NoteConflictDialog))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteConflictDialog))
        assert len(lib.note_conflict(bid)) == 2
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        await pilot.press("e")  # the bookmarks screen's edit key too
        await wait_until(pilot, lambda: isinstance(app.screen, NoteConflictDialog))
        await pilot.press("2")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        assert lib.note_conflict(bid) == []
        assert "in conflict" not in screen_text(app)
        assert app.screen.check_action("note_conflict", ()) is False  # the key leaves the footer


async def test_a_version_arriving_while_the_dialog_is_open_stays_in_conflict(lib, tmp_path):
    bid = make_conflict(lib, tmp_path)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        kept = dialog.heads[0].text
        third = SyncedStore(tmp_path / "laptop-lib", device="laptop")
        third.set_note(bid, "written on the laptop meanwhile")  # after every head the laptop has seen
        third.close()
        exchange(lib.root, tmp_path / "laptop-lib")
        await pilot.press("1")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        texts = sorted(h.text for h in lib.note_conflict(bid))
        assert texts == sorted([kept, "written on the laptop meanwhile"])  # nothing hidden unseen
        assert any("still in conflict" in n for n in notifications(app))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_hostile_versions_show_literally(lib, tmp_path, size):
    hostile_a = "\x1b]52;c;aGk=\x07[bold red]x[/] and [link=file:///etc/passwd]y[/link]"
    hostile_b = "\x1b[2J[bold]z[/]\x1b[31m red"
    make_conflict(lib, tmp_path, laptop=hostile_a, here=hostile_b)
    app = build_app(lib)
    async with app.run_test(size=size) as pilot:
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        listed = screen_text(app)
        assert "[bold]z[/]" in listed and "\x1b" not in listed
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteConflictDialog))
        shown = screen_text(app).replace("\n", " ")
        assert "\x1b" not in shown and "\x07" not in shown
        assert "[bold red]x[/]" in shown and "[bold]z[/]" in shown
        if size[0] >= 160:
            assert "[link=file:///etc/passwd]y[/link]" in shown
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        draft = app.screen.query_one("TextArea").text
        assert "\x1b" not in draft and "\x07" not in draft and "[bold red]x[/]" in draft
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
    note = lib.find_bookmark(lib.bookmarks()[0].id).note
    assert "\x1b" not in note and "[bold red]x[/]" in note and "[bold]z[/]" in note
    assert "\x1b" not in cli_list(lib.root)


async def test_keys_typed_in_one_burst_before_ctrl_s_are_all_saved(lib):
    """ctrl+s (a priority binding) is handled as it arrives; keys sent just before it in the same burst
    (tmux, SSH, a fast typist) still wait in the text area's queue: the note keeps them all."""
    from textual import events

    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        for ch in "burst":  # as the terminal driver posts them: all at once, nothing awaited in between
            app.post_message(events.Key(ch, ch))
        app.post_message(events.Key("ctrl+s", None))
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteEditor))
        await pilot.pause()
        [bm] = lib.bookmarks(GENEVA)
        assert bm.note == "burst"


async def test_resolving_from_the_reading_pane_clears_its_marker(lib, tmp_path):
    bid = make_conflict(lib, tmp_path)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_article(pilot, GENEVA)
        pane = app.screen.pane
        pane.jump_to(3)
        await pilot.pause()
        assert "CONFLICT" in pane._layout.note_texts[0]
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteConflictDialog))
        kept = app.screen.heads[1].text
        await pilot.press("2")
        await wait_until(pilot, lambda: not isinstance(app.screen, NoteConflictDialog))
        await pilot.pause()
        assert lib.note_conflict(bid) == []
        assert pane._layout.note_texts == ["\u270e " + kept]


async def test_hostile_device_name_and_time_from_a_synced_file_show_cleaned(lib):
    """The device and time of a version come from another machine's file: data, never markup or escapes."""
    from reader.sync.store import NoteHead

    heads = [NoteHead("v1", "[bold red]dev[/]\x1b]52;c;aGk=\x07", "\x1b[2J[link=file:///x]t[/link]", "a"),
             NoteHead("v2", "\x1b[31mother", "2026-12-01T08:15:42+00:00", "b")]
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        app.push_screen(NoteConflictDialog("quote [b]q[/b]", heads))
        await wait_until(pilot, lambda: isinstance(app.screen, NoteConflictDialog))
        await wait_until(pilot, lambda: "quote" in screen_text(app))
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x07" not in shown
        assert "[bold red]dev[/]" in shown and "[link=file:///x]t[/link]" in shown and "quote [b]q[/b]" in shown
        assert "other  2026-12-01 08:15 UTC" in shown


async def test_undo_brings_the_conflict_back_with_every_version(lib, tmp_path):
    bid = make_conflict(lib, tmp_path)
    before = sorted((h.device, h.text) for h in lib.note_conflict(bid))
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press("1")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        assert lib.note_conflict(bid) == []
        assert any("Press U to undo." in n for n in notifications(app))
        await pilot.press("U")  # the bookmarks screen's undo
        await pilot.pause()
        assert sorted((h.device, h.text) for h in lib.note_conflict(bid)) == before  # each with its own device
        assert "1 note in conflict" in screen_text(app)
        await pilot.press("v", "m")  # then merged instead; the screen's undo (shared with the main screen) again
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor))
        app.screen.query_one("TextArea").text = "merged"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        assert lib.note_conflict(bid) == [] and lib.find_bookmark(bid).note == "merged"
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, BookmarksScreen))
        await pilot.press("U")  # the main screen's undo: the same stack
        await pilot.pause()
        assert sorted((h.device, h.text) for h in lib.note_conflict(bid)) == before
    assert "note CONFLICT" in cli_list(lib.root)
    exchange(lib.root, tmp_path / "laptop-lib")  # the other device sees the conflict again too
    other = SyncedStore(tmp_path / "laptop-lib", device="laptop")
    assert sorted(h.text for h in other.note_heads(bid)) == sorted(t for _, t in before)
    other.close()


async def test_a_conflict_arriving_while_the_app_runs_is_announced(lib, tmp_path):
    article = lib.get(GENEVA)
    bm = lib.add_bookmark(GENEVA, anchor_of(article.paragraphs, 3, None, None), note="first note")
    other = tmp_path / "laptop-lib"
    exchange(lib.root, other)
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any("changed on different devices" in n for n in notifications(app))
        assert app.conflict_watch.check() == 0
        store = SyncedStore(other, device="laptop")
        store.set_note(bm.id, LAPTOP_TEXT)
        store.close()
        lib.set_note(bm.id, HERE_TEXT)
        exchange(lib.root, other)  # the sync tool delivers the laptop's edit while the app runs
        assert app.conflict_watch.check() == 1  # what the app's timer calls every WATCH_SECONDS
        await pilot.pause()
        assert sum("1 note changed on different devices" in n for n in notifications(app)) == 1
        app.conflict_watch.check()
        await pilot.pause()
        assert sum("changed on different devices" in n for n in notifications(app)) == 1  # said once
