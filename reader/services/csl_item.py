"""Article -> CSL-JSON item (the input of every citation style and data format).

API CONTRACT:
    csl_item(article) -> dict          # CSL-JSON item, type "article-newspaper"
    csl_name(author: str) -> dict      # one CSL name: {"family", "given", ["non-dropping-particle", "suffix"]}
                                       # or {"literal": ...} for organisations and single names
    date_parts(value: str | None) -> list[int] | None   # "2023-06-20" / "2023-06" / "2023" / ISO date-time

Authors are written the way a byline gives them ("Maziar Motamedi"), or as "Family, Given" when the
user corrects them. A name in braces ("{Reuters Staff}") is always taken literally (the BibTeX
convention); names that look like organisations (a news agency, "Staff", the publisher itself, an
all-capitals acronym) are literal too, so no style turns "Reuters" into "R.".
"""

from __future__ import annotations

import re

from nameparser import HumanName

from reader.models import Article
from reader.services.safe_text import clean

#: Lower-case name particles kept with the family name but marked as such for CSL
#: ("van der Berg" sorts under B in some styles, prints "van der Berg" in all).
PARTICLES = {
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter", "ten",
    "zu", "af", "av", "bin", "ibn", "y",
}
#: Words that make an author an organisation rather than a person.
ORG_WORDS = {
    "agency", "agencies", "associated", "board", "bureau", "committee", "correspondent", "correspondents",
    "council", "desk", "editorial", "editors", "group", "inc", "ltd", "media", "network", "news", "newsroom",
    "office", "press", "reporters", "reuters", "service", "staff", "team",
    "afp", "ap", "bbc", "cnn", "dpa", "efe", "ansa", "tass", "xinhua", "upi", "organization", "organisation",
    "ministry", "department", "university", "institute", "foundation", "association",
}
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


def _is_organisation(name: str, publisher: str | None) -> bool:
    words = re.findall(r"[\w']+", name)
    if not words:
        return True
    if publisher and name.casefold() == publisher.casefold():
        return True
    if any(w.casefold() in ORG_WORDS for w in words):
        return True
    if any(ch.isdigit() for ch in name):
        return True
    if len(words) > 1 and all(w.isupper() for w in words if w.isalpha()):
        return False  # a byline in capitals ("MAZIAR MOTAMEDI"): a person, re-cased below
    # "AFP", "UN": a one-word acronym; "CNN Wire": an acronym of three or more capitals ("JR Smith" is a person)
    acronyms = [w for w in words if w.isalpha() and w.isupper()]
    return (len(words) == 1 and bool(acronyms)) or any(len(w) >= 3 for w in acronyms)


def csl_name(author: str, publisher: str | None = None) -> dict:
    """One byline name as a CSL name object."""
    name = _BY.sub("", " ".join(author.split())).strip()
    if name.startswith("{") and name.endswith("}"):
        return {"literal": name[1:-1].strip()}
    if "," not in name and _is_organisation(name, publisher):
        return {"literal": name}
    parsed = HumanName(name)
    if name.isupper():
        parsed.capitalize(force=True)
    given = " ".join(p for p in (parsed.first, parsed.middle) if p)
    family = parsed.last
    if not family or not given:
        # A single name ("Madonna", "Xinhua") has nothing to initialise: print it as written.
        return {"literal": (family or given or name)}
    out: dict[str, str] = {"family": family, "given": given}
    words = family.split()
    lead = []
    while len(words) > 1 and words[0] in PARTICLES:
        lead.append(words.pop(0))
    if lead:
        out = {"family": " ".join(words), "given": given, "non-dropping-particle": " ".join(lead)}
    if parsed.suffix:
        out["suffix"] = parsed.suffix
    return out


def date_parts(value: str | None) -> list[int] | None:
    """"2023-06-20" -> [2023, 6, 20]; partial dates keep what they have; anything else -> None."""
    if not value:
        return None
    m = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(value))
    if not m:
        return None
    parts = [int(g) for g in m.groups() if g]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return parts[:1]
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return parts[:2]
    return parts


def csl_item(article: Article, item_id: str | None = None) -> dict:
    """The CSL-JSON item for one article (with the user's corrections already applied by Library.get)."""
    item: dict = {"id": item_id or article.id, "type": "article-newspaper"}
    title = " ".join(clean(article.title or "").split())  # control sequences out before spaces are collapsed
    if title:
        item["title"] = title
    publisher = " ".join(clean(article.publisher or "").split()) or None
    authors = [csl_name(clean(a), publisher) for a in article.authors if a and clean(a).strip()]
    if authors:
        item["author"] = authors
    if publisher:
        item["container-title"] = publisher
    issued = date_parts(article.date)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    accessed = date_parts(getattr(article, "accessed", None) or article.added)  # when fetched, else imported
    if accessed:
        item["accessed"] = {"date-parts": [accessed]}
    if article.url:
        item["URL"] = article.url
    if article.language:
        item["language"] = article.language
    # The site's own "section" (News, Features...) is a web category, not a print section: left
    # out, so Chicago and APA do not print "sec. News".
    return item
