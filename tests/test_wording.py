"""Wording (issue 10, item 12): counts agree with their words, --help placeholders are readable,
`reader list` has a legend, an ambiguous reference lists its matches."""

from __future__ import annotations

import json

from pathlib import Path

import pytest
from typer.testing import CliRunner

import reader
from reader.cli import app
from reader.wording import count, counted, plural

SAMPLE = str(Path(reader.__file__).parent / "sample")  # the bundled articles (only the default library is seeded)


def test_one_pluralising_helper():
    assert [count(1, "article"), count(2, "article"), count(0, "bookmark"), count(1200, "note")] == [
        "1 article", "2 articles", "0 bookmarks", "1200 notes"]
    assert counted(1, "article", "mentions") == "1 article mentions"
    assert counted(3, "article", "mentions") == "3 articles mention"
    assert counted(1, "article", "is") == "1 article is" and counted(2, "article", "is") == "2 articles are"
    assert plural("match", 2) == "matches"


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args, ok=True):
        res = runner.invoke(app, ["--library", str(tmp_path / "lib"), *map(str, args)])
        if ok:
            assert res.exit_code == 0, res.output
        return res

    invoke("add", SAMPLE)
    return invoke


def test_import_notes_counts_read_right(run, tmp_path):
    [article] = [a for a in json.loads(run("list", "--json").stdout) if a["title"].startswith("Harbour")]
    run("bookmark", "add", article["id"], "--paragraph", "2")
    notes = tmp_path / "notes.json"
    run("export", "--format", "json", "-o", notes)
    data = json.loads(notes.read_text("utf-8"))
    data["articles"].append({**data["articles"][0], "id": "f" * 16})  # an article this library lacks
    notes.write_text(json.dumps(data), "utf-8")
    CliRunner().invoke(app, ["--library", str(tmp_path / "other"), "add", SAMPLE])
    other = CliRunner().invoke(app, ["--library", str(tmp_path / "other"), "import-notes", str(notes)])
    assert "1 bookmark added, 0 notes updated" in other.stdout
    assert "1 article is not in this library" in other.stderr
    assert "1 bookmarks" not in other.output and "1 articles are" not in other.output


@pytest.mark.parametrize("command", [["add"], ["bookmark", "add"], ["cite"], ["list"], ["show"], ["config"], ["meta"], []])
def test_help_placeholders_are_readable(run, command):
    text = run(*command, "--help").stdout
    assert "<str>" not in text and "<int>" not in text and "list[Path]" not in text and "{ref}" not in text
    assert "{paths}" not in text


def test_help_names_arguments_in_capitals(run):
    assert "Usage: reader add [OPTIONS] ARGS..." in run("add", "--help").stdout
    text = run("bookmark", "add", "--help").stdout
    assert "Usage: reader bookmark add [OPTIONS] REF" in text and "--paragraph N" in text and "--note TEXT" in text


def test_list_has_a_legend(run):
    lines = run("list").stdout.splitlines()
    assert lines[0].startswith("id ") and "* bookmarked" in lines[0] and "u unread" in lines[0]
    assert lines[-1] == "4 articles."


def test_an_ambiguous_reference_lists_the_matches(run):
    res = run("show", "a", ok=False)
    assert res.exit_code == 1
    err = res.stderr.splitlines()
    assert err[0] == "reader: 4 articles match 'a'; give more of the id or title."
    titles = {ln.split("  ", 2)[-1] for ln in err[1:]}
    assert "Harbour town votes to keep its old cranes" in titles and len(err) == 5
