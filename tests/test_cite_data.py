"""CSL items built from articles, and the data formats (BibTeX, RIS, CSL-JSON) built from them."""

from __future__ import annotations

import json

import pytest

from reader.models import Article
from reader.services import cite
from reader.services.csl_item import csl_item, csl_name, date_parts
from reader.services.data_formats import to_bibtex, to_csl_json, to_ris


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Maziar Motamedi", {"family": "Motamedi", "given": "Maziar"}),
        ("By Maziar Motamedi", {"family": "Motamedi", "given": "Maziar"}),
        ("Motamedi, Maziar", {"family": "Motamedi", "given": "Maziar"}),
        ("Ludwig van der Berg", {"family": "Berg", "given": "Ludwig", "non-dropping-particle": "van der"}),
        ("Jean-Luc de la Fontaine", {"family": "Fontaine", "given": "Jean-Luc", "non-dropping-particle": "de la"}),
        ("Mohammed al-Hassan", {"family": "al-Hassan", "given": "Mohammed"}),
        ("José Ángel Gutiérrez", {"family": "Gutiérrez", "given": "José Ángel"}),
        ("Gutiérrez Pérez, José Ángel", {"family": "Gutiérrez Pérez", "given": "José Ángel"}),
        ("Martin Luther King Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        ("Madonna", {"literal": "Madonna"}),
        ("Reuters", {"literal": "Reuters"}),
        ("Al Jazeera Staff", {"literal": "Al Jazeera Staff"}),
        ("AFP", {"literal": "AFP"}),
        ("Associated Press", {"literal": "Associated Press"}),
        ("{Ministry of Truth}", {"literal": "Ministry of Truth"}),
        ("JR Smith", {"family": "Smith", "given": "JR"}),
        ("MAZIAR MOTAMEDI", {"family": "Motamedi", "given": "Maziar"}),
        ("CNN Wire", {"literal": "CNN Wire"}),
        ("UN", {"literal": "UN"}),
        ("Alex MacDonald", {"family": "MacDonald", "given": "Alex"}),
    ],
)
def test_names(byline, expected):
    assert csl_name(byline) == expected


def test_author_equal_to_publisher_is_an_organisation():
    assert csl_name("Springfield Gazette", "Springfield Gazette") == {"literal": "Springfield Gazette"}


@pytest.mark.parametrize(
    ("value", "parts"),
    [("2023-06-20", [2023, 6, 20]), ("2023-06", [2023, 6]), ("2023", [2023]),
     ("2024-05-17T09:30:00+00:00", [2024, 5, 17]), ("2023-13-01", [2023]), ("June 2023", None), (None, None)],
)
def test_date_parts(value, parts):
    assert date_parts(value) == parts


def _article(**kw):
    base = dict(id="abc123", title="Is this the end of Europe?", paragraphs=["p"], authors=["Maziar Motamedi"],
                publisher="Al Jazeera", date="2023-06-20", url="https://example.org/x",
                added="2024-05-17T09:30:00+00:00", section="News", language="en")
    base.update(kw)
    return Article(**base)


def test_csl_item_fields():
    item = csl_item(_article())
    assert item == {
        "id": "abc123",
        "type": "article-newspaper",
        "title": "Is this the end of Europe?",
        "author": [{"family": "Motamedi", "given": "Maziar"}],
        "container-title": "Al Jazeera",
        "issued": {"date-parts": [[2023, 6, 20]]},
        "accessed": {"date-parts": [[2024, 5, 17]]},
        "URL": "https://example.org/x",
        "language": "en",
    }


def test_csl_item_leaves_out_what_is_unknown():
    item = csl_item(_article(authors=[], date=None, url=None, publisher=None, language=None))
    assert set(item) == {"id", "type", "title", "accessed"}


def test_csl_json_is_a_list_of_items_zotero_reads():
    data = json.loads(to_csl_json([csl_item(_article())]))
    assert data[0]["type"] == "article-newspaper" and data[0]["container-title"] == "Al Jazeera"
    assert json.loads(cite.format_reference(_article(), "csl-json")) == [{**data[0], "section": "News"}]  # data formats carry the section


def test_ris_record_for_zotero():
    items = [csl_item(_article(authors=["Maziar Motamedi", "Reuters", "Ludwig van der Berg"]))]
    assert to_ris(items).splitlines() == [
        "TY  - NEWS",
        "TI  - Is this the end of Europe?",
        "AU  - Motamedi, Maziar",
        "AU  - Reuters",
        "AU  - van der Berg, Ludwig",
        "T2  - Al Jazeera",
        "DA  - 2023/06/20/",
        "PY  - 2023",
        "LA  - en",
        "UR  - https://example.org/x",
        "Y2  - 2024/05/17/",
        "ER  - ",
    ]


def test_ris_partial_date_and_one_line_values():
    items = [csl_item(_article(date="2023-06", title="Two\nlines"))]
    lines = to_ris(items).splitlines()
    assert "DA  - 2023/06//" in lines and "TI  - Two lines" in lines


def test_bibtex_entry():
    text = to_bibtex([csl_item(_article(title="Profits & 100% {growth}", authors=["Maziar Motamedi", "Reuters"]))])
    assert text == (
        "@article{motamedi2023profits,\n"
        "  author = {Motamedi, Maziar and {Reuters}},\n"
        "  title = {Profits \\& 100\\% \\{growth\\}},\n"
        "  journal = {Al Jazeera},\n"
        "  date = {2023-06-20},\n"
        "  year = {2023},\n"
        "  month = jun,\n"
        "  url = {https://example.org/x},\n"
        "  urldate = {2024-05-17},\n"
        "  langid = {english},\n"
        "  entrysubtype = {newspaper}\n"
        "}\n"
    )


def test_bibtex_keys_are_unique():
    a, b = csl_item(_article(id="a")), csl_item(_article(id="b"))
    text = to_bibtex([a, b])
    assert "@article{motamedi2023end," in text and "@article{motamedi2023enda," in text


def test_bibtex_key_without_author_or_date():
    text = to_bibtex([csl_item(_article(authors=[], date=None, title="The budget"))])
    assert text.startswith("@article{alndbudget,")
