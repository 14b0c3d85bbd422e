"""The five citation styles, as literal strings checked by hand against the style guides' own patterns:

APA 7 (newspaper, online):   Author, A. A. (Year, Month Day). Title. Publisher. URL
MLA 9:                       Family, Given. “Title.” Container, Day Mon. Year, URL.
Chicago author-date 17:      Family, Given. Year. “Title.” Publisher, Month Day, Year. URL.
Harvard (Cite Them Right):   Family, I. (Year) ‘Title’, Newspaper, Day Month. Available at: URL (Accessed: Day Month Year).
IEEE:                        [1] A. Author, “Title,” Publisher, Mon. Day, Year. Accessed: ... [Online]. Available: URL

Each also equals citeproc-js's output (tools/compare_citeproc_js.py prints the comparison).
"""

from __future__ import annotations

import json

import pytest

from reader.errors import CitationError
from reader.models import Article
from reader.services import cite
from tests.conftest import FIXTURES

ARTICLES = {d["id"]: Article.from_dict(d) for d in json.loads((FIXTURES / "cite" / "articles.json").read_text("utf-8"))}
URL = "https://example.org/news/2023/6/20/europe"

REFERENCES = {
    # One author, a title ending in "?": no "Europe?." double punctuation (APA), given names in
    # full (MLA, Chicago), months as the guides write them ("20 June 2023" in MLA 9).
    ("single", "apa"): f"Motamedi, M. (2023, June 20). Is this the end of Europe? Al Jazeera. {URL}",
    ("single", "mla"): f"Motamedi, Maziar. \u201cIs This the End of Europe?\u201d Al Jazeera, 20 June 2023, {URL}.",
    ("single", "chicago"): f"Motamedi, Maziar. 2023. \u201cIs This the End of Europe?\u201d Al Jazeera, June 20, 2023. {URL}.",
    ("single", "harvard"): f"Motamedi, M. (2023) \u2018Is this the end of Europe?\u2019, Al Jazeera, 20 June. Available at: {URL} (Accessed: 17 May 2024).",
    ("single", "ieee"): f"[1] M. Motamedi, \u201cIs this the end of Europe?,\u201d Al Jazeera, Jun. 20, 2023. Accessed: May 17, 2024. [Online]. Available: {URL}",
    # Two authors.
    ("two", "apa"): "Keller, A., & Ruiz, T. (2021, March 4). Harbour cranes return to the old port. The Coastal Herald. https://example.org/cranes",
    ("two", "mla"): "Keller, Anna, and Tom\u00e1s Ruiz. \u201cHarbour Cranes Return to the Old Port.\u201d The Coastal Herald, 4 Mar. 2021, https://example.org/cranes.",
    # Three authors: MLA shortens to "et al."; Chicago lists all.
    ("three", "mla"): "Wei, Li, et al. \u201cWater Rights Dispute Reaches the High Court.\u201d Daily Ledger, 30 Nov. 2019, https://example.org/water.",
    ("three", "chicago"): "Wei, Li, Sarah O\u2019Connor, and David Mensah. 2019. \u201cWater Rights Dispute Reaches the High Court.\u201d Daily Ledger, November 30, 2019. https://example.org/water.",
    # Seven authors: APA 7 lists up to 20; IEEE and Cite Them Right shorten.
    ("seven", "apa"): "Able, A., Baker, B., Cole, C., Dorn, D., Esch, E., Ford, F., & Gray, G. (2022, July 8). A long byline for a long investigation. Metro Times. https://example.org/long",
    ("seven", "ieee"): "[1] A. Able et al., \u201cA long byline for a long investigation,\u201d Metro Times, Jul. 08, 2022. Accessed: Jan. 02, 2024. [Online]. Available: https://example.org/long",
    ("seven", "harvard"): "Able, A. et al. (2022) \u2018A long byline for a long investigation\u2019, Metro Times, 8 July. Available at: https://example.org/long (Accessed: 2 January 2024).",
    # An organisation as author is a literal name, never "R.".
    ("org", "apa"): "Reuters. (2020, September 14). Ports reopen after the storm. The Guardian. https://example.org/ports",
    ("org", "chicago"): "Reuters. 2020. \u201cPorts Reopen after the Storm.\u201d The Guardian, September 14, 2020. https://example.org/ports.",
    # No author: APA moves the title first; Chicago and Harvard the publication.
    ("noauthor", "apa"): "Council approves new budget. (2018, February 1). Springfield Gazette. https://example.org/budget",
    ("noauthor", "harvard"): "Springfield Gazette (2018) \u2018Council approves new budget\u2019, 1 February. Available at: https://example.org/budget (Accessed: 2 January 2024).",
    # No date: "n.d." (APA, with the retrieval date), "no date" (Cite Them Right).
    ("nodate", "apa"): "Schmidt, M. (n.d.). Why the river floods every spring. Valley News. Retrieved March 9, 2024, from https://example.org/river",
    ("nodate", "chicago"): "Schmidt, Maria. n.d. \u201cWhy the River Floods Every Spring.\u201d Valley News. Accessed March 9, 2024. https://example.org/river.",
    ("nodate", "harvard"): "Schmidt, M. (no date) \u2018Why the river floods every spring\u2019, Valley News. Available at: https://example.org/river (Accessed: 9 March 2024).",
    # Non-ASCII names; a French title is not title-cased.
    ("nonascii", "apa"): "Guti\u00e9rrez, J. \u00c1., & Br\u00f8nn, Z. (2024, April 21). \u00c9lections: la participation recule. Le Quotidien. https://example.org/elections",
    ("nonascii", "mla"): "Guti\u00e9rrez, Jos\u00e9 \u00c1ngel, and Zo\u00eb Br\u00f8nn. \u201c\u00c9lections: la participation recule.\u201d Le Quotidien, 21 Apr. 2024, https://example.org/elections.",
    # Particles stay with the family name ("van der Berg", "al-Hassan").
    ("particles", "apa"): "van der Berg, L., & al-Hassan, M. (2017, October 5). Dykes and the rising sea. North Sea Post. https://example.org/dykes",
    # "!" ends the title; no URL known.
    ("exclaim", "mla"): "Doe, Jane. \u201cStop the Presses!\u201d Evening Star, May 2016.",
    ("exclaim", "ieee"): "[1] J. Doe, \u201cStop the presses!,\u201d Evening Star, May 2016.",
    # Title case keeps longer prepositions in lower case (MLA 9 1.2; CMOS 8.159).
    ("preps", "mla"): "Okafor, Ruth. \u201cLife after the Flood: Notes from between the Rivers without Power since May.\u201d River Times, 9 Aug. 2015, https://example.org/flood.",
}

