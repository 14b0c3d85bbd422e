"""Metadata on any page (issue 14, deliverable 3): banners, menus, site names and breadcrumbs around the title.

Texts are made up for each pattern (the shape of real pages, none of their words).
"""

from __future__ import annotations

import pytest

from reader.ingest import chrome, parse_text
from tests.metadata_pages import BODY, T, meta


@pytest.mark.parametrize("banner", ["BREAKING NEWS", "Breaking", "LIVE", "Live updates", "Trending", "TRENDING NOW",
                                    "Just in", "Developing story", "Latest news"])
def test_a_banner_line_is_never_the_title_section_or_publisher(banner):
    assert meta(f"{banner}\n\n{T}\n\n" + BODY)[:4] == (T, None, [], None)


def test_a_ticker_line_over_the_headline_is_skipped():
    assert meta(f"Breaking: Storm closes the port for a week\n\n{T}\n\n" + BODY)[0] == T
    assert meta(f"Trending: Election results | Transfer news | Weather\n\n{T}\n\n" + BODY)[0] == T


def test_a_banner_prefix_is_dropped_from_the_only_headline():
    assert meta(f"BREAKING: {T}\n\n" + BODY)[0] == T
    assert meta(f"Breaking news - {T}\n\n" + BODY)[0] == T
    # an 'Exclusive:' or 'Live:' is the headline's own wording
    assert meta(f"Exclusive: {T}\n\n" + BODY)[0] == f"Exclusive: {T}"


@pytest.mark.parametrize("menu", [
    "• Home\n• News\n• Sport\n• Weather",
    "* Home\n* World\n* Business",
    "Home | News | Sport | Business",
    "News · Sport · Business · Culture",
    "Skip to content\nMenu\nSearch\nSign in\nSubscribe",
    "Skip to main content\nOpen menu\nLog in\nNewsletters",
    "Facebook Twitter WhatsApp Email\nCopy link",
    "P[L1] D[0x0] M[300x250] OOP[F] ADUNIT[] T[]",
    "Enlarge this image\ntoggle caption\n4 min read",
    "Home News Sport Business Culture Opinion",
    "We use cookies to improve your experience. By continuing to browse you accept them.",
    "Please enable JavaScript: your browser does not support this page.",
    "Harbour Gazette Logo\nMenu\nWorld\nU.S.\nPolitics\nSports",
])
def test_navigation_lines_are_never_the_title_or_section(menu):
    assert meta(f"{menu}\n\n{T}\n\n" + BODY)[:2] == (T, None)


def test_a_long_menu_before_the_title():
    menu = "\n".join(f"• Item {k}" for k in range(20))
    assert meta(f"Skip to content\n{menu}\n\n{T}\n\n" + BODY)[0] == T


def test_a_relative_time_gives_no_date_and_is_not_text():
    a = parse_text(f"{T}\n\nPublished 3 hours ago\n\n" + BODY)
    assert (a.title, a.date) == (T, None)
    assert not any("ago" in p for p in a.paragraphs)
    assert chrome.is_relative_date("Updated 25 mins ago") and chrome.is_relative_date("an hour ago")
    assert not chrome.is_relative_date("Three days ago the council met.")


@pytest.mark.parametrize(("line", "title", "publisher"), [
    (f"{T} | Harbour Gazette", T, "Harbour Gazette"),
    (f"{T} - Harbour Gazette", T, "Harbour Gazette"),
    (f"Harbour Gazette - {T}", T, "Harbour Gazette"),
    (f"The Daily Courier | {T}", T, "The Daily Courier"),
    (f"{T} – Reuters", T, "Reuters"),
])
def test_a_site_name_before_or_after_the_title_is_the_publisher(line, title, publisher):
    assert meta(f"{line}\n\n" + BODY)[0::3] == (title, publisher)


def test_a_site_name_gives_way_to_the_byline_outlet():
    assert meta(f"{T} | Harbour Gazette\n\nBy Rui Costa, Reuters\n\n" + BODY)[2:4] == (["Rui Costa"], "Reuters")


def test_a_section_before_the_bar_is_not_a_site_name():
    assert meta(f"World News | {T}\n\n" + BODY)[:4] == (T, "World News", [], None)
    assert meta(f"Business | {T}\n\n" + BODY)[:4] == (T, "Business", [], None)
    # a headline that only contains a dash keeps it
    assert meta("Harbour town votes - and the mayor says no\n\n" + BODY)[0] == "Harbour town votes - and the mayor says no"


@pytest.mark.parametrize("crumbs", ["Home > World > Asia", "Home » World » Asia", "Home / World / Asia",
                                    "You are here: Home > World > Asia"])
def test_breadcrumbs_over_the_headline_give_the_last_crumb_as_section(crumbs):
    assert meta(f"{crumbs}\n\n{T}\n\n" + BODY)[:2] == (T, "Asia")


def test_a_breadcrumb_ending_in_the_title_gives_the_crumb_before_it():
    assert meta(f"Home » World » Asia » {T}\n\n{T}\n\n" + BODY)[:2] == (T, "Asia")
    assert meta(f"Home » {T}\n\n" + BODY)[:2] == (T, None)


