"""Metadata on any page (issue 14, deliverable 3): bylines in capitals, with agency and role tails, wire footers.

Texts are made up for each pattern (the shape of real pages, none of their words).
"""

from __future__ import annotations

import pytest

from reader.ingest import parse_text
from reader.ingest.byline import name_case, parse_byline, parse_credit_line
from tests.metadata_pages import BODY, T


def who(text: str):
    a = parse_text(text)
    return a.authors, a.publisher


@pytest.mark.parametrize(("caps", "name"), [("JOHN SMITH", "John Smith"), ("MARY O'NEIL", "Mary O'Neil"),
                                            ("ANA SMITH-JONES", "Ana Smith-Jones"), ("ROB MCDONALD", "Rob McDonald"),
                                            ("John McDONALD", "John McDONALD"), ("Rui Costa", "Rui Costa")])
def test_names_in_capitals_are_written_given_family(caps, name):
    assert name_case(caps) == name


@pytest.mark.parametrize(("line", "authors", "publisher"), [
    ("BY JOHN SMITH", ["John Smith"], None),
    ("By JOHN SMITH and JANE DOE", ["John Smith", "Jane Doe"], None),
    ("JOHN SMITH, Associated Press", ["John Smith"], "Associated Press"),
    ("By JOHN SMITH, Associated Press", ["John Smith"], "Associated Press"),
    ("By John Smith, Reuters", ["John Smith"], "Reuters"),
    ("By John Smith and Jane Doe, Reuters", ["John Smith", "Jane Doe"], "Reuters"),
    ("John Smith | AFP", ["John Smith"], "AFP"),
    ("John Smith - AFP", ["John Smith"], "AFP"),
    ("John Smith, Staff Writer", ["John Smith"], None),
    ("John Smith, AP Business Writer", ["John Smith"], "AP"),
    ("Written by John Smith", ["John Smith"], None),
    ("By John Smith in Lisbon", ["John Smith"], None),
    ("By John Smith in Lisbon and Jane Doe in Porto", ["John Smith", "Jane Doe"], None),
    ("By John Smith • Harbour Gazette", ["John Smith"], "Harbour Gazette"),
    ("JOHN SMITH\n12 March 2023", ["John Smith"], None),  # a bare name: over a date or page furniture only
])
def test_a_byline_under_the_title(line, authors, publisher):
    assert who(f"{T}\n\n{line}\n\n" + BODY) == (authors, publisher)


@pytest.mark.parametrize("footer", [
    "Reporting by John Smith; Editing by Jane Doe",
    "(Reporting by John Smith in Lisbon; Additional reporting by Ana Lima; Editing by Jane Doe)",
])
def test_a_wire_footer_names_the_reporter_not_the_editor(footer):
    assert who(f"{T}\n\n" + BODY + f"\n{footer}\n")[0] == ["John Smith"]


def test_a_writing_credit_is_an_author_too():
    assert parse_byline("Reporting by John Smith; Writing by Ana Lima; Editing by Jane Doe").authors == [
        "John Smith", "Ana Lima"]


def test_not_a_byline():
    assert parse_credit_line("Harbour town, Portugal") is None
    assert parse_credit_line("Lisbon, Reuters") is None  # a place and an agency: a dateline, not a person
    assert parse_byline("By the end of the week, the wall was finished.") is None
    assert who(f"{T}\n\nBREAKING NEWS\n\n" + BODY) == ([], None)


@pytest.mark.parametrize(("line", "publisher"), [
    ("By Staff Reporter", None),
    ("By Our Correspondent", None),
    ("Web Desk", None),
    ("By AFP", "AFP"),
    ("By Reuters Staff", "Reuters"),
    ("By Harbour Gazette Staff", "Harbour Gazette"),
    ("By The Associated Press", "The Associated Press"),
])
def test_a_desk_or_outlet_byline_names_no_person(line, publisher):
    assert who(f"{T}\n\n{line}\n12 March 2023\n\n" + BODY) == ([], publisher)


@pytest.mark.parametrize("line", ["By Rui Costa on March 12, 2023", "By Rui Costa March 12, 2023",
                                  "Posted on March 12, 2023 by Rui Costa",
                                  "By Rui Costa | Updated: March 12, 2023 2:05 pm"])
def test_a_byline_with_its_date(line):
    a = parse_text(f"{T}\n\n{line}\n\n" + BODY)
    assert (a.authors, a.date) == (["Rui Costa"], "2023-03-12")


def test_a_byline_with_agencies():
    assert who(f"{T}\n\nRui Costa and agencies\nMon 12 Mar 2023 14.05 GMT\n\n" + BODY)[0] == ["Rui Costa"]
    assert who(f"{T}\n\nBy Rui Costa and agencies\n\n" + BODY)[0] == ["Rui Costa"]


@pytest.mark.parametrize(("end", "publisher"), [
    ("— AFP", "AFP"), ("(AFP)", "AFP"), ("-Reuters", "Reuters"),
    ("Copyright 2023 The Associated Press. All rights reserved.", "The Associated Press"),
    ("© 2023 Harbour Gazette", "Harbour Gazette"),
])
def test_an_agency_credit_at_the_end(end, publisher):
    assert who(f"{T}\n\n" + BODY + f"\n{end}\n")[1] == publisher


def test_a_photo_agency_at_the_end_is_not_the_publisher():
    assert who(f"{T}\n\n" + BODY + "\n(Getty Images)\n")[1] is None


@pytest.mark.parametrize("line", ["By Rui Costa Updated 2 hours ago", "By Rui Costa | 3 hours ago",
                                  "By Rui Costa | Lisbon", "By Rui Costa | 4 min read"])
def test_a_byline_tail_that_names_no_outlet(line):
    by = parse_byline(line)
    assert (by.authors, by.outlet, by.date) == (["Rui Costa"], None, None)


@pytest.mark.parametrize(("line", "authors"), [
    ("By Dr Rui Costa", ["Rui Costa"]),
    ("By Prof. Ana Lima and Rui Costa", ["Ana Lima", "Rui Costa"]),
    ("By Rui Costa, PhD", ["Rui Costa"]),
    ("By Rui Costa, Jr.", ["Rui Costa Jr."]),
    ("By Rui Costa in Lisbon and ANA LIMA", ["Rui Costa", "Ana Lima"]),
])
def test_titles_and_degrees_are_not_part_of_an_authors_name(line, authors):
    assert parse_byline(line).authors == authors


def test_an_agency_among_the_names_is_the_outlet():
    by = parse_byline("By Rui Costa and Reuters")
    assert (by.authors, by.outlet) == (["Rui Costa"], "Reuters")


@pytest.mark.parametrize("line", ["Rui CostaRui Costa\n12 March 2023", "By Rui CostaRui Costa", "Rui Costa, Lisbon",
                                  "Reporter: Rui Costa", "By: Rui Costa"])
def test_more_byline_shapes(line):
    assert who(f"{T}\n{line}\n\n" + BODY)[0] == ["Rui Costa"]


def test_an_agency_is_kept_as_printed():
    assert who(f"{T}\n\nBy Rui Costa, dpa\n\n" + BODY) == (["Rui Costa"], "dpa")


def test_a_label_on_a_line_of_its_own():
    a = parse_text(f"{T}\nBy\nRui Costa\nPublished:\n12 March 2023\n\n" + BODY)
    assert (a.authors, a.date) == (["Rui Costa"], "2023-03-12")
    assert not any(p in ("By", "Published:") for p in a.paragraphs)
