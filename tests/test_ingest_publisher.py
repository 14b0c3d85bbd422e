"""Outlet names matched against the names the article body itself uses (reader.ingest.publisher)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from reader.ingest import parse_file
from reader.ingest.publisher import outlet_name, strip_domain

ING = FIXTURES / "ingest"


@pytest.mark.parametrize("name,publisher,authors", [
    # the stem is the initials of a body phrase; a person with the same initials is not an outlet
    ("initials_outlet.txt", "Coastal Times", ["Clara Tan", "Owen Price"]),
    # the stem is initials + a media word; the photo credit '/RP' backs the acronym
    ("media_suffix_outlet.txt", "Riverside Press", ["Ines Moura"]),
    # letters and digits: the body writes the name with a space
    ("digits_outlet.txt", "Valley 24", ["Marta Silva"]),
    # country-code domain; the body writes a capital 'The' mid-sentence; another outlet named is ignored
    ("the_outlet.txt", "The Lake Herald", ["Aroha Ngata"]),
    # an acronym domain under a country code; the body adds a media word
    ("acronym_media_outlet.txt", "KBC News", ["Liam Carter"]),
])
def test_outlet_named_as_the_body_names_it(name, publisher, authors):
    a = parse_file(ING / name)
    assert (a.publisher, a.authors) == (publisher, authors)


@pytest.mark.parametrize("raw,body,expected", [
    # rule 1: initials of a capitalised body phrase, or initials + a media word
    ("ft.com", "The minister told the Financial Times on Monday.", "Financial Times"),
    ("ft.com", "A Financial Times analysis found that FT readers ...", "Financial Times"),
    ("apnews.com", "A man waves a flag [Jane Roe/AP]\nThe Associated Press could not confirm it.", "Associated Press"),
    ("nytimes.com", "as first reported by The New York Times, the deal", "New York Times"),
    ("dw.com", "Deutsche Welle reported the figures. DW said ...", "Deutsche Welle"),
    ("scmp.com", "according to the South China Morning Post", "South China Morning Post"),
    ("voanews.com", "a reporter for the Voice of America said", "Voice of America"),
    ("latimes.com", "as the Los Angeles Times reported", "Los Angeles Times"),
    # whole-phrase match with digits and spaces
    ("france24.com", "The minister told France 24 on Monday.", "France 24"),
    ("france24.com", "The minister told FRANCE 24 on Monday.", "FRANCE 24"),
    # a capital 'The' mid-sentence is part of the name; at a sentence start or lower case it is not
    ("koreaherald.com", "The minister told The Korea Herald on Monday.", "The Korea Herald"),
    ("koreaherald.com", "The Korea Herald has learnt that ...", "Korea Herald"),
    ("koreaherald.com", "He told The Korea Herald. Then the Korea Herald and the Korea Herald ...", "Korea Herald"),
    ("koreaherald.com", "", "Korea Herald"),
    ("koreaherald.com", "He spoke to THE KOREA HERALD on Monday.", "THE KOREA HERALD"),
    # an acronym followed by a media word is the longer name
    ("abc.net.au", "The minister told ABC News on Monday.", "ABC News"),
    ("bbc.co.uk", "the BBC said", "BBC"),
    # rule 2: short stems with no body match are acronyms
    ("abc.net.au", "The minister spoke on Monday.", "ABC"),
    ("ft.com", "", "FT"),
    ("bbc.co.uk", "", "BBC"),
    # a person or a place with the stem's initials is never the outlet
    ("ft.com", "Fatima Taha told the council. Fatima Taha said no.", "FT"),
    ("nytimes.com", "Flights to New York resumed on Monday.", "NY Times"),
    ("apnews.com", "Anna Petrova could not confirm it.", "AP News"),
    ("nytimes.com", "Flights to New York resumed, NY officials said.", "NY Times"),
    ("latimes.com", "", "LA Times"),
    ("foxnews.com", "", "Fox News"),
    ("cnnnews.com", "", "CNN News"),
    ("ft.com", "Ft. Lauderdale said", "FT"),
    # only a whole name counts: not a part of a longer one, not one glued to the next by 'and'/'on',
    # not an acronym's initial, not a government body or a sporting event
    ("ct.com", "the Coastal Times Review Board said", "CT"),
    ("ft.com", "as Reuters and the Financial Times reported", "Financial Times"),
    ("nn.com", "told NBC News on Monday", "NN"),
    ("wbnews.com", "The World Bank said on Monday.", "WB News"),
    ("wc.com", "before the World Cup in June", "WC"),
    # rule 3: letters split from digits
    ("france24.com", "", "France 24"),
    ("abc7.com", "", "ABC 7"),
    ("9news.com.au", "", "9 News"),
    ("9news.com.au", "the network told 9 News on Monday", "9 News"),
    # the body never invents a name: a longer phrase must spell the stem exactly
    ("ft.com", "the Financial Timesheet Review", "FT"),
])
def test_outlet_name_from_the_body(raw, body, expected):
    assert outlet_name(raw, body) == expected


def test_country_code_domains_drop_the_second_level_label():
    assert strip_domain("abc.net.au") == "abc"
    assert strip_domain("www.bbc.co.uk") == "bbc"
    assert strip_domain("https://www.lakeherald.co.nz/news/1") == "lakeherald"
    assert strip_domain("example.com") == "example"


def test_a_written_capitalised_short_name_is_kept():
    assert outlet_name("Ynet", "") == "Ynet"
