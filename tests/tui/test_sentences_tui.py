"""`v` selects a whole sentence (abbreviations and decimals do not end it) and `C` copies it (issue 10, item 3)."""

from __future__ import annotations

from reader.models import Article
from reader.services import cite
from reader.tui.app import build_app
from tests.tui.helpers import wait_until
from tests.tui.test_reading import open_article

USA = "e5usa00000000005"
PARA = ("Sanctions imposed by the U.S. cut exports by 3.5 percent, the ministry said. "
        "Officials in Washington declined to comment.")


async def test_v_then_C_copies_the_whole_sentence(lib):
    lib.add_article(Article(id=USA, title="Exports fall", paragraphs=[PARA], authors=["Ana Ruiz"],
                            publisher="Atlas Wire", date="2024-01-05", language="en", added="2024-03-09T08:00:00+00:00"))
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, USA)
        await pilot.press("v")
        first = "Sanctions imposed by the U.S. cut exports by 3.5 percent, the ministry said."
        assert app.screen.pane.passage().text == first
        await pilot.press("j")
        assert app.screen.pane.passage().text == "Officials in Washington declined to comment."
        await pilot.press("k", "C")
        await wait_until(pilot, lambda: app.clipboard)
        assert app.clipboard == cite.format_quotation(lib.get(USA), cite.DEFAULT_STYLE, first, paragraph=1)


async def test_C_cites_the_body_paragraph_number(lib):
    from reader.tui.app import build_app as build
    from tests.tui.test_list import GENEVA

    app = build(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        await pilot.press("j", "j", "j", "C")  # heading, embedded post, then the second body paragraph
        await wait_until(pilot, lambda: app.clipboard)
        geneva = lib.get(GENEVA)
        assert app.clipboard == cite.format_quotation(geneva, cite.DEFAULT_STYLE, geneva.paragraphs[3], paragraph=2)
        assert "para. 2" in app.clipboard


async def test_the_reading_pane_shows_the_cursor_paragraph_number(lib):
    from tests.tui.test_list import GENEVA

    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, GENEVA)
        pane = app.screen.pane
        assert pane.border_subtitle == "paragraph 1 of 3"
        await pilot.press("j")
        await pilot.pause()
        assert pane.border_subtitle == "the heading"
        await pilot.press("j", "j")
        await pilot.pause()
        assert pane.border_subtitle == "paragraph 2 of 3"
