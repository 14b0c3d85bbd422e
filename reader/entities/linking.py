"""Alias linking: group mentions of one real-world entity into one cluster.

Rules, in order (all general; none names any particular entity):
  1. same normalised key (entity_key): "the MEK", "MEK’s", "MEK";
  2. an acronym in parentheses (or "X, or the Y") right after a name: "National Council of Resistance of
     Iran (NCRI)", "(PMOI/MEK)";
  3. an acronym equal to the initials of a name: "MEE" / "Middle East Eye", "MEK" / "Mojahedin-e Khalq";
  4. a numbered name with the same base and number: "Ashraf-3" / "Ashraf 3" / "Ashraf III";
  5. names whose words are transliteration variants of each other (normalize.same_spelling_variant),
     or whose words are all contained in a longer name: "Mojaheddeen-e Khalk" / "Mojahedin-e Khalq",
     "Interior Ministry" / "Albanian Interior Ministry", "MEK Khalq" / "MEK" + "Mojahedin-e Khalq";
  6. a single word that is the family name (or, if unique, the given name) of one person, or of the first
     named of several ("Murdaugh" after "Alex Murdaugh ... his son Paul Murdaugh"): "Pompeo" (also of
     an untyped two- or three-word name when the single word is said of a person, which makes it a person);
     a company name without its legal form ("Foo" / "Foo Corp."); an organisation's head word alone
     ("the Greens" / "Queensland Greens") when one organisation of the article has that head;
  7. the head of a country's official name when that country is mentioned: "Islamic Republic" / "Iran";
  8. a quoted nickname after "known as" / "nicknamed" / "dubbed": the person named just before it;
  9. a one-word name that is the first word of one multi-word place: "Addis" / "Addis Ababa".
Generic acronyms ("AI", "GDP": cues.NON_ENTITY_ACRONYMS) never link by initials alone (rule 3).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.entities.classify import Mention
from reader.entities.cues import COMPASS, NON_ENTITY_ACRONYMS, ORG_HEADS, PLACE_HEADS
from reader.entities.gazetteer import Gazetteer
from reader.entities.normalize import fold, roman_to_int, same_spelling_variant, skeleton
from reader.entities.sports import CLUB_SUFFIXES

_PAREN_GAP = re.compile(r"^\s*\(\s*(?:the\s+)?$")
_SLASH_GAP = re.compile(r"^\s*/\s*$")
_OR_GAP = re.compile(r"^\s*,?\s*(?:or|aka|also known as|known as)\s+(?:the\s+)?$")
_PARTICLES = frozenset({"e", "al", "el", "ul", "ol", "ad", "ed", "bin", "ibn", "of", "the", "and", "for", "to",
                        "de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "ten", "ter"})
_SPLIT_RE = re.compile(r"[-\s]")
_NUM_RE = re.compile(r"^(.*?)[\s-]+(\d{1,3}|[IVX]{1,4})$")
_NICK_BEFORE = re.compile(r"\b(?:known as|nicknamed|dubbed|called|aka)\s*[“\"‘']$", re.I)


class Clusters:
    """Union-find over mention indices."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.m = mentions
        self.parent = list(range(len(mentions)))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.m)):
            out.setdefault(self.find(i), []).append(i)
        return out


def name_words(words: list[str]) -> list[str]:
    """Words of a name without particles and hyphens: ['Mojahedin-e', 'Khalq'] -> ['Mojahedin', 'Khalq']."""
    return list(_name_words(tuple(words)))


@lru_cache(maxsize=1 << 15)
def _name_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part for w in words for part in _SPLIT_RE.split(w) if part and part.lower() not in _PARTICLES)


def initials(words: list[str]) -> set[str]:
    """Possible acronyms of a name: all words, capitalised words only, and hyphen parts."""
    out = set()
    caps = [w for w in words if w[:1].isupper()]
    out.add("".join(w[0] for w in caps).upper())
    parts = [p for w in words for p in w.split("-") if p]
    out.add("".join(p[0] for p in parts).upper())
    out.add("".join(p[0] for p in parts if p[0].isupper()).upper())
    return {s for s in out if len(s) >= 2}


def evidence_of(cl: Clusters, members: list[int]) -> dict[str, float]:
    ev: dict[str, float] = {}
    for i in members:
        for t, s in cl.m[i].ev.items():
            ev[t] = ev.get(t, 0.0) + s
    return ev


def best_type(ev: dict[str, float]) -> str | None:
    if not ev:
        return None
    return max(sorted(ev), key=lambda t: ev[t])


