"""One validation of every correctable field (reader.services.meta_fields), used by `reader meta`,
the TUI metadata editor and import-notes; values come back clean."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import CORRECTABLE, Library
from reader.services.meta_fields import FieldError, check_corrections, check_field, valid_corrections
from tests.conftest import FIXTURES

runner = CliRunner()
HOSTILE = "\x1b]52;c;aGk=\x07A\x1b[2J [bold red]x[/] [link=file:///etc/passwd]y[/link]\u202e\x9b31m"


@pytest.mark.parametrize("value", ["2023", "2023-06", "2023-06-20", "2024-02-29", "0001-01-01"])
def test_dates_allowed(value):
    assert check_field("date", value) == value


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2023-02-30", "is not a real date"), ("2023-13", "is not a real date"), ("0000", "is not a real date"),
        ("2023-00-10", "is not a real date"), ("2023-6-1", "is not YYYY"), ("20 June 2023", "is not YYYY"),
        ("2023-06-20T10:00", "is not YYYY"), (20230620, "is not text"), ({"x": 1}, "is not text"), (True, "is not text"),
    ],
)
def test_dates_refused_with_a_line_naming_them(value, says):
    with pytest.raises(FieldError, match=says) as err:
        check_field("date", value)
    assert "\n" not in str(err.value) and "the date" in str(err.value)


def test_every_correctable_field_is_validated():
    assert set(CORRECTABLE) == {"title", "authors", "publisher", "date", "url", "section", "language", "tags"}
    for key in CORRECTABLE:
        check_field(key, None)  # None clears every field
    with pytest.raises(FieldError, match="is not a field"):
        check_field("entities", "x")


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("title", 123, "is not text"), ("title", ["a"], "is not text"), ("publisher", 1.5, "is not text"),
        ("authors", "One String", "one string, not a list"), ("authors", [1], "is not text"),
        ("authors", {"a": 1}, "not a list"), ("url", "javascript:alert(1)", "not a web address"),
        ("url", "example.org", "not a web address"), ("language", "english please", "not a language tag"),
        ("title", float("nan"), "not a value"), ("title", "x" * 1001, "at most 1,000"),
    ],
)
def test_wrong_values_refused(key, value, says):
    with pytest.raises(FieldError, match=says):
        check_field(key, value)


def test_values_come_back_clean_and_on_one_line():
    fields = check_corrections({
        "title": HOSTILE + "\n  second line", "authors": [HOSTILE, "  ", "Maziar   Motamedi"],
        "publisher": HOSTILE, "section": HOSTILE, "date": " 2023-06 ", "url": " https://example.org/x ", "language": "fa",
    })
    for value in [fields["title"], fields["publisher"], fields["section"], *fields["authors"]]:
        assert not any(ch in value for ch in "\x1b\x07\x9b\u202e\n")
    assert fields["title"] == "A [bold red]x[/] [link=file:///etc/passwd]y[/link] second line"  # markup is kept as literal text
    assert fields["authors"][1:] == ["Maziar Motamedi"] and len(fields["authors"]) == 2
    assert (fields["date"], fields["url"], fields["language"]) == ("2023-06", "https://example.org/x", "fa")


def test_valid_corrections_keeps_the_good_fields():
    good, errors = valid_corrections({"title": "Fine", "date": "2023-02-30", "authors": "One String"})
    assert good == {"title": "Fine"} and len(errors) == 2
    assert valid_corrections(["title"]) == ({}, [valid_corrections(["title"])[1][0]])
    assert "not a set of fields" in valid_corrections(["title"])[1][0]


def test_a_deeply_nested_value_is_refused_without_recursion():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    good, errors = valid_corrections({"date": deep, "title": {"a": deep}})
    assert good == {} and len(errors) == 2


def test_stored_corrections_of_a_wrong_type_are_ignored(library_dir):
    """A store written before validation (or by hand) must not break the list and citations."""
    from reader.models import Article

    lib = Library.open(library_dir, seed=False)
    lib.add_article(Article(id="a" * 16, title="Kept", paragraphs=["x"], authors=["A B"], date="2020"))
    lib.state.set_meta("a" * 16, {"title": 123, "authors": "One String", "date": {"x": 1}, "publisher": "Fine"})
    (row,) = lib.summaries()
    assert (row.title, row.authors, row.date, row.publisher) == ("Kept", ["A B"], "2020", "Fine")
    assert lib.get("a" * 16).title == "Kept"
    lib.close()


# -- the CLI ---------------------------------------------------------------------------------------
def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def aid(library_dir):
    assert run("add", str(FIXTURES / "cite" / "europe.txt")).exit_code == 0
    rows = json.loads(run("list", "--json").stdout)
    return next(r["id"] for r in rows if r["title"] == "Is this the end of Europe?")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--date", "2023-02-30"], "reader: the date '2023-02-30' is not a real date"),
        (["--date", "0000"], "reader: the date '0000' is not a real date"),
        (["--url", "ftp://x"], "reader: the URL 'ftp://x' is not a web address"),
        (["--language", "not a tag"], "reader: the language 'not a tag' is not a language tag"),
    ],
)
def test_meta_refuses_with_one_line_and_changes_nothing(aid, args, says):
    before = run("meta", aid, "--show", "--json").stdout
    result = run("meta", aid, *args)
    assert result.exit_code == 2 and result.stderr.startswith(says) and result.stderr.count("\n") == 1
    assert run("meta", aid, "--show", "--json").stdout == before


@pytest.mark.parametrize("value", ["2023", "2023-06", "2023-06-20"])
def test_meta_accepts_partial_dates(aid, value):
    assert run("meta", aid, "--date", value).exit_code == 0
    assert json.loads(run("meta", aid, "--show", "--json").stdout)["item"]["issued"]["date-parts"][0] == [
        int(p) for p in value.split("-")
    ]


def test_meta_stores_clean_values(aid, library_dir):
    assert run("meta", aid, "--title", HOSTILE, "--author", HOSTILE, "--section", HOSTILE).exit_code == 0
    lib = Library.open(library_dir, seed=False)
    stored = lib.state.get_meta(aid)
    lib.close()
    assert "\x1b" not in json.dumps(stored) and "\\u001b" not in json.dumps(stored)
    assert "\x07" not in stored["title"] and "\u202e" not in stored["section"]


def test_tags_are_a_list_of_clean_words():
    assert check_field("tags", ["Labour", " +Ports ", "labour", "a\x1b[2Jb"]) == ["labour", "ports", "ab"]
    with pytest.raises(FieldError, match="the tags"):
        check_field("tags", "labour")
    with pytest.raises(FieldError, match="the tags"):
        check_field("tags", [1])
