"""The interfaces reach the core through Library use-cases (issue 10, code health)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

import reader

from reader.cli import app
from reader.library import Library
from reader.models import Anchor
from reader.services.anchor import anchor_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(Path(reader.__file__).parent / "sample")  # the bundled articles (only the default library is seeded)


def test_interfaces_never_reach_into_the_state_store():
    offenders = []
    for path in sorted((ROOT / "reader").glob("[ct][lu]i/**/*.py")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if re.search(r"\.state\b(?!_)", line) and "library" in line:
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_add_bookmark_takes_an_anchor(tmp_path):
    lib = Library.open(tmp_path / "lib")
    lib.ensure_seeded()  # a named folder is not seeded by reader itself
    try:
        article = lib.get(lib.summaries()[0].id)
        anchor = anchor_of(article.paragraphs, 1, 4, 20)
        assert isinstance(anchor, Anchor) and anchor.quote == article.paragraphs[1][4:20]
        bm = lib.add_bookmark(article.id, anchor, note="n")
        assert (bm.paragraph, bm.quote, bm.prefix, bm.suffix, bm.start, bm.end) == (
            1, anchor.quote, anchor.prefix, anchor.suffix, 4, 20)
        assert lib.find_bookmark(bm.id[:6]).id == bm.id
        assert lib.bookmarked_ids() == {article.id}
    finally:
        lib.close()


def test_an_index_row_with_an_unknown_key_does_not_crash_list(tmp_path):
    lib = tmp_path / "lib"
    Library(lib).ensure_seeded()  # a named folder is not seeded by reader itself: start from the samples
    runner = CliRunner()
    assert runner.invoke(app, ["--library", str(lib), "add", SAMPLE]).exit_code == 0
    index = json.loads((lib / "index.json").read_text("utf-8"))
    index["articles"][0]["rating"] = 5  # a newer reader's field, or a hand edit
    del index["articles"][1]["words"]  # an older reader's row
    index["articles"].append("not a row")
    (lib / "index.json").write_text(json.dumps(index), "utf-8")
    res = runner.invoke(app, ["--library", str(lib), "list"])
    assert res.exit_code == 0, res.output
    assert "4 articles." in res.output


def test_month_names_have_one_definition():
    from reader.entities import cues, dates
    from reader.ingest import dates as ingest_dates
    from reader.months import month_number
    from reader.services import data_formats

    assert [month_number(w) for w in ("June", "jun", "Sept.", "sep", "december", "Juneau")] == [6, 6, 9, 9, 12, None]
    assert data_formats.MONTHS[8] == "sep" and len(data_formats.MONTHS) == 12
    assert ingest_dates.parse_date_line("Sept. 3, 2024") == "2024-09-03"
    assert dates.MONTHS["june"] == 6 and dates.MONTH_ABBR["sept"] == 9
    assert {"Sept", "May", "Monday"} <= cues.MONTH_WORDS
    # no module spells the months out by itself any more
    for path in (ROOT / "reader").rglob("*.py"):
        if path.name != "months.py" and "entities/data" not in str(path):
            assert "September" not in path.read_text("utf-8"), path


def test_a_damaged_store_is_reported_once_by_cite(tmp_path):
    lib = tmp_path / "lib"
    runner = CliRunner()
    runner.invoke(app, ["--library", str(lib), "add", SAMPLE])
    listed = json.loads(runner.invoke(app, ["--library", str(lib), "list", "--json"]).stdout)
    for backup in lib.glob("state.json.bak*"):
        backup.unlink()
    (lib / "state.json").write_bytes(b"{oops")
    res = runner.invoke(app, ["--library", str(lib), "cite", listed[0]["id"]])
    assert res.exit_code == 0, res.output
    assert res.stderr.count("reader: warning: ") == 1