def link_adjacent(cl: Clusters, texts: dict[int, str]) -> None:
    """Rule 2: parenthesised acronyms and 'X, or the Y' right after a name."""
    ms = cl.m
    order = sorted(range(len(ms)), key=lambda i: (ms[i].para, ms[i].start))
    for a, b in zip(order, order[1:]):
        A, B = ms[a], ms[b]
        if A.para != B.para:
            continue
        gap = texts[A.para][A.end:B.start]
        if not (_PAREN_GAP.match(gap) or _OR_GAP.match(gap)):
            continue
        group = [b]
        k = order.index(b)
        while k + 1 < len(order):  # "(PMOI/MEK)"
            C = ms[order[k + 1]]
            if C.para == B.para and C.acronym and _SLASH_GAP.match(texts[B.para][ms[order[k]].end:C.start]):
                group.append(order[k + 1])
                k += 1
            else:
                break
        for g in group:
            if _compatible_pair(A, ms[g]):
                cl.union(a, g)


def _compatible_pair(name: Mention, other: Mention) -> bool:
    if name.acronym == other.acronym:
        return False
    acr, full = (other, name) if other.acronym else (name, other)
    letters = acr.surface.replace(".", "")
    if full.single or full.place and full.place[1] != "country":
        return letters in initials(full.words)
    if full.ev.get("O", 0) >= 3 or letters in initials(full.words):
        return True
    return letters[0] in {w[0].upper() for w in full.words}


