"""Metadata on any page (issue 14, deliverable 3): source lines, datelines, captions and time stamps.

Texts are made up for each pattern (the shape of real pages, none of their words).
"""

from __future__ import annotations

import pytest

from reader.ingest import parse_text
from tests.metadata_pages import BODY, T, meta


@pytest.mark.parametrize("dash", ["--", "—", "-"])
def test_a_dateline_credit_names_the_agency(dash):
    text = f"{T}\n\nLISBON (AP) {dash} The regional council approved the new harbour wall on Monday, it said.\n\n" + BODY
    assert meta(text)[3] == "AP"


def test_a_person_and_a_party_in_brackets_is_not_a_dateline():
    text = f"{T}\n\nRui Costa (Greens) - the council's youngest member, voted against it on Monday.\n\n" + BODY
    assert meta(text)[3] is None


@pytest.mark.parametrize(("line", "publisher", "date"), [
    ("Xinhua, March 7, 2015 Adjust font size:", "Xinhua", "2015-03-07"),
    ("Reuters | 7 March 2015", "Reuters", "2015-03-07"),
    ("Harbour Gazette, 7 March 2015 Print Email", "Harbour Gazette", "2015-03-07"),
])
def test_a_source_line_with_a_date(line, publisher, date):
    assert meta(f"{T}\n{line}\n" + BODY) == (T, None, [], publisher, date)


def test_a_person_and_a_date():
    assert meta(f"{T}\nRui Costa, March 7, 2015\n" + BODY)[2:] == (["Rui Costa"], None, "2015-03-07")


def test_a_sentence_naming_someone_with_a_role_is_not_a_byline():
    text = "Rui Costa, the council's chief engineer, said the wall would be finished by the autumn.\n" + BODY
    assert meta(text)[2] == []


def test_alt_text_then_its_credited_caption_is_not_the_title():
    alt = "Workers stand on the old sea wall as the tide comes in"
    text = f"{alt}\n{alt} (Picture: Getty)\n\n" + BODY
    a = parse_text(text)
    assert (a.title, a.publisher) == (None, None)
    assert a.kinds[:2] == ["caption", "caption"]
    # the same line with no credited copy under it is the headline
    assert meta(f"{alt}\n\n" + BODY)[0] == alt


def test_the_published_date_not_the_updated_one_under_captions():
    cap = "Workers stand on the old sea wall on Thursday, Sept. 29, 2022, in the harbour."
    text = (f"{T}\n\nThe wall will take two years to build, the council said.\n{cap}\n{cap} [ RUI COSTA | Times ]\n"
            "Published Sept. 30, 2022|Updated Oct. 1, 2022\n\n" + BODY)
    assert meta(text) == (T, None, [], None, "2022-09-30")


def test_a_desk_label_before_the_date():
    text = f"{T}\n\nPress Release 03:13 PM, 23 Feb, 2024\n{T}\n\n" + BODY
    assert meta(text) == (T, None, [], None, "2024-02-23")


def test_a_timestamp_above_the_text_is_the_articles_date():
    a = parse_text("\nShare\n3rd April 2020\n03:27pm BST\n\n" + BODY)
    assert (a.title, a.date, a.page_date) == (None, "2020-04-03", None)


def test_a_date_alone_above_the_title_is_the_pages_banner():
    a = parse_text(f"Friday , 17 May 2024\n\n{T}\n\n" + BODY)
    assert (a.title, a.date, a.page_date) == (T, None, "2024-05-17")


@pytest.mark.parametrize("line", ["Published 12 March 2023", "12 March 2023", "March 12, 2023 2:05 pm"])
def test_the_articles_date_above_the_title(line):
    a = parse_text(f"{line}\n\n{T}\n\n" + BODY)
    assert (a.title, a.date, a.page_date) == (T, "2023-03-12", None)


def test_a_photo_agency_alone_above_the_title_is_not_the_publisher():
    a = parse_text(f"Workers on the old sea wall last winter.\nAFP\n\n{T}\n\n" + BODY + BODY)
    assert (a.title, a.publisher) == (T, None)
    assert a.kinds[:2] == ["caption", "caption"]


