"""One paragraph numbering (issue 10, item 10): body paragraphs only, from 1, the same in `reader show`,
`bookmark add --paragraph`, `bookmark list [--json]`, `cite --paragraph` and the TUI."""

from __future__ import annotations

import json

from pathlib import Path

from typer.testing import CliRunner

import reader

from reader.cli import app
from reader.models import CAPTION, HEADING, QUOTE, STANDFIRST, TEXT, Article
from reader.numbering import describe, index_of, number_of, paragraph_numbers

SAMPLE = str(Path(reader.__file__).parent / "sample")  # the bundled articles (only the default library is seeded)


def test_only_body_paragraphs_are_numbered():
    kinds = [CAPTION, STANDFIRST, TEXT, HEADING, TEXT, QUOTE, TEXT]
    assert paragraph_numbers(kinds) == [None, None, 1, None, 2, None, 3]
    a = Article(id="x", title="t", paragraphs=[f"p{i}" for i in range(7)], kinds=kinds)
    assert [index_of(a, n) for n in (1, 2, 3)] == [2, 4, 6]
    assert number_of(a, 4) == 2 and describe(a, 0) == "the caption" and describe(a, 5) == "the embedded post"


def test_every_interface_counts_the_same_way(tmp_path):
    runner = CliRunner()
    base = ["--library", str(tmp_path / "lib")]

    def run(*args):
        res = runner.invoke(app, [*base, *args])
        assert res.exit_code == 0, res.output
        return res.stdout

    run("add", SAMPLE)
    shown = run("show", "Harbour town")
    first_body = "The town council of Vlieport voted on Monday evening"
    assert f"\u00b61  {first_body}" in shown  # caption and standfirst are shown, not numbered
    assert "\u00b61  The cranes" not in shown and "\u00b61  Residents" not in shown
    data = json.loads(run("show", "Harbour town", "--json"))
    assert data["numbers"][:3] == [None, None, 1]
    added = json.loads(run("bookmark", "add", "Harbour town", "--paragraph", "1", "--json"))
    assert added["quote"].startswith(first_body) and added["paragraph"] == 1
    assert added["located"]["paragraph"] == 1
    [listed] = json.loads(run("bookmark", "list", "--json"))
    assert listed["paragraph"] == 1 and listed["located"]["paragraph"] == 1
    assert "\u00b61  \u201cThe town council" in run("bookmark", "list")
    cited = run("cite", "Harbour town", "--paragraph", "1", "--style", "apa")
    assert first_body in cited and "para. 1" in cited
    res = runner.invoke(app, [*base, "bookmark", "add", "Harbour town", "--paragraph", "99"])
    assert res.exit_code == 1 and "give --paragraph between 1 and" in res.stderr


def test_a_bookmark_made_before_keeps_its_passage_and_gets_the_new_number(tmp_path):
    from reader.library import Library
    from reader.services.anchor import anchor_of

    lib = Library.open(tmp_path / "lib")
    lib.import_paths([SAMPLE])
    try:
        article = next(lib.get(s.id) for s in lib.summaries() if s.title.startswith("Harbour"))
        index = article.kinds.index("text") + 1  # stored as a block index, as older versions did
        lib.add_bookmark(article.id, anchor_of(article.paragraphs, index))
        expected = number_of(article, index)
    finally:
        lib.close()
    res = CliRunner().invoke(app, ["--library", str(tmp_path / "lib"), "bookmark", "list", "--json"])
    [row] = json.loads(res.stdout)
    assert row["quote"] == article.paragraphs[index]
    assert row["paragraph"] == row["located"]["paragraph"] == expected == 2


def test_a_lead_summary_before_the_dateline_is_a_standfirst_not_paragraph_1():
    from reader.ingest.plaintext import parse_plaintext

    text = (
        "Court curbs emissions rule\n\n"
        "Judges in robes pose for a photo.\n\n"
        "The 6-3 decision says the agency needs clear authority from Congress before acting on coal.\n\n"
        "NBC News \u2014 The court on Friday struck down the agency\u2019s rule on existing power plants.\n\n"
        "Writing for the majority, the chief justice said the agency had overreached.\n"
    )
    p = parse_plaintext(text)
    kinds = dict(zip(p.paragraphs, p.kinds))
    assert kinds["The 6-3 decision says the agency needs clear authority from Congress before acting on coal."] == STANDFIRST
    assert paragraph_numbers(p.kinds)[p.paragraphs.index(
        "NBC News \u2014 The court on Friday struck down the agency\u2019s rule on existing power plants.")] == 1
