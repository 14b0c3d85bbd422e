"""The library the user manages: rm / restore / trash, re-import updates in place, tags, seeding."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library

STORY = """---
title: Port strike ends after three days
tags: [Labour, ports, labour]
url: https://news.example/port-strike
---
Dock workers returned on Thursday after the union and the port authority agreed a new contract with higher pay.

The strike had stopped container traffic for three days and left dozens of ships waiting outside the harbour.
"""


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_LIBRARY", raising=False)
    lib = tmp_path / "lib"

    def invoke(*args):
        return CliRunner().invoke(app, ["--library", str(lib), *map(str, args)], catch_exceptions=False)

    invoke.lib = lib
    return invoke


def ids(run):
    return [r["id"] for r in json.loads(run("list", "--json").stdout)]


def test_a_named_library_is_not_seeded(run):
    assert ids(run) == []
    assert run("list").stdout.strip() == "0 articles."


def test_the_default_library_is_seeded_once_and_rm_removes_samples(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    runner = CliRunner()
    rows = json.loads(runner.invoke(app, ["list", "--json"]).stdout)
    assert len(rows) == 4
    assert str(tmp_path) in runner.invoke(app, ["where"]).stdout
    r = runner.invoke(app, ["rm", *[row["id"] for row in rows]])
    assert r.exit_code == 0
    assert json.loads(runner.invoke(app, ["list", "--json"]).stdout) == []  # not seeded again


def test_rm_restore_and_empty_trash_keep_bookmarks(run, tmp_path):
    f = tmp_path / "story.md"
    f.write_text(STORY, "utf-8")
    assert run("add", f).exit_code == 0
    (aid,) = ids(run)
    lib = Library.open(run.lib)
    a = lib.get(aid)
    bm = lib.state.add_bookmark(aid, 1, a.paragraphs[1][:30], note="my note")
    lib.close()
    r = run("rm", aid[:8])
    assert r.exit_code == 0 and "deleted" in r.stdout
    assert ids(run) == []
    lib = Library.open(run.lib)
    assert lib.bookmarks() == []  # they went to the trash with the article
    lib.close()
    (row,) = json.loads(run("trash", "list", "--json").stdout)
    assert row["id"] == aid and row["bookmarks"] == 1
    r = run("restore", aid[:6])
    assert r.exit_code == 0 and "Port strike" in r.stdout
    assert ids(run) == [aid]
    lib = Library.open(run.lib)
    (back,) = lib.state.bookmarks(aid)
    assert back.id == bm.id and back.note == "my note"
    lib.close()
    run("rm", aid)
    r = run("trash", "empty")
    assert "1 article deleted for good" in r.stdout
    assert run("restore", aid).exit_code == 1
    assert run("rm", "nothing-like-this").exit_code == 1


def test_reimporting_a_changed_file_updates_it_in_place(run, tmp_path):
    f = tmp_path / "story.md"
    f.write_text(STORY, "utf-8")
    run("add", f)
    (aid,) = ids(run)
    lib = Library.open(run.lib)
    quote = "left dozens of ships waiting"
    para = lib.get(aid).paragraphs[1]
    start = para.index(quote)
    lib.state.add_bookmark(aid, 1, quote, start=start, end=start + len(quote))
    lib.close()
    r = run("add", f)
    assert "1 skipped" in r.stdout  # identical: skipped
    f.write_text(STORY.replace("Dock workers", "Hundreds of dock workers").replace(
        "harbour.\n", "harbour.\n\nA new paragraph at the end.\n"), "utf-8")
    r = run("add", f)
    assert "1 updated" in r.stdout, r.stdout
    assert ids(run) == [aid]
    lib = Library.open(run.lib)
    a = lib.get(aid)
    assert a.paragraphs[0].startswith("Hundreds") and len(a.paragraphs) == 3
    from reader.services.anchor import locate

    (bm,) = lib.state.bookmarks(aid)
    para_i, s, e = locate(bm, a.paragraphs)
    assert a.paragraphs[para_i][s:e] == quote


def test_tags_from_front_matter_user_and_list_filter(run, tmp_path):
    f = tmp_path / "story.md"
    f.write_text(STORY, "utf-8")
    g = tmp_path / "other.txt"
    g.write_text("Rain expected\n\nForecasters expect heavy rain across the north on Friday and Saturday.\n", "utf-8")
    run("add", f, g)
    r = run("list", "--tag", "labour", "--json")
    (row,) = json.loads(r.stdout)
    assert row["tags"] == ["labour", "ports"]
    aid = row["id"]
    r = run("tag", aid[:8], "+Strikes", "-ports")
    assert r.exit_code == 0 and r.stdout.strip() == "labour, strikes"
    assert [x["id"] for x in json.loads(run("list", "--tag", "STRIKES", "--json").stdout)] == [aid]
    assert json.loads(run("list", "--tag", "ports", "--json").stdout) == []
    assert run("tag", aid[:8]).stdout.strip() == "labour, strikes"
    r = run("tag", aid[:8], "oops")
    assert r.exit_code == 2
    hostile = "[bold red]x[/]\x1b[2J"
    r = run("tag", aid[:8], "+" + hostile)
    assert "\x1b" not in r.stdout and "[bold red]x[/]" in r.stdout