LEAD = "The regional council approved the new harbour wall on Monday after a two-year review, officials said."


@pytest.mark.parametrize(("opening", "publisher"), [
    ("Lisbon, March 12 (IANS) ", "IANS"),
    ("LISBON (PTI): ", "PTI"),
    ("(CNN) — ", "CNN"),
    ("LISBON, March 12 (Reuters) - ", "Reuters"),
    ("LISBON (AP) — ", "AP"),
])
def test_agency_datelines(opening, publisher):
    assert meta(f"{T}\n\n{opening}{LEAD}\n\n" + BODY)[3] == publisher


def test_a_bracket_that_is_no_agency_opens_no_dateline():
    assert meta(f"{T}\n\n(Updated) - {LEAD}\n\n" + BODY)[3] is None


def test_a_source_line_with_date_and_editor():
    assert meta(f"{T}\nSource: Xinhua| 2023-03-12 14:05:23|Editor: Ana Lima\n\n" + BODY) == (
        T, None, [], "Xinhua", "2023-03-12")


@pytest.mark.parametrize(("line", "authors", "publisher"), [
    ("By Rui Costa / Reuters", ["Rui Costa"], "Reuters"),
    ("By Rui Costa @ruicosta", ["Rui Costa"], None),
    ("By Rui Costa, Special to the Harbour Gazette", ["Rui Costa"], "Harbour Gazette"),
    ("By Rui Costa for the Harbour Gazette", ["Rui Costa"], "Harbour Gazette"),
    ("From Reuters", [], "Reuters"),
])
def test_bylines_with_an_outlet(line, authors, publisher):
    assert meta(f"{T}\n\n{line}\n\n" + BODY)[2:4] == (authors, publisher)


def test_a_name_and_a_place_over_the_date():
    assert meta(f"{T}\n\nRui Costa in Lisbon\nSun 12 Mar 2023 14.05 GMT\n\n" + BODY)[2:] == (
        ["Rui Costa"], None, "2023-03-12")


def test_an_agency_right_under_the_title_is_the_source_but_under_a_caption_the_photos():
    assert meta(f"{T}\nAFP\n\n" + BODY + BODY)[0::3] == (T, "AFP")
    assert meta(f"{T}\nWorkers on the old sea wall last winter.\nAFP\n\n" + BODY * 3)[0::3] == (T, None)


@pytest.mark.parametrize(("lines", "authors", "publisher", "date"), [
    ("By Rui Costa, Lisbon\nMar 12, 2023 02:05 PM", ["Rui Costa"], None, "2023-03-12"),
    ("Reported by Rui Costa, Edited by Ana Lima\nUpdated: March 12, 2023 2:05 pm", ["Rui Costa"], None, "2023-03-12"),
    ("News Desk / Harbour Gazette / Updated: Mar 12, 2023, 14:05", [], "Harbour Gazette", "2023-03-12"),
    ("Rui Costa | Harbour Gazette | 12 March 2023", ["Rui Costa"], "Harbour Gazette", "2023-03-12"),
    ("By Rui Costa\nHarbour Gazette, Lisbon\n12 March 2023", ["Rui Costa"], "Harbour Gazette", "2023-03-12"),
    ("March 12, 2023 by Rui Costa", ["Rui Costa"], None, "2023-03-12"),
])
def test_credit_lines_of_many_shapes(lines, authors, publisher, date):
    assert meta(f"{T}\n{lines}\n\n" + BODY)[2:] == (authors, publisher, date)


def test_a_title_with_a_site_name_is_no_credit_line():
    assert meta("Harbour Wins Big | Harbour Gazette\n\n" + BODY)[::3] == ("Harbour Wins Big", "Harbour Gazette")


def test_a_dateline_with_place_and_country_before_the_agency():
    assert meta(f"{T}\n\nLISBON, Portugal (AP) — {LEAD}\n\n" + BODY)[3] == "AP"