CITATIONS = {
    ("single", "apa", 5): "(Motamedi, 2023, para. 5)",
    ("single", "mla", 5): "(Motamedi, par. 5)",
    ("single", "chicago", 5): "(Motamedi 2023, para. 5)",
    ("single", "harvard", 5): "(Motamedi, 2023, para. 5)",
    ("single", "ieee", 5): "[1, Para. 5]",
    ("single", "apa", None): "(Motamedi, 2023)",
    ("two", "apa", None): "(Keller & Ruiz, 2021)",
    ("three", "apa", None): "(Wei et al., 2019)",
    ("three", "chicago", None): "(Wei, O\u2019Connor, and Mensah 2019)",
    ("noauthor", "apa", None): "(\u201cCouncil Approves New Budget,\u201d 2018)",
    ("nodate", "apa", None): "(Schmidt, n.d.)",
    ("nodate", "harvard", None): "(Schmidt, no date)",
    ("org", "mla", None): "(Reuters)",
}


@pytest.mark.parametrize(("aid", "style"), sorted(REFERENCES))
def test_reference(aid, style):
    assert " ".join(cite.format_reference(ARTICLES[aid], style).split()) == REFERENCES[(aid, style)]


@pytest.mark.parametrize(("aid", "style", "para"), sorted(CITATIONS, key=str))
def test_in_text_citation(aid, style, para):
    assert cite.format_citation(ARTICLES[aid], style, para) == CITATIONS[(aid, style, para)]


def test_quotation_is_passage_then_in_text_citation_then_reference():
    text = cite.format_quotation(ARTICLES["single"], "apa", "Europe is  changing.", 5)
    assert text == (
        "\u201cEurope is changing.\u201d (Motamedi, 2023, para. 5)\n\n" + REFERENCES[("single", "apa")]
    )


def test_quotation_in_harvard_uses_british_quotation_marks():
    text = cite.format_quotation(ARTICLES["single"], "harvard", 'He said "no".', 2)
    assert text.startswith("\u2018He said \u201cno\u201d.\u2019 (Motamedi, 2023, para. 2)\n\n")


def test_quotation_turns_inner_double_quotes_single_in_american_styles():
    assert cite.quote("a \u201cb\u201d and \"c\"", "mla") == "\u201ca \u2018b\u2019 and \u2018c\u2019\u201d"


def test_format_references_batches_many_articles_in_one_run():
    refs = cite.format_references([ARTICLES["single"], ARTICLES["two"]], "apa")
    assert refs["single"] == REFERENCES[("single", "apa")]
    assert refs["two"] == REFERENCES[("two", "apa")]


def test_title_with_markup_characters_is_literal():
    a = Article(id="m", title="Profits up 5% *again* & [more] @ref_1 $x$", paragraphs=["p"], authors=["Jo Bloggs"],
                publisher="Paper", date="2020-01-02")
    assert cite.format_reference(a, "apa") == "Bloggs, J. (2020, January 2). Profits up 5% *again* & [more] @ref_1 $x$. Paper."


def test_unknown_style_is_one_clear_error():
    with pytest.raises(CitationError, match="choose one of apa, mla, chicago, harvard, ieee, bibtex, ris, csl-json"):
        cite.format_reference(ARTICLES["single"], "vancouver")


def test_data_format_has_no_in_text_citation():
    with pytest.raises(CitationError, match="data format"):
        cite.format_citation(ARTICLES["single"], "ris")


def test_styles_contract():
    assert cite.STYLES == ("apa", "mla", "chicago", "harvard", "ieee", "bibtex", "ris", "csl-json")
    assert cite.DEFAULT_STYLE == "apa"
    assert cite.check_style("CSL") == "csl-json"
