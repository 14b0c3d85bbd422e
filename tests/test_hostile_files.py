"""Issue 9, files: folder import skips links that leave the folder; file names with newlines or
escapes are shown escaped on every CLI line; a bookmark of a 10 MB paragraph stores a capped quote
and is still found again whole."""

from __future__ import annotations

import json
import time

from typer.testing import CliRunner

from reader.cli import app
from reader.models import QUOTE_LIMIT, Article
from reader.services.anchor import locate, make_anchor
from reader.store import StateStore
from tests.hostile import assert_clean

runner = CliRunner()
BODY = "A headline for {}\n\nThe body of the article called {}, long enough to be a paragraph.\n"


def run(root, *args, code=0):
    res = runner.invoke(app, ["--library", str(root), *map(str, args)])
    assert res.exit_code == code, res.output
    return res


def test_folder_import_skips_links_leaving_the_folder(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(BODY.format("secret", "secret"), "utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "real.txt").write_text(BODY.format("real", "real"), "utf-8")
    (folder / "bashrc.txt").symlink_to(outside)
    (folder / "sub" / "inside.txt").symlink_to(folder / "real.txt")  # stays inside: fine (a duplicate)
    (folder / "outdir").symlink_to(tmp_path, target_is_directory=True)  # a linked folder is not followed
    res = run(tmp_path / "lib", "add", folder)
    lines = res.stdout.splitlines()
    [skip] = [ln for ln in lines if "bashrc.txt" in ln]
    assert skip.startswith("skipped") and "outside the folder" in skip and str(outside) in skip
    assert not any("secret" in ln for ln in lines if ln.startswith("imported"))
    titles = [r["title"] for r in json.loads(run(tmp_path / "lib", "list", "--json").stdout)]
    assert "A headline for real" in titles and "A headline for secret" not in titles
    assert "1 link leaving the folder not followed." in lines[-1]
    res = run(tmp_path / "lib", "add", outside)  # named on its own, it is imported
    assert "imported" in res.stdout


def test_file_names_with_newlines_and_escapes_cannot_forge_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    forged = "x.txt\nimported  0123456789  Forged title\n"
    names = [f"a{forged}.txt", "b\x1b]52;c;aGk=\x07.txt", "c\u202eevil.txt"]
    for name in names:
        (folder / name).write_text("", "utf-8")  # empty: refused, the name is printed
    (folder / "d\nnew.txt").write_text(BODY.format("d", "d"), "utf-8")
    res = run(tmp_path / "lib", "add", folder, code=1)
    assert_clean(res.output)
    lines = res.stdout.splitlines()
    assert not any("Forged title" in ln and ln.startswith("imported") for ln in lines)
    assert len(lines) == 5  # four files, one summary line
    assert any("a\\x.txt" not in ln and "x.txt\\nimported  0123456789  Forged title\\n.txt" in ln for ln in lines)
    assert any("\\x1b]52;c;aGk=\\x07.txt" in ln for ln in lines)
    assert any("c\\u202eevil.txt" in ln for ln in lines)
    res = run(tmp_path / "lib", "inspect", folder / names[1], code=1)
    assert "\\x1b]52" in res.output and res.output.count("\n") == 1


def test_a_bookmark_of_a_ten_megabyte_paragraph_stores_a_capped_quote(tmp_path):
    big = ("word " * 2_000_000)[:10_000_000] + "the end."
    paragraphs = ["Before it.", big, "After it."]
    quote, prefix, suffix, start, end = make_anchor(paragraphs, 1)
    assert len(quote) == QUOTE_LIMIT and (start, end) == (0, len(big))
    s = StateStore(tmp_path / "state.json")
    t0 = time.perf_counter()
    bm = s.add_bookmark("a1", 1, big, prefix, suffix, start, end)  # even given the whole text, the store caps it
    assert time.perf_counter() - t0 < 5
    assert len(bm.quote) == QUOTE_LIMIT and bm.end == len(big)
    size = sum(f.stat().st_size for f in (tmp_path / "state.d").glob("bookmarks-*.json"))
    assert size < 20_000
    assert locate(bm, paragraphs) == (1, 0, len(big))  # found again, whole
    moved = ["A new first paragraph.", *paragraphs]
    assert locate(bm, moved) == (2, 0, len(big))
    s.close()


def test_a_bookmark_of_a_long_paragraph_from_the_cli(tmp_path):
    root = tmp_path / "lib"
    from reader.library import Library
    from reader.models import Entity

    lib = Library(root)
    long = "Sentence of the long paragraph. " * 500
    lib.add_article(Article(id="e" * 16, title="Long", paragraphs=["Intro.", long, "Outro."], entities=[Entity("X", "place")]))
    lib.close()
    bm = json.loads(run(root, "bookmark", "add", "e" * 16, "-p", "2", "--json").stdout)
    assert len(bm["quote"]) == QUOTE_LIMIT and bm["end"] == len(long)
    assert bm["located"] == {"paragraph": 2, "start": 0, "end": len(long)}  # numbered from 1, as given
    exported = run(root, "export").stdout
    assert "Sentence of the long paragraph." in exported and "\u2026\n>\n> \u2014 (Long" in exported  # marked as cut
