"""extract_entities: the rule-based pipeline (candidates -> typing -> linking -> entities)."""

from __future__ import annotations

import re

from reader.entities.candidates import Span, find_spans, is_titlecase_line
from reader.entities.classify import Mention, join_to, split_span, to_mention
from reader.entities.dates import YEARLESS, find_date_templates, with_year
from reader.entities.gazetteer import Gazetteer, gazetteer
from reader.entities.cues import NON_ENTITY_ACRONYMS
from reader.entities.linking import (
    Clusters, best_type, evidence_of, link_adjacent, link_nicknames, link_place_prefixes, link_rules,
)
from reader.entities.normalize import entity_key, fold
from reader.entities.sports import mark_clubs
from reader.errors import ReaderError
from reader.models import Article, Entity
from reader.names import display_name

TYPE_NAMES = {"P": "person", "O": "organization", "L": "place"}
_ROLES = {"P": "author", "O": "publisher"}
_DOMAIN = re.compile(r"\.(?:com|net|org|info|news|co\.uk|co|uk|tv|io)$", re.I)

__all__ = ["entity_key", "extract_entities"]


def extract_entities(article: Article, backend: str = "rules", nlp=None) -> list[Entity]:
    """People, organisations, places and dates of an article, one Entity per real-world entity.

    backend "rules" (default) needs nothing but this package; "spacy" uses spaCy (see spacy_backend;
    `nlp` may be a loaded pipeline or a callable returning one).
    """
    if backend == "spacy":
        from reader.entities.spacy_backend import spacy_mentions

        return _extract(article, lambda texts, g: spacy_mentions(texts, g, nlp))
    if backend != "rules":
        raise ReaderError(f"unknown entity extractor {backend!r}; use 'rules' or 'spacy'.")
    return _extract(article, rule_mentions)


def _texts(article: Article) -> dict[int, str]:
    texts = {i: p for i, p in enumerate(article.paragraphs) if isinstance(p, str)}
    if article.title:
        texts[-1] = article.title
    return texts


def _year(article: Article, values: list[str | None]) -> int | None:
    """The year that yearless dates ("June 20") belong to: the article's own date, else the one year that
    every full date in the text names (none when they disagree). A page date is not used: it is often
    the day the page was saved."""
    if article.date and article.date[:4].isdigit():
        return int(article.date[:4])
    years = {v[:4] for v in values if v and len(v) >= 7 and not v.startswith(YEARLESS)}
    return int(years.pop()) if len(years) == 1 else None


def rule_mentions(texts: dict[int, str], g: Gazetteer) -> tuple[list[Mention], list[Span]]:
    mentions: list[Mention] = []
    titled: list[Span] = []
    for para, text in texts.items():
        spans = find_spans(text, para, True if para == -1 and is_titlecase_line(text) else None)
        for raw in spans:
            for sp in split_span(raw, g):
                if sp.titlecase:
                    titled.append(sp)
                    continue
                m = to_mention(sp, g)
                if m is not None:
                    mentions.append(m)
    return mentions, titled


def _extract(article: Article, find) -> list[Entity]:
    g = gazetteer()
    texts = _texts(article)
    dates: list[tuple[int, int, int, str, str | None]] = []
    masked: dict[int, list[tuple[int, int]]] = {}
    for para, text in texts.items():
        for s, e, surface, value in find_date_templates(text):
            dates.append((para, s, e, surface, value))
            masked.setdefault(para, []).append((s, e))
    year = _year(article, [d[4] for d in dates])
    dates = [(p, s, e, surface, with_year(v, year)) for p, s, e, surface, v in dates]
    mentions, titled = find(texts, g)
    mentions = [m for m in mentions if not _overlaps(masked.get(m.para, ()), m.start, m.end)]
    mentions = join_to(mentions, texts, g)
    mark_clubs(mentions, texts, g)
    cl = Clusters(mentions)
    by_key: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.key in by_key:
            cl.union(by_key[m.key], i)
        else:
            by_key[m.key] = i
    link_adjacent(cl, texts)
    link_rules(cl, g)
    link_nicknames(cl, texts)
    link_place_prefixes(cl, g)
    _link_titled(cl, titled, g)
    entities = _build(cl, g, article)
    entities += _date_entities(dates)
    first = {id(e): (e.mentions[0] if e.mentions else [10**9, 0, 0]) for e in entities}
    entities.sort(key=lambda e: (-e.count, first[id(e)][0], first[id(e)][1]))
    return entities


