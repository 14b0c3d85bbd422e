"""Issue 9: control sequences are cleaned where text enters the library (every ingest format,
front matter, `meta`, `note`, `import-notes`, the store API itself) and the store never holds one."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.errors import IngestError
from reader.ingest import parse_file, parse_text
from reader.library import Library
from reader.models import Article, Entity
from reader.store import StateStore
from tests.hostile import CLEANED, DIRTY, HOSTILE, assert_clean, assert_store_clean

runner = CliRunner()


def run(root, *args, code=0):
    res = runner.invoke(app, ["--library", str(root), *map(str, args)])
    assert res.exit_code == code, res.output
    return res


@pytest.mark.parametrize("bad", HOSTILE)
def test_the_store_api_refuses_to_hold_a_control_sequence(tmp_path, bad):
    s = StateStore(tmp_path / "state.json")
    bm = s.add_bookmark("a1", 0, f"quote {bad} q", prefix=f"p{bad}", suffix=f"s{bad}", note=f"note {bad} n")
    assert bm.quote == "quote  q" and bm.note == "note  n" and bm.prefix == "p" and bm.suffix == "s"
    s.set_note(bm.id, f"again {bad}!")
    s.set_meta("a1", {"title": f"T{bad}x", "authors": [f"A{bad}", "B"], "date": f"2020{bad}"})
    s.set_setting("theme", f"nord{bad}")
    assert s.get_bookmark(bm.id).note == "again !"
    assert s.get_meta("a1") == {"title": "Tx", "authors": ["A", "B"], "date": "2020"}
    assert s.get_setting("theme") == "nord"
    s.close()
    assert_store_clean(tmp_path)


def test_values_already_in_an_old_store_are_cleaned_on_the_way_out(tmp_path):
    from tests.hostile import plant_bookmark, plant_meta

    lib = Library(tmp_path / "lib")
    lib.add_article(Article(id="a" * 16, title="T", paragraphs=["One para."], entities=[Entity("X", "place")]))
    plant_meta(lib, "a" * 16, {"title": DIRTY, "authors": [DIRTY]})
    plant_bookmark(lib, "a" * 16, 0, "One para.", DIRTY)
    assert lib.state.get_meta("a" * 16)["title"] == CLEANED
    assert lib.get("a" * 16).title == CLEANED and lib.get("a" * 16).authors == [CLEANED]
    assert [s.title for s in lib.summaries()] == [CLEANED]
    assert [b.note for b in lib.state.bookmarks()] == [CLEANED]
    lib.close()


def test_library_keeps_articles_clean_and_mentions_still_fit(tmp_path):
    lib = Library(tmp_path / "lib")
    para = f"Before {HOSTILE[0]}Geneva talks resume."
    start = para.index("Geneva")
    a = Article(id="b" * 16, title=DIRTY, paragraphs=[para], authors=[DIRTY], publisher=DIRTY, url=DIRTY,
                section=DIRTY, entities=[Entity(f"Gen{HOSTILE[1]}eva", "place", ["Geneva"], 1, [[0, start, start + 6]])])
    lib.add_article(a)
    got = lib.get("b" * 16)
    assert got.title == CLEANED and got.paragraphs == ["Before Geneva talks resume."]
    [e] = got.entities
    p, s, end = e.mentions[0]
    assert e.name == "Geneva" and got.paragraphs[p][s:end] == "Geneva"
    lib.close()
    assert_store_clean(tmp_path / "lib")


FRONT = '''---
title: "Clip\\e]52;c;aGk=\\a board \\e[2J \\x9b2J \\u202e end"
author: "Mal\\e]8;;http://x\\e\\\\lory"
publisher: "Press\\e[2J"
url: "https://example.org/\\e]52;c;aGk=\\a"
section: "World\\e[2J"
date: 2024-01-02
---

The first paragraph of a hostile article, long enough to be a real paragraph of text.

The second paragraph says more, with an escape written as text: \\e[2J stays literal.
'''


def test_front_matter_fields_are_cleaned_at_import(tmp_path):
    f = tmp_path / "hostile.md"
    f.write_text(FRONT, "utf-8")
    a = parse_file(f)
    for value in (a.title, a.publisher, a.url, a.section, *a.authors):
        assert value and not any(c in value for c in "\x1b\x07\x9b\u202e"), value
    assert a.title == "Clip board end" and a.authors == ["Mallory"] and a.section == "World"
    root = tmp_path / "lib"
    out = run(root, "add", f).output
    assert "imported" in out and "\x1b" not in out
    assert_store_clean(root)
    for args in (["list"], ["show", a.id], ["meta", a.id, "--show"], ["list", "--json"]):
        assert_clean(run(root, *args).output, " ".join(args))


@pytest.mark.parametrize("bad", HOSTILE)
def test_meta_note_and_import_notes_store_clean_text(tmp_path, bad):
    root = tmp_path / "lib"
    f = tmp_path / "a.txt"
    f.write_text("A plain headline\n\nThe body of a plain article, in one paragraph of text.\n", "utf-8")
    run(root, "add", f)
    aid = json.loads(run(root, "list", "--json").stdout)[-1]["id"]
    run(root, "meta", aid, "--title", f"T{bad}x", "--publisher", f"P{bad}", "--url", f"https://x/{bad}",
        "--section", f"S{bad}", "--author", f"A{bad}b")
    bm = json.loads(run(root, "bookmark", "add", aid, "-p", "1", "--note", f"n{bad}", "--json").stdout)
    run(root, "note", bm["id"], f"note {bad} here")
    doc = {"format": "reader-notes", "version": 1, "articles": [{
        "id": aid, "corrections": {"language": f"en{bad}", "date": f"2020{bad}"},
        "bookmarks": [{"quote": f"imported {bad} quote", "note": f"imported {bad} note", "paragraph": 0}],
    }]}
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps(doc), "utf-8")
    run(root, "import-notes", notes)
    assert_store_clean(root)
    shown = run(root, "meta", aid, "--show").output
    assert "Tx" in shown and "(corrected)" in shown
    assert_clean(shown)
    listed = run(root, "bookmark", "list").output
    assert "note here" in listed and "imported note" in listed
    assert_clean(listed)


def test_html_with_control_character_references(tmp_path):
    para = "A real paragraph of article text with several words in it, long enough to count. " * 3
    page = (f"<html><head><title>Head&#27;]52;c;aGk=&#7;line</title></head><body><article><p>{para}&#27;[2J</p>"
            f"<p>{para}&#x1b;]8;;http://x&#x1b;\\</p></article></body></html>")
    a = parse_text(page, "html")
    assert a.title == "Headline" and a.paragraphs and all("\x1b" not in p and "]52" not in p for p in a.paragraphs)
    only = "<html><body><article><p>" + "&#27;]52;c;aGk=&#7;&#27;[2J" * 40 + "</p></article></body></html>"
    with pytest.raises(IngestError, match="&#27;") as err:
        parse_text(only, "html")
    assert "no article text was found in the HTML page." != str(err.value)


def test_deeply_nested_html_is_read_or_explained():
    para = "A real paragraph of article text with several words in it, long enough to count. " * 3
    divs = "<html><body>" + "<div>" * 3000 + f"<p>{para}</p>" + "</div>" * 3000 + "</body></html>"
    assert parse_text(divs, "html").paragraphs  # wrapper divs carry no text: read once they are dropped
    bold = "<html><body>" + "<b>" * 400 + f"<p>{para}</p>" + "</b>" * 400 + "</body></html>"
    with pytest.raises(IngestError, match="levels deep"):
        parse_text(bold, "html")


def test_the_size_limit_message_is_not_rounded_to_the_limit(tmp_path):
    from reader.ingest.decode import MAX_BYTES, read_bytes

    for extra, shown in ((1, "10,485,761 bytes"), (12 * 1024, "10.01 MB")):
        big = tmp_path / f"big{extra}.txt"
        with big.open("wb") as fh:
            fh.truncate(MAX_BYTES + extra)
        with pytest.raises(IngestError) as err:
            read_bytes(big)
        assert f"the file is {shown}, above the 10 MB (10,485,760 bytes) limit" in str(err.value)


def test_a_correction_that_is_only_a_control_sequence_is_not_stored(tmp_path):
    s = StateStore(tmp_path / "state.json")
    s.set_meta("a1", {"date": HOSTILE[0] + HOSTILE[1], "title": "Kept"})
    assert s.get_meta("a1") == {"title": "Kept"}
    s.close()


def test_a_dirty_index_and_article_file_are_read_clean(tmp_path):
    from tests.hostile import plant_article_title

    root = tmp_path / "lib"
    lib = Library(root)
    lib.add_article(Article(id="c" * 16, title="T", paragraphs=["One para."], entities=[Entity("X", "place")]))
    lib.close()
    plant_article_title(root, "c" * 16, DIRTY)
    lib = Library(root)
    [s] = lib.summaries()
    assert s.title == CLEANED and s.publisher == CLEANED
    assert lib.get("c" * 16).title == CLEANED
    lib.close()
