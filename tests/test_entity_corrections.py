"""Entity corrections (issue 14) through the real CLI: list, show, merge, rename, type, hide, add,
undo, scope, lookup by alias, and corrections surviving `reader reindex --entities`."""

from __future__ import annotations

import json
from pathlib import Path
import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.models import Article, Entity
from tests.tui.fixtures import build

HOSTILE = "[bold red]x[/] \x1b]52;c;aGk=\x07\x1b[2J[link=file:///etc/passwd]y[/link]"


def ana() -> Article:
    paras = ["Ana Lopez, a lawyer, met delegates of the United Nations in Lima. Lopez said little."]
    ents = [
        Entity("Ana Lopez", "person", ["Ana Lopez", "Lopez"], 2, [[0, 0, 9], [0, 67, 72]]),
        Entity("UN", "organization", ["UN", "United Nations"], 1, [[0, 45, 59]]),
        Entity("Lima", "place", ["Lima"], 1, [[0, 63, 67]]),
    ]
    return Article(id="e5ana00000000005", title="A lawyer in Lima", paragraphs=paras, entities=ents,
                   added="2024-03-06T08:00:00+00:00")


@pytest.fixture
def run(tmp_path):
    root = tmp_path / "lib"
    lib = build(root)
    lib.add_article(ana())
    lib.close()
    runner = CliRunner()

    def invoke(*args: str, code: int = 0):
        result = runner.invoke(app, ["--library", str(root), *map(str, args)], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result

    invoke.root = root
    return invoke


def listed(run, *extra) -> dict[str, dict]:
    return {e["name"]: e for e in json.loads(run("entity", "list", "--json", *extra).stdout)}


def shown(run, ref: str) -> dict[str, dict]:
    return {e["name"]: e for e in json.loads(run("show", ref, "--json").stdout)["entities"]}


def test_list_aggregates_the_library(run):
    ents = listed(run)
    assert ents["Maria Lopez"] == {"name": "Maria Lopez", "type": "person", "aliases": ["Maria Lopez", "Lopez"],
                                   "articles": 2, "mentions": 3}
    # "UN" (named so in one article) and "United Nations" are two entities until the user merges them
    assert ents["United Nations"]["articles"] == 1 and ents["UN"]["articles"] == 1
    assert set(listed(run, "--type", "place")) == {"Geneva", "Lima", "\u062a\u0647\u0631\u0627\u0646"}
    text = run("entity", "list").stdout
    assert "Maria Lopez  (also Lopez)" in text and "entities." in text


def test_unknown_type_and_name_give_one_line(run):
    r = run("entity", "list", "--type", "animal", code=1)
    assert r.stderr.count("\n") == 1 and "person, organization, place, date" in r.stderr
    r = run("entity", "show", "Maria", code=1)
    assert r.stderr.strip() == "reader: No entity named 'Maria' in the library; did you mean Maria Lopez (person)?"


def test_ambiguous_alias_lists_the_candidates_on_one_line(run):
    r = run("entity", "rename", "Lopez", "X", code=1)
    assert r.stderr.count("\n") == 1
    assert "Maria Lopez (person)" in r.stderr and "Ana Lopez (person)" in r.stderr
    assert json.loads(run("entity", "corrections", "--json").stdout) == []


def test_show_lists_articles_with_counts_and_bookmarked_passages(run):
    run("bookmark", "add", "b2budget", "--paragraph", "2", "--note", "key")  # names Maria Lopez
    run("bookmark", "add", "b2budget", "--paragraph", "1")  # does not
    d = json.loads(run("entity", "show", "Maria Lopez", "--json").stdout)
    assert [(a["id"], a["mentions"]) for a in d["articles"]] == [("a1geneva00000001", 2), ("b2budget00000002", 1)]
    assert [(p["article"], p["paragraph"], p["note"]) for p in d["passages"]] == [("b2budget00000002", 2, "key")]
    text = run("entity", "show", "Maria Lopez").stdout
    assert "3 mentions in 2 articles" in text and "bookmarked passages (1)" in text and "note: key" in text


def test_merge_keeps_the_first_name_and_joins_aliases_everywhere(run):
    out = run("entity", "merge", "United Nations", "UN (organization)").stdout
    assert "merged UN into United Nations in the whole library" in out
    ents = listed(run)
    assert "UN" not in ents
    un = ents["United Nations"]
    assert un["articles"] == 2 and un["mentions"] == 3 and set(un["aliases"]) == {"United Nations", "UN"}
    # the article that only knew "UN" shows it under the first one's name, mentions kept for highlighting
    e = shown(run, "e5ana")["United Nations"]
    assert e["mentions"] == [[0, 45, 59]] and "UN" in e["aliases"]
    # the library filter (f) finds both articles by either name
    lib = Library.open(run.root)
    try:
        assert set(lib.articles_mentioning("UN")) == set(lib.articles_mentioning("United Nations")) == {
            "a1geneva00000001", "e5ana00000000005"}
        assert set(lib.entity_aliases("UN")) == {"United Nations", "UN"}
    finally:
        lib.close()


def test_merge_within_one_article_combines_mentions(run):
    run("entity", "merge", "Geneva", "Tuesday", "--article", "a1geneva")
    g = shown(run, "a1geneva")["Geneva"]
    assert g["count"] == 3 and len(g["mentions"]) == 3 and "Tuesday" not in shown(run, "a1geneva")
    assert "Tuesday" not in listed(run)
    run("entity", "merge", "Geneva", "Geneva", "--article", "a1geneva", code=1)


def test_rename_hostile_name_is_stored_clean_and_shown_literally(run):
    run("entity", "rename", "Maria Lopez", HOSTILE)
    stored = json.loads(run("entity", "corrections", "--json").stdout)[0]["name"]
    assert "\x1b" not in stored and "\x07" not in stored
    assert stored.startswith("[bold red]x[/]") and "[link=file:///etc/passwd]y[/link]" in stored
    text = run("entity", "list").stdout
    assert "[bold red]x[/]" in text and "\x1b" not in text
    assert stored in shown(run, "a1geneva") and stored in shown(run, "b2budget")
    # still found by its old names, and by the new one
    assert json.loads(run("entity", "show", "Maria Lopez", "--json").stdout)["name"] == stored
    assert json.loads(run("entity", "show", stored, "--json").stdout)["articles"]
    # Ana Lopez shares the surname only: not renamed
    assert "Ana Lopez" in listed(run)


def test_type_and_hide_with_scope_and_undo(run):
    run("entity", "type", "Geneva", "organisation")
    assert shown(run, "a1geneva")["Geneva"]["type"] == "organization"
    assert "Geneva" in listed(run, "--type", "organization")
    run("entity", "type", "Geneva", "animal", code=1)

    run("entity", "hide", "Maria Lopez", "--article", "b2budget")
    assert "Maria Lopez" in shown(run, "a1geneva") and "Maria Lopez" not in shown(run, "b2budget")
    assert listed(run)["Maria Lopez"]["articles"] == 1
    run("entity", "hide", "Tuesday")
    assert "Tuesday" not in listed(run) and "Tuesday" not in shown(run, "a1geneva")

    assert "Undone: hid Tuesday" in run("entity", "undo").stdout
    assert "Tuesday" in shown(run, "a1geneva")
    assert "Undone: hid Maria Lopez (not an entity) in article b2budget00." in run("entity", "undo").stdout
    assert listed(run)["Maria Lopez"]["articles"] == 2
    run("entity", "undo")
    assert shown(run, "a1geneva")["Geneva"]["type"] == "place"
    assert "No entity correction to undo." in run("entity", "undo").stdout


def test_undo_a_given_correction(run):
    run("entity", "hide", "Geneva")
    run("entity", "hide", "Lima")
    first = json.loads(run("entity", "corrections", "--json").stdout)[0]["id"]
    run("entity", "undo", first)
    assert "Geneva" in listed(run) and "Lima" not in listed(run)
    run("entity", "undo", "nosuchid", code=1)


def test_add_a_missed_entity_in_one_article_or_everywhere(run):
    run("entity", "add", "Parliament", "--article", "b2budget", "--type", "organisation")
    p = shown(run, "b2budget")["Parliament"]
    assert p["type"] == "organization" and p["mentions"] == [[0, 0, 10]]
    assert listed(run)["Parliament"]["articles"] == 1
    run("entity", "add", "Atlantis", "--article", "b2budget", "--type", "place", code=1)
    run("entity", "add", "delegate", "--article", "a1geneva", "--type", "person", "--name", HOSTILE, "--everywhere")
    name = json.loads(run("entity", "corrections", "--json").stdout)[-1]["name"]
    assert "\x1b" not in name and name in shown(run, "a1geneva") and name not in shown(run, "e5ana")
    everywhere = listed(run)[name]
    assert everywhere["articles"] == 1  # "delegates" in e5ana is another word: whole words only
    run("entity", "undo")
    run("entity", "undo")
    assert "Parliament" not in listed(run)


def test_corrections_survive_reindex_with_re_extraction(tmp_path):
    root = tmp_path / "lib"
    runner = CliRunner()

    def r(*args: str) -> str:
        result = runner.invoke(app, ["--library", str(root), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    import reader

    r("add", str(Path(reader.__file__).parent / "sample"))  # real text through the real extractor
    ents = {e["name"]: e for e in json.loads(r("entity", "list", "--json"))}
    assert "Margaret Hale" in ents and "Tehran" in ents
    r("entity", "rename", "Hale", "Maggie Hale")
    r("entity", "type", "Tehran", "organization")
    r("reindex", "--entities")
    after = {e["name"]: e for e in json.loads(r("entity", "list", "--json"))}
    assert "Maggie Hale" in after and "Margaret Hale" not in after
    assert after["Tehran"]["type"] == "organization"
    aid = json.loads(r("entity", "show", "Maggie Hale", "--json"))["articles"][0]["id"]
    names = {e["name"] for e in json.loads(r("show", aid, "--json"))["entities"]}
    assert "Maggie Hale" in names


def test_a_library_without_the_rows_file_still_lists_and_rebuilds_it(run):
    rows = run.root / "entities.json"
    assert json.loads(rows.read_text("utf-8"))["articles"]["e5ana00000000005"][0] == ["Ana Lopez", "person", 2, ["Lopez"]]
    rows.unlink()
    assert listed(run)["Maria Lopez"]["articles"] == 2
    assert len(json.loads(rows.read_text("utf-8"))["articles"]) == 5  # filled in again
    rows.write_text("{damaged", "utf-8")
    assert listed(run)["Maria Lopez"]["articles"] == 2


def test_the_index_read_by_the_list_stays_free_of_entity_rows(run):
    index = json.loads((run.root / "index.json").read_text("utf-8"))
    assert all("entities" not in row for row in index["articles"])


def test_two_library_handles_keep_each_others_corrections(run):
    a, b = Library.open(run.root), Library.open(run.root)
    try:
        a.correct_entity("hide", "Tuesday")
        b.correct_entity("rename", "Geneva", "Genève")
        assert [c["op"] for c in a.entity_corrections()] == ["hide", "rename"]
        assert "Genève" in {e.name for e in a.library_entities()}
    finally:
        a.close()
        b.close()


def test_a_damaged_correction_is_skipped_not_fatal(run):
    lib = Library.open(run.root)
    try:
        lib.state.add_entity_correction({"op": "merge", "scope": None, "target": {"name": "Geneva", "keys": ["geneva"]}})
        lib.state.add_entity_correction({"op": "rename", "scope": None, "target": None, "name": 3})
        lib.state.add_entity_correction({"op": "rename", "scope": None, "target": {"name": "Lima", "keys": ["lima"]},
                                         "name": ["not", "a", "name"]})
        lib.state.add_entity_correction({"op": "type", "scope": None, "target": "Geneva", "other": 7})
        lib.correct_entity("hide", "Tuesday")
    finally:
        lib.close()
    ents = listed(run)
    assert "Geneva" in ents and "Tuesday" not in ents
    assert "Geneva" in shown(run, "a1geneva")
    assert "Lima" in ents
    assert run("entity", "corrections").stdout.count("\n") == 6
