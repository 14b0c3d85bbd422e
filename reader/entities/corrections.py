"""User corrections of entities, applied on top of the extractor's output at read time.

The extractor's output (in the article files) is never changed: corrections live in the state
store and are applied, in the order they were made, every time entities are read. So
`reader reindex --entities` can re-extract freely and no correction is lost. A correction names
its entity by alias keys (entity_key of its name and aliases), never by positions.

A correction is a plain dict (as stored):
    id, seq, created, scope (None: the whole library; else an article id), op, target, and
    rename: "name" (the new name)          type: "type" (the new type)          hide: -
    merge:  "other" (a second target, folded into the first; the first one's name is kept)
    add:    "name", "type", "surface" (the text selected by the user; its mentions are found by text)
A target is {"name": display name, "type": type when corrected, "keys": [alias keys],
"strict": bool (True: only entities of that type match, when the name alone was ambiguous)}.

An entity matches a target when the target's name key is one of its alias keys, or its own
name's key is one of the target's keys (so a re-extraction that picks another alias as the name
still matches, while an entity that merely shares one alias, such as a surname, does not).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from reader.entities.normalize import entity_key as _entity_key
from reader.models import ENTITY_TYPES, Entity

#: entity_key, remembered: the same names come back in every article of a library
entity_key = lru_cache(maxsize=1 << 18)(_entity_key)

OPS = ("merge", "rename", "type", "hide", "add")


def keys_of(entity: Entity) -> set[str]:
    return {entity_key(a) for a in (entity.name, *entity.aliases)}


def mentions_count(entity: Entity) -> int:
    return max(entity.count, len(entity.mentions))


def strength(entity: Entity, target: dict) -> int:
    """2: the entity's name is one of the target's aliases; 1: the target's name is one of the
    entity's aliases; 0: no match."""
    if target.get("strict") and entity.type != target.get("type"):
        return 0
    name_key = entity_key(target.get("name") or "")
    own = entity_key(entity.name)
    if own in (target.get("keys") or ()) or own == name_key:
        return 2
    return 1 if name_key in keys_of(entity) else 0


def matches(entity: Entity, target: dict) -> bool:
    return strength(entity, target) > 0


def make_target(entity: Entity, others: Iterable[Entity] = (), strict: bool = False) -> dict:
    """The target of a correction of `entity`: its alias keys, less the names of the `others`
    (the other entities in scope), so a shared surname does not pull a second person in."""
    taken = {entity_key(o.name) for o in others} - {entity_key(entity.name)}
    keys = sorted(keys_of(entity) - taken)
    return {"name": entity.name, "type": entity.type, "keys": keys, "strict": bool(strict)}


def in_scope(correction: dict, article_id: str | None) -> bool:
    scope = correction.get("scope")
    return scope is None or scope == article_id


