"""`reader add / list / show / inspect` through the real CLI, on good and bad input."""

from __future__ import annotations

import codecs
import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from reader.cli import app
from reader.library import Library

ING = FIXTURES / "ingest"
SAMPLE_TITLES = {
    "Harbour town votes to keep its old cranes",
    "Night trains return to the Alpine line",
    "A river's memory, kept in a shoebox archive",
    "Poetry draws the crowds at Tehran's book fair",
}
GOOD = "Wind farm approved off the coast\n\nThe regional council approved a wind farm twelve miles off the coast on Monday, after a two-year review.\n"


@pytest.fixture
def run(tmp_path):
    lib = tmp_path / "lib"
    Library(lib).ensure_seeded()  # a named folder is never seeded by reader itself: these tests start from the samples
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["--library", str(lib), *map(str, args)], catch_exceptions=False)

    invoke.lib = lib
    return invoke


def library_state(lib):
    """Everything a failed import must leave untouched: the index and the article files."""
    index = json.loads((lib / "index.json").read_text("utf-8"))
    files = sorted(p.name for p in (lib / "articles").iterdir())
    return index, files


def lines(result):
    return [ln for ln in result.stdout.splitlines() if ln.strip()]


def test_fresh_default_library_shows_the_sample_articles(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    result = CliRunner().invoke(app, ["list", "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {r["title"] for r in rows} == SAMPLE_TITLES
    assert all(r["publisher"] for r in rows)


def test_a_library_folder_the_user_names_is_not_seeded(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "env-lib"))
    assert json.loads(CliRunner().invoke(app, ["list", "--json"]).stdout) == []
    out = CliRunner().invoke(app, ["--library", str(tmp_path / "named"), "list", "--json"]).stdout
    assert json.loads(out) == []


def test_add_a_folder_with_bad_files_among_good_ones(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ING / "breadcrumb_byline.txt", folder / "a_good.txt")
    shutil.copy(ING / "front_matter.md", folder / "b_good.md")
    (folder / "c_empty.txt").write_bytes(b"")
    (folder / "d_blank.txt").write_text("  \n\n \t\n", "utf-8")
    (folder / "e_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with (folder / "f_huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (folder / "g_latin1.txt").write_bytes(GOOD.replace("Wind farm", "Éolienne farm").encode("latin-1"))
    (folder / "h_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.replace("coast", "northern coast").encode("utf-16-le"))
    (folder / "i_utf16_nobom.txt").write_bytes(GOOD.replace("Monday", "Friday").encode("utf-16-be"))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not an article: skipped quietly inside a folder

    before = library_state(run.lib) if (run("list").exit_code == 0) else None
    result = run("add", folder)
    assert result.exit_code == 1
    out = lines(result)
    assert out[-1] == "5 imported, 0 skipped, 4 refused."
    imported = [ln for ln in out if ln.startswith("imported")]
    refused = [ln for ln in out if ln.startswith("refused")]
    assert len(imported) == 5 and len(refused) == 4
    assert any("Fishermen block the bridge" in ln for ln in imported)
    assert any("Éolienne farm approved off the coast" in ln for ln in imported)
    assert refused[0].endswith("c_empty.txt: the file is empty; there is nothing to import.")
    assert "d_blank.txt: the file contains only whitespace" in refused[1]
    assert "e_binary.txt: the file looks binary" in refused[2]
    assert refused[3].endswith("f_huge.txt: the file is 50.0 MB, above the 10 MB (10,485,760 bytes) limit for one article; "
                               "check that it is an article, or split it.")
    assert not any("Traceback" in ln for ln in out)
    assert "photo.jpg" not in result.stdout
    after = library_state(run.lib)
    assert len(after[1]) == len(before[1]) + 5


def test_huge_file_is_refused(run, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    run("list")
    before = library_state(run.lib)
    result = run("add", big)
    assert result.exit_code == 1
    assert lines(result) == [
        f"refused   {big}: the file is 50.0 MB, above the 10 MB (10,485,760 bytes) limit for one article; "
        "check that it is an article, or split it.",
        "0 imported, 0 skipped, 1 refused.",
    ]
    assert library_state(run.lib) == before


def test_missing_path_is_refused_and_good_files_still_import(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    result = run("add", tmp_path / "missing.txt", good)
    assert result.exit_code == 1
    out = lines(result)
    assert out[0] == f"refused   {tmp_path / 'missing.txt'}: no such file or folder; check the path."
    assert out[1].startswith("imported  ") and out[1].endswith("Wind farm approved off the coast")
    assert out[-1] == "1 imported, 0 skipped, 1 refused."


def test_encodings_through_the_cli(run, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Café terrace rules change\n\nThe café owners met the mayor on Monday to talk about the new rules for terraces.\n".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("Zürich votes\n\nZürich voted on Sunday to keep its old trams running for ten more years, officials said.\n".encode("utf-16"))
    result = run("add", tmp_path)
    assert result.exit_code == 0, result.stdout
    titles = {json.loads(run("show", ref, "--json").stdout)["title"] for ref in ("Café terrace", "Zürich votes")}
    assert titles == {"Café terrace rules change", "Zürich votes"}


def test_adding_twice_reports_duplicates(run, tmp_path):
    shutil.copy(ING / "breadcrumb_byline.txt", tmp_path / "one.txt")
    shutil.copy(ING / "saved_page.html", tmp_path / "two.html")
    first = run("add", tmp_path)
    assert first.exit_code == 0 and lines(first)[-1] == "2 imported, 0 skipped, 0 refused."
    state = library_state(run.lib)
    second = run("add", tmp_path / "one.txt", tmp_path / "two.html")
    assert second.exit_code == 0
    out = lines(second)
    assert out[-1] == "0 imported, 2 skipped, 0 refused."
    assert out[0].startswith("skipped   ") and out[0].endswith("one.txt (already in the library)")
    assert library_state(run.lib) == state
    # the same article under another name is still a duplicate
    shutil.copy(ING / "breadcrumb_byline.txt", tmp_path / "copy-of-one.txt")
    assert lines(run("add", tmp_path / "copy-of-one.txt"))[-1] == "0 imported, 1 skipped, 0 refused."


def test_list_and_show_by_id_prefix_and_title_fragment(run, tmp_path):
    shutil.copy(ING / "breadcrumb_byline.txt", tmp_path / "one.txt")
    out = lines(run("add", tmp_path / "one.txt"))
    short_id = out[0].split()[1]
    listing = run("list")
    assert listing.exit_code == 0
    assert any(ln.startswith(short_id) and "Fishermen block the bridge" in ln and "Western Coast Gazette" in ln
               for ln in lines(listing))
    assert lines(listing)[-1] == "5 articles."
    by_prefix = run("show", short_id[:6], "--json")
    assert by_prefix.exit_code == 0
    d = json.loads(by_prefix.stdout)
    assert d["id"].startswith(short_id) and d["authors"] == ["Daniel Okafor", "Sian Lloyd"]
    by_title = run("show", "quota cuts")
    assert by_title.exit_code == 0
    text = by_title.stdout
    assert text.splitlines()[0] == "Fishermen block the bridge at Kelmouth over quota cuts"
    assert "> Boats are already tied up" in text  # the tweet is shown as a quote
    searched = json.loads(run("list", "--search", "Kelmouth", "--json").stdout)
    assert [r["id"] for r in searched] == [d["id"]]


def test_show_unknown_and_ambiguous(run):
    missing = run("show", "no such article anywhere")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "reader: No article matches 'no such article anywhere'; run `reader list` to see ids and titles."
    ambiguous = run("show", "the")
    assert ambiguous.exit_code == 1 and "articles match 'the'" in ambiguous.stderr


def test_inspect_json_contract(run):
    result = run("inspect", ING / "banner_dateline.txt", "--json")
    assert result.exit_code == 0
    d = json.loads(result.stdout)
    assert set(d) >= {"id", "title", "section", "authors", "publisher", "date", "url", "language", "paragraphs", "entities"}
    assert (d["title"], d["section"], d["authors"], d["publisher"], d["date"], d["language"]) == (
        "Food banks in Lisbon brace for a busy summer", None, None, "Harbour-Watch", None, "en")
    assert not (run.lib / "index.json").exists() or "Food banks" not in (run.lib / "index.json").read_text("utf-8")


def test_inspect_text_output_and_refusal(run, tmp_path):
    ok = run("inspect", ING / "hard_wrapped.txt")
    assert ok.exit_code == 0
    assert "     title: Town library reopens after the flood" in ok.stdout
    assert "      date: 2024-02-14" in ok.stdout
    (tmp_path / "empty.md").write_bytes(b"")
    bad = run("inspect", tmp_path / "empty.md")
    assert bad.exit_code == 1
    assert bad.stderr.strip() == f"reader: {tmp_path / 'empty.md'}: the file is empty; there is nothing to import."
    assert "Traceback" not in bad.stdout + bad.stderr


def test_control_sequences_in_articles_never_reach_the_terminal(run, tmp_path):
    (tmp_path / "evil.txt").write_text("Title \x1b]0;pwned\x07here\n\nBody text \x1b[31mred\x1b[0m about the harbour council vote.\n", "utf-8")
    result = run("add", tmp_path / "evil.txt")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    shown = run("show", "Title").stdout
    assert "\x1b" not in shown and "pwned" not in shown and "[31m" not in shown
    assert shown.splitlines()[0] == "Title here"


def test_folder_without_articles_says_so(run, tmp_path):
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.jpg").write_bytes(b"\xff\xd8")
    result = run("add", tmp_path / "pics")
    assert result.exit_code == 0
    assert lines(result) == [f"note      {tmp_path / 'pics'}: no .txt, .md or .html files in this folder",
                             "0 imported, 0 skipped, 0 refused."]
