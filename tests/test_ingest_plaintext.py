"""Layout rules for scraped plain-text articles, on fixtures written in the corpus' shapes."""

from __future__ import annotations

import unicodedata

from conftest import FIXTURES
from reader.ingest import article_id, parse_file, parse_text
from reader.ingest.plaintext import split_units

ING = FIXTURES / "ingest"

BOILERPLATE = ("Home »", "You may also like", "Leave a Comment", "to download the video file click here")


def meta(a):
    return {"title": a.title, "section": a.section, "authors": a.authors, "publisher": a.publisher,
            "date": a.date, "page_date": a.page_date}


def test_breadcrumb_title_section_byline_and_outlet_casing_from_body():
    a = parse_file(ING / "breadcrumb_byline.txt")
    assert meta(a) == {
        "title": "Fishermen block the bridge at Kelmouth over quota cuts",
        "section": "Coastal Affairs",
        "authors": ["Daniel Okafor", "Sian Lloyd"],
        # 'westerncoastgazette.co.uk': TLD dropped, casing taken from the body's "Western Coast Gazette".
        "publisher": "Western Coast Gazette",
        "date": None,
        "page_date": None,
    }
    assert a.language == "en"


def test_breadcrumb_article_body_drops_furniture_and_keeps_structure():
    a = parse_file(ING / "breadcrumb_byline.txt")
    joined = "\n".join(a.paragraphs)
    for junk in BOILERPLATE:
        assert junk not in joined
    assert a.title not in a.paragraphs  # the repeated title line is gone
    assert not any(p.startswith("By Daniel") for p in a.paragraphs)  # the byline became metadata
    assert a.paragraphs[-1] != "12"  # trailing comment count
    assert len(a.kinds) == len(a.paragraphs)
    # the lone short line under the title is the image caption; then the standfirst (not numbered)
    assert (a.paragraphs[0], a.kinds[0]) == ("Boats moored below the bridge.", "caption")
    assert a.kinds[1] == "standfirst" and a.paragraphs[1].startswith("Dozens of crews")
    # single-newline separated lines are separate paragraphs
    assert any(p.startswith("On Wednesday morning") and "Association" not in p for p in a.paragraphs)
    assert "What the office says" in a.paragraphs
    assert a.kinds[a.paragraphs.index("What the office says")] == "heading"


def test_embedded_tweet_is_one_quote_paragraph_with_its_attribution():
    a = parse_file(ING / "breadcrumb_byline.txt")
    tweets = [p for p, k in zip(a.paragraphs, a.kinds) if k == "quote"]
    assert tweets == [
        "Boats are already tied up in three harbours. The bridge is ours today. #Kelmouth "
        "pic.twitter.com/Ab12Cd34Ef — Harbour Fishermen (@HarbourFishers) May 3, 2024"
    ]
    assert not any(p.startswith("—") for p in a.paragraphs)


def test_photo_credit_line_is_a_caption():
    a = parse_file(ING / "breadcrumb_byline.txt")
    i = a.paragraphs.index("A fisherman carries a banner across the bridge [Tom Hale/Coast Photo]")
    assert a.kinds[i] == "caption"


def test_written_by_runtogether_outlet_is_segmented_and_translation_note_dropped():
    a = parse_file(ING / "runtogether_outlet.txt")
    assert a.authors == ["Hannah Lindqvist"]
    assert a.publisher == "Foreign Affairs Monitor"
    assert a.section == "Policy Analysis"
    assert not any("click here" in p.lower() or "Translated" in p for p in a.paragraphs)


def test_mixed_case_brand_is_kept_and_tld_dropped():
    a = parse_file(ING / "brand_outlet.txt")
    assert (a.authors, a.publisher) == (["Rafael N Mendoza"], "BAYnews")
    assert [p for p, k in zip(a.paragraphs, a.kinds) if k == "heading"] == [
        "1. Higher fees for large ships", "2. Discounts for clean fuel"]
    assert a.kinds[0] == "caption"


def test_page_banner_date_is_not_the_article_date_and_dateline_names_the_outlet():
    a = parse_file(ING / "banner_dateline.txt")
    assert meta(a) == {
        "title": "Food banks in Lisbon brace for a busy summer",
        "section": None,
        "authors": [],
        "publisher": "Harbour-Watch",
        "date": None,
        "page_date": "2024-05-09",
    }
    # the long caption above the title is kept (it names people and places) as a caption
    assert a.kinds[0] == "caption" and "(Photo by Marta Silva / AFP)" in a.paragraphs[0]
    # the dateline paragraph stays in the body, whitespace tidied
    assert a.paragraphs[1].startswith("Harbour-Watch — Food banks")
    assert a.paragraphs[-1].startswith("Volunteers said")  # the NBSP-only line and the '0' are gone


