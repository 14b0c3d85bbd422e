"""Typing: turn raw spans into mentions with type evidence (gazetteer, cue words, context).

Evidence is a small score per type (PERSON "P", ORGANISATION "O", PLACE "L"): 3 for what the name itself
says (a gazetteer place, an organisation head word, a person's title), 2 for close context ("spokesman X",
"X, a small town"), 1 for weak hints (an acronym is usually an organisation; "X said"). Scores of all
mentions of one entity are added up after linking.

Names ending in a company's legal form ("AG", "Corp.", "plc") are organisations whatever their first word;
facility and landform heads ("Dam", "Air Base", "Expo Centre") make places; foreign institution heads
("Ministerio", "Parti") and articles ("Les", "La") make organisations; an unknown multi-word name is a person
only when its first word is rare (not an everyday English word) and nothing else is known about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.entities.candidates import Span, Token, is_sentence_start
from reader.entities.cues import STOPWORDS
from reader.entities.cues import (
    COMPASS, COMPASS_TAILS, DEMONYM_SUFFIXES, ORG_HEADS, PERSON_AFTER, PERSON_BEFORE, PERSON_TITLES,
    PERSON_VERBS, PLACE_AFTER, WEAK_TITLES, ORG_AFTER, INSTITUTIONS, ORG_FIRST, PLACE_BEFORE, PLACE_HEADS, PLACE_PREPS, PLACE_TAILS,
    FOREIGN_ARTICLES, LEGAL_SUFFIXES, ORG_AFTER_RE, ORG_BEFORE_RE, ORG_NOUN_BEFORE_RE, VENUE_WORDS,
)
from reader.entities.gazetteer import Gazetteer
from reader.entities.normalize import LazyRe, entity_key, strip_possessive

_CONNS = frozenset({"of", "for", "on", "the", "ten", "ter", "de", "del", "der", "den", "van", "von", "bin", "ibn", "al",
                    "el", "da", "di", "du", "dos", "das", "la", "le", "y"})
_APPOS_PLACE = LazyRe(r"^,? (?:a|an|the) (?:[\w’'-]+ ){0,3}(?:town|city|village|province|region|district|"
                          r"suburb|capital|country|port|island|state|neighbou?rhood)\b")
_APPOS_PERSON = LazyRe(r"^,? (?:a|an|the|who|whose) (?:[\w’'-]+ ){0,4}(?:" + "|".join(
    sorted(w for w in PERSON_BEFORE if w.isalpha())) + r")\b", re.I)
_ORG_NOUNS = (r"company|firm|group|agency|broadcaster|newspaper|daily|magazine|start-?up|charity|"
              r"organi[sz]ation|NGO|bank|insurer|carrier|airline|club|party|network|outlet|website|platform|"
              r"giant|maker|manufacturer|producer|lender|retailer|fund|union|association|conglomerate|"
              r"operator|regulator|institute|university|think tank|consultancy|law firm|non-profit|nonprofit")
_APPOS_ORG = LazyRe(r"^,? (?:a|an|the) (?:[\w’'-]+ ){0,4}(?:" + _ORG_NOUNS + r")\b")
_POSS_ORG = LazyRe(r"^['’]s? (?:chief executive|ceo|shares|stock|board|headquarters|subsidiary|parent "
                       r"company|shareholders|workforce|employees|app|platform|website|newsroom)\b", re.I)
#: Everyday owners inside one name ("People’s", "Women’s", "King’s"): a possessive after them does not split.
COLLECTIVE_OWNERS = frozenset("""people women men children workers farmers students veterans citizens king queen
prince princess st saint lord lady nation nations nurses teachers soldiers writers artists journalists traders
youth mothers fathers seamen miners officers martyrs pilgrims bishop doctors lawyers employers""".split())
#: Endings of abstract nouns, never the family name of a person ("Price Information").
_ABSTRACT = ("tion", "sion", "ment", "ness", "ity", "ship", "ism")
#: Capitalised page furniture glued to a name ("PTI/FILE Congress leader", "READ Rescuers search ...").
FURNITURE_CAPS = frozenset("FILE PHOTO PHOTOS IMAGE VIDEO WATCH READ LIVE UPDATE UPDATED EXCLUSIVE BREAKING "
                           "LISTEN SEE ALSO".split())
#: Heads of names that go on with "to" and a place ("National Council of Resistance to Iran", "Mission to Mars").
_TO_HEADS = frozenset("Council Committee Commission Mission Embassy Delegation Resistance Alliance Campaign "
                      "Movement Coalition Envoy Ambassador Office".split())
#: Words of a credit line before the agency's name.
CREDIT_WORDS = frozenset("Copyright Courtesy Credit Credits Photograph Picture Pictures Source Sources".split())
#: Lower-case words after a name that say it is a party's or a body's ("Labour leader", "BJP candidate").
ORG_MEMBERS = frozenset("leader leaders leadership MPs MP lawmakers legislators manifesto candidate candidates "
                        "councillors senators".split())
#: Titles of offices in companies and bodies (the name they are "of" is an organisation, not a place).
ORG_ROLE_TITLES = frozenset("CEO Chairman Chairwoman Chairperson Chair Director Spokesman Spokeswoman Spokesperson "
                            "Commissioner Secretary-General Director-General".split())
_LIST_AFTER = LazyRe(r"\s*,?\s*(?:and|or) other (?:[a-z-]+ ){0,2}(?:makers|manufacturers|companies|firms|brands|"
                     r"rivals|banks|lenders|carriers|airlines|groups|outlets|platforms|retailers|clubs|teams|parties)\b")
_LIST_AFTER2 = LazyRe(r"\s*,\s*[A-Z][\w-]+\s*,?\s*(?:and|or) other (?:[a-z-]+ ){0,2}(?:makers|manufacturers|companies|"
                      r"firms|brands|rivals|banks|lenders|carriers|airlines|groups|outlets|platforms|retailers|clubs|"
                      r"teams|parties)\b")
_ORG_NOUN_AFTER = LazyRe(r"\s+(?:news|press|state|wire|photo)\s+(?:agency|service|network)\b")
_AGE = re.compile(r"^(?:, (?:aged )?\d{1,3},|\s?\(\d{1,3}\))")  # "Rashford, 26, scored"
_YEAR_OLD = re.compile(r"\d+-year-old\s*$")
_POSS = ("’s", "'s", "’", "'")
_ORG_OF = LazyRe(r"\b(?:" + "|".join(re.escape(w) for w in sorted(ORG_HEADS)) + r") (?:of|for|on|Against|against)\b")
_ORG_BEFORE = LazyRe(ORG_BEFORE_RE, re.I)
_ORG_AFTER = LazyRe(ORG_AFTER_RE)
_ORG_NOUN_BEFORE = LazyRe(ORG_NOUN_BEFORE_RE)
#: The last word before a name that the two patterns above can end with (a cheap test before the regex).
ORG_NOUN_WORDS = frozenset(re.findall(r"[a-z-]+", ORG_NOUN_BEFORE_RE.replace("\\b", " ")))
ORG_BEFORE_LAST = frozenset(re.findall(r"[a-z]+", ORG_BEFORE_RE.replace("\\b", " "))) | {"the"}
_CREDIT_BEFORE = re.compile(r"[\[(][^\[\]()]{0,60}/\s*$")  # "[Jane Roe/" (photo credit), "(Ann Lee/"
_ORG_LIST_BEFORE = re.compile(r"\b(?:companies|firms|platforms|groups|organi[sz]ations|charities|agencies|banks|"
                              r"lenders|carriers|airlines|rivals|outlets|broadcasters|brands|clubs)"
                              r" (?:such as|including|like)(?: (?:the )?[\w-]+,)*(?: (?:the )?[\w-]+,? and)?"
                              r"\s+(?:the\s+)?$")
_CAPTION_CREDIT = re.compile(r"(?:Photo(?:graph)?|Image|Picture|Credit)s?:?\s[^/]{2,40}/\s*$", re.I)
_DATELINE_CREDIT = re.compile(r"^[A-Z][A-Z.' -]+(?:,\s*[A-Z][\w.' -]*)?,?(?:\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\($")
_FEATURE_BEFORE = LazyRe(r"\b(?:along|across|on|into|over|near|up|down|cross(?:ed|es|ing)?|waters of|banks? of|"
                         r"basin of|delta of|mouth of|valley of|source of|shores? of|reaches of) the\s+$", re.I)
_FEATURE_AFTER = re.compile(r"\s+(?:and its tributar|(?:burst|broke|overflowed) its banks|overflowed|flooded|"
                            r"(?:has |had )?(?:burst|broken|breached))")
_PLACE_OF = LazyRe(r"\b(?:town|city|village|island|province|region|district|county|state|capital|port|"
                       r"suburb|republic|kingdom|emirate) of\s*$")


@dataclass
class Mention:
    para: int
    start: int
    end: int
    surface: str
    key: str
    words: list[str]
    ev: dict[str, float] = field(default_factory=dict)
    sent_initial: bool = False
    titlecase: bool = False
    acronym: bool = False
    title_cue: bool = False
    place: tuple[str, str] | None = None
    #: Names a sports club (reader.entities.sports): the entity is an organisation even if a town's name.
    club: bool = False

    @property
    def single(self) -> bool:
        return len(self.words) == 1

    def add(self, t: str, score: float) -> None:
        self.ev[t] = self.ev.get(t, 0.0) + score


def is_conn(text: str) -> bool:
    return text.islower() and text.split()[0] in _CONNS


def _is_title(tok: Token) -> bool:
    t = tok.text
    if "-" in t:  # "Director-General", "Secretary-General"
        return all(p.rstrip(".") in PERSON_TITLES for p in t.split("-"))
    return t.rstrip(".") in PERSON_TITLES or t in PERSON_TITLES


def _strip_poss(tok: Token) -> Token:
    s = strip_possessive(tok.text)
    return tok if s == tok.text else Token(s, tok.start, tok.start + len(s))


def _rare(word: str, g: Gazetteer) -> bool:
    return word[:1].isupper() and word.lower() not in g.common and not g.place(word) and word not in ORG_HEADS


def _known_part(part: str, g: Gazetteer) -> str | None:
    """What a part of a hyphenated compound is: 'place', 'acronym', 'demonym', 'letter' or None."""
    if len(part) == 1 and part.isupper():
        return "letter"
    if g.place(part):
        return "place"
    if len(part) >= 2 and part.isupper():
        return "acronym"
    if is_demonym(part, g):
        return "demonym"
    return None


def is_demonym(word: str, g: Gazetteer) -> bool:
    """'Iranian', 'Albanians', 'Iraqi', 'Saudi', 'French': adjectives of places, not entities."""
    w = word.lower()
    if word in g.languages:
        return True
    if g.place(word):
        return False
    for suf in DEMONYM_SUFFIXES:
        if w.endswith(suf) and len(w) > len(suf) + 2:
            stem = word[: len(word) - len(suf)]
            for cand in (stem, stem + "a", stem + "ia", stem + "e", stem[:-1] if len(stem) > 3 else stem):
                if g.place(cand):
                    return True
    # the first word of a country name ("Saudi" of "Saudi Arabia") used as an adjective
    return w in g.common and w.endswith(("an", "ish", "ese", "i", "ic"))


def _owner_split(toks: list[Token], i: int, head: str, g: Gazetteer) -> bool:
    """'Nigel Farage’s Reform UK', 'Ivic’s Watford', 'Labour’s Julia Gillard', 'Pfizer Inc's COVID-19': an
    owner and what it owns are two names. Not 'People’s Mujahedin', 'Women’s Institute' (an everyday word
    owning the rest is one name), 'Lloyd’s of London', 'McDonald’s Corp' (the rest is no name of its own)."""
    rest = toks[i + 1:]
    if is_conn(rest[0].text) or all(t.text in ORG_HEADS or t.text in LEGAL_SUFFIXES for t in rest):
        return False
    if rest[0].text in g.first_names and len(rest) >= 2:
        return True  # a person's name follows
    last = head.split()[-1]
    if head in LEGAL_SUFFIXES or last.rstrip(".") in LEGAL_SUFFIXES:
        return True  # "Pfizer Inc's COVID-19"
    if last.lower() in COLLECTIVE_OWNERS:
        return False  # "Sudan People’s Liberation Movement", "Queen’s University"
    return last.lower() not in g.common and last[:1].isupper() or i >= 1  # "Nitish Kumar's JD(U)"


def split_span(sp: Span, g: Gazetteer) -> list[Span]:
    """Hyphen compounds, inner possessives, person titles and place+person runs."""
    out: list[Span] = []
    toks: list[Token] = []
    for k, tok in enumerate(sp.tokens[:-1]):
        if tok.text.endswith(".") and tok.text in LEGAL_SUFFIXES and sp.tokens[k + 1].text not in LEGAL_SUFFIXES \
                and k > 0:  # "Mobil Corp. Chevron said": a company's legal form ends its name and the sentence
            return split_span(Span(sp.para, sp.tokens[:k + 1], sp.text, sp.sent_initial, sp.titlecase), g) + \
                split_span(Span(sp.para, sp.tokens[k + 1:], sp.text, True, sp.titlecase), g)
    if sp.tokens[0].text in FURNITURE_CAPS and len(sp.tokens) > 1:  # "PTI/FILE Congress", "READ Rescuers..."
        return split_span(Span(sp.para, sp.tokens[1:], sp.text, False, sp.titlecase), g)
    if len(sp.tokens) > 1 and sp.tokens[-1].text in ("Photo", "Photos", "Pictures", "Video") \
            and sp.tokens[-2].is_acronym:  # "AP Photos", "EPA Photo": the agency
        agency = Span(sp.para, sp.tokens[:-1], sp.text, sp.sent_initial, sp.titlecase)
        agency.extra["org_cue"] = True
        return split_span(agency, g)
    if sp.tokens[0].text in CREDIT_WORDS and len(sp.tokens) > 1:  # "Copyright AP", "Courtesy Reuters"
        rest = Span(sp.para, sp.tokens[1:], sp.text, False, sp.titlecase)
        rest.extra["org_cue"] = True
        return split_span(rest, g)
    if sp.sent_initial and len(sp.tokens) > 2 and is_conn(sp.tokens[1].text):
        w = sp.tokens[0].text
        if w.lower() in g.common and w not in g.first_names and not g.place(w):
            rest = sp.tokens[1:]
            while rest and is_conn(rest[0].text):
                rest = rest[1:]
            if rest:
                return split_span(Span(sp.para, rest, sp.text, False, sp.titlecase), g)
    if sp.sent_initial and len(sp.tokens) == 2 and sp.tokens[1].is_acronym and not sp.tokens[0].is_acronym:
        w = sp.tokens[0].text
        if w.lower() in g.common and not g.place(w) and w not in ORG_HEADS and w not in ORG_FIRST:
            return split_span(Span(sp.para, sp.tokens[1:], sp.text, False, sp.titlecase), g)
    if sp.sent_initial and len(sp.tokens) == 2 and sp.tokens[1].text in INSTITUTIONS:
        w = sp.tokens[0].text  # "Opposition Congress leaders said"
        if w.lower() in g.common and not g.place(w) and not is_demonym(w, g) and w not in g.first_names:
            return split_span(Span(sp.para, sp.tokens[1:], sp.text, False, sp.titlecase), g)
    if len(sp.tokens) >= 3 and sp.tokens[1].text in g.first_names and not _is_title(sp.tokens[0]):
        w = sp.tokens[0].text
        if w.lower() in g.common and w not in g.first_names and not g.place(w) and not sp.tokens[0].is_acronym \
                and w not in FOREIGN_ARTICLES \
                and w not in ORG_HEADS and not is_conn(sp.tokens[2].text) and not is_demonym(w, g) \
                and sp.tokens[-1].text not in ORG_HEADS and sp.tokens[-1].text not in PLACE_TAILS:
            # "Treasurer Jim Chalmers", "Striker Harry Kane": a descriptive word before a given name
            return split_span(Span(sp.para, sp.tokens[1:], sp.text, False, sp.titlecase), g)
    for i, tok in enumerate(sp.tokens):
        if i and tok.text.split()[0] in ("for", "on") and sp.tokens[i - 1].text not in ORG_HEADS:
            left = Span(sp.para, sp.tokens[:i], sp.text, sp.sent_initial, sp.titlecase)
            rest = sp.tokens[i + 1:]
            out = split_span(left, g) if left.tokens else []
            if rest:
                out += split_span(Span(sp.para, rest, sp.text, False, sp.titlecase), g)
            return out
    for tok in sp.tokens:
        if "-" in tok.text and not tok.text.startswith(("al-", "el-", "Al-", "El-")):
            parts = tok.text.split("-")
            cut = next((i for i, p in enumerate(parts) if i and len(p) >= 3 and p.islower()), None)
            if cut is not None:
                kept = "-".join(parts[:cut])
                toks.append(Token(kept, tok.start, tok.start + len(kept)))
                break
            kinds = [_known_part(p, g) for p in parts]
            if len(parts) > 1 and all(kinds) and any(k in ("place", "acronym") for k in kinds) \
                    and not all(k == "acronym" for k in kinds):  # "EPA-EFE" is one agency; "US-EU" two
                if toks:
                    out.append(Span(sp.para, toks, sp.text, sp.sent_initial, sp.titlecase))
                    toks = []
                pos = tok.start
                for p, k in zip(parts, kinds):
                    if k in ("place", "acronym"):
                        out.append(Span(sp.para, [Token(p, pos, pos + len(p))], sp.text, False, sp.titlecase))
                    pos += len(p) + 1
                continue
        toks.append(tok)
    if not toks:
        return out
    # inner possessive: "Albania’s Interior Ministry" -> "Albania" + "Interior Ministry"
    for i, tok in enumerate(toks[:-1]):
        if tok.text.endswith(_POSS[:2]):
            head = strip_possessive(tok.text)
            if g.place(head) or (head.isupper() and len(head) > 1) or _owner_split(toks, i, head, g):
                left = toks[: i + 1]
                left[-1] = _strip_poss(left[-1])
                first = Span(sp.para, left, sp.text, sp.sent_initial, sp.titlecase)
                rest = Span(sp.para, toks[i + 1:], sp.text, False, sp.titlecase)
                return out + split_span(first, g) + split_span(rest, g)
    # "Environmentalist Nnimmo Bassey": a person's occupation opening a sentence
    if sp.sent_initial and len(toks) >= 3 and toks[0].text.lower() in PERSON_BEFORE and not is_conn(toks[1].text):
        rest = Span(sp.para, toks[1:], sp.text, False, sp.titlecase)
        rest.title_cue = True
        return out + split_span(rest, g)
    # "Gustavo Petro of Colombia", "Nnimmo Bassey of the Health of Mother Earth Foundation": a person's
    # name, then "of" and a place or an organisation
    for i, tok in enumerate(toks):
        if i >= 2 and tok.text.split()[0] == "of" and i + 1 < len(toks) and (
                toks[0].text in g.first_names or sp.title_cue or (
                    i == 2 and tok.text == "of" and all(_rare(t.text, g) for t in toks[:2])
                    and g.place(sp.text[toks[3].start:toks[-1].end]))):  # "Tesfaye Berhanu of Ethiopia"
            left, right = toks[:i], toks[i + 1:]
            if not any(t.text in ORG_HEADS or t.text in PLACE_TAILS or _is_title(t) for t in left) \
                    and not g.place(sp.text[toks[0].start:toks[-1].end]) \
                    and (g.place(sp.text[right[0].start:right[-1].end]) or right[-1].text in ORG_HEADS
                         or right[0].text in ORG_FIRST or right[0].text in FOREIGN_ARTICLES or tok.text == "of the"
                         or (i == 2 and toks[1].text.lower() not in g.common and toks[1].text[:1].isupper())):
                return out + split_span(Span(sp.para, left, sp.text, sp.sent_initial, sp.titlecase, sp.title_cue), g) + \
                    split_span(Span(sp.para, right, sp.text, False, sp.titlecase), g)
            break
    # person titles: "National Police Chief Muhamet Rrumbullaku" -> "National Police" + person
    for i, tok in enumerate(toks):
        if i == 1 and toks[0].text in ORG_FIRST:
            break  # "Fiscalía General del Estado": a title word inside a foreign institution's name
        if _is_title(tok):
            j = i
            while j < len(toks) and (_is_title(toks[j]) or is_conn(toks[j].text)):
                j += 1
            # "Chief Executive Peter Ndegwa": more words of the office before the name
            k = j
            while k < len(toks) - 1 and toks[k].text.lower() in g.common and toks[k].text not in g.first_names \
                    and not g.place(toks[k].text) and not toks[k].is_acronym:
                k += 1
            if k > j and toks[k].text in g.first_names:
                j = k
            rest = toks[j:]
            left = Span(sp.para, toks[:i], sp.text, sp.sent_initial, sp.titlecase) if i else None
            keep_left = left is not None and any(_rare(t.text, g) or g.place(t.text) or t.is_acronym
                                                 for t in toks[:i] if not is_demonym(t.text, g))
            if not rest and (is_conn(toks[i - 1].text) if i else False):
                break  # "Department of Justice": the title word is the end of a name
            if not rest or (j > i and is_conn(toks[j - 1].text) and rest[0].text not in g.first_names):
                # "Pfizer CEO", "Interior Minister": a title with no name after it; "CEO of NVIDIA",
                # "Minister of Agriculture": the office's organisation, place or portfolio, not a person
                if keep_left:
                    left.extra["org_cue"] = not rest and toks[i].text in ORG_ROLE_TITLES  # "Pfizer CEO"
                    out += split_span(left, g)
                if rest and not all(t.text.lower() in g.common and not g.place(t.text) for t in rest):
                    office = Span(sp.para, rest, sp.text, False, sp.titlecase)
                    office.extra["org_cue"] = toks[i].text in ORG_ROLE_TITLES  # "CEO of Zentrova"
                    out += split_span(office, g)
                return out
            weak = all(t.text.rstrip(".") in WEAK_TITLES for t in toks[i:j] if _is_title(t))
            if rest and rest[-1].text not in ORG_HEADS and rest[-1].text not in PLACE_TAILS and not (
                    len(rest) == 1 and rest[0].text.lower() in g.common and not g.place(rest[0].text)
                    and rest[0].text not in g.first_names and (weak or len(rest[0].text) < 4)):
                prev = re.search(r"([A-Z][\w.-]*)\s+$", sp.text[max(0, toks[0].start - 20):toks[0].start])
                inside_title = prev is not None and prev.group(1) in PERSON_TITLES and all(
                    t.text.lower() in g.common for t in toks[:i])  # "Chief Cabinet Secretary X": one office
                if i and not inside_title:
                    out.append(Span(sp.para, toks[:i], sp.text, sp.sent_initial, sp.titlecase))
                person = Span(sp.para, rest, sp.text, False, sp.titlecase)
                person.title_cue = True
                person.extra["titled"] = toks[i].start
                if any(t.text.split()[0] == "of" for t in rest[2:]):  # "Prosecutor X Y of the Z"
                    parts = split_span(person, g)
                    if len(parts) > 1:
                        return out + parts
                out.append(person)
                return out
            break
    # "London Stock Exchange Share Price": everyday words run on after an organisation's head word
    for h in range(len(toks) - 3, 0, -1):
        if toks[h].text in ORG_HEADS and toks[h].text not in LEGAL_SUFFIXES \
                and toks[h + 1].text.lower() not in STOPWORDS and all(
                t.text.lower() in g.common and not g.place(t.text) and t.text not in ORG_HEADS and t.text not in PLACE_TAILS and not is_conn(t.text)
                for t in toks[h + 1:]):
            return out + split_span(Span(sp.para, toks[:h + 1], sp.text, sp.sent_initial, sp.titlecase), g)
        if not (toks[h + 1].text.lower() in g.common):
            break
    # "United States Mike Pence": a place name run straight into a person's name
    if len(toks) >= 3 and not any(is_conn(t.text) for t in toks) and toks[0].text not in FOREIGN_ARTICLES:
        for k in range(len(toks) - 2, 0, -1):
            name = sp.text[toks[0].start:toks[k - 1].end]
            if g.place(name) and toks[k].text in g.first_names and toks[-1].text not in ORG_HEADS \
                    and toks[-1].text not in PLACE_TAILS:
                out.append(Span(sp.para, toks[:k], sp.text, sp.sent_initial, sp.titlecase))
                out.append(Span(sp.para, toks[k:], sp.text, False, sp.titlecase))
                return out
    out.append(Span(sp.para, toks, sp.text, sp.sent_initial, sp.titlecase, sp.title_cue, sp.extra))
    return out


def to_mention(sp: Span, g: Gazetteer) -> Mention | None:
    toks = list(sp.tokens)
    toks[-1] = _strip_poss(toks[-1])
    while toks and is_conn(toks[-1].text):
        toks.pop()
    if not toks:
        return None
    start, end = toks[0].start, toks[-1].end
    surface = sp.text[start:end]
    if len(surface) < 2 or surface.isdigit():
        return None
    words = [t.text for t in toks if not is_conn(t.text)]
    if len(words) == 1 and (words[0] in LEGAL_SUFFIXES or words[0].rstrip(".") in LEGAL_SUFFIXES):
        return None  # "Co., Ltd.": the legal form alone
    if len(words) == 2 and (words[1].isdigit() or words[1] in ("II", "III", "IV")) and words[0].lower() in g.common \
            and not g.place(words[0]) and words[0] not in ORG_FIRST and words[0] not in g.first_names \
            and not sp.title_cue:
        return None  # "Day 13", "Phase 2", "Article 5": a common noun and a number
    m = Mention(sp.para, start, end, surface, entity_key(surface), words, sent_initial=sp.sent_initial,
                titlecase=sp.titlecase, title_cue=sp.title_cue)
    m.acronym = len(toks) == 1 and toks[0].is_acronym
    m.place = g.place(surface)
    evidence(m, sp, g)
    return m


def evidence(m: Mention, sp: Span, g: Gazetteer) -> None:
    w0, wl = m.words[0], m.words[-1]
    multi = len(m.words) > 1
    if m.place:
        m.add("L", 3)
    if m.title_cue:
        m.add("P", 3.5 if m.place and len(m.words) == 1 and sp.extra.get("titled") is not None else 3)
        # "Ms France": an honorific before a surname that is also a place
    if sp.extra.get("org_cue") and not m.place and not m.title_cue:
        m.add("O", 2)  # "Zentrova CEO", "the chairman of Zentrova": a company's office
    if not m.place and not m.title_cue and m.surface in g.companies:
        if multi or w0.lower() not in g.common and w0 not in g.first_names:
            m.add("O", 3 if multi else 2.5)  # a listed company: "Pfizer", "HSBC Holdings"
        elif not sp.sent_initial and not m.titlecase and sp.word_before() not in ("the", "a", "an"):
            m.add("O", 1.5)  # an everyday word as a company's name, mid-sentence: "Apple", "Shell"
    if m.acronym:
        if not m.place:
            m.add("O", 1)
        return
    if not multi and "-" in w0 and all(len(p) >= 2 and p.isupper() and p.isalpha() for p in w0.split("-")):
        m.add("O", 2)  # "EPA-EFE": agencies joined by a hyphen
    if multi and wl in LEGAL_SUFFIXES or len(m.words) == 2 and wl.isdigit() and (
            (g.place(w0) or ("", ""))[1] == "country"):
        m.add("O", 5)  # "Halvora Therapeutics AG", "Pemberly Corp."; a country and a number: "France 24"
    elif multi and wl in ("Centre", "Center", "Hall", "Complex", "Park") and m.words[-2] in VENUE_WORDS:
        m.add("L", 3)  # "Edmonton Expo Centre", "Convention Center"
    elif multi and wl in PLACE_TAILS:
        m.add("L", 3)  # "Rhodes International Airport", "Gaza Strip"
    elif multi and w0 in FOREIGN_ARTICLES and not m.place:
        m.add("O", 2.5)  # "Les Verts", "La Liga", "Die Linke"
    elif multi and (wl in ORG_HEADS or w0 in ORG_FIRST or _ORG_OF.search(m.surface)):
        m.add("O", 3)  # "Interior Ministry", "Bank of England", "People's Mojahedin Organization of Iran"
    if multi and w0 in PLACE_HEADS:
        m.add("L", 2)
    if multi and w0 in COMPASS and (wl in COMPASS_TAILS or g.place(" ".join(m.words[1:]))):
        m.add("L", 2)
    if multi and len(m.words) <= 3 and all(w.isupper() and len(w) > 1 and w.isalpha() for w in m.words) \
            and m.words[0].title() in g.first_names and not sp.text.isupper() and not m.place:
        m.add("P", 4)  # "Getty Images/ADRIAN DENNIS": a photographer's name in capitals
    before40 = sp.before(40)
    closing = sp.text[m.end:m.end + 1]
    if sp.text[m.start - 1:m.start] == "[" and closing == "]" and not sp.text[m.end + 1:].strip():
        m.add("O", 3)  # "... rubble [Getty]": a picture agency's credit
    if not multi and w0 in ORG_HEADS and sp.text[max(0, m.start - 4):m.start] == "The " \
            and m.start >= 4 and not is_sentence_start(sp.text, m.start - 4):
        m.add("O", 3)  # "reports The Telegraph": a paper named by its head word
    if _LIST_AFTER.match(sp.text, m.end) or _LIST_AFTER2.match(sp.text, m.end):
        m.add("O", 2.5)  # "Samsung, Oppo, and other phone makers"
    if (closing in ")]" and _CREDIT_BEFORE.search(before40)) or (
            not sp.text[m.end:].strip() and _CAPTION_CREDIT.search(before40)):
        m.add("O", 3)  # "[Jane Roe/Agency]": a photo credit's agency
    elif closing == ")" and m.start < 60 and _DATELINE_CREDIT.match(sp.text[:m.start]):
        m.add("O", 3)  # "ZURICH, July 22 (Agency) -": a wire credit
    if not m.place and _ORG_NOUN_AFTER.match(sp.text, m.end):
        m.add("O", 3)  # "Anadolu news agency", "the Morena party": the noun after says what it is
    if sp.sent_initial and not multi:
        if w0.lower() not in g.common and w0 not in g.first_names and _ORG_AFTER.match(sp.text[m.end:m.end + 40]):
            m.add("O", 2)  # "Xyzco said in a statement"
        return  # a capitalised first word says nothing by itself
    if not multi and not m.place and not m.title_cue and is_demonym(w0, g):
        return  # "Iranian", "Albanians": adjectives of places
    if m.titlecase:
        return
    before, after = sp.word_before(), sp.word_after()
    after_low = after.lower() if after[:1].islower() else ""
    if multi and w0 in g.first_names and wl not in ORG_HEADS and wl not in PLACE_TAILS \
            and not (wl.lower() in g.common and wl.lower().endswith(_ABSTRACT)) \
            and not (wl.isdigit() or wl in ("II", "III", "IV") and len(m.words) == 2):
        m.add("P", 2)  # not "Ashraf 3": a numbered name is a place or a thing
    if len(m.words) == 3 and len(m.words[1].rstrip(".")) == 1:
        m.add("P", 2)
    elif len(m.words) >= 3 and len(w0.rstrip(".")) == 1 and w0[0].isupper() and all(
            _rare(w, g) or w in g.first_names for w in m.words[1:]):
        m.add("P", 2)  # "N Chandrababu Naidu", "J. Robert Oppenheimer": an initial, then a name
    if before in PERSON_BEFORE or _YEAR_OLD.search(sp.before(16)) or after_low in PERSON_AFTER:
        m.add("P", 2)
    rest = sp.after(80)
    if _APPOS_PERSON.match(rest) or _AGE.match(rest):
        m.add("P", 2)
    owner = sp.text[m.end:m.end + 2] in ("’s", "'s")
    if after_low in ORG_AFTER and owner:
        if not m.place:
            m.add("P", 1)  # "Farage’s party": the party's leader
    elif after_low in ORG_AFTER:  # "the Morena party" (a town's name too), not "the Texas party"
        m.add("O", 1 if m.place and m.place[1] != "city" else 3.5)
    elif after_low in ORG_MEMBERS and not m.place and w0 not in g.first_names and not owner:
        m.add("O", 2)  # "Labour leader", "BJP candidate", "Tory MPs"
    elif not multi and w0 in INSTITUTIONS:
        m.add("O", 2)  # "in Congress", "the Senate"
    if not multi and before == "the" and w0.endswith("s") and w0.lower() in g.common and not m.place \
            and not is_demonym(w0, g) and not sp.sent_initial:
        m.add("O", 2)  # "the Conservatives", "the Greens": a party or a team named by its members
    elif multi and before == "the" and wl.endswith("s") and all(w.lower() in g.common for w in m.words) \
            and not m.place \
            and not any(is_demonym(w, g) for w in m.words[:1]) and m.ev.get("P", 0) < 2:
        m.add("O", 2)  # "the Liberal Democrats", "the Young Republicans"
    if len(m.words) == 2 and w0 not in g.first_names and not is_demonym(w0, g) and not m.ev and \
            (g.place(wl) or ("", ""))[1] == "country" and not g.place(w0) and not after[:1].isupper():
        m.add("O", 2)  # "Reform UK", "Oxfam India": a body named with its country
    if _APPOS_ORG.match(rest) or _POSS_ORG.match(sp.text[m.end:m.end + 40]):
        m.add("O", 2)  # "Datafolha, a polling firm", "Shell's chief executive"
    if _APPOS_PLACE.match(rest) or before in PLACE_BEFORE or after_low in PLACE_AFTER \
            or _PLACE_OF.search(sp.before(24)):
        m.add("L", 2)
    if not multi and not m.title_cue and ("including" in before40 or " as " in before40 or "like" in before40) \
            and _ORG_LIST_BEFORE.search(sp.before(60)):
        # "platforms including Xyz", "companies such as Xyz": outweighs a town's or a given name
        m.add("O", 3.5 if m.place and m.place[1] in ("city", "state") else 2)
    elif not m.title_cue and before in ORG_NOUN_WORDS and _ORG_NOUN_BEFORE.search(before40):
        m.add("O", 3)  # "the law firm Leigh Day"
    elif w0 not in g.first_names and not m.title_cue:
        if before in ORG_BEFORE_LAST and _ORG_BEFORE.search(before40):
            m.add("O", 2)  # "rival Xyz", "shares of Xyz", "analysts at Xyz"
        else:
            cue = _ORG_AFTER.match(sp.text[m.end:m.end + 40])
            if cue:  # "Xyz said in a statement"; "Xyz reported" (people report too: weaker)
                m.add("O", 1 if cue.group().endswith("reported") else 2)
    if not multi and before == "the" and not m.place and w0 not in g.first_names and (
            _FEATURE_BEFORE.search(before40) or _FEATURE_AFTER.match(sp.text[m.end:m.end + 30])):
        m.add("L", 1.5)  # "along the Danube", "across the Prairies"
    if after_low in PERSON_VERBS and w0.lower() not in g.common:
        m.add("P", 1)
    if not multi and before in PLACE_PREPS and not m.ev:
        m.add("L", 1)
    if multi and w0 not in g.first_names and m.ev.get("P", 0) < 2:
        rare = [w for w in m.words if w.lower() not in g.common and not g.place(w)]
        places = [w for w in m.words[1:] if (g.place(w) or ("", ""))[1] in ("country", "continent", "region")]
        if places and rare:
            m.add("O", 1.5)  # "Oxfam India", "Partech Africa": a name with a country in it is a body
        elif not m.ev and (len(rare) == len(m.words) or m.words[0] in rare) and len(m.words) <= 4 \
                and " of " not in m.surface and before == "the" and not sp.sent_initial:
            m.add("O", 1)  # "the Lok Sabha", "the Rajya Sabha": people's names take no article
        elif not m.ev and (len(rare) == len(m.words) or m.words[0] in rare) and len(m.words) <= 4 \
                and " of " not in m.surface:
            m.add("P", 1)  # two or three rare words and nothing else: most often a person's name
        elif not m.ev and rare:
            m.add("O", 1)


def join_to(mentions: list[Mention], texts: dict[int, str], g: Gazetteer) -> list[Mention]:
    """'National Council of Resistance' + ' to ' + 'Iran' -> one organisation name; likewise
    'Nuclear' + ' and ' + 'Industrial Safety Agency' (a word with no type of its own before 'and')."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.para, m.start)):
        prev = out[-1] if out else None
        gap = texts[m.para][prev.end:m.start] if prev is not None and prev.para == m.para else ""
        whole = texts[m.para][prev.start:m.end] if gap == " and " else ""
        if whole and g.place(whole):  # "Jammu and Kashmir", "Trinidad and Tobago": one place's name
            prev.surface, prev.end, prev.key = whole, m.end, entity_key(whole)
            prev.words, prev.place, prev.ev = prev.words + m.words, g.place(whole), {"L": 3}
            continue
        if gap == " and " and prev.ev.get("O", 0) >= 3 and not m.place and not m.acronym and not m.ev.get("P") \
                and len(prev.words) >= 2 and re.search(r" (?:of|for|Against|against|on) ", prev.surface) \
                and all(w.lower() in g.common for w in m.words) and len(m.words) <= 3:
            # "Department of Health and Human Services", "Special Court Against Crime and Corruption"
            prev.surface = texts[m.para][prev.start:m.end]
            prev.end, prev.key = m.end, entity_key(prev.surface)
            prev.words = prev.words + m.words
            continue
        if gap == " and " and not prev.ev and m.ev.get("O", 0) >= 3 and not m.acronym \
                and not prev.acronym and prev.words[0] not in g.first_names:
            prev.surface = texts[m.para][prev.start:m.end]
            prev.end, prev.key = m.end, entity_key(prev.surface)
            prev.words, prev.ev = prev.words + m.words, dict(m.ev)
            continue
        if (prev is not None and prev.para == m.para and m.place and prev.ev.get("O", 0) >= 3
                and gap == " to " and prev.words[-1] in _TO_HEADS):  # not "take ... Minerals to Canberra"
            prev.surface = texts[m.para][prev.start:m.end]
            prev.end = m.end
            prev.key = entity_key(prev.surface)
            prev.words = prev.words + m.words
            continue
        out.append(m)
    return out
