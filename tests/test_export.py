"""`reader export` (Markdown for Obsidian, JSON, BibTeX) and `reader import-notes` without duplicates."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.models import Article
from reader.services.export import ImportNotesError, export_notes, import_notes

runner = CliRunner()


def run(*args: str, ok: bool = True):
    result = runner.invoke(app, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def _articles():
    return [
        Article(id="a" * 16, title="Is this the end of Europe?", paragraphs=["First para.", "Second *para* #tag.", "Third."],
                authors=["Maziar Motamedi"], publisher="Al Jazeera", date="2023-06-20", url="https://example.org/x",
                added="2024-05-17T09:30:00+00:00"),
        Article(id="b" * 16, title="Ports reopen after the storm", paragraphs=["One.", "Two."], authors=["Reuters"],
                publisher="The Guardian", date="2020-09-14", added="2024-01-02T00:00:00+00:00"),
        Article(id="c" * 16, title="Not bookmarked", paragraphs=["x"], authors=["Nobody Here"], publisher="P", date="2020"),
    ]


@pytest.fixture
def lib(library_dir):
    library = Library.open(library_dir, seed=False)
    for a in _articles():
        library.add_article(a)
    a, b = "a" * 16, "b" * 16
    library.state.add_bookmark(a, 1, "Second *para* #tag.", note="Check this [[link]].")
    library.state.add_bookmark(a, 0, "First para.")
    library.state.add_bookmark(b, 1, "Two.", note="multi\nline note")
    yield library
    library.close()


def test_markdown_front_matter_and_sections(lib):
    text = export_notes(lib, "markdown")
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "Reader notes" and front["citation_style"] == "apa"
    assert front["articles"] == 2 and front["bookmarks"] == 3 and "exported" in front
    body = text.split("---\n", 2)[2]
    europe = body.index("## Is this the end of Europe?")
    ports = body.index("## Ports reopen after the storm")
    assert europe < ports and "Not bookmarked" not in body
    section = body[europe:ports]
    assert "Motamedi, M. (2023, June 20). Is this the end of Europe? Al Jazeera. <https://example.org/x>" in section
    # Passages in reading order, each a quote with its in-text citation, then its note.
    first, second = section.index("> First para."), section.index(r"> Second \*para\* \#tag.")
    assert first < second
    assert "> — (Motamedi, 2023, para. 1)" in section and "> — (Motamedi, 2023, para. 2)" in section
    assert "**Note:** Check this \\[\\[link\\]\\]." in section  # the note shows literally as written
    assert "**Note:** multi\\\nline note" in body[ports:]  # its lines joined by hard breaks: one block


def test_markdown_in_another_style(lib):
    text = export_notes(lib, "markdown", "chicago")
    assert "> — (Motamedi 2023, para. 2)" in text and "citation_style: chicago" in text


def test_json_export_carries_citations(lib):
    doc = json.loads(export_notes(lib, "json", "mla"))
    assert doc["format"] == "reader-notes" and doc["version"] == 1 and doc["citation_style"] == "mla"
    ids = [a["id"] for a in doc["articles"]]
    assert ids == ["a" * 16, "b" * 16]
    europe = doc["articles"][0]
    assert europe["reference"].startswith("Motamedi, Maziar. \u201cIs This the End of Europe?\u201d")
    assert [b["citation"] for b in europe["bookmarks"]] == ["(Motamedi, par. 1)", "(Motamedi, par. 2)"]
    assert europe["csl"]["type"] == "article-newspaper"


def test_bibtex_export_has_only_bookmarked_articles(lib):
    text = export_notes(lib, "bibtex")
    assert text.count("@article{") == 2 and "Nobody" not in text


def test_json_round_trip_adds_nothing_twice(lib, tmp_path, library_dir):
    exported = export_notes(lib, "json")
    # Same library: everything is already here.
    report = import_notes(lib, exported)
    assert (report.added, report.updated, report.duplicates) == (0, 0, 3)
    # A fresh library with the same articles: all added once, then nothing on a second import.
    other = Library.open(tmp_path / "other", seed=False)
    for a in _articles()[:1]:
        other.add_article(a)
    first = import_notes(other, exported)
    assert (first.added, first.duplicates, first.missing_articles) == (2, 0, ["b" * 16])
    second = import_notes(other, exported)
    assert (second.added, second.duplicates) == (0, 2)
    assert sorted((b.paragraph, b.quote, b.note) for b in other.state.bookmarks()) == [
        (0, "First para.", ""), (1, "Second *para* #tag.", "Check this [[link]]."),
    ]
    other.close()


def test_import_updates_a_newer_note_of_the_same_bookmark(lib):
    doc = json.loads(export_notes(lib, "json"))
    bm = doc["articles"][0]["bookmarks"][0]
    bm["note"], bm["updated"] = "edited elsewhere", "2999-01-01T00:00:00+00:00"
    report = import_notes(lib, json.dumps(doc))
    assert (report.updated, report.duplicates) == (1, 2)
    assert lib.state.get_bookmark(bm["id"]).note == "edited elsewhere"


def test_import_brings_metadata_corrections_without_overwriting(lib, tmp_path):
    lib.state.set_meta("a" * 16, {"date": "2023-06-21"})
    exported = export_notes(lib, "json")
    other = Library.open(tmp_path / "other", seed=False)
    other.add_article(_articles()[0])
    import_notes(other, exported)
    assert other.get("a" * 16).date == "2023-06-21"
    other.close()


@pytest.mark.parametrize("text", ["not json", "[]", '{"format": "other"}', '{"format": "reader-notes", "version": 99, "articles": []}'])
def test_import_rejects_what_is_not_an_export(lib, text):
    with pytest.raises(ImportNotesError):
        import_notes(lib, text)


def test_cli_export_and_import(lib, tmp_path):
    out = tmp_path / "notes.json"
    result = run("export", "--format", "json", "--output", str(out))
    assert f"wrote {out}." in result.stdout
    assert json.loads(out.read_text("utf-8"))["format"] == "reader-notes"
    assert run("import-notes", str(out)).stdout.strip() == "0 bookmarks added, 0 notes updated, 3 already here."
    md = run("export").stdout
    assert md.startswith("---\ntitle: Reader notes\n")
    assert run("export", "--format", "bibtex").stdout.count("@article{") == 2


def test_cli_import_of_a_missing_file_is_one_line(lib, tmp_path):
    result = run("import-notes", str(tmp_path / "nope.json"), ok=False)
    assert result.exit_code == 1 and result.stderr.startswith("reader: cannot read") and "Traceback" not in result.output


def test_cli_unknown_format(lib):
    result = run("export", "--format", "docx", ok=False)
    assert result.exit_code == 2 and "markdown, json, bibtex" in result.stderr


def test_citation_follows_the_passage_when_the_paragraph_number_is_stale(lib):
    # The bookmark says paragraph 0, but its text is in the second paragraph (e.g. after a re-parse).
    lib.state.add_bookmark("a" * 16, 0, "Third.", note="moved")
    doc = json.loads(export_notes(lib, "json"))
    (moved,) = [b for b in doc["articles"][0]["bookmarks"] if b["note"] == "moved"]
    assert moved["citation"] == "(Motamedi, 2023, para. 3)"


@pytest.mark.parametrize(("fmt", "start"), [("ris", "TY  - NEWS"), ("csl-json", "["), ("biblatex-apa", "@article{")])
def test_cli_exports_for_reference_managers(lib, tmp_path, fmt, start):
    out = tmp_path / f"notes.{fmt}"
    assert f"wrote {out}." in run("export", "--format", fmt, "--output", str(out)).stdout
    text = out.read_text("utf-8")
    assert text.startswith(start)
    if fmt != "biblatex-apa":  # the reference-manager formats carry the notes
        assert "Check this [[link]]." in text
    assert run("export", "--format", fmt).stdout.strip() == text.strip()