def link_rules(cl: Clusters, g: Gazetteer) -> None:
    """Rules 1b and 3-7 (see the module docstring), after rule 1 and link_adjacent (rule 2)."""
    ms = cl.m
    by_place: dict[str, int] = {}
    for i, m in enumerate(ms):  # Rule 1b: one gazetteer place ("US", "U.S.", "United States")
        if m.place:
            if m.place[0] in by_place:
                cl.union(by_place[m.place[0]], i)
            else:
                by_place[m.place[0]] = i
    groups = cl.groups()
    info = {}
    for root, members in groups.items():
        ev = evidence_of(cl, members)
        multi = [ms[i] for i in members if not ms[i].single or "-" in ms[i].surface.strip("-")]  # "Mujahedeen-e-Khalq"
        info[root] = (ev, multi, members)
    roots = list(groups)
    # Rule 3: acronyms as initials of a name
    acr_roots = [r for r in roots if all(ms[i].acronym for i in info[r][2])
                 and ms[r].surface.replace(".", "") not in NON_ENTITY_ACRONYMS]
    for r in acr_roots:
        letters = ms[r].surface.replace(".", "").upper()
        hits = {cl.find(o) for o in roots if o != r and info[o][1]
                and best_type(info[o][0]) != "P"
                and any(letters in initials(m.words) for m in info[o][1])}
        if len(hits) == 1:
            cl.union(r, hits.pop())
    # Rule 4: numbered names
    numbered: dict[tuple[str, int], int] = {}
    for r in roots:
        for i in info[r][2]:
            mm = _NUM_RE.match(ms[i].surface)
            if mm and roman_to_int(mm.group(2)):
                k = (fold(mm.group(1)), roman_to_int(mm.group(2)))
                if k in numbered:
                    cl.union(numbered[k], i)
                else:
                    numbered[k] = i
    # a numbered name whose base is a word of a place ("Ashraf III" near "Camp Ashraf") is a place
    place_words = {w for r in roots if best_type(info[r][0]) == "L" for i in info[r][2] for w in ms[i].words}
    for (base, _n), i in numbered.items():
        if any(fold(w) == base for w in place_words):
            ms[i].add("L", 3)
    # Rule 5: transliteration variants and containment among multi-word names
    roots = sorted({cl.find(r) for r in roots})
    words_of = {}
    members_of: dict[int, list[int]] = {}
    for i in range(len(ms)):
        members_of.setdefault(cl.find(i), []).append(i)
    for r in roots:
        members = members_of.get(r, [r])
        ws: list[list[str]] = []
        for i in members:
            w = name_words(ms[i].words)
            if w not in ws:
                ws.append(w)
        words_of[r] = (ws, {w for lst in ws for w in lst}, members)
    index: dict[str, set[int]] = {}
    for r in roots:
        for w in words_of[r][1]:
            index.setdefault(skeleton(w), set()).add(r)
    pairs = set()
    for r in roots:
        if all(len(x) < 2 for x in words_of[r][0]):
            continue  # only multi-word names start a variant or containment match
        for w in words_of[r][1]:
            for o in index.get(skeleton(w), ()):
                if o != r:
                    pairs.add((min(r, o), max(r, o)))
    types = {}
    for r in roots:
        ev = evidence_of(cl, words_of[r][2])
        t = best_type(ev)
        types[r] = t if t and ev[t] >= 2 else None  # only a confident type keeps names apart
    for a, b in sorted(pairs):
        if types[a] and types[b] and types[a] != types[b]:
            continue
        if cl.find(a) != cl.find(b) and _variant_match(words_of[a], words_of[b], ms, g):
            cl.union(a, b)
    # Rule 6: family names / given names of people
    groups = cl.groups()
    people, orgs, orgs_any = [], [], []
    for root, members in groups.items():
        ev = evidence_of(cl, members)
        t = best_type(ev)
        if t == "P" or (t is None or ev[t] < 2) and all(2 <= len(ms[i].words) <= 3 for i in members):
            # people, and two- or three-word names nothing else is known about: a later surname said of a
            # person ("Kagiso Green ... Green said") makes them people
            full = [name_words(ms[i].words) for i in members if len(ms[i].words) > 1]
            if full:
                people.append((root, full) if t == "P" else (root, full, "weak"))
        elif t == "O":
            full = [name_words(ms[i].words) for i in members if len(ms[i].words) > 1]
            if full:
                orgs_any.append((root, full))
            club = any(ms[i].club for i in members)  # "Norwich" / "Norwich City" in a sports report
            full = [f for f in full if len(f) > 1 and all(x in ORG_HEADS or club and x in CLUB_SUFFIXES for x in f[1:])]
            if full:
                orgs.append((root, full))
    clubs = {r: [name_words(ms[i].words) for i in mem if len(ms[i].words) > 1]
             for r, mem in groups.items() if any(ms[i].club for i in mem)}
    clubs = {r: full for r, full in clubs.items() if full}
    for root, members in groups.items():
        if any(len(name_words(ms[i].words)) != 1 or ms[i].acronym for i in members):
            continue
        w = name_words(ms[members[0]].words)
        pl = ms[members[0]].place
        if len(w) == 1 and clubs and (not pl or pl[1] in ("city", "state")):
            named = {r for r in clubs if r != root and any(w[0] in (f[0], f[-1]) for f in clubs[r])}
            if len(named) == 1:  # "Dortmund" / "Borussia Dortmund", "Bayern" / "Bayern Munich" in a sports report
                cl.union(root, named.pop())
                continue
        if len(w) != 1 or (pl and pl[1] != "city" and not (
                pl[1] == "state" and evidence_of(cl, members).get("P", 0) > 0)
                and best_type(evidence_of(cl, members)) != "P"):
            continue  # a state's name is a surname only when said of a person ("Tabora said", "Ms France")
        w = w[0]
        said_of_person = evidence_of(cl, members).get("P", 0) > 0
        last = {p[0] for p in people if p[0] != root and len(p) == 2
                and any(same_spelling_variant(w, f[-1]) for f in p[1])}
        if not last and said_of_person:
            last = {p[0] for p in people if p[0] != root and any(same_spelling_variant(w, f[-1]) for f in p[1])}
            if len(last) == 1:
                ms[members[0]].add("P", 2)  # the surname alone, said of a person, types the full name
        if len(last) == 1:
            cl.union(root, last.pop())
            continue
        if len(last) > 1:  # "Murdaugh" of Alex, Maggie and Paul Murdaugh: news means the one named first
            cl.union(root, min(last, key=lambda r: min((ms[i].para, ms[i].start) for i in groups[r])))
            continue
        first = {p[0] for p in people if p[0] != root and len(p) == 2 and any(f[0] == w for f in p[1])}
        if len(first) == 1 and not last:
            cl.union(root, first.pop())
            continue
        middle = {p[0] for p in people if p[0] != root and len(p) == 2 and any(w in f[1:-1] for f in p[1] if len(w) > 2)}
        if len(middle) == 1 and not first:  # "Lula" / "Luiz Inacio Lula da Silva"
            cl.union(root, middle.pop())
            continue
        # "Apple" / "Apple Inc", "Huawei" / "Huawei Technologies": a company name without its suffix
        owners = {r for r, full in orgs if r != root and any(f[0] == w for f in full)}
        if len(owners) == 1:
            cl.union(root, owners.pop())
            continue
        # "the Greens" / "Queensland Greens", "the Ministry" / "Interior Ministry": an organisation named by
        # its head word alone, when the article names one organisation with that head
        if best_type(evidence_of(cl, members)) == "O" and w in ORG_HEADS:
            heads = {r for r, full in orgs_any if r != root and any(
                f[-1] == w and all(x.lower() in g.common or g.place(x) for x in f[:-1]) for f in full)}
            # not "Congress" / "Trinamool Congress": a name of its own before the head is another body
            if len(heads) == 1:
                cl.union(root, heads.pop())
    # Rule 7: "Islamic Republic" -> the country of that official name mentioned in the article
    groups = cl.groups()
    country_root = {}
    for root, members in groups.items():
        for i in members:
            if ms[i].place and ms[i].place[1] == "country":
                country_root.setdefault(ms[i].place[0], root)
    for root, members in groups.items():
        for i in members:
            for country in g.official_heads.get(ms[i].key, ()):
                if country in country_root:
                    cl.union(country_root[country], root)
                    ms[i].add("L", 3)
                    break


