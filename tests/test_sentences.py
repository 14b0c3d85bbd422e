"""One sentence splitter (reader/services/sentences.py) for the TUI and `reader bookmark add --sentence`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.services.sentences import sentence_span, sentence_spans
from reader.tui import textkit


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Growth was 3.5 percent. Inflation fell.", ["Growth was 3.5 percent.", "Inflation fell."]),
        ("Sanctions imposed by the U.S. hurt exports, officials said. The U.N. disagreed.",
         ["Sanctions imposed by the U.S. hurt exports, officials said.", "The U.N. disagreed."]),
        ("He flew to the U.S. The next day he met Gen. Smith and Mr. Jones at 9 a.m. on Monday.",
         ["He flew to the U.S.", "The next day he met Gen. Smith and Mr. Jones at 9 a.m. on Monday."]),
        ("J. R. R. Tolkien wrote it. George W. Bush read it.", ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]),
        ('"Why?" he asked. "Because," she said. Then she left!', ['"Why?" he asked.', '"Because," she said.', "Then she left!"]),
        ("She said: \u201cWe will win.\u201d The crowd cheered.", ["She said: \u201cWe will win.\u201d", "The crowd cheered."]),
        ("\u201cDemand is not the problem. Capacity is,\u201d Kwon said. Shares rose.",
         ["\u201cDemand is not the problem. Capacity is,\u201d Kwon said.", "Shares rose."]),
        ("Article No. 5 applies. No. That is wrong.", ["Article No. 5 applies.", "No.", "That is wrong."]),
        ("Royalties went to Fortescue Ltd. Fortescue said no.", ["Royalties went to Fortescue Ltd.", "Fortescue said no."]),
        ("1. Revolutionary Leaning", ["1. Revolutionary Leaning"]),
        ("\u0622\u06cc\u0627 \u062f\u0631\u0633\u062a \u0627\u0633\u062a\u061f \u0628\u0644\u0647\u060c \u062f\u0631\u0633\u062a \u0627\u0633\u062a. \u067e\u0627\u06cc\u0627\u0646 \u06d4 \u062e\u0648\u0628",
         ["\u0622\u06cc\u0627 \u062f\u0631\u0633\u062a \u0627\u0633\u062a\u061f", "\u0628\u0644\u0647\u060c \u062f\u0631\u0633\u062a \u0627\u0633\u062a.",
          "\u067e\u0627\u06cc\u0627\u0646 \u06d4", "\u062e\u0648\u0628"]),
        ("No stop at all", ["No stop at all"]),
        ("  Spaces around.  ", ["Spaces around."]),
        ("", [""]),
    ],
)
def test_sentences(text, expected):
    assert split(text) == expected


def test_the_tui_and_the_cli_use_the_same_splitter():
    from reader.services import anchor

    assert textkit.sentences is sentence_spans
    assert anchor.sentence_span is sentence_span


ARTICLE = (
    "Growth report\n\n"
    "Growth was 3.5 percent in the U.S. last year, the bank said. Exports rose.\n\n"
    "The second paragraph ends here.\n"
)


@pytest.mark.parametrize("n,quote", [(1, "Growth was 3.5 percent in the U.S. last year, the bank said."), (2, "Exports rose.")])
def test_bookmark_add_sentence_keeps_decimals_and_abbreviations(tmp_path, n, quote):
    src = tmp_path / "growth.txt"
    src.write_text(ARTICLE, "utf-8")
    runner = CliRunner()
    base = ["--library", str(tmp_path / "lib")]
    assert runner.invoke(app, [*base, "add", str(src)]).exit_code == 0
    res = runner.invoke(app, [*base, "bookmark", "add", "Growth report", "-p", "1", "--sentence", str(n), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["quote"] == quote
