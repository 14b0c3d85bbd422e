"""Entity extraction on our own small articles (other subjects than the shared corpus)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.entities import entity_key, extract_entities
from reader.errors import ReaderError
from reader.models import Article
from tests.entities_helpers import fixture_article, fixture_files

FIXTURES = fixture_files()


def _rows_with(ents, alias):
    k = entity_key(alias)
    return [e for e in ents if k in {entity_key(x) for x in [e.name, *e.aliases]}]


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_entities_are_found_typed_and_linked(path):
    article, spec = fixture_article(path)
    ents = extract_entities(article)
    for exp in spec["expected"]:
        rows = _rows_with(ents, exp["aliases"][0])
        assert len(rows) == 1, f"{exp['name']}: expected one row, got {[(e.name, e.type) for e in rows]}"
        row = rows[0]
        assert row.type == exp["type"], f"{exp['name']} typed {row.type}"
        for alias in exp["aliases"]:
            assert _rows_with(ents, alias) == [row], f"{alias!r} is not linked to {exp['name']}"
    for absent in spec.get("absent", []):
        assert not [e for e in ents if e.type != "date" and _rows_with([e], absent)], f"{absent!r} extracted"


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_dates_are_normalised(path):
    article, spec = fixture_article(path)
    dates = {a: e.value for e in extract_entities(article) if e.type == "date" for a in e.aliases}
    for surface, value in spec.get("dates", {}).items():
        assert surface in dates and dates[surface] == value


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_mentions_point_at_the_alias_text(path):
    article, _ = fixture_article(path)
    for e in extract_entities(article):
        assert e.count == len(e.mentions)
        for para, start, end in e.mentions:
            text = article.title if para == -1 else article.paragraphs[para]
            assert 0 <= start < end <= len(text)
            assert text[start:end] in e.aliases


def test_sorted_most_mentioned_first():
    article, _ = fixture_article(FIXTURES[0])
    counts = [e.count for e in extract_entities(article)]
    assert counts == sorted(counts, reverse=True)


def test_authors_and_publisher_become_entities_even_without_mentions():
    a = Article(id="x", title="Rates held", paragraphs=["The central bank held rates."],
                authors=["Grace Mwangi"], publisher="Nation Example")
    ents = {e.name: e for e in extract_entities(a)}
    assert ents["Grace Mwangi"].type == "person" and ents["Grace Mwangi"].count == 0
    assert ents["Nation Example"].type == "organization"


def test_publisher_domain_links_to_the_name_in_the_text():
    a = Article(id="x", title=None, publisher="coastalherald.com",
                paragraphs=["Coastal Herald asked the Port Authority for comment, the Coastal Herald said."])
    rows = _rows_with(extract_entities(a), "Coastal Herald")
    assert len(rows) == 1 and "coastalherald.com" in rows[0].aliases and rows[0].type == "organization"


def test_acronym_initials_and_slash_pairs_link():
    a = Article(id="x", title=None, paragraphs=[
        "Members of the Coalition for Rural Water (CRW/Agua) met the Ministry of Health.",
        "Officials at the MoH and the CRW said the Northern Water Board had approved the plan; the NWB agreed.",
    ])
    ents = extract_entities(a)
    assert len(_rows_with(ents, "CRW")) == 1
    assert _rows_with(ents, "CRW") == _rows_with(ents, "Coalition for Rural Water")
    assert _rows_with(ents, "NWB") == _rows_with(ents, "Northern Water Board")


def test_numbered_names_link_across_numeral_styles():
    a = Article(id="x", title=None, paragraphs=[
        "Residents of Camp Liberty moved to the Liberty-2 camp last year.",
        "Conditions at Liberty II were worse, and Liberty 2 now houses 900 people.",
    ])
    ents = extract_entities(a)
    rows = _rows_with(ents, "Liberty-2")
    assert len(rows) == 1 and {"Liberty II", "Liberty 2"} <= set(rows[0].aliases)
    assert rows[0].type == "place"
    assert _rows_with(ents, "Camp Liberty") != rows


def test_headings_in_title_case_keep_only_known_names():
    a = Article(id="x", title="Budget Battle Looms In Canberra As Talks Stall",
                paragraphs=["Treasurer Jim Chalmers met crossbenchers in Canberra on Monday."])
    names = {e.name for e in extract_entities(a) if e.type != "date"}
    assert "Canberra" in names and "Jim Chalmers" in names
    assert not any("Budget" in n or "Talks" in n for n in names)


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(ReaderError, match="rules"):
        extract_entities(Article(id="x", title=None, paragraphs=["x"]), backend="nope")


@pytest.mark.parametrize("surface,key", [
    ("the U.S.", "us"), ("MEK’s", "mek"), ("“Iran”", "iran"), ("The  European   Union", "european union"),
])
def test_entity_key_normalises(surface, key):
    assert entity_key(surface) == key


def test_import_does_not_load_gazetteer_or_spacy():
    code = ("import sys, reader.entities, reader.entities.gazetteer as g; "
            "assert g._cached is None; assert 'spacy' not in sys.modules; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


@pytest.mark.parametrize("paragraph,expected", [
    ("Police raided the camp on June 20, 2023. Protests followed on June 22.", {"June 22": "2023-06-22"}),
    ("In May 2022 he spoke. On June 20 police came; June 21, 2023 was calm.",
     {"June 20": None, "May 2022": "2022-05", "June 21, 2023": "2023-06-21"}),
    ("Talks resumed on Friday , 17 May 2024 and in the mid-2010s.", {"Friday , 17 May 2024": "2024-05-17",
                                                                     "mid-2010s": None}),
])
def test_dates_take_the_year_from_context_only_when_it_is_unambiguous(paragraph, expected):
    dates = {e.name: e.value for e in extract_entities(Article(id="d", title=None, paragraphs=[paragraph]))
             if e.type == "date"}
    for name, value in expected.items():
        assert dates[name] == value


def test_article_date_gives_the_year():
    a = Article(id="d", title=None, paragraphs=["The vote is on March 3."], date="2026-02-10")
    assert [e.value for e in extract_entities(a) if e.type == "date"] == ["2026-03-03"]


def test_nationality_adjectives_are_not_entities():
    a = Article(id="n", title=None, paragraphs=[
        "The French and Dutch governments sent planes to the Greek island of Rhodes. Swiss, Thai and Iranian "
        "tourists were affected, Albanian and Kenyan officials said, and a Czech diplomat flew in from Bangkok."])
    ents = {e.name: e.type for e in extract_entities(a)}
    assert ents == {"Rhodes": "place", "Bangkok": "place"}


def test_one_word_organisations_by_apposition_and_places_by_street_words():
    a = Article(id="o", title=None, paragraphs=[
        "Investors cheered, said Datafolha, a polling firm, and Zenvia, the Brazilian software company, rose.",
        "Protesters marched down Avenida Paulista towards the Palácio do Planalto, where Oxfam Kenya staff waited.",
    ])
    ents = {e.name: e.type for e in extract_entities(a)}
    assert ents["Datafolha"] == "organization" and ents["Zenvia"] == "organization"
    assert ents["Avenida Paulista"] == "place" and ents["Palácio do Planalto"] == "place"
    assert ents["Oxfam Kenya"] == "organization"


def test_an_age_after_a_name_marks_a_person():
    a = Article(id="a", title=None, paragraphs=["Later, Kowalczyk, 26, scored twice and Nowak (31) saved a penalty."])
    assert {e.name: e.type for e in extract_entities(a)} == {"Kowalczyk": "person", "Nowak": "person"}


def test_occupation_and_affiliation_around_a_name_are_split_off():
    a = Article(id="o", title=None, paragraphs=[
        "Campaigner Ama Mensah of the Accra Clean Air Alliance spoke. Economist Kofi Boateng of Ghana agreed.",
        "Bank of England officials and the National Council of Resistance of Iran were absent."])
    assert {e.name: e.type for e in extract_entities(a)} == {
        "Ama Mensah": "person", "Accra Clean Air Alliance": "organization", "Kofi Boateng": "person",
        "Ghana": "place", "Bank of England": "organization", "National Council of Resistance of Iran": "organization"}
