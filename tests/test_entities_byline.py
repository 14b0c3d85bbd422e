"""Bylined authors and the publisher: listed, but apart from the entities found in the text, never with a 0 count
(issue 14, deliverable 4): the model and JSON, `reader inspect`, `reader show` and the TUI entity panel."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.entities import extract_entities
from reader.entities.listing import grouped, summary_lines
from reader.models import Article, Entity

TEXT = ("Harbour council approves the wind farm\n\nBy Grace Mwangi | Coastal Ledger\n\n"
        "The Harbour Council approved the wind farm on Monday, its chair Tomas Brenner said.\n\n"
        "Brenner said the Coastal Ledger had asked for the report.\n")


def _article() -> Article:
    a = Article(id="x", title="Rates held", paragraphs=["The central bank held rates, Tomas Brenner said.",
                                                         "The Nation Example had asked Brenner first."],
                authors=["Grace Mwangi"], publisher="Nation Example")
    a.entities = extract_entities(a)
    return a


def test_byline_entities_carry_their_role_and_no_count_in_json():
    a = _article()
    ents = {e.name: e for e in a.entities}
    assert ents["Grace Mwangi"].role == "author" and ents["Grace Mwangi"].byline_only
    assert ents["Nation Example"].role == "publisher" and not ents["Nation Example"].byline_only
    assert ents["Tomas Brenner"].role is None
    d = {e["name"]: e for e in a.inspect_dict()["entities"]}
    assert "count" not in d["Grace Mwangi"] and d["Grace Mwangi"]["role"] == "author"
    assert d["Grace Mwangi"]["type"] == "person"  # still scored by ../shared/tools/score_entities.py
    assert d["Nation Example"]["count"] == 1 and d["Nation Example"]["role"] == "publisher"
    assert d["Tomas Brenner"]["count"] == 2 and "role" not in d["Tomas Brenner"]
    back = Entity.from_dict(d["Grace Mwangi"])
    assert back.role == "author" and back.count == 0 and back.byline_only


def test_listing_puts_the_byline_first_and_never_a_zero_count():
    groups = dict(grouped(_article().entities))
    assert [e.name for e in groups["byline"]] == ["Grace Mwangi", "Nation Example"]
    assert "Grace Mwangi" not in [e.name for e in groups.get("person", [])]
    assert [e.name for e in groups["organization"]] == ["Nation Example"]  # named in the text too
    lines = summary_lines(_article().entities)
    assert lines[0] == "Byline: Grace Mwangi (author), Nation Example (publisher)"
    assert "People: Tomas Brenner (2)" in lines
    assert not any("(0)" in ln for ln in lines)


def test_articles_stored_before_roles_still_list_the_byline_apart():
    old = [Entity("Grace Mwangi", "person", ["Grace Mwangi"], 0, []),
           Entity("Tomas Brenner", "person", ["Tomas Brenner"], 1, [[0, 0, 13]])]
    groups = dict(grouped(old))
    assert [e.name for e in groups["byline"]] == ["Grace Mwangi"]
    assert [e.name for e in groups["person"]] == ["Tomas Brenner"]


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(app, ["--library", str(tmp_path / "lib"), *map(str, args)], catch_exceptions=False)

    return invoke


def test_inspect_and_show_list_the_byline_apart(run, tmp_path):
    f = tmp_path / "wind.txt"
    f.write_text(TEXT, "utf-8")
    plain = run("inspect", f).stdout
    assert "      byline  Grace Mwangi  author" in plain
    assert "×0" not in plain
    assert "Coastal Ledger  publisher" in plain and "organization  Coastal Ledger  ×1" in plain
    d = json.loads(run("inspect", f, "--json").stdout)
    grace = next(e for e in d["entities"] if e["name"] == "Grace Mwangi")
    assert grace["role"] == "author" and "count" not in grace
    assert run("add", f).exit_code == 0
    shown = run("show", "wind farm").stdout
    assert "Byline: Grace Mwangi (author), Coastal Ledger (publisher)" in shown
    assert "(0)" not in shown
    js = json.loads(run("show", "wind farm", "--json").stdout)
    assert next(e for e in js["entities"] if e["name"] == "Grace Mwangi")["role"] == "author"


def test_hostile_byline_names_are_shown_as_text(run, tmp_path):
    f = tmp_path / "evil.txt"
    f.write_text("Harbour council vote\n\nBy Grace \x1b]52;c;aGk=\x07Mwangi\n\n"
                 "The Harbour Council approved the wind farm on Monday.\n", "utf-8")
    out = run("inspect", f).stdout
    assert "\x1b" not in out and "\x07" not in out
