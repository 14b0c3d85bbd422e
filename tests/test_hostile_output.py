"""Issue 9: text leaving reader (CLI output, exports written with -o) never carries a control
sequence, even from a library that already holds some; -o never destroys what is at a path."""

from __future__ import annotations

import errno
import json
import os
import stat
import threading

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.models import Article
from reader.services.output import OutputError, write_output
from tests.hostile import DIRTY, ESCAPED, assert_clean, plant_article_title, plant_bookmark, plant_meta

runner = CliRunner()
AID = "d" * 16


def run(root, *args, code=0):
    res = runner.invoke(app, ["--library", str(root), *map(str, args)])
    assert res.exit_code == code, res.output
    return res


@pytest.fixture
def dirty(tmp_path):
    """A library an older reader left with control sequences in metadata, corrections and notes."""
    root = tmp_path / "lib"
    lib = Library(root)
    lib.add_article(Article(id=AID, title="Plain", paragraphs=["The first paragraph.", "The second one."],
                            authors=["Ann Author"], publisher="Pub", date="2023-06-20", url="https://example.org/a"))
    lib.state.add_bookmark(AID, 0, "The first paragraph.")
    lib.close()
    plant_article_title(root, AID, DIRTY)
    lib = Library(root)
    plant_meta(lib, AID, {"section": DIRTY, "authors": [f"Mal {DIRTY}"], "url": f"https://x/{DIRTY}"})
    plant_bookmark(lib, AID, 1, f"The second one.{DIRTY}", DIRTY)
    lib.close()
    raw = (root / "index.json").read_text("utf-8") + (root / "articles" / f"{AID}.json").read_text("utf-8")
    assert "\\u001b" in raw or "\x1b" in raw  # really dirty
    return root


@pytest.mark.parametrize("args", [
    ["list"], ["list", "--json"], ["show", AID], ["show", AID, "--json"], ["bookmark", "list"],
    ["bookmark", "list", "--json"], ["meta", AID, "--show"], ["meta", AID, "--show", "--json"],
    ["cite", AID], ["cite", AID, "--style", "bibtex"], ["cite", AID, "--style", "ris"], ["cite", AID, "--paragraph", "1"],
    ["export"], ["export", "--format", "json"], ["export", "--format", "bibtex"],
])
def test_cli_output_from_a_dirty_library_is_clean(dirty, args):
    res = run(dirty, *args)
    assert_clean(res.output, " ".join(args))


@pytest.mark.parametrize("fmt", ["bibtex", "json", "markdown"])
def test_export_files_hold_no_control_sequence(dirty, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    res = run(dirty, "export", "--format", fmt, "-o", target)
    assert f"wrote {target}" in res.output
    data = target.read_bytes()
    for raw in (b"\x1b", b"\x07", "\x9b".encode(), "\u202e".encode()):
        assert raw not in data, (fmt, raw)
    text = data.decode("utf-8")
    assert_clean(text, fmt)
    if fmt == "json":
        doc = json.loads(text)
        assert doc["articles"][0]["bookmarks"]
        assert not ESCAPED.search(text)  # nothing left to escape: cleaned on the way out
    assert "Evil" in text


def test_json_export_escapes_c1_and_bidi_controls():
    from reader.services.safe_text import escape_json

    text = escape_json(json.dumps({"t": "a\x9b2J\u202eb"}, ensure_ascii=False))
    assert "\x9b" not in text and "\u202e" not in text and json.loads(text) == {"t": "a\x9b2J\u202eb"}


# -- never destroy what is at a path ---------------------------------------------------------------
@pytest.fixture
def lib_with_notes(tmp_path):
    root = tmp_path / "lib"
    lib = Library(root)
    lib.add_article(Article(id=AID, title="Plain", paragraphs=["The first paragraph."], authors=["Ann Author"]))
    lib.state.add_bookmark(AID, 0, "The first paragraph.", note="kept")
    lib.close()
    return root


def test_dev_null_stays_a_device(lib_with_notes):
    before = os.stat("/dev/null")
    assert stat.S_ISCHR(before.st_mode)
    res = run(lib_with_notes, "export", "-o", "/dev/null")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino
    assert "/dev/null" in res.output


def test_a_fifo_is_written_as_a_stream(lib_with_notes, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read)
    reader.start()
    run(lib_with_notes, "export", "--format", "json", "-o", fifo)
    reader.join(timeout=30)
    assert not reader.is_alive()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(got[0])["format"] == "reader-notes"


def test_a_symlink_is_followed_to_its_target(lib_with_notes, tmp_path):
    target = tmp_path / "real.md"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    run(lib_with_notes, "export", "-o", link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "kept" in target.read_text("utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "new.md")
    run(lib_with_notes, "export", "-o", dangling)
    assert dangling.is_symlink() and "kept" in (tmp_path / "new.md").read_text("utf-8")


def test_a_regular_file_keeps_its_mode_and_a_new_one_follows_the_umask(lib_with_notes, tmp_path):
    old = tmp_path / "old.md"
    old.write_text("old", "utf-8")
    old.chmod(0o604)
    run(lib_with_notes, "export", "-o", old)
    assert stat.S_IMODE(old.stat().st_mode) == 0o604 and "kept" in old.read_text("utf-8")
    mask = os.umask(0o022)
    try:
        new = tmp_path / "new.md"
        run(lib_with_notes, "export", "-o", new)
        assert stat.S_IMODE(new.stat().st_mode) == 0o644  # not mkstemp's 0600
    finally:
        os.umask(mask)


def test_empty_and_folder_outputs_are_one_line(lib_with_notes, tmp_path):
    res = run(lib_with_notes, "export", "-o", "", code=2)
    assert res.output.strip().count("\n") == 0 and "empty" in res.output
    res = run(lib_with_notes, "export", "-o", tmp_path, code=1)
    assert res.output.strip().count("\n") == 0 and "folder" in res.output and tmp_path.is_dir()


def test_dash_writes_to_standard_output(lib_with_notes):
    res = run(lib_with_notes, "export", "--format", "json", "-o", "-")
    assert json.loads(res.stdout)["format"] == "reader-notes"


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES])
def test_a_failed_write_leaves_the_old_file_whole_and_no_temp(tmp_path, monkeypatch, error):
    old = tmp_path / "notes.md"
    old.write_text("the old notes", "utf-8")

    def fail(fd):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr("reader.services.output.os.fsync", fail)
    with pytest.raises(OutputError) as err:
        write_output(old, "new text " * 1000)
    assert str(old) in str(err.value) and "\n" not in str(err.value)
    assert old.read_text("utf-8") == "the old notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_a_failed_export_is_one_line(lib_with_notes, tmp_path, monkeypatch):
    monkeypatch.setattr("reader.services.output.os.fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    res = run(lib_with_notes, "export", "-o", tmp_path / "x.md", code=1)
    assert "No space left on device" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "x.md").exists() and not list(tmp_path.glob(".x.md.*"))
