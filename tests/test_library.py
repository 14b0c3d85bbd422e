"""The library on disk: add, dedupe, look-up, corrections, entity look-up across articles."""

from __future__ import annotations

import json

import pytest

from reader.errors import Ambiguous, NotFound
from reader.library import Library
from reader.models import Article, Entity


def art(title: str, body: str, ents=()) -> Article:
    from reader.ingest import article_id

    paras = [body]
    return Article(id=article_id(paras, title), title=title, paragraphs=paras, authors=["Ana Ruiz"],
                   publisher="Harbour Times", entities=list(ents))


@pytest.fixture
def lib(tmp_path):
    library = Library(tmp_path / "lib")
    yield library
    library.close()


def test_add_then_duplicate_is_skipped(lib):
    a = art("Port strike ends", "Dock workers returned on Monday.")
    assert lib.add_article(a) == "imported"
    again = art("Port strike ends", "Dock workers returned on Monday.")
    assert lib.add_article(again) == "duplicate"
    assert len(lib) == 1
    stored = json.loads((lib.articles_dir / f"{a.id}.json").read_text("utf-8"))
    assert stored["title"] == "Port strike ends"
    assert stored["added"]


def test_batch_add_writes_index_once_and_reports_each(lib):
    a, b = art("One", "First text."), art("Two", "Second text.")
    assert lib.add_articles([a, b, a]) == ["imported", "imported", "duplicate"]
    fresh = Library(lib.root)
    assert sorted(s.title for s in fresh.summaries()) == ["One", "Two"]
    fresh.close()


def test_resolve_by_id_prefix_and_title_fragment(lib):
    a = art("Harvest festival returns", "Crowds gathered.")
    b = art("Election night in Lima", "Votes were counted.")
    lib.add_articles([a, b])
    assert lib.resolve(a.id) == a.id
    assert lib.resolve(a.id[:6]) == a.id
    assert lib.resolve("harvest") == a.id
    assert lib.get("lima").title == "Election night in Lima"
    with pytest.raises(NotFound):
        lib.resolve("no such thing")
    with pytest.raises(Ambiguous):
        lib.resolve("n")  # in both titles; not a hex prefix


def test_corrections_apply_to_get_and_summaries_but_not_the_file(lib):
    a = art("Old title", "Body.")
    lib.add_article(a)
    lib.state.set_meta(a.id, {"title": "Corrected title", "date": "2023-06-20"})
    assert lib.get(a.id).title == "Corrected title"
    assert lib.get(a.id).date == "2023-06-20"
    assert lib.get(a.id, corrected=False).title == "Old title"
    assert [s.title for s in lib.summaries()] == ["Corrected title"]


def test_articles_mentioning_matches_any_alias(lib):
    e = Entity("United States", "place", ["United States", "U.S."], 2, [[0, 0, 4]])
    a = art("A", "U.S. talks.", [e])
    b = art("B", "Nothing here.")
    lib.add_articles([a, b])
    assert lib.articles_mentioning("US") == [a.id]
    assert lib.articles_mentioning("the United States") == [a.id]
    assert lib.articles_mentioning("Canada") == []


def test_index_change_by_another_process_is_seen(lib, tmp_path):
    other = Library(lib.root)
    other.add_article(art("From elsewhere", "Text."))
    other.close()
    assert [s.title for s in lib.summaries()] == ["From elsewhere"]


def test_import_paths_reports_refused_and_keeps_going(lib, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A headline\n\nSome body text about the harbour.\n", "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    report = lib.import_paths([good, empty, tmp_path / "missing.txt"])
    statuses = {r.path.rsplit("/", 1)[-1]: r.status for r in report.results}
    assert statuses == {"good.txt": "imported", "empty.txt": "refused", "missing.txt": "refused"}
    assert report.failed
    assert len(lib) == 1


def test_reindex_rebuilds_a_lost_index(lib):
    a = art("Kept", "Body.")
    lib.add_article(a)
    lib.index_path.write_text("{not json", "utf-8")
    # A damaged index is derived data: the list is rebuilt from the article files, with a warning.
    assert [s.title for s in lib.summaries()] == ["Kept"]
    assert any("reindex" in w and "index.json" in w for w in lib.take_warnings())
    assert lib.reindex() == 1
    assert [s.title for s in lib.summaries()] == ["Kept"]