def test_a_category_label_over_the_title_is_the_section():
    assert meta(f"Politics\n\n{T}\n\n" + BODY)[:2] == (T, "Politics")
    assert meta(f"Skip to content\nMenu\n\nPOLITICS\n\n{T}\n\n" + BODY)[:2] == (T, "POLITICS")


@pytest.mark.parametrize("first", ["“We will not give up the harbour,” the mayor told residents.”",
                                   'The mayor said: "We will build it."'])
def test_a_sentence_ending_in_a_quotation_is_not_a_title(first):
    assert meta(f"{first}\n\n" + BODY)[0] is None


def test_a_headline_quoting_someone_is_still_a_title():
    assert meta("Mayor: ‘We will build the wall’\n\n" + BODY)[0] == "Mayor: ‘We will build the wall’"


def test_an_audio_player_line_is_not_the_title():
    assert meta(f"Listen to this article\n\n{T}\n\n" + BODY)[0] == T


def test_stacked_category_labels_give_the_one_nearest_the_headline():
    assert meta(f"Sport\nFootball\n\n{T}\n\n" + BODY)[:2] == (T, "Football")


def test_hostile_text_in_the_new_metadata_paths_is_cleaned():
    evil = "\x1b]52;c;aGk=\x07"
    for text in (f"{T} | Harbour {evil}Gazette\n\n" + BODY,
                 f"{T}\n\nBy Harbour {evil}Gazette\x1b[2J Staff\n\n" + BODY,
                 f"Home > World > [bold red]Asia[/]\x1b[2J\n\n{T}\n\n" + BODY):
        a = parse_text(text)
        for value in (a.title, a.section, a.publisher, *a.authors):
            assert value is None or ("\x1b" not in value and "\x07" not in value)
    assert parse_text(f"Home > World > [bold red]Asia[/]\n\n{T}\n\n" + BODY).section == "[bold red]Asia[/]"


def test_a_breaking_headline_over_its_standfirst_is_the_title():
    standfirst = "The council said the port would stay shut until the sea wall is checked by engineers from the ministry"
    assert meta(f"Breaking: {T}\n\n{standfirst}\n\n" + BODY)[0] == T


def test_a_ticker_line_over_a_long_standfirst_is_still_skipped():
    standfirst = "The council said the port would stay shut until the sea wall is checked by engineers from the ministry"
    assert meta(f"Trending: Budget | Transfers\n\n{T}\n\n{standfirst}\n\n" + BODY)[0] == T


def test_a_banner_under_the_title_is_not_a_byline():
    assert meta(f"{T}\n\nTOP STORIES\nMore\n\n" + BODY)[2] == []


@pytest.mark.parametrize("line", ["Category: Politics", "Filed under: Politics, Elections", "Section: Politics"])
def test_a_category_line_names_the_section(line):
    assert meta(f"{line}\n\n{T}\n\n" + BODY)[:2] == (T, "Politics")
    assert meta(f"{T}\n{line}\n\n" + BODY)[:2] == (T, "Politics")


def test_a_headline_in_title_case_is_not_a_menu():
    assert meta("Harbour Town Votes To Build New Sea Wall\n\n" + BODY)[0] == "Harbour Town Votes To Build New Sea Wall"


@pytest.mark.parametrize("label", ["World > Asia", "World | Asia", "World / Asia", "World » Asia",
                                   "Asia | Harbour Gazette"])
def test_a_short_trail_of_sections_over_the_headline(label):
    assert meta(f"{label}\n\n{T}\n\n" + BODY)[:2] == (T, "Asia")


def test_an_outlet_without_a_media_word_after_the_title():
    assert meta(f"{T} - Politico\n\n" + BODY)[0::3] == (T, "Politico")


def test_numbered_breadcrumbs_on_one_line():
    a = parse_text(f"1. Home 2. Europe 3. Portugal\n\n{T}\n\n" + BODY)
    assert (a.title, a.section) == (T, "Portugal")
    assert a.paragraphs[0].startswith("The regional council")


def test_a_breadcrumb_cut_short_without_an_ellipsis_is_the_title():
    assert meta(f"Home » World » Harbour town votes\n\n{T}\n\n" + BODY)[:2] == (T, "World")


def test_a_menu_an_entry_a_line_under_the_masthead():
    text = f"Harbour Gazette\nHome\nNews\nSports\n\n{T}\n\nBy Rui Costa\n\n" + BODY
    assert meta(text)[:4] == (T, None, ["Rui Costa"], "Harbour Gazette")


def test_a_banner_that_the_article_is_old():
    assert meta(f"Portugal\nThis article is more than 1 year old\n{T}\n\n" + BODY)[:2] == (T, "Portugal")


def test_an_image_caption_over_the_byline_is_not_the_title():
    text = (f"{T}\n12 March 2023\nImage source, Getty Images\nImage caption,\nWorkers on the old wall\n"
            "By Rui Costa\nHarbour Gazette, Lisbon\n\n" + BODY)
    assert meta(text) == (T, None, ["Rui Costa"], "Harbour Gazette", "2023-03-12")
