"""Full-text search: the query language, ranking, fields, folding, snippets, and the index kept in step."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.models import Article, Entity
from reader.search import QueryError, parse
from reader.search.keeper import doc_of
from reader.services.snippets import snippet

HOSTILE = "\x1b]52;c;aGk=\x07\x1b[2J[bold red]x[/] [link=file:///etc/passwd]y[/link]"


def art(aid: str, title: str, paras: list[str], **kw) -> Article:
    ents = kw.pop("entities", [])
    return Article(id=aid, title=title, paragraphs=paras, entities=ents or [Entity("Nobody", "person", ["Nobody"], 1, [])], **kw)


ARTICLES = [
    art("a1", "Rotterdam keeps its cranes", ["The harbour voted on Tuesday."], authors=["Mira Jansen"],
        publisher="North Sea Courier", section="Cities", date="2023-06-20",
        entities=[Entity("Port of Rotterdam", "organization", ["Port of Rotterdam", "the Port"], 2, [])]),
    art("a2", "A quiet week", ["Rotterdam, Rotterdam and again Rotterdam were said in the body.",
                               "The World Bank lent money."], authors=["Ali Rezaei"], publisher="Gulf Ledger",
        section="Business", date="2023-07-10"),
    art("a3", "Bank of the world?", ["A bank of the world is not the phrase. Zürich and São Paulo.", HOSTILE],
        date="2022-01-05", publisher="Atlas Wire"),
    art("a4", "نمایشگاه کتاب تهران", ["کتاب‌ها در نمایشگاه فروخته شد. كتاب با ي عربي"], date="2023-06", language="fa"),
    art("a5", "Rotterdammers strike", ["Dockers in the port struck."], date="2024-02-01",
        entities=[Entity("Amir Rahimi", "person", ["Amir Rahimi", "Rahimi"], 2, [])]),
]


@pytest.fixture
def lib(tmp_path):
    library = Library(tmp_path / "lib")
    library.add_articles([Article.from_dict(a.to_dict()) for a in ARTICLES])
    yield library
    library.close()


def ids(lib: Library, q: str, **kw) -> list[str]:
    return [h.id for h in lib.search(q, **kw).hits]


def test_words_all_must_match_and_body_words_are_found(lib):
    assert set(ids(lib, "rotterdam")) == {"a1", "a2"}
    assert ids(lib, "rotterdam harbour") == ["a1"]
    assert ids(lib, "dockers struck") == ["a5"]
    assert ids(lib, "nothingsuch") == []


def test_title_matches_rank_first(lib):
    # a2 says Rotterdam three times in its body; a1 once in its title.
    assert ids(lib, "rotterdam") == ["a1", "a2"]


def test_phrases(lib):
    assert ids(lib, '"world bank"') == ["a2"]
    assert set(ids(lib, "world bank")) == {"a2", "a3"}
    assert ids(lib, '"bank of the world"') == ["a3"]


def test_prefix_or_and_exclusion(lib):
    assert set(ids(lib, "rotterdam*")) == {"a1", "a2", "a5"}
    assert set(ids(lib, "rotterdam OR dockers")) == {"a1", "a2", "a5"}
    assert ids(lib, "rotterdam -cranes") == ["a2"]
    assert ids(lib, 'rotterdam -"world bank"') == ["a1"]


def test_every_field_filter(lib):
    assert ids(lib, "title:rotterdam") == ["a1"]
    assert ids(lib, "author:jansen") == ["a1"]
    assert ids(lib, 'author:"ali rezaei"') == ["a2"]
    assert ids(lib, "publisher:atlas") == ["a3"]
    assert ids(lib, "section:business") == ["a2"]
    assert ids(lib, "entity:rahimi") == ["a5"]  # an alias finds the article of the entity
    assert ids(lib, 'entity:"Amir Rahimi"') == ["a5"]
    assert ids(lib, 'entity:"the port"') == ["a1"]
    assert ids(lib, "title:bank") == ["a3"]


def test_entity_finds_articles_by_any_alias_of_the_entity(lib):
    # b2 only says "Amir Rahimi"; a5's extraction knows "Rahimi" as an alias of the same person.
    lib.add_articles([art("b2", "Another", ["Amir Rahimi spoke."],
                          entities=[Entity("Amir Rahimi", "person", ["Amir Rahimi"], 1, [])])])
    assert set(ids(lib, "entity:rahimi")) == {"a5", "b2"}
    assert set(ids(lib, "entity:rahimi -dockers")) == {"b2"}
    assert ids(lib, "entity:nobodyknown") == []


def test_entity_follows_the_users_merge_of_two_entities(lib):
    # a1 knows "Port of Rotterdam", a5 "Amir Rahimi": nothing links them until the user merges them.
    assert ids(lib, "entity:rahimi") == ["a5"]
    lib.correct_entity("merge", "Amir Rahimi", "Port of Rotterdam")
    assert set(ids(lib, "entity:rahimi")) == {"a1", "a5"}


def test_tag_and_feed_fields_when_articles_have_them(lib):
    @dataclass
    class Tagged(Article):
        tags: list[str] = field(default_factory=list)
        feed: str | None = None

    a = Tagged(id="t1", title="Tagged", paragraphs=["plain text"], tags=["Climate", "Iran nuclear"], feed="Atlas Wire RSS")
    lib.search_index.ensure(background=False)
    lib.search_index.index.write([doc_of(a)])
    lib._index["t1"] = lib._index["a1"].__class__.of(a)  # the library would list it too
    assert ids(lib, "tag:climate") == ["t1"]
    assert ids(lib, 'tag:"iran nuclear"') == ["t1"]
    assert ids(lib, "feed:rss") == ["t1"]
    assert ids(lib, "tag:plain") == []


def test_date_ranges(lib):
    assert ids(lib, "date:2023-06") == ["a1", "a4"] or set(ids(lib, "date:2023-06")) == {"a1", "a4"}
    assert set(ids(lib, "date:2023-06-01..2023-07-15")) == {"a1", "a2", "a4"}
    assert ids(lib, "date:2023-06-21..2023-07-15") == ["a2"]
    assert set(ids(lib, "date:2024..")) == {"a5"}
    assert set(ids(lib, "date:..2022")) == {"a3"}
    assert ids(lib, "rotterdam date:2023-07") == ["a2"]
    # With no words, newest first.
    assert ids(lib, "date:2023..2024") == ["a5", "a2", "a1", "a4"]


def test_read_state_filters(lib):
    lib.state.set_read("a1", True)
    lib.state.add_bookmark("a2", 0, "Rotterdam", "", "", 0, 9, note="")
    lib.state.add_bookmark("a3", 0, "A bank", "", "", 0, 6, note="check this")
    assert ids(lib, "rotterdam is:read") == ["a1"]
    assert ids(lib, "rotterdam is:unread") == ["a2"]
    assert set(ids(lib, "is:bookmarked")) == {"a2", "a3"}
    assert ids(lib, "has:note") == ["a3"]
    assert ids(lib, "is:read has:note") == []


def test_diacritics_fold_both_ways(lib):
    assert ids(lib, "zurich") == ["a3"]
    assert ids(lib, "ZÜRICH") == ["a3"]
    assert ids(lib, '"sao paulo"') == ["a3"]


def test_persian_words(lib):
    assert ids(lib, "نمایشگاه") == ["a4"]
    assert ids(lib, "کتاب") == ["a4"]  # also inside کتاب‌ها (a zero-width non-joiner separates)
    assert ids(lib, "كتاب") == ["a4"]  # typed with the Arabic kaf
    assert ids(lib, "عربی") == ["a4"]  # Persian yeh finds the Arabic one
    assert ids(lib, "title:تهران") == ["a4"]


@pytest.mark.parametrize("bad", ['x "open', "foo:bar", "title:", "date:2023-13", "date:2023-02-30", "is:nope",
                                 "OR x", "x OR", "-", "*", "is:read is:unread", "date:2024..2023"])
def test_malformed_queries_say_one_line(lib, bad):
    with pytest.raises(QueryError) as exc:
        parse(bad)
    assert "\n" not in str(exc.value) and len(str(exc.value)) < 160


def test_snippets_mark_matches_and_keep_markup_literal(lib):
    s = snippet(lib.get("a3"), parse("zurich"))
    assert [s.text[a:b] for a, b in s.marks] == ["Zürich"]
    s = snippet(lib.get("a3"), parse('"bold red" x'))
    assert "[bold red]x[/]" in s.text and "[link=file:///etc/passwd]y[/link]" in s.text
    assert "\x1b" not in s.text and "\x07" not in s.text
    assert [s.text[a:b] for a, b in s.marks] == ["bold red", "x"]


def test_cli_search_json_and_text(lib, tmp_path):
    runner = CliRunner()
    r = runner.invoke(app, ["--library", str(lib.root), "search", "bold red", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert rows[0]["id"] == "a3" and set(rows[0]) >= {"id", "title", "score", "snippet", "matches"}
    snip = rows[0]["snippet"]
    assert "[bold red]x[/]" in snip and "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert [snip[a:b] for a, b in rows[0]["matches"]] == ["bold", "red"]
    r = runner.invoke(app, ["--library", str(lib.root), "search", "rotterdam"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].startswith("a1") and "[[Rotterdam]]" in r.stdout and lines[-1] == "2 matching articles."
    r = runner.invoke(app, ["--library", str(lib.root), "search", "rotterdam", "--sort", "date", "--limit", "1"])
    assert r.stdout.splitlines()[0].startswith("a2") and "1 of 2 matching articles." in r.stdout
    r = runner.invoke(app, ["--library", str(lib.root), "list", "--search", "rotterdam -cranes"])
    assert r.stdout.splitlines()[1].startswith("a2") and "1 article." in r.stdout  # under the header line
    r = runner.invoke(app, ["--library", str(lib.root), "search", 'x "open'])
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.output


def test_kept_in_step_with_imports_corrections_and_deletes(lib):
    lib.add_articles([art("b1", "Fresh import", ["A kangaroo appeared."])])
    assert lib.search_index.state() == "current"
    assert ids(lib, "kangaroo") == ["b1"]
    lib.set_meta("b1", {"title": "Corrected wallaby headline"})
    assert ids(lib, "title:wallaby") == ["b1"] and ids(lib, "title:fresh") == []
    index = dict(lib._load_index())  # a delete, as the library's delete paths write it
    del index["b1"]
    lib._write_index(index)
    assert ids(lib, "kangaroo") == []
    assert lib.search_index.state() == "current"


def test_rebuilt_after_the_index_folder_is_deleted(lib):
    import shutil

    shutil.rmtree(lib.search_index.folder)
    fresh = Library(lib.root)
    assert fresh.search_index.state() == "missing"
    fresh.search_index.ensure(background=True)
    fresh.search_index.wait(60)
    assert ids(fresh, "rotterdam") == ["a1", "a2"] and fresh.search_index.state() == "current"
    fresh.close()


def test_older_format_is_rebuilt(lib):
    stamp = lib.search_index.index.stamp()
    stamp["format"] = 0
    lib.search_index.index.stamp_path.write_text(json.dumps(stamp))
    assert lib.search_index.state() == "old"
    assert lib.search_index.ensure(background=False) == "old"
    assert lib.search_index.state() == "current" and ids(lib, "zurich") == ["a3"]


def test_a_failed_index_write_leaves_it_stale_then_repaired(lib, monkeypatch):
    from reader.search import engine

    def broken(self, *a, **k):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(engine.SearchIndex, "write", broken)
        lib.add_articles([art("c1", "Platypus news", ["A platypus."])])
    assert "c1" in lib._load_index()  # the library write itself went through
    assert lib.search_index.state() == "stale"
    lib.search_index.ensure(background=False)
    assert ids(lib, "platypus") == ["c1"]


KILL_SCRIPT = r"""
import os, signal, sys
from reader.library import Library
from reader.models import Article, Entity
from reader.search import engine
real = engine.SearchIndex.write
def dying(self, upserts=(), deletes=(), **kw):
    docs = list(upserts)
    real(self, docs[:1], deletes, **kw)  # half the write is committed...
    os.kill(os.getpid(), signal.SIGKILL)  # ...and the process dies before the rest and the stamp