def test_persian_text_survives_intact_nfc_with_zwnj():
    path = ING / "banner_dateline.txt"
    raw_line = next(ln for ln in path.read_text("utf-8").splitlines() if "pic.twitter.com" in ln)
    a = parse_file(path)
    quotes = [p for p, k in zip(a.paragraphs, a.kinds) if k == "quote"]
    assert quotes == [unicodedata.normalize("NFC", raw_line.strip())]
    assert "\u200c" in quotes[0]  # zero-width non-joiner kept
    assert "می\u200cتوانند" in quotes[0]


def test_hard_wrapped_text_is_rejoined_and_byline_date_is_the_article_date():
    a = parse_file(ING / "hard_wrapped.txt")
    assert meta(a) == {"title": "Town library reopens after the flood", "section": None,
                       "authors": ["Clara Moss"], "publisher": "Valley Courier",
                       "date": "2024-02-14", "page_date": None}
    assert len(a.paragraphs) == 3
    assert a.paragraphs[0].startswith("The town library") and a.paragraphs[0].endswith("ten thousand books.")


def test_no_title_when_the_text_opens_with_prose():
    text = ("The council met on Monday and agreed to repair the harbour wall before the winter storms arrive.\n"
            "Work will start next month, officials said, and will take about six weeks to finish.\n")
    a = parse_text(text)
    assert a.title is None and a.authors == [] and a.publisher is None and a.section is None
    assert len(a.paragraphs) == 2


def test_prose_starting_with_by_is_not_a_byline():
    text = "Storm closes the ferry\n\nBy Tuesday morning, the ferry to the island had stopped running.\n"
    a = parse_text(text)
    assert a.authors == []
    assert a.paragraphs == ["By Tuesday morning, the ferry to the island had stopped running."]


def test_date_line_under_the_title_is_the_article_date():
    a = parse_text("Bridge reopens\n\nPublished 3 March 2021\n\nThe bridge reopened to traffic on Monday.\n")
    assert (a.date, a.page_date, a.paragraphs) == ("2021-03-03", None, ["The bridge reopened to traffic on Monday."])


def test_article_id_is_stable_and_ignores_whitespace():
    a = parse_file(ING / "breadcrumb_byline.txt")
    b = parse_file(ING / "breadcrumb_byline.txt")
    assert a.id == b.id == article_id(a.paragraphs, a.title)
    assert article_id(["One  two", "three"], "T") == article_id(["One two", "three "], "T")
    assert article_id(["One two"], "T") != article_id(["One three"], "T")


def test_short_sentences_on_single_lines_are_not_mistaken_for_wrapped_text():
    text = "The ferry left at noon.\nIt arrived late.\n\nPassengers were tired.\nSome complained.\n"
    assert split_units(text) == ["The ferry left at noon.", "It arrived late.", "Passengers were tired.", "Some complained."]


def test_a_line_continuing_a_broken_sentence_is_joined():
    text = ("The harbour master said the storm had damaged two of the piers and that repairs would take\n"
            "several weeks, according to the port.\n")
    assert parse_text("Storm damage\n\n" + text).paragraphs == [
        "The harbour master said the storm had damaged two of the piers and that repairs would take "
        "several weeks, according to the port."]


def test_repeated_title_matches_across_quote_styles():
    text = "Home » World » The port’s last crane\n\nThe port's last crane\n\nThe crane was taken down on Sunday after sixty years on the quay.\n"
    a = parse_text(text)
    assert a.title == "The port's last crane" and a.section == "World"
    assert a.paragraphs == ["The crane was taken down on Sunday after sixty years on the quay."]


def test_unmarked_header_lines_and_a_related_links_trailer():
    text = ("Harbour strike ends after two weeks\nBy Jane Doe and Li Wei\nPublished: 3 May 2023\n"
            "Dock workers in Antwerp returned to work on Monday after the union accepted a new offer.\n"
            "The strike had stopped most container traffic through the port.\n"
            "Share this article\nRelated\nPort traffic recovers\nUnion leader steps down\n")
    a = parse_text(text)
    assert (a.title, a.authors, a.date) == ("Harbour strike ends after two weeks", ["Jane Doe", "Li Wei"], "2023-05-03")
    assert a.paragraphs == [
        "Dock workers in Antwerp returned to work on Monday after the union accepted a new offer.",
        "The strike had stopped most container traffic through the port.",
    ]


def test_trailer_marker_inside_the_article_does_not_cut_it():
    text = ("Storm closes the ferry\n\nThe ferry to the island stopped running on Monday, the operator said.\n"
            "Read more\nThe operator said the service would resume on Thursday if the wind dropped, and that "
            "tickets for cancelled crossings would be refunded in full.\n")
    a = parse_text(text)
    assert len(a.paragraphs) == 2 and "Read more" not in a.paragraphs
