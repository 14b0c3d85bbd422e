"""reader bookmark add/list/rm, reader note, reader mark-read: scriptable, asserted on the store."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.models import Article

PARAS = [
    "Officials met in Paris on Tuesday. They talked for hours.",
    "The talks would continue, the minister said, despite objections.",
    "Analysts warned that the agreement could collapse.",
]


@pytest.fixture
def lib_dir(tmp_path):
    root = tmp_path / "lib"
    lib = Library(root)
    lib.add_article(Article(id="a" * 16, title="Talks in Paris", paragraphs=list(PARAS)))
    lib.add_article(Article(id="b" * 16, title="Another story", paragraphs=["Only one paragraph."]))
    lib.close()
    return root


def run(root, *args, code=0):
    res = CliRunner().invoke(app, ["--library", str(root), *args])
    assert res.exit_code == code, res.output
    assert "Traceback" not in res.output
    return res.output


def stored(root):
    lib = Library(root)
    try:
        return lib.state.bookmarks()
    finally:
        lib.close()


def test_add_stores_the_paragraph_text_with_context(lib_dir):
    out = json.loads(run(lib_dir, "bookmark", "add", "aaaa", "--paragraph", "2", "--note", "check this", "--json"))
    [bm] = stored(lib_dir)
    assert bm.id == out["id"] and bm.article_id == "a" * 16 and bm.paragraph == 1
    assert bm.quote == PARAS[1] and bm.note == "check this"
    assert bm.prefix == PARAS[0][-32:] and bm.suffix == PARAS[2][:32]
    assert (bm.start, bm.end) == (0, len(PARAS[1]))
    assert out["located"] == {"paragraph": 2, "start": 0, "end": len(PARAS[1])}  # numbered from 1, as given


def test_add_one_sentence(lib_dir):
    run(lib_dir, "bookmark", "add", "Talks in Paris", "-p", "1", "--sentence", "2")
    [bm] = stored(lib_dir)
    assert bm.quote == "They talked for hours." and bm.prefix.endswith("Tuesday. ")
    assert PARAS[0][bm.start : bm.end] == bm.quote


@pytest.mark.parametrize("args", [["-p", "0"], ["-p", "4"], ["-p", "1", "--sentence", "9"]])
def test_add_out_of_range_is_one_line(lib_dir, args):
    out = run(lib_dir, "bookmark", "add", "aaaa", *args, code=1)
    assert out.startswith("reader: ") and out.count("\n") == 1
    assert stored(lib_dir) == []


def test_add_unknown_article(lib_dir):
    out = run(lib_dir, "bookmark", "add", "zzzz", "-p", "1", code=1)
    assert "No article matches" in out


def test_list_text_and_json(lib_dir):
    run(lib_dir, "bookmark", "add", "aaaa", "-p", "3", "--note", "a note")
    run(lib_dir, "bookmark", "add", "bbbb", "-p", "1")
    text = run(lib_dir, "bookmark", "list")
    assert "Talks in Paris" in text and "Another story" in text and "a note" in text and "2 bookmarks." in text
    rows = json.loads(run(lib_dir, "bookmark", "list", "--json"))
    assert [r["article_id"][0] for r in rows] == ["a", "b"]
    only = json.loads(run(lib_dir, "bookmark", "list", "aaaa", "--json"))
    assert len(only) == 1 and only[0]["note"] == "a note" and only[0]["title"] == "Talks in Paris"


def test_list_relocates_after_reimport(lib_dir):
    run(lib_dir, "bookmark", "add", "aaaa", "-p", "3")
    # the article is re-imported with a new first paragraph: its paragraph 3 is now paragraph 4
    lib = Library(lib_dir)
    new_paras = ["An editor's note was added at the top.", *PARAS]
    lib.add_article(Article(id="c" * 16, title="Talks in Paris (updated)", paragraphs=new_paras))
    [bm] = lib.state.bookmarks()
    lib.close()
    # point the bookmark at the new version, as a re-import keeping bookmarks would
    raw = (lib_dir / "articles" / ("c" * 16 + ".json")).read_text()
    (lib_dir / "articles" / ("a" * 16 + ".json")).write_text(raw.replace("c" * 16, "a" * 16))
    rows = json.loads(run(lib_dir, "bookmark", "list", "--json"))
    assert rows[0]["id"] == bm.id and rows[0]["located"]["paragraph"] == 4
    assert "moved from ¶3" in run(lib_dir, "bookmark", "list") and "¶4" in run(lib_dir, "bookmark", "list")


def test_rm_and_note_by_id_or_prefix(lib_dir):
    run(lib_dir, "bookmark", "add", "aaaa", "-p", "1")
    run(lib_dir, "bookmark", "add", "aaaa", "-p", "2")
    first, second = stored(lib_dir)
    run(lib_dir, "note", first.id[:6], "edited note")
    assert [b.note for b in stored(lib_dir)] == ["edited note", ""]
    run(lib_dir, "note", first.id, "")
    assert stored(lib_dir)[0].note == ""
    run(lib_dir, "bookmark", "rm", second.id)
    assert [b.id for b in stored(lib_dir)] == [first.id]
    out = run(lib_dir, "bookmark", "rm", second.id, code=1)
    assert "No bookmark" in out and "reader bookmark list" in out


def test_mark_read_and_unread(lib_dir):
    run(lib_dir, "mark-read", "aaaa")
    lib = Library(lib_dir)
    assert lib.state.read_ids() == {"a" * 16}
    lib.close()
    listing = json.loads(run(lib_dir, "list", "--json"))
    assert {r["id"]: r["read"] for r in listing}["a" * 16] is True
    run(lib_dir, "mark-read", "Talks", "--unread")
    lib = Library(lib_dir)
    assert lib.state.read_ids() == set()
    lib.close()


def test_list_says_when_text_or_article_is_gone(lib_dir):
    run(lib_dir, "bookmark", "add", "aaaa", "-p", "3")
    run(lib_dir, "bookmark", "add", "bbbb", "-p", "1")
    art = lib_dir / "articles" / ("a" * 16 + ".json")
    data = json.loads(art.read_text())
    data["paragraphs"] = ["Nothing like the old text at all, about cooking.", "Or gardening."]
    data["kinds"] = ["text", "text"]
    art.write_text(json.dumps(data))
    (lib_dir / "articles" / ("b" * 16 + ".json")).unlink()
    text = run(lib_dir, "bookmark", "list")
    assert "(text not found in the article)" in text and "(article not in the library)" in text
    rows = json.loads(run(lib_dir, "bookmark", "list", "--json"))
    assert [r["located"] for r in rows] == [None, None]
