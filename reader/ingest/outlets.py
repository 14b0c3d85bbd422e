"""Is a short string the name of a news outlet? Used where a byline or a title names one without a cue.

    'Reuters', 'AFP', 'Associated Press', 'PA Media'    a news agency (data: the list below)
    'Al Jazeera', 'Politico', 'Dawn'                    an outlet whose name has no media word (data)
    'Harbour Gazette', 'The Daily Star', 'BBC News'     a name ending in a media word
    'example.com', 'www.example.co.uk'                 a site's domain

The agencies are data, not outlets hard-coded for a page: wire services sign most syndicated copy, and
their names carry no media word ('Reuters', 'AFP'), so nothing else tells them from a person's name.
"""

from __future__ import annotations

import re

from reader.ingest.publisher import MEDIA_WORDS

#: News agencies and wire services (casefolded), as bylines and credit lines write them.
AGENCIES = frozenset(s.casefold() for s in (
    "Reuters", "Thomson Reuters", "AP", "The Associated Press", "Associated Press", "AFP", "Agence France-Presse",
    "Agence France Presse", "PA", "PA Media", "PA Wire", "Press Association", "AAP", "Australian Associated Press",
    "Bloomberg", "Bloomberg News", "dpa", "Deutsche Presse-Agentur", "ANI", "PTI", "Press Trust of India", "IANS",
    "UPI", "United Press International", "Xinhua", "EFE", "ANSA", "Kyodo", "Kyodo News", "Yonhap", "Anadolu",
    "Anadolu Agency", "TASS", "Interfax", "RIA Novosti", "CNA", "Bernama", "Antara", "WAM", "IRNA",
    "Canadian Press", "The Canadian Press", "NZPA", "Belga", "NTB", "Ritzau", "Lusa", "Europa Press",
    "KUNA", "QNA", "SANA", "BSS", "Xinhua News Agency", "Jiji Press", "Jiji", "Nikkei",
    "Dow Jones", "Dow Jones Newswires", "CNN", "BBC", "BBC News", "NPR", "PBS", "CBC", "ABC", "NBC", "CBS", "Sky News",
))
#: Outlets whose names carry no media word, as they sign their pages ('Title - Al Jazeera', 'By A, Politico'):
#: data for the same reason as the agencies (nothing else tells 'Politico' or 'Dawn' from a word or a person).
NAMED_OUTLETS = frozenset(s.casefold() for s in (
    "Al Jazeera", "Al Jazeera English", "Al Arabiya", "Politico", "Axios", "Forbes", "Fortune", "Newsweek",
    "Euronews", "France 24", "DW", "Deutsche Welle", "RFI", "Vox", "Slate", "Salon", "Quartz", "The Atlantic",
    "The Economist", "The Hindu", "Dawn", "Scroll.in", "The Wire", "Mint", "Firstpost", "Rappler", "Stuff",
    "RNZ", "SBS", "Nikkei Asia", "Haaretz", "Ynetnews", "Kyiv Independent", "Meduza", "Semafor",
    "ProPublica", "HuffPost", "BuzzFeed News", "Vice", "The Conversation",
    "Yahoo News", "MSN", "Fox News", "MSNBC", "CNBC", "ABC News", "CBS News", "NBC News",
    "RTÉ", "RTE", "The Verge", "TechCrunch", "Wired", "Ars Technica", "ESPN", "Sky Sports", "BBC Sport",
))
_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|co|info|news|tv|[a-z]{2})$", re.I)


#: Words of a section's name ('World News', 'Business Daily', 'Local News' are sections, not outlets).
TOPIC_WORDS = frozenset("""world us u.s. uk u.k. local national international regional global business sport sports
politics political latest top breaking tech technology science health entertainment opinion lifestyle culture arts
travel money markets economy finance city metro state nation africa asia europe americas america middle east
india china australia pacific weather crime education environment climate religion faith food motoring cars
property jobs video videos photo photos live morning evening today""".split())


def is_topic_label(name: str) -> bool:
    """'World News', 'Business Today', 'Sport': topic words and at most a media word, no proper name."""
    words = [w.strip("’'.,").lower() for w in name.split()]
    return any(w in TOPIC_WORDS for w in words) and all(
        w in TOPIC_WORDS or w in MEDIA_WORDS or w in ("&", "and", "the") for w in words)


def is_agency(name: str) -> bool:
    return " ".join(name.split()).casefold() in AGENCIES


def is_named_outlet(name: str) -> bool:
    return " ".join(name.split()).casefold() in NAMED_OUTLETS


def is_media_name(name: str) -> bool:
    """'Harbour Gazette', 'The Daily Star': one to five capitalised words, the last a media word."""
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in ("of", "the", "&", "and") for w in words):
        return False
    return words[-1].strip("’'").lower() in MEDIA_WORDS and not is_topic_label(name)


def is_domain(name: str) -> bool:
    return bool(_DOMAIN.match(name.strip()))


def is_outlet_name(name: str) -> bool:
    """A news agency, a name ending in a media word, or a domain."""
    name = " ".join(name.split()).strip(" .,;:")
    return bool(name) and (is_agency(name) or is_named_outlet(name) or is_media_name(name) or bool(_DOMAIN.match(name)))
