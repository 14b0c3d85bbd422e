"""`reader import-notes`: validated entry by entry, ids kept across export and import, edited notes
update their original, one write per shard, and a run killed half-way can simply be run again."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.models import Article
from reader.services.export import export_notes
from reader.services.notes_import import ImportNotesError, import_notes

A, B = "a" * 16, "b" * 16
HOSTILE = "\x1b]52;c;aGk=\x07\x1b[2J[bold red]x[/] [link=file:///etc/passwd]y[/link]\u202e"


def _articles():
    return [
        Article(id=A, title="First", paragraphs=["One para.", "Two para."], authors=["Maziar Motamedi"], date="2023-06-20"),
        Article(id=B, title="Second", paragraphs=["Alpha.", "Beta."], authors=["Anna Keller"], date="2021"),
    ]


def _library(path) -> Library:
    lib = Library.open(path, seed=False)
    for a in _articles():
        lib.add_article(a)
    return lib


@pytest.fixture
def lib(library_dir):
    library = _library(library_dir)
    yield library
    library.close()


def _doc(bookmarks, corrections=None, aid=A, version=1):
    art = {"id": aid, "bookmarks": bookmarks}
    if corrections is not None:
        art["corrections"] = corrections
    return {"format": "reader-notes", "version": version, "articles": [art]}


GOOD = {"id": "good00000001", "paragraph": 1, "quote": "Two para.", "note": "kept", "created": "2024-01-01T00:00:00+00:00"}


# -- validation --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ({"paragraph": "abc"}, "paragraph 'abc' is not a whole number"),
        ({"paragraph": [1]}, "paragraph a list is not a whole number"),
        ({"paragraph": True}, "paragraph True is not a whole number"),
        ({"paragraph": -1}, "paragraph -1 is not a whole number"),
        ({"start": "x"}, "start 'x' is not a whole number"),
        ({"quote": 5}, "quote 5 is not text"),
        ({"quote": ""}, "has no quote"),
        ({"note": 7}, "note 7 is not text"),
        ({"note": {"a": 1}}, "note an object is not text"),
        ({"id": ["x"]}, "id a list is not a bookmark id"),
        ({"start": 5, "end": 2}, "end 2 is before its start 5"),
    ],
)
def test_a_bad_bookmark_is_refused_and_the_good_ones_imported(lib, bad, says):
    report = import_notes(lib, json.dumps(_doc([{**GOOD, "id": "bad000000001", "quote": "One para.", **bad}, GOOD])))
    assert report.added == 1 and [b.note for b in lib.state.bookmarks()] == ["kept"]
    (line,) = report.refused
    assert line.startswith(f"article {A[:10]}, bookmark 1: its ") or "has no quote" in line
    assert says in line and "\n" not in line


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1.5", "1e400"])
def test_non_integer_numbers_are_refused(lib, constant):
    text = json.dumps(_doc([{**GOOD, "id": "bad000000001", "paragraph": 0}, GOOD])).replace('"paragraph": 0', f'"paragraph": {constant}')
    report = import_notes(lib, text)
    assert report.added == 1 and len(report.refused) == 1 and "is not a whole number" in report.refused[0]


def test_wrong_corrections_are_refused_one_line_each_and_the_good_ones_kept(lib):
    fixes = {"title": 123, "authors": "One String", "date": {"x": 1}, "publisher": "Al Jazeera", "url": "https://x.org/a"}
    report = import_notes(lib, json.dumps(_doc([GOOD], fixes)))
    assert len(report.refused) == 3 and all(line.startswith(f"article {A[:10]}: correction refused: ") for line in report.refused)
    assert lib.state.get_meta(A) == {"publisher": "Al Jazeera", "url": "https://x.org/a"}
    assert report.added == 1
    # The library still works everywhere: the list, search and citations.
    from reader.services import cite

    assert [s.title for s in lib.summaries()] == ["First", "Second"]
    assert cite.format_reference(lib.get(A), "apa").startswith("Motamedi, M. (2023, June 20). First. Al Jazeera.")


def test_a_one_string_author_is_never_split_into_letters(lib):
    import_notes(lib, json.dumps(_doc([], {"authors": "One String"})))
    assert lib.get(A).authors == ["Maziar Motamedi"]


def test_corrections_as_a_list_and_bad_articles_are_refused(lib):
    doc = _doc([GOOD], ["title", "x"])
    doc["articles"] += [7, {"id": 5}, {"id": B, "bookmarks": "nope"}]
    report = import_notes(lib, json.dumps(doc))
    assert report.added == 1
    assert report.refused == [
        f"article {A[:10]}: correction refused: the corrections (a list) are not a set of fields; give an object such as {{\"date\": \"2023-06-20\"}}.",
        "article 2: it is 7, not an article entry.",
        "article 3: its id 5 is not an article id.",
        f"article {B[:10]}: its bookmarks are not a list; export it again with `reader export --format json`.",
    ]


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_brackets_give_one_line(lib, depth):
    text = '{"format": "reader-notes", "version": 1, "articles": [{"id": "' + A + '", "corrections": {"date": ' + "[" * depth + "]" * depth + "}}]}"
    try:
        report = import_notes(lib, text)
    except ImportNotesError as exc:
        assert "nests brackets too deeply" in str(exc)
    else:
        assert len(report.refused) == 1 and "date (a list) is not text" in report.refused[0]


@pytest.mark.parametrize("version", ["true", '"1"', "1.0", "0", "null"])
def test_a_version_that_is_not_a_number_is_refused(lib, version):
    text = '{"format": "reader-notes", "version": ' + version + ', "articles": []}'
    with pytest.raises(ImportNotesError, match="is not a version number"):
        import_notes(lib, text)


def test_hostile_text_is_cleaned_where_it_enters(lib):
    bm = {**GOOD, "note": "note " + HOSTILE, "quote": "Two para." + HOSTILE, "prefix": HOSTILE}
    import_notes(lib, json.dumps(_doc([bm], {"title": HOSTILE, "section": HOSTILE})))
    stored = json.dumps([b.to_dict() for b in lib.state.bookmarks()] + [lib.state.get_meta(A)], ensure_ascii=False)
    for ch in "\x1b\x07\u202e":
        assert ch not in stored
    assert "[link=file:///etc/passwd]y[/link]" in stored  # literal text, not markup


# -- ids and edited notes (issue 15, item 5) ----------------------------------------------------------------
def test_ids_are_kept_and_an_edited_note_updates_its_original(lib, tmp_path):
    lib.state.add_bookmark(A, 1, "Two para.", note="first thoughts")
    other = _library(tmp_path / "other")
    assert import_notes(other, export_notes(lib, "json")).added == 1
    assert [b.id for b in other.state.bookmarks()] == [b.id for b in lib.state.bookmarks()]
    # Edited in the other library, exported and imported back: the original changes, nothing is added.
    (bm,) = other.state.bookmarks()
    other.state.set_note(bm.id, "second thoughts")
    report = import_notes(lib, export_notes(other, "json"))
    assert (report.added, report.updated, report.duplicates) == (0, 1, 0)
    assert [(b.id, b.note) for b in lib.state.bookmarks()] == [(bm.id, "second thoughts")]
    other.close()


def test_a_note_edited_in_the_exported_file_updates_its_original(lib):
    lib.state.add_bookmark(A, 1, "Two para.", note="typo hre")
    doc = json.loads(export_notes(lib, "json"))
    doc["articles"][0]["bookmarks"][0]["note"] = "typo here"  # edited by hand: same `updated`
    report = import_notes(lib, json.dumps(doc))
    assert (report.added, report.updated) == (0, 1)
    assert [b.note for b in lib.state.bookmarks()] == ["typo here"]
    assert import_notes(lib, json.dumps(doc)).duplicates == 1  # and again: nothing to do


def test_a_note_edited_here_after_the_export_is_kept(lib):
    bm = lib.state.add_bookmark(A, 1, "Two para.", note="old")
    doc = json.loads(export_notes(lib, "json"))
    doc["articles"][0]["bookmarks"][0].update(note="from the file", updated="2000-01-01T00:00:00+00:00")
    report = import_notes(lib, json.dumps(doc))
    assert (report.added, report.updated, report.kept_newer) == (0, 0, 1)
    assert lib.state.get_bookmark(bm.id).note == "old"


def test_a_bookmark_imported_before_ids_were_kept_is_matched_by_its_quote_and_time(lib):
    bm = lib.state.add_bookmark(A, 1, "Two para.", note="old")
    doc = json.loads(export_notes(lib, "json"))
    doc["articles"][0]["bookmarks"][0].update(id="elsewhere001", note="new", updated="2999-01-01T00:00:00+00:00")
    report = import_notes(lib, json.dumps(doc))
    assert (report.added, report.updated) == (0, 1)
    assert [(b.id, b.note) for b in lib.state.bookmarks()] == [(bm.id, "new")]


# -- scale and interruption (issue 9) ----------------------------------------------------------------
def _stamp(i: int) -> str:
    from datetime import datetime, timedelta, timezone

    return (datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=i)).isoformat()


def _many(n: int) -> str:
    marks = [{"id": f"{i:012x}", "paragraph": i % 2, "quote": ["One para.", "Two para."][i % 2], "note": f"note {i}",
              "created": _stamp(i), "updated": _stamp(i)} for i in range(n)]
    return json.dumps(_doc(marks))


def test_one_write_per_shard_with_progress(lib, monkeypatch):
    from reader.store.storage import AtomicJSONStorage

    writes: list[str] = []
    real = AtomicJSONStorage.flush
    monkeypatch.setattr(AtomicJSONStorage, "flush", lambda self: (writes.append(self.path.name) if self._dirty else None, real(self))[1])
    seen: list[tuple[int, int]] = []
    report = import_notes(lib, _many(2000), progress=lambda done, total: seen.append((done, total)))
    assert report.added == 2000 and len(lib.state.bookmarks()) == 2000
    marks = [w for w in writes if w.startswith("marks-")]  # this device's shards (reader.sync's layout)
    notes = [w for w in writes if w.startswith("notes-")]
    shards = lib.state.own.shards
    assert len(marks) == len(set(marks)) == shards  # each shard written once
    assert len(notes) == len(set(notes)) == shards
    assert seen[-1] == (2000, 2000) and len(seen) == shards


class Killed(Exception):
    """Stands for the process being killed between two shards."""


def test_an_interrupted_import_resumes_without_duplicates(lib, monkeypatch):
    StateStore = type(lib.state)  # the synced store (reader.sync.store.SyncedStore)
    real = StateStore.put_bookmarks

    def killed(self, bookmarks, progress=None):
        def stop(done, total):
            if done > total // 3:
                raise Killed

        return real(self, bookmarks, stop)

    monkeypatch.setattr(StateStore, "put_bookmarks", killed)
    with pytest.raises(Killed):
        import_notes(lib, _many(3000))
    part = len(lib.state.bookmarks())
    assert 0 < part < 3000
    monkeypatch.setattr(StateStore, "put_bookmarks", real)
    report = import_notes(lib, _many(3000))
    assert (report.added, report.duplicates) == (3000 - part, part)
    assert len({b.id for b in lib.state.bookmarks()}) == len(lib.state.bookmarks()) == 3000


def test_bookmarks_added_after_a_bulk_import_still_work(lib):
    import_notes(lib, _many(50))
    bm = lib.state.add_bookmark(A, 0, "One para.", note="after")
    assert lib.state.get_bookmark(bm.id).note == "after" and len(lib.state.bookmarks()) == 51


# -- the CLI -----------------------------------------------------------------------------------------
def test_cli_names_each_refused_entry_and_imports_the_rest(lib, tmp_path):
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(_doc([{**GOOD, "id": "bad000000001", "paragraph": "abc"}, GOOD], {"date": "2023-02-30"})))
    result = CliRunner().invoke(app, ["import-notes", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stdout.strip() == "1 bookmark added, 0 notes updated, 0 already here."  # one pluralising helper (issue 10, item 12)
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"reader: refused: article {A[:10]}: correction refused: the date '2023-02-30' is not a real date; give YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-06-20."
    assert lines[1] == f"reader: refused: article {A[:10]}, bookmark 1: its paragraph 'abc' is not a whole number of 0 or more."
    assert lines[2] == "reader: 2 entries refused (named above); the rest were imported."


def test_cli_prints_progress_for_a_large_import(lib, tmp_path):
    path = tmp_path / "notes.json"
    path.write_text(_many(1500))
    result = CliRunner().invoke(app, ["import-notes", str(path)])
    assert result.exit_code == 0, result.output
    assert "reader: 1,500 of 1,500 bookmarks written" in result.stderr


def test_two_bookmarks_of_one_file_made_in_the_same_second_are_both_added(lib):
    twins = [{**GOOD, "id": "twin00000001", "note": "one"}, {**GOOD, "id": "twin00000002", "note": "two"}]
    assert import_notes(lib, json.dumps(_doc(twins))).added == 2


def test_import_killed_with_sigkill_then_run_again_has_every_bookmark_once(lib, tmp_path, library_dir):
    import os
    import signal
    import subprocess
    import sys

    path = tmp_path / "notes.json"
    path.write_text(_many(20_000))
    env = {**os.environ, "READER_LIBRARY": str(library_dir)}
    cmd = [sys.executable, "-m", "reader", "import-notes", str(path)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:  # killed as soon as the first shards are written
        if "bookmarks written" in line:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=120)
    lib.state.close()
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    kept = int(again.stdout.split(", ")[-1].split()[0])  # "... N already here."
    assert kept > 0 and f"{20_000 - kept} bookmarks added" in again.stdout
    check = Library.open(library_dir, seed=False)
    marks = check.state.bookmarks()
    check.close()
    assert len(marks) == len({b.id for b in marks}) == 20_000


def test_a_file_saved_with_a_byte_order_mark_imports(lib):
    assert import_notes(lib, "\ufeff" + json.dumps(_doc([GOOD]))).added == 1
