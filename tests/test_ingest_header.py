"""Metadata on any page (issue 14, deliverable 3): one test per pattern of real scraped pages.

Texts are written for the pattern (short, made up), never copied from the development set.
"""

from __future__ import annotations

from reader.ingest import parse_file, parse_text
from tests.metadata_pages import BODY2 as BODY, meta


def test_a_section_label_over_the_headline_is_the_section():
    assert meta("Asia - Pacific\n\nHarbour town votes to build a new sea wall\n\n" + BODY)[:2] == (
        "Harbour town votes to build a new sea wall", "Asia - Pacific")


def test_a_tag_line_and_page_junk_are_never_the_title():
    assert meta("clear\n\nHarbour town votes to build a new sea wall\n\n" + BODY)[0] == \
        "Harbour town votes to build a new sea wall"
    assert meta("Latest news with #Testmatch\n\nHarbour town votes to build a new sea wall\n\n" + BODY)[0] == \
        "Harbour town votes to build a new sea wall"


def test_a_section_prefix_before_a_bar_is_the_section():
    assert meta("World News | Harbour town votes to build a new sea wall\n\n" + BODY)[:2] == (
        "Harbour town votes to build a new sea wall", "World News")


def test_a_wire_update_prefix_is_not_part_of_the_title():
    assert meta("UPDATE 2-Harbour town votes to build a new sea wall\n\n" + BODY)[0] == \
        "Harbour town votes to build a new sea wall"


def test_numbered_breadcrumb_lines_give_the_section():
    text = "1. Home\n  2. Europe\n  3. Portugal\n\nHarbour town votes to build a new sea wall\n\n" + BODY
    assert meta(text)[:2] == ("Harbour town votes to build a new sea wall", "Portugal")


def test_an_outlet_byline_with_agencies():
    title, _, authors, publisher, _ = meta("Harbour town votes to build a new sea wall\n\nBy Euronews with AP, AFP\n\n" + BODY)
    assert (title, authors, publisher) == ("Harbour town votes to build a new sea wall", [], "Euronews")


def test_an_agency_on_a_source_line():
    assert meta("Harbour town votes to build a new sea wall\n\n" + BODY + "\nSource: AFP\n")[3] == "AFP"


def test_a_name_alone_under_the_title_is_the_byline():
    text = "Harbour town votes to build a new sea wall\n\nJoana Ferreira\n  • English\n  • Arabic\n\n" + BODY
    assert meta(text)[2] == ["Joana Ferreira"]
    # a caption naming someone: followed by the text, or the page has a real byline further down
    assert meta("Harbour town votes to build a new sea wall\n\nJoana Ferreira\n\n" + BODY)[2] == []
    text = "Harbour town votes to build a new sea wall\n\nJoana Ferreira\n\n" + BODY + "\nBy Rui Costa\n"
    assert meta(text)[2] == ["Rui Costa"]


def test_guards_against_a_headline_taken_for_a_label_or_a_prefix():
    assert meta("Brexit Deal Agreed\n\nMinisters meet the press outside the building on Tuesday\n\n" + BODY)[:2] == (
        "Brexit Deal Agreed", None)
    # the outlet after the bar is the publisher (see the title-suffix test), never a section
    assert meta("Labour Wins Big | BBC News\n\n" + BODY)[:4] == ("Labour Wins Big", None, [], "BBC News")
    # an agency in parentheses needs a date or a capitalised place before it
    assert meta("Harbour town votes on a sea wall\n\nKeir Starmer (Labour) - 412 seats, the count showed on Friday.\n\n"
                + BODY)[3] is None


def test_a_credit_line_without_by_gives_author_and_outlet():
    text = "Harbour town votes to build a new sea wall\n\nRui Costa, PA Political Editor |\n\n" + BODY
    assert meta(text)[2:4] == (["Rui Costa"], "PA")


def test_a_byline_with_a_job_title_and_a_place():
    text = "Harbour town votes to build a new sea wall\n\nBy Rui Costa, Tennis Correspondent, at Wimbledon\n\n" + BODY
    assert meta(text)[2:4] == (["Rui Costa"], None)


def test_day_month_year_dates_with_dots():
    assert meta("Harbour town votes to build a new sea wall\n\n09.06.2024\n\n" + BODY)[4] == "2024-06-09"


def test_a_leading_date_field_gives_the_date_and_is_not_the_title():
    title, _, _, _, date = meta(" date 2020-02-01 The regional council approved the new harbour wall on Monday.\n\n" + BODY)
    assert (title, date) == (None, "2020-02-01")
    title, _, _, _, date = meta(" date 2020-02-01 \n\n" + BODY)
    assert (title, date) == (None, "2020-02-01")


def test_a_dateline_on_its_own_line_is_not_the_title():
    assert meta("LISBON, October 28\n\n" + BODY)[0] is None


def test_a_masthead_over_the_title_is_the_publisher():
    assert meta("Harbour Gazette\n\nHarbour town votes to build a new sea wall\n\nBy Rui Costa\n\n" + BODY)[:4] == (
        "Harbour town votes to build a new sea wall", None, ["Rui Costa"], "Harbour Gazette")


def test_the_title_over_the_byline_under_page_chrome():
    chrome = "Less Ads, More Data Register for FREE\n\nShare Price: 12.50\nBid: 12.40\n\nLogin to your account\n\n"
    text = (chrome + "UPDATE 1-Harbour town votes to build a new sea wall\n\nWed, 18th Nov 2020 12:33\n\n"
            "By Rui Costa\n\nNov 18 (Reuters) - The regional council approved the wall on Monday, it said.\n\n" + BODY)
    assert meta(text) == ("Harbour town votes to build a new sea wall", None, ["Rui Costa"], "Reuters", "2020-11-18")


def test_image_alt_text_before_the_title_is_dropped_when_the_page_repeats_the_title():
    t = "Harbour town votes to build a new sea wall"
    text = (f"Workers stand on the old wall in the rain - {t}\n\nBy Rui Costa\n\n" + BODY
            + f"\nThe old wall - {t}\n\nThe council will meet again in May to approve the budget for the works.\n")
    assert meta(text)[0] == t


def test_a_caption_saved_several_times_over_the_title():
    cap = "Residents walk past the flooded square last June. AFP"
    text = f"{cap}\n{cap}\n{cap}\n\nHarbour town votes to build a new sea wall\n\n" + BODY
    a = parse_text(text)
    assert a.title == "Harbour town votes to build a new sea wall"
    assert a.paragraphs.count(cap) == 1 and a.kinds[a.paragraphs.index(cap)] == "caption"


def test_hostile_metadata_lines_are_cleaned_on_the_way_in(tmp_path):
    f = tmp_path / "evil.txt"
    f.write_text("Harbour \x1b]52;c;aGk=\x07Gazette\n\nHarbour town [bold red]votes[/] on a sea wall\n\n"
                 "By Rui \x1b[2JCosta\n\n" + BODY, "utf-8")
    a = parse_file(f)
    for value in [a.title, a.publisher, *a.authors]:
        assert value is None or ("\x1b" not in value and "\x07" not in value)
    assert a.title == "Harbour town [bold red]votes[/] on a sea wall"  # markup is text, kept as written