def _overlaps(spans, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _link_titled(cl: Clusters, titled: list[Span], g: Gazetteer) -> None:
    """Headlines and headings: keep only known names (from the body) and gazetteer places inside them."""
    ms = cl.m
    known: dict[str, int] = {}
    places: dict[str, int] = {}
    for i, m in enumerate(ms):
        known.setdefault(m.key, i)
        if m.place:
            places.setdefault(m.place[0], i)
    for sp in titled:
        whole = to_mention(Span(sp.para, sp.tokens, sp.text, sp.sent_initial, False, sp.title_cue), g)
        if whole is not None and whole.key not in known and (
                whole.title_cue or whole.ev.get("O", 0) >= 3 or (
                    whole.ev.get("P", 0) >= 2 and whole.words[0] in g.first_names and len(whole.words) <= 3)):
            whole.titlecase = True
            ms.append(whole)
            cl.parent.append(len(cl.parent))
            known[whole.key] = len(ms) - 1
            continue
        toks = sp.tokens
        i = 0
        while i < len(toks):
            for j in range(min(len(toks), i + 8), i, -1):
                s, e = toks[i].start, toks[j - 1].end
                surface = sp.text[s:e]
                if surface.endswith(("’s", "'s")):
                    surface, e = surface[:-2], e - 2
                key = entity_key(surface)
                if key in known or g.place(surface):
                    m = Mention(sp.para, s, e, surface, key, [t.text for t in toks[i:j]])
                    m.titlecase = True
                    m.place = g.place(surface)
                    if m.place:
                        m.add("L", 3)
                    if len(surface.replace(".", "")) >= 2 and surface.replace(".", "").isupper():
                        m.acronym = True
                    ms.append(m)
                    cl.parent.append(len(cl.parent))
                    if key in known:
                        cl.union(known[key], len(ms) - 1)
                    else:
                        known[key] = len(ms) - 1
                    if m.place:
                        if m.place[0] in places:
                            cl.union(places[m.place[0]], len(ms) - 1)
                        else:
                            places[m.place[0]] = len(ms) - 1
                    i = j
                    break
            else:
                i += 1


def _name(ms: list[Mention], t: str, g: Gazetteer) -> str:
    if t == "L":
        for kind in ("country", None):
            for m in ms:
                if m.place and (kind is None or m.place[1] == kind):
                    return m.place[0]
    full = [m for m in ms if not m.acronym]
    if not full:
        return ms[0].surface
    best = max(full, key=lambda m: (len(m.words), len(m.surface), -m.para))
    return best.surface


def _build(cl: Clusters, g: Gazetteer, article: Article) -> list[Entity]:
    ms = cl.m
    out: list[Entity] = []
    groups = cl.groups()
    squash = {}
    for root, members in groups.items():
        for i in members:
            squash.setdefault(fold(_DOMAIN.sub("", ms[i].surface)), root)
            squash.setdefault(ms[i].key, root)
    meta: dict[int, list[tuple[str, str]]] = {}
    extra: list[tuple[str, str]] = []
    bylines = [(display_name(a), "O" if a.strip().startswith("{") else "P") for a in article.authors or [] if a]
    for name, t in bylines + (
            [(article.publisher, "O")] if article.publisher else []):
        root = squash.get(entity_key(name)) or squash.get(fold(_DOMAIN.sub("", name)))
        if root is not None:
            meta.setdefault(root, []).append((name, t))
        else:
            extra.append((name, t))
    for root, members in groups.items():
        members.sort(key=lambda i: (ms[i].para, ms[i].start))
        ev = evidence_of(cl, members)
        for name, t in meta.get(root, ()):
            ev[t] = ev.get(t, 0) + 10
        t = best_type(ev)
        if t == "L" and any(ms[i].club for i in members):
            t = "O"  # a sports club named after its town: one clear mention decides
        if t is None or ev[t] <= 0:
            continue
        mm = [ms[i] for i in members]
        if all(m.acronym and m.surface.replace(".", "") in NON_ENTITY_ACRONYMS for m in mm) and root not in meta:
            continue  # "AI", "GDP": things, not organisations, unless linked to an expansion
        aliases: list[str] = []
        for m in mm:
            if m.surface not in aliases:
                aliases.append(m.surface)
        name = _name(mm, t, g)
        for n, _ in meta.get(root, ()):
            if n not in aliases:
                aliases.append(n)
            if t == "O" and not any(not m.acronym for m in mm):
                name = n
        seen = set()
        mentions = []
        for m in mm:
            if (m.para, m.start) not in seen:
                seen.add((m.para, m.start))
                mentions.append([m.para, m.start, m.end])
        role = _ROLES[meta[root][0][1]] if root in meta else None
        out.append(Entity(name=name, type=TYPE_NAMES[t], aliases=aliases, count=len(mentions),
                          mentions=mentions, role=role))
    for name, t in extra:  # named by the byline only: listed apart, without a count
        out.append(Entity(name=name, type=TYPE_NAMES[t], aliases=[name], count=0, mentions=[], role=_ROLES[t]))
    return out


def _date_entities(dates) -> list[Entity]:
    by: dict[str, Entity] = {}
    for para, s, e, surface, value in dates:
        key = value or surface.casefold()
        ent = by.get(key)
        if ent is None:
            ent = by[key] = Entity(name=surface, type="date", value=value)
        if surface not in ent.aliases:
            ent.aliases.append(surface)
        ent.mentions.append([para, s, e])
        ent.count += 1
    return list(by.values())
