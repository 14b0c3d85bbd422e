"""The list and the reading pane show names as a person reads them (issue 10, item 5)."""

from __future__ import annotations

from reader.models import Article
from reader.tui.app import build_app
from tests.tui.helpers import screen_text
from tests.tui.test_reading import open_article

ORG = "f6org00000000006"


async def test_braces_and_family_first_names_are_shown_as_read(lib):
    lib.add_article(Article(id=ORG, title="Raid cheered", paragraphs=["Officials cheered the raid."],
                            authors=["{Al-Monitor Staff}", "Kamal, Rehan"], publisher="Al-Monitor",
                            date="2023-06-21", language="en", added="2024-03-09T08:00:00+00:00"))
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, ORG)
        text = screen_text(app)
        assert "By Al-Monitor Staff, Rehan Kamal" in text
        assert "{" not in text and "Kamal, Rehan" not in text
        row = app.screen.article_list.current
        assert row is not None and row.id == ORG
