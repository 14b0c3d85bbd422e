"""The import dialog (i): ~ expanded, Tab completes the path, a path that is not there is said in the dialog,
and refused files are reported with the reason the CLI gives."""

from __future__ import annotations

from textual.widgets import Input

from reader.tui.app import build_app
from reader.tui.screens.dialogs import ImportDialog
from reader.tui.screens.main import MainScreen
from tests.tui.helpers import notifications, region_text, screen_text, wait_until

ARTICLE = "A fresh headline\n\nThe body of the fresh article, in one paragraph.\n"


async def open_dialog(pilot) -> Input:
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ImportDialog))
    return pilot.app.screen.query_one(Input)


async def test_tilde_is_expanded(lib, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "incoming").mkdir(parents=True)
    (home / "incoming" / "one.txt").write_text(ARTICLE, "utf-8")
    monkeypatch.setenv("HOME", str(home))
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press(*"~/incoming", "enter")
        await wait_until(pilot, lambda: any(n.startswith("Imported 1,") for n in notifications(app)))
        assert len(app.screen.rows) == 5


async def test_tab_completes_and_lists_the_choices(lib, tmp_path):
    (tmp_path / "incoming").mkdir()
    (tmp_path / "incoming" / "one.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "incoming" / "other.md").write_text(ARTICLE, "utf-8")
    (tmp_path / "incoming" / "[red]x [link=evil]y \x1b[2J.txt").write_text(ARTICLE, "utf-8")
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        field = await open_dialog(pilot)
        await pilot.press(*f"{tmp_path}/inc", "tab")
        assert field.value == f"{tmp_path}/incoming/"
        assert field.has_focus  # tab completed, it did not move the focus
        await pilot.press("o", "tab")
        assert field.value == f"{tmp_path}/incoming/o"
        await pilot.pause()
        text = screen_text(app)
        assert "one.txt  other.md" in text
        await pilot.press("backspace", "tab")
        await pilot.pause()
        assert "[red]x [link=evil]y" in screen_text(app) and "\x1b" not in screen_text(app)  # names shown literally
        await pilot.press(*"on", "tab", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        await wait_until(pilot, lambda: any(n.startswith("Imported 1,") for n in notifications(app)))


async def test_a_path_that_is_not_there_is_said_in_the_dialog(lib, tmp_path):
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press(*f"{tmp_path}/nothing-here", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)  # kept open to correct the path
        text = " ".join(region_text(app, app.screen.query_one("#import-dialog")).split())
        assert "There is no file or folder at" in text and "check the path" in text


async def test_refused_files_come_with_the_cli_reason(lib, tmp_path):
    from reader.library import Library

    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n", "utf-8")
    (folder / "good.txt").write_text(ARTICLE, "utf-8")
    reason = Library(tmp_path / "other").import_paths([folder / "empty.txt"]).results[0].reason  # what `reader add` prints
    assert reason
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        await pilot.press(*str(folder), "enter")
        await wait_until(pilot, lambda: any("refused" in n for n in notifications(app)))
        [note] = [n for n in notifications(app) if "refused" in n]
        assert note.startswith("Imported 1, 0 already there, 1 refused.")
        assert f"empty.txt: {reason}" in note


async def test_dialog_text_whole_at_80_columns(lib):
    app = build_app(lib)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(pilot)
        text = screen_text(app)
        assert "Import a file or folder" in text
        assert "tab completes \u00b7 enter imports \u00b7 esc cancels" in text
