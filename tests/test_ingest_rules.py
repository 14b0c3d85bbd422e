"""Unit rules: outlet names, bylines, datelines, date lines, language."""

from __future__ import annotations

import pytest

from reader.ingest.byline import dateline_outlet, parse_byline
from reader.ingest.dates import parse_date_line
from reader.ingest.language import detect_language
from reader.ingest.publisher import outlet_name, strip_domain


@pytest.mark.parametrize("raw,body,expected", [
    ("middleeasteye.net", "", "Middle East Eye"),
    ("www.theharbourtimes.com", "as The Harbour Times reported", "The Harbour Times"),
    ("Responsiblestatecraft", "", "Responsible Statecraft"),
    ("SINDOnews.com", "", "SINDOnews"),
    ("Al Jazeera", "", "Al Jazeera"),
    ("bbc.co.uk", "the BBC said", "BBC"),
    ("reuters.com", "", "Reuters"),
    ("middle-east-monitor", "", "Middle East Monitor"),
    ("https://www.theharbourtimes.com/news/1", "The Harbour Times said", "The Harbour Times"),
    ("xqzt", "", "XQZT"),
    ("xqzvbw", "", "Xqzvbw"),
    (None, "", None),
    ("  ", "", None),
])
def test_outlet_name(raw, body, expected):
    assert outlet_name(raw, body) == expected


def test_strip_domain():
    assert strip_domain("https://www.example.co.uk/") == "example"
    assert strip_domain("news.example.org") == "example"
    assert strip_domain("Not a domain") == "Not a domain"


@pytest.mark.parametrize("line,authors,outlet,date", [
    ("By Alex Morgan – harbourtimes.net", ["Alex Morgan"], "harbourtimes.net", None),
    ("Written by Ana Lucia de Souza – Riverpost", ["Ana Lucia de Souza"], "Riverpost", None),
    ("By A. J. Kerr, Li Wei and Sam O'Neil | The Ledger | 21 June 2023", ["A. J. Kerr", "Li Wei", "Sam O'Neil"], "The Ledger", "2023-06-21"),
    ("By Andika H Mustaqim – NEWSone.com – Translated from Malay", ["Andika H Mustaqim"], "NEWSone.com", None),
    ("By Turki al-Faisal", ["Turki al-Faisal"], None, None),
    ("By Tomas Weber, 8 March 2024", ["Tomas Weber"], None, "2024-03-08"),
    ("By Łukasz Żak – Gazeta Portowa", ["Łukasz Żak"], "Gazeta Portowa", None),
])
def test_byline(line, authors, outlet, date):
    by = parse_byline(line)
    assert by is not None
    assert (by.authors, by.outlet, by.date) == (authors, outlet, date)


@pytest.mark.parametrize("line", [
    "By Tuesday morning, the ferry had stopped.",
    "By the time police arrived – it was over",
    "Bystanders watched",
    "By " + "Name " * 60,
])
def test_not_a_byline(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("para,expected", [
    ("Al-Monitor — Officials said on Monday that ...", "Al-Monitor"),
    ("Harbour Watch – The council said ...", "Harbour Watch"),
    ("BEIRUT — Officials said ...", None),
    ("Washington — Officials said ...", None),
    ("Paris – Officials said ...", None),
    ("BEIRUT (Reuters) — Officials said ...", "Reuters"),
    ("The council — which met on Monday — said ...", None),
    ("Officials said on Monday that the bridge would close.", None),
])
def test_dateline_outlet(para, expected):
    assert dateline_outlet(para) == expected


@pytest.mark.parametrize("line,expected", [
    ("Friday , 17 May 2024", "2024-05-17"),
    ("May 17, 2024", "2024-05-17"),
    ("Published: 3 March 2021 10:45 GMT", "2021-03-03"),
    ("Updated on Mon, Sept 4 2023", "2023-09-04"),
    ("2023-06-20T08:00:00Z", "2023-06-20"),
    ("31 February 2024", None),
    ("The raid happened on 17 May 2024.", None),
    ("17 May", None),
])
def test_date_line(line, expected):
    assert parse_date_line(line) == expected


def test_language_only_when_confident():
    en = ["The council said that the bridge would be closed for repairs, and it was not clear when it would open."] * 3
    fr = ["Le conseil a dit que le pont sera fermé pour des travaux, et il n'est pas clair quand il sera ouvert."] * 3
    de = ["Der Rat sagte, dass die Brücke für Reparaturen geschlossen wird, und es ist nicht klar, wann sie öffnet."] * 3
    fa = ["کتاب‌ها پنجره‌ای به سوی جهان هستند و هر خواننده‌ای مسافری است که از خانه بیرون نمی‌رود."] * 3
    assert detect_language(en) == "en"
    assert detect_language(fr) == "fr"
    assert detect_language(de) == "de"
    assert detect_language(fa) == "fa"
    assert detect_language(["Too short to tell."]) is None
    assert detect_language(["Xylo qwerty zorp blat " * 10]) is None


@pytest.mark.parametrize("lang,sentence", [
    ("fr", "Le conseil a voté lundi pour la réparation du vieux pont de la ville, et les travaux dureront un an."),
    ("es", "El consejo de la ciudad votó el lunes por la reparación del viejo puente, y las obras durarán un año."),
    ("it", "Il consiglio della città ha votato lunedì per la riparazione del vecchio ponte, e i lavori sono lunghi."),
    ("pt", "O conselho da cidade votou na segunda-feira pela reparação da velha ponte, e as obras são longas."),
    ("nl", "De gemeenteraad heeft maandag gestemd voor het herstel van de oude brug, en het werk duurt een jaar."),
    ("id", "Dewan kota telah memilih untuk memperbaiki jembatan tua itu, dan pekerjaan yang akan dimulai dengan cepat."),
])
def test_language_of_common_latin_script_languages(lang, sentence):
    assert detect_language([sentence] * 3) == lang
