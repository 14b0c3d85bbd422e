"""The TUI's source keys: d deletes (asks first) and z undoes, t tags, S picks a source, r refreshes."""

from __future__ import annotations

from local_site import LocalSite
from reader.library_manage import Feed
from reader.tui.app import build_app
from reader.tui.screens.sources_dialogs import ConfirmDialog, SourcesPicker, TagDialog
from tests.tui.helpers import notifications, screen_text, wait_until

GENEVA, BUDGET = "a1geneva00000001", "b2budget00000002"


def ids(screen) -> list[str]:
    return [s.id for s in screen.rows]


async def test_delete_asks_first_then_undo_restores_with_bookmarks(lib):
    lib.state.add_bookmark(BUDGET, 0, "x", note="kept")
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert ids(screen)[0] == BUDGET
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        assert "1 bookmark" in screen_text(app)
        await pilot.press("n")  # cancelled: nothing happens
        assert BUDGET in ids(screen) and len(lib) == 4
        await pilot.press("d")
        await pilot.press("y")
        await pilot.pause()
        assert BUDGET not in ids(screen) and len(lib) == 3
        assert lib.state.bookmarks(BUDGET) == []
        assert "z or U brings it back" in " ".join(notifications(app))
        await pilot.press("z")
        await pilot.pause()
        assert BUDGET in ids(screen) and len(lib) == 4
        assert [b.note for b in lib.state.bookmarks(BUDGET)] == ["kept"]
        assert any(n.startswith("Restored \u201cBudget debate runs late\u201d from the trash") for n in notifications(app))


async def test_tags_dialog_and_sources_picker(lib):
    app = build_app(lib)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("t")
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"+climate [b]x[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert lib.tags_of(BUDGET) == ["climate", "[b]x[/b]"]
        await pilot.press("S")
        assert isinstance(app.screen, SourcesPicker)
        text = screen_text(app)
        assert "# climate  (1)" in text and "[b]x[/b]" in text  # literal, not markup
        await pilot.press("down", "enter")
        await pilot.pause()
        assert ids(screen) == [BUDGET]
        assert "by added \u00b7 # [b]x[/b]" in screen_text(app)  # "[b]x[/b]" sorts first; shown literally
        await pilot.press("S", "enter")  # back to all articles
        await pilot.pause()
        assert len(ids(screen)) == 4


async def test_r_refreshes_in_a_worker_new_articles_appear_errors_notify(lib):
    with LocalSite() as site:
        site.feed("/feed.json", "feed.json", "application/feed+json")
        site.route("/np/bridge.html", "<html><body><article><h1>Bridge reopens after repairs</h1>" + "".join(
            f"<p>Paragraph {i}: engineers finished the repairs to the old bridge on Saturday after two years of work.</p>"
            for i in range(8)) + "</article></body></html>")
        lib.save_feed(Feed(id="np", url=site.url("/feed.json"), title="Northern Post"))
        lib.save_feed(Feed(id="bad", url=site.url("/missing.xml"), title="Broken \x1b[2J[bold]feed[/]"))
        app = build_app(lib)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            await pilot.press("r")
            await wait_until(pilot, lambda: len(ids(screen)) == 5, timeout=30)
            await wait_until(pilot, lambda: any("1 new" in n for n in notifications(app)))
            notes = " ".join(notifications(app))
            assert "404" in notes and "1 feed failed" in notes
            assert "\x1b" not in notes
            assert any(s.title == "Bridge reopens after repairs" for s in screen.rows)
            assert not screen.query_one("#refresh-status").display
