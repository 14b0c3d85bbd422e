"""benchmarks/metadata_accuracy.py: per-field exact-match figures and each miss, for any folder with gold/."""

from __future__ import annotations

import json

from benchmarks.metadata_accuracy import main

ARTICLE = ("Harbour town votes to build a new sea wall\n\nBy Rui Costa\n\n"
           "The regional council approved the new harbour wall on Monday after a two-year review, "
           "officials said, and work is due to start in the spring.\n\n"
           "Residents had asked for the wall after three winters of flooding in the old town.\n")


def _set(tmp_path, metadata):
    (tmp_path / "gold").mkdir()
    (tmp_path / "a1.txt").write_text(ARTICLE, "utf-8")
    gold = {"doc": "a1.txt", "metadata_only": True, "metadata": metadata, "entities": [], "ignore": []}
    (tmp_path / "gold" / "a1.json").write_text(json.dumps(gold), "utf-8")
    return tmp_path


def test_prints_figures_and_misses_for_a_metadata_only_set(tmp_path, capsys):
    folder = _set(tmp_path, {"title": "Harbour town votes to build a new sea wall", "section": None,
                             "authors": ["Rui Costa"], "publisher": "Harbour Gazette", "date": None})
    assert main(["--set", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "metadata exact 4/5 fields (0.800)" in out
    assert "publisher: 0/1 exact" in out and "title: 1/1 exact" in out
    assert "a1.txt: publisher: expected 'Harbour Gazette' got None" in out


def test_all_exact(tmp_path, capsys):
    folder = _set(tmp_path, {"title": "Harbour town votes to build a new sea wall", "section": None,
                             "authors": ["Rui Costa"], "publisher": None, "date": None})
    main(["--set", str(folder), "--quiet"])
    out = capsys.readouterr().out
    assert "metadata exact 5/5 fields (1.000); 1/1 documents with all five fields exact" in out
    assert "misses" not in out