engine.SearchIndex.write = dying
lib = Library(sys.argv[1])
lib.add_articles([Article(id=f"k{i}", title=f"Killed {i}", paragraphs=[f"wombat number{i}"],
                          entities=[Entity("X", "person", ["X"], 1, [])]) for i in range(3)])
"""


def test_repaired_after_a_write_killed_midway(lib):
    env = dict(os.environ)
    p = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(lib.root)], env=env, capture_output=True, timeout=120)
    assert p.returncode == -9, p.stderr
    fresh = Library(lib.root)
    assert {"k0", "k1", "k2"} <= set(fresh._load_index())
    assert fresh.search_index.state() == "stale"
    fresh.search_index.ensure(background=False)
    assert set(ids(fresh, "wombat")) == {"k0", "k1", "k2"}
    assert ids(fresh, "rotterdam") == ["a1", "a2"]
    fresh.close()


def test_metadata_search_when_the_engine_is_missing(lib, monkeypatch):
    lib.search_index.index = None
    r = lib.search("title:rotterdam")
    assert [h.id for h in r.hits] == ["a1"] and not r.full_text and "unavailable" in r.notice
    assert [h.id for h in lib.search("entity:rahimi date:2024").hits] == ["a5"]


def test_background_rebuild_answers_from_what_is_ready_with_progress(lib, monkeypatch):
    import shutil
    import threading

    from reader.search import engine, keeper

    lib.add_articles([art(f"m{i:02d}", f"Many {i}", [f"quokka number {i}"]) for i in range(20)])
    shutil.rmtree(lib.search_index.folder)
    fresh = Library(lib.root)
    monkeypatch.setattr(keeper, "CHUNK", 5)
    gate, first_done = threading.Event(), threading.Event()
    real = engine.SearchIndex.write

    calls = []

    def gated(self, *a, **k):
        calls.append(1)
        if len(calls) == 2:  # the first chunk is committed; hold the second
            first_done.set()
            assert gate.wait(60)
        real(self, *a, **k)

    monkeypatch.setattr(engine.SearchIndex, "write", gated)
    assert fresh.search_index.ensure(background=True) == "missing"
    assert first_done.wait(60)
    partial = fresh.search("rotterdam")  # a1 and a2 are in the first chunk
    assert [h.id for h in partial.hits] == ["a1", "a2"] and "Indexing the library: 5 of 25" in partial.notice
    assert fresh.search("quokka").total < 20
    gate.set()
    fresh.search_index.wait(60)
    done = fresh.search("quokka")
    assert done.total == 20 and done.notice is None
    fresh.close()


def test_tags_feeds_delete_restore_and_update_follow_the_library(lib):
    from reader.library_manage import Feed

    lib.tag("a2", add=["Climate policy"])
    assert ids(lib, "tag:climate") == ["a2"] and ids(lib, 'tag:"climate policy"') == ["a2"]
    lib.save_feed(Feed(id="f1feed", url="https://atlas.example/rss", title="Atlas Wire Daily"))
    lib.add_articles([Article(id="fd1", title="From a feed", paragraphs=["A numbat story."], feed="f1feed",
                              entities=[Entity("X", "person", ["X"], 1, [])])])
    assert ids(lib, 'feed:"atlas wire"') == ["fd1"] and ids(lib, "feed:f1feed") == ["fd1"]
    lib.delete(["fd1"])
    assert ids(lib, "numbat") == []
    lib.restore("fd1")
    assert ids(lib, "numbat") == ["fd1"]
    new = Article(id="fd1", title="From a feed", paragraphs=["An echidna story now."], feed="f1feed",
                  entities=[Entity("X", "person", ["X"], 1, [])])
    lib.update_article("fd1", new)
    assert ids(lib, "echidna") == ["fd1"] and ids(lib, "numbat") == []
    assert lib.search_index.state() == "current"