def _variant_match(a, b, ms, g: Gazetteer) -> bool:
    wa, sa = a[0], a[1]
    wb, sb = b[0], b[1]
    for x in wa:
        for y in wb:
            if len(x) == len(y) and len(x) > 1 and all(same_spelling_variant(p, q) for p, q in zip(x, y)) \
                    and any(len(p) >= 4 for p in x) and not _is_place_list(x, g):
                return True
    # containment: every word of a multi-word name of one cluster is a word (or variant) of the other
    for small, big_set, big_lists in ((wa, sb, wb), (wb, sa, wa)):
        for x in small:
            if len(x) < 2:
                continue
            if all(any(same_spelling_variant(p, q) for q in big_set) for p in x):
                rare = [p for p in x if p.lower() not in g.common and not g.place(p)]
                longer = len(big_set) > len(set(x))
                if longer and (rare or all(_modifier(q, x, g) for y in big_lists for q in y)):
                    return True
    return False


def _modifier(word: str, name: list[str], g: Gazetteer) -> bool:
    from reader.entities.classify import is_demonym

    return word in name or is_demonym(word, g) or bool(g.place(word))


def _is_place_list(words: list[str], g: Gazetteer) -> bool:
    return all(g.place(w) for w in words)


def link_nicknames(cl: Clusters, texts: dict[int, str]) -> None:
    """Rule 8: a quoted nickname after "known as" / "nicknamed" / "dubbed" belongs to the person named just
    before it in the same paragraph ("Jane Roe, known as “La Jefa”"); the nearest person, else the nearest name."""
    ms = cl.m
    by_para: dict[int, list[int]] = {}
    for i, m in enumerate(ms):
        by_para.setdefault(m.para, []).append(i)
    for para, idx in by_para.items():
        text = texts.get(para, "")
        idx.sort(key=lambda i: ms[i].start)
        for k, b in enumerate(idx):
            B = ms[b]
            if not _NICK_BEFORE.search(text, max(0, B.start - 20), B.start) or text[B.end:B.end + 1] not in "”\"’'":
                continue
            near = [a for a in idx[:k] if B.start - ms[a].end < 150]
            if not near:
                continue
            people = [a for a in near if best_type(evidence_of(cl, _members(cl, a))) == "P"]
            target = (people or near)[-1]
            ev_b = evidence_of(cl, _members(cl, b))
            if ev_b.get("O", 0) < 3 and ev_b.get("L", 0) < 3:
                cl.union(target, b)


def link_place_prefixes(cl: Clusters, g: Gazetteer) -> None:
    """Rule 9: a one-word name that is no place of its own but the first word of one multi-word place of the
    article ("Addis" / "Addis Ababa") is a short form of that place."""
    ms = cl.m
    groups = cl.groups()
    firsts: dict[str, set[int]] = {}
    types = {r: best_type(evidence_of(cl, mem)) for r, mem in groups.items()}
    for r, mem in groups.items():
        if types[r] == "L":
            for i in mem:
                if len(ms[i].words) > 1:
                    firsts.setdefault(ms[i].words[0].casefold(), set()).add(r)
    for r, mem in groups.items():
        if types[r] not in ("L", None) or any(len(ms[i].words) != 1 or ms[i].acronym for i in mem):
            continue
        w = ms[mem[0]].words[0]
        hits = firsts.get(w.casefold(), set()) - {r}
        own = g.place(w)
        if len(hits) == 1 and (own is None or own[1] == "city") and w not in PLACE_HEADS and w not in COMPASS:
            cl.union(r, hits.pop())


def _members(cl: Clusters, i: int) -> list[int]:
    root = cl.find(i)
    return [j for j in range(len(cl.m)) if cl.find(j) == root]