def _union(first: Sequence, second: Iterable) -> list:
    out = list(first)
    seen = {entity_key(a) if isinstance(a, str) else tuple(a) for a in out}
    for item in second:
        k = entity_key(item) if isinstance(item, str) else tuple(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _combine(into: Entity, other: Entity) -> None:
    into.aliases = _union(into.aliases or [into.name], other.aliases or [other.name])
    if into.mentions or other.mentions:
        into.mentions = sorted(_union(into.mentions, other.mentions))
    into.count = mentions_count(into) + mentions_count(other) if not into.mentions else len(into.mentions)


def find_mentions(surface: str, paragraphs: Sequence[str], title: str | None = None) -> list[list[int]]:
    """Every whole-word occurrence of `surface` (exact text, any run of spaces) as [paragraph, start, end];
    paragraph -1 is the title."""
    words = surface.split()
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")
    out = []
    if title:
        out += [[-1, m.start(), m.end()] for m in pattern.finditer(title)]
    for p, text in enumerate(paragraphs):
        out += [[p, m.start(), m.end()] for m in pattern.finditer(text)]
    return out


def _add(entities: list[Entity], c: dict, paragraphs: Sequence[str] | None, title: str | None) -> list[Entity]:
    if paragraphs is None:
        return entities
    mentions = find_mentions(c.get("surface") or c["name"], paragraphs, title)
    if not mentions:
        return entities
    new = Entity(c["name"], c["type"], _union([c["name"]], [c.get("surface") or c["name"]]), len(mentions), mentions)
    wanted = keys_of(new)
    for e in entities:
        if entity_key(e.name) in wanted:
            e.type = c["type"]
            e.mentions = sorted(_union(e.mentions, mentions))
            e.aliases = _union(e.aliases or [e.name], new.aliases)
            e.count = max(e.count, len(e.mentions))
            return entities
    return [*entities, new]


def _merge(entities: list[Entity], c: dict) -> list[Entity]:
    a_target, b_target = c["target"], c["other"]
    firsts, seconds = [], []
    for e in entities:  # by name before by alias: "UN" (alias "United Nations") is the UN, not the United Nations
        a, b = strength(e, a_target), strength(e, b_target)
        if a and a >= b:
            firsts.append(e)
        elif b:
            seconds.append(e)
    if not seconds and len(firsts) < 2:
        return entities
    group = firsts + seconds
    keep = group[0]
    if not firsts:  # only the second one is in this article: it takes the first one's name and type
        keep.aliases = _union([a_target["name"]], keep.aliases or [keep.name])
        keep.name, keep.type = a_target["name"], a_target.get("type") or keep.type
    for other in group[1:]:
        _combine(keep, other)
    dropped = {id(e) for e in group[1:]}
    return [e for e in entities if id(e) not in dropped]


def _produced(c: dict) -> set[str]:
    """Alias keys a correction gives an entity (a later correction may target those)."""
    target = c.get("target") if isinstance(c.get("target"), dict) else {}
    if c.get("op") == "rename":
        return {entity_key(str(c.get("name") or ""))}
    if c.get("op") == "merge":
        return {entity_key(str(target.get("name") or ""))}
    if c.get("op") == "add":
        return {entity_key(str(c.get("name") or "")), entity_key(str(c.get("surface") or ""))}
    return set()


class Corrections:
    """Corrections indexed by the alias keys they can match, so an article is checked against the few
    that concern it, not all of them (10,000 articles x hundreds of corrections stay fast)."""

    def __init__(self, corrections: Iterable[dict]) -> None:
        self.items = sorted(corrections, key=lambda c: c.get("seq") or 0)
        self.by_key: dict[str, list[int]] = {}
        self.scoped: dict[str, list[int]] = {}
        self.library_adds: list[int] = []
        for i, c in enumerate(self.items):
            if c.get("scope") is not None:
                self.scoped.setdefault(c["scope"], []).append(i)
            elif c.get("op") == "add":
                self.library_adds.append(i)
            else:
                for k in correction_keys([c]):
                    self.by_key.setdefault(k, []).append(i)

    def __bool__(self) -> bool:
        return bool(self.items)

    def relevant(self, keys: Iterable[str], article_id: str | None, with_text: bool = False) -> list[dict]:
        """The corrections that can change an article whose entities have these alias keys."""
        found = set(self.scoped.get(article_id, ())) if article_id is not None else set()
        if with_text:
            found.update(self.library_adds)
        seen: set[str] = set()
        frontier = set(keys) | {k for i in found for k in _produced(self.items[i])}
        while frontier:
            seen |= frontier
            new: set[str] = set()
            for k in frontier:
                for i in self.by_key.get(k, ()):
                    if i not in found:
                        found.add(i)
                        new |= _produced(self.items[i])
            frontier = new - seen
        return [self.items[i] for i in sorted(found)]

    def transform(self, name: str, kind: str, aliases: Sequence[str]) -> tuple[str, str, list[str]] | None:
        """One entity under the library-wide corrections alone (rename, type, hide, merge act on each
        entity by itself; a merge's two entities then share a name and are counted as one). None:
        hidden. Remembered, as the same entities come back in article after article."""
        by_key = self.by_key
        if not any(entity_key(a) in by_key for a in (name, *aliases)):
            return name, kind, list(aliases)  # no library-wide correction names it: the common case
        memo = self.__dict__.setdefault("_memo", {})
        key = (name, kind, tuple(aliases))
        if key not in memo:
            keys = {entity_key(a) for a in (name, *aliases)}
            todo = [c for c in self.relevant(keys, None) if c.get("scope") is None]
            if not todo:
                memo[key] = (name, kind, list(aliases))
            else:
                out = _apply([Entity(name, kind, list(aliases))], todo, None, None, None)
                memo[key] = (out[0].name, out[0].type, out[0].aliases) if out else None
        return memo[key]

    def apply(self, entities: Sequence[Entity], article_id: str | None = None,
              paragraphs: Sequence[str] | None = None, title: str | None = None) -> list[Entity]:
        keys = {entity_key(a) for e in entities for a in (e.name, *e.aliases)}
        todo = self.relevant(keys, article_id, with_text=paragraphs is not None)
        return _apply(entities, todo, article_id, paragraphs, title) if todo else list(entities)


def apply(
    entities: Iterable[Entity],
    corrections: Iterable[dict],
    article_id: str | None = None,
    paragraphs: Sequence[str] | None = None,
    title: str | None = None,
) -> list[Entity]:
    """The entities of one article with the corrections in scope applied, in order (copies; the
    input is not changed). Without `paragraphs` (a summary row), an "add" cannot find its mentions
    and is skipped; the caller accounts for it."""
    return _apply(entities, sorted(corrections, key=lambda c: c.get("seq") or 0), article_id, paragraphs, title)


def _apply(entities: Iterable[Entity], corrections: list[dict], article_id: str | None,
           paragraphs: Sequence[str] | None, title: str | None) -> list[Entity]:
    out = [copy.copy(e) for e in entities]
    for e in out:
        e.aliases, e.mentions = list(e.aliases), [list(m) for m in e.mentions]
    for c in corrections:
        if not in_scope(c, article_id):
            continue
        try:
            out = _apply_one(out, c, paragraphs, title)
        except (KeyError, TypeError, AttributeError, ValueError):
            continue  # a damaged or hand-edited correction is skipped, never fatal
    out.sort(key=lambda e: -mentions_count(e))
    return out


def _apply_one(out: list[Entity], c: dict, paragraphs: Sequence[str] | None, title: str | None) -> list[Entity]:
    op, target = c.get("op"), c.get("target") or {}
    if not isinstance(target, dict):
        raise ValueError("no target")
    for field in ("name", "surface"):
        if field in c and not (isinstance(c[field], str) and c[field].strip()):
            raise ValueError(f"bad {field}")
    if "type" in c and c["type"] not in ENTITY_TYPES:
        raise ValueError("bad type")
    if op == "hide":
        return [e for e in out if not matches(e, target)]
    if op == "rename":
        for e in out:
            if matches(e, target):
                e.aliases = _union(e.aliases or [e.name], [c["name"]])
                e.name = c["name"]
    elif op == "type":
        for e in out:
            if matches(e, target):
                e.type = c["type"]
    elif op == "merge":
        return _merge(out, c)
    elif op == "add":
        return _add(out, c, paragraphs, title)
    return out


def correction_keys(corrections: Iterable[dict]) -> set[str]:
    """Every alias key a library-wide correction can match (a summary without any of them is unaffected)."""
    keys: set[str] = set()
    for c in corrections:
        for t in (c.get("target"), c.get("other")):
            if isinstance(t, dict):
                keys.update(k for k in t.get("keys") or () if isinstance(k, str))
                keys.add(entity_key(str(t.get("name") or "")))
    return keys


def describe(c: dict) -> str:
    """One line saying what a correction does ("renamed Hasina to Sheikh Hasina in the whole library")."""
    def name_of(t: object) -> str:
        return str(t.get("name", "?")) if isinstance(t, dict) else "?"

    target = name_of(c.get("target"))
    where = "in the whole library" if c.get("scope") is None else f"in article {str(c['scope'])[:10]}"
    op = c.get("op")
    if op == "merge":
        what = f"merged {name_of(c.get('other'))} into {target}"
    elif op == "rename":
        what = f"renamed {target} to {c.get('name')}"
    elif op == "type":
        what = f"set the type of {target} to {c.get('type')}"
    elif op == "hide":
        what = f"hid {target} (not an entity)"
    else:
        what = f"added {c.get('name')} ({c.get('type')})"
    return f"{what} {where}"
