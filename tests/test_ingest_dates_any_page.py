"""Metadata on any page (issue 14, deliverable 3): date lines in the shapes real pages write them.

Ambiguous slashed dates: '12/03/2023' is read day first (most of the world, and the pages that print numeric
dates in an article's header), month first when the line gives a US time zone ('03/12/2023 2:05 PM EDT');
'25/03/2023' and '03/25/2023' are read either way, since a number over 12 is the day.
"""

from __future__ import annotations

import pytest

from reader.ingest import parse_text
from reader.ingest.dates import parse_date_line
from tests.metadata_pages import BODY2 as BODY, T


@pytest.mark.parametrize(("line", "iso"), [
    ("Updated: 12 Mar 2023, 14:05 IST", "2023-03-12"),
    ("March 12, 2023 at 2:05 p.m.", "2023-03-12"),
    ("Updated 2:05 PM EDT, March 12, 2023", "2023-03-12"),
    ("14:05, 12 March 2023", "2023-03-12"),
    ("Posted: Mar 12, 2023 / 02:05 PM CDT", "2023-03-12"),
    ("12 March 2023 · 5 min read", "2023-03-12"),
    ("12 March 2023 14:05 (GMT+5:30)", "2023-03-12"),
    ("Published March 12, 2023 | Updated March 13, 2023", "2023-03-12"),
    ("Last modified: 12 Mar 2023", "2023-03-12"),
    ("09.06.2024", "2024-06-09"),
    ("25/03/2023", "2023-03-25"),
    ("03/25/2023", "2023-03-25"),
    ("2023/03/25", "2023-03-25"),
    ("12/03/2023", "2023-03-12"),
    ("Published on 12/03/2023 - 14:05", "2023-03-12"),
    ("03/12/2023 2:05 PM EDT", "2023-03-12"),
    ("Posted Sun 12 Mar 2023 at 2:05pm, updated Sun 12 Mar 2023 at 4:10pm", "2023-03-12"),
    ("March 12, 20232:05 PM UTCUpdated 2 hours ago", "2023-03-12"),
    ("Sunday 12 March 2023 14:05, UK", "2023-03-12"),
    ("31/02/2023", None),
    ("Published 3 hours ago", None),
    ("By March 12, 2023 the wall was finished", None),
])
def test_date_lines(line, iso):
    assert parse_date_line(line) == iso


def test_a_date_line_under_the_title_is_the_date():
    a = parse_text(f"{T}\n\nBy Rui Costa\nUpdated 2:05 PM EDT, March 12, 2023\n\n" + BODY)
    assert (a.title, a.authors, a.date) == (T, ["Rui Costa"], "2023-03-12")
    assert not any("2023" in p for p in a.paragraphs)


def test_a_leading_date_field_then_the_title():
    a = parse_text(f" date 2023-03-12 \n\n{T}\n\n" + BODY)
    assert (a.title, a.date) == (T, "2023-03-12")


@pytest.mark.parametrize(("line", "iso"), [
    ("March 12, 2023 | 2:05 PM | 4 min read", "2023-03-12"),
    ("March 12, 2023 / 2:05 PM / 4 min read", "2023-03-12"),
    ("Mar 12, 2023 — 2:05 PM", "2023-03-12"),
])
def test_a_date_with_its_time_and_reading_time(line, iso):
    assert parse_date_line(line) == iso


def test_the_published_date_wins_over_an_updated_line_above_it():
    a = parse_text(f"{T}\nUpdated 13 March 2023\nPublished 12 March 2023\n\n" + BODY)
    assert a.date == "2023-03-12"
    assert not any("2023" in p for p in a.paragraphs)


def test_the_published_date_of_two_whichever_comes_first():
    assert parse_date_line("Updated 13 March 2023 | Published 12 March 2023") == "2023-03-12"


def test_a_published_and_an_updated_date_side_by_side():
    assert parse_date_line("Mar 12, 2023 Updated Mar 13, 2023") == "2023-03-12"


def test_an_updated_time_after_the_date():
    assert parse_date_line("Published on 25/03/2023 - 14:05•Updated 16:10") == "2023-03-25"
