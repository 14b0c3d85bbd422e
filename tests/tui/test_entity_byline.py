"""The entity panel lists the byline's author and publisher apart, first, and never with a 0 count."""

from __future__ import annotations

import re

from reader.entities import extract_entities
from reader.library import Library
from reader.models import Article
from reader.tui.app import build_app
from tests.tui.helpers import screen_text
from tests.tui.test_reading import open_article

ID = "e5byline00000005"


async def test_entity_panel_lists_the_byline_apart_without_counts(tmp_path):
    a = Article(id=ID, title="Harbour council approves the wind farm",
                paragraphs=["The Harbour Council approved the wind farm on Monday, Tomas Brenner said.",
                            "Brenner said the Ledger Post had asked for the report."],
                authors=["Grace Mwangi"], publisher="Ledger Post", language="en", added="2024-03-02T08:00:00+00:00")
    a.entities = extract_entities(a)
    lib = Library(tmp_path / "lib")
    lib.add_article(a)
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, ID)
        text = screen_text(app)
        def row(name: str, label: str) -> bool:  # the label right-aligned on the name's line
            return re.search(rf"{name} +{label} \u2502", text) is not None

        assert "Byline (2)" in text and row("Grace Mwangi", "author") and row("Ledger Post", "publisher")
        assert not row("Grace Mwangi", "0")
        assert row("Ledger Post", "1")  # also named in the text: listed with its organisations
        assert row("Tomas Brenner", "2")
        assert text.index("Byline (2)") < text.index("People (1)") < text.index("Organisations")
    lib.close()


async def test_a_hostile_byline_name_shows_literally(tmp_path):
    a = Article(id=ID, title="Harbour council vote", paragraphs=["The Harbour Council approved the wind farm."],
                authors=["[bold red]Eve[/] \x1b[2JRoe"], publisher="[link=file:///etc/passwd]x[/link]",
                language="en", added="2024-03-02T08:00:00+00:00")
    a.entities = extract_entities(a)
    lib = Library(tmp_path / "lib")
    lib.add_article(a)
    app = build_app(lib)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_article(pilot, ID)
        text = screen_text(app)
        assert "[bold red]Eve[/]" in text and "\x1b" not in text
        assert "[link=file:///etc/passwd]x[/link]" in text or "[link=file:///etc/passwd]x[/lin" in text
    lib.close()
