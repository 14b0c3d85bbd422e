"""Names shown as a person reads them (issue 10, item 5): no BibTeX braces, "Family, Given" turned round,
and a Markdown author "Kamal, Rehan" is one person."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from reader.cli import app
from reader.names import display_authors, display_name, split_authors

MD = """---
title: Flood defences tested
author: Ayesha Siddiqui, Kamal, Rehan
publisher: Dawn
date: 2024-07-02
---

Flood defences in Karachi were tested overnight as the river rose.
"""


def test_display_and_split():
    assert display_name("{Al-Monitor Staff}") == "Al-Monitor Staff"
    assert display_name("Kamal, Rehan") == "Rehan Kamal"
    assert display_name("Maziar Motamedi") == "Maziar Motamedi"
    assert split_authors("Ayesha Siddiqui, Kamal, Rehan") == ["Ayesha Siddiqui", "Kamal, Rehan"]
    assert split_authors("Ayesha Siddiqui, Rehan Kamal") == ["Ayesha Siddiqui", "Rehan Kamal"]
    assert split_authors("Kamal, Rehan") == ["Kamal, Rehan"]
    assert split_authors("A Smith and B Jones; C Brown") == ["A Smith", "B Jones", "C Brown"]
    assert display_authors(["{Reuters Staff}", "Kamal, Rehan"]) == "Reuters Staff, Rehan Kamal"


def test_markdown_author_family_given_is_one_person_everywhere(tmp_path):
    src = tmp_path / "flood.md"
    src.write_text(MD, "utf-8")
    runner = CliRunner()
    base = ["--library", str(tmp_path / "lib")]

    def run(*args):
        res = runner.invoke(app, [*base, *args])
        assert res.exit_code == 0, res.output
        return res.output

    run("add", str(src))
    assert "Ayesha Siddiqui, Rehan Kamal" in run("list", "--search", "flood")
    assert "Ayesha Siddiqui, Rehan Kamal" in run("show", "Flood defences")
    data = json.loads(run("show", "Flood defences", "--json"))
    assert data["authors"] == ["Ayesha Siddiqui", "Kamal, Rehan"]
    assert "Siddiqui, A., & Kamal, R." in run("cite", "Flood defences", "--style", "apa")
    run("meta", "Flood defences", "--author", "{Al-Monitor Staff}")
    listed = run("list", "--search", "flood")
    assert "Al-Monitor Staff" in listed and "{" not in listed
