"""`reader cite`, `reader meta` and `reader config citation-style`, end to end through the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
URL = "https://example.org/news/2023/6/20/europe"


def run(*args: str, ok: bool = True):
    result = runner.invoke(app, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def aid(library_dir):
    run("add", str(FIXTURES / "cite" / "europe.txt"))
    rows = json.loads(run("list", "--json").stdout)
    (row,) = [r for r in rows if r["title"] == "Is this the end of Europe?"]
    return row["id"]


def test_corrections_are_used_by_every_later_citation(aid):
    before = run("cite", aid).stdout.strip()
    assert "Motamedi" not in before and "(n.d.)" in before
    run("meta", aid, "--author", "Maziar Motamedi", "--date", "2023-06-20", "--url", URL, "--publisher", "Al Jazeera")
    assert run("cite", aid).stdout.strip() == f"Motamedi, M. (2023, June 20). Is this the end of Europe? Al Jazeera. {URL}"
    assert run("cite", aid, "--style", "mla").stdout.strip() == (
        f"Motamedi, Maziar. \u201cIs This the End of Europe?\u201d Al Jazeera, 20 June 2023, {URL}."
    )
    assert "AU  - Motamedi, Maziar" in run("cite", aid, "--style", "ris").stdout
    # A second correction replaces the first; repeated --author gives several authors.
    run("meta", aid, "--author", "Anna Keller", "--author", "Tomás Ruiz", "--title", "Europe, again?")
    assert run("cite", aid).stdout.startswith("Keller, A., & Ruiz, T. (2023, June 20). Europe, again? Al Jazeera.")
    shown = json.loads(run("meta", aid, "--show", "--json").stdout)
    assert shown["item"]["author"] == [{"family": "Keller", "given": "Anna"}, {"family": "Ruiz", "given": "Tomás"}]
    assert set(shown["corrected"]) == {"authors", "date", "url", "publisher", "title"}


def test_meta_show_marks_corrected_fields(aid):
    run("meta", aid, "--date", "2023-06")
    out = run("meta", aid).stdout
    assert "      date: 2023-06 (corrected)" in out and "   authors: -" in out


def test_meta_rejects_a_bad_date(aid):
    result = run("meta", aid, "--date", "20 June 2023", ok=False)
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_empty_date_means_no_date(aid):
    run("meta", aid, "--author", "Maziar Motamedi", "--date", "2023-06-20")
    run("meta", aid, "--date", "")
    assert "Motamedi, M. (n.d.)." in run("cite", aid).stdout


def test_paragraph_gives_quotation_in_text_citation_and_reference(aid):
    run("meta", aid, "--author", "Maziar Motamedi", "--date", "2023-06-20", "--publisher", "Al Jazeera")
    out = run("cite", aid, "--paragraph", "2").stdout
    assert out == (
        "\u201cLeaders met on Tuesday and disagreed about almost everything, the second paragraph says.\u201d "
        "(Motamedi, 2023, para. 2)\n\n"
        "Motamedi, M. (2023, June 20). Is this the end of Europe? Al Jazeera.\n"
    )


def test_paragraph_out_of_range_is_one_line(aid):
    result = run("cite", aid, "--paragraph", "9", ok=False)
    assert result.exit_code == 1
    assert result.stderr.strip() == "reader: The article has 3 paragraphs; give --paragraph between 1 and 3."


def test_default_style_is_a_setting(aid):
    run("meta", aid, "--author", "Maziar Motamedi", "--date", "2023-06-20", "--publisher", "Al Jazeera")
    assert run("config", "citation-style").stdout.strip() == "apa"
    run("config", "citation-style", "chicago")
    assert run("config", "citation-style").stdout.strip() == "chicago"
    assert run("cite", aid).stdout.startswith("Motamedi, Maziar. 2023. \u201cIs This the End of Europe?\u201d")
    assert run("cite", aid, "--style", "apa").stdout.startswith("Motamedi, M. (2023, June 20).")


def test_unknown_style_is_one_clear_line(aid):
    for args in (["cite", aid, "--style", "turabian"], ["config", "citation-style", "turabian"]):
        result = run(*args, ok=False)
        assert result.exit_code == 1
        assert result.stderr.startswith("reader: Unknown citation style 'turabian'; choose one of apa,")
        assert "Traceback" not in result.output


def test_control_sequences_in_metadata_never_reach_the_terminal(aid):
    run("meta", aid, "--author", "Evil\x1b]52;c;aGk=\x07 Person", "--title", "Bad\x1b[2J title")
    out = run("cite", aid).stdout
    assert "\x1b" not in out and "\x07" not in out
