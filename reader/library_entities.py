"""Library use cases for entities (issue 14): the library-wide entity list, lookup by any alias,
and user corrections (merge, rename, type, hide, add) with their undo.

Mixed into Library (which supplies state, _load_index, get, resolve). Corrections are applied at
read time on top of the extractor's output (reader.entities.corrections), so re-extraction never
overrides them. The library-wide list is built from the index's summaries (Summary.entities), never
from the article files, and cached until the index or the corrections change.

The one core function for every place that shows entities:
    library.entities_of(article_or_id) -> list[Entity]       one article's entities, corrected
    library.get(ref)                                          the article, with them already applied
    library.library_entities(type=None) -> list[LibraryEntity]   every entity, library-wide
    library.find_entity(name, article=None)                  by any alias; NotFound / Ambiguous
    library.entity_aliases(name) -> list[str]                 every alias of that entity (search's entity:)
    library.articles_mentioning(surface) -> list[str]         ids of the articles naming it (the `f` filter)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.entities.corrections import Corrections, describe, find_mentions, make_target
from reader.entities.corrections import entity_key  # remembered: names repeat across the library
from reader.errors import Ambiguous, NotFound, ReaderError
from reader.models import ENTITY_TYPES, Article, Entity
from reader.store.atomic import atomic_write_text

#: Derived, rebuilt from the article files (never synced): {"version": 1, "articles": {id: rows}}, a row
#: [name, type, mentions, [other aliases]] per entity. Kept apart from index.json, which the article list
#: reads at every start, so the list does not pay for the entity list.
ROWS_FILE = "entities.json"


def entity_rows(article: Article) -> list[list]:
    """The compact rows of one article's (uncorrected) entities, for the library-wide list."""
    return [[e.name, e.type, max(e.count, len(e.mentions)), [a for a in e.aliases if a != e.name]]
            for e in article.entities]

#: Spellings a user may type for a type.
TYPE_NAMES = {t: t for t in ENTITY_TYPES} | {"organisation": "organization", "org": "organization", "people": "person"}
_QUALIFIED = re.compile(r"^(.*\S)\s*\(\s*(" + "|".join(TYPE_NAMES) + r")\s*\)$", re.I)


def entity_type(value: str) -> str:
    t = TYPE_NAMES.get((value or "").strip().casefold())
    if t is None:
        raise ReaderError(f"Unknown entity type {value!r}; use one of {', '.join(ENTITY_TYPES)}.")
    return t


@dataclass
class LibraryEntity:
    """One entity across the library: the corrected name and type, every alias seen, and its articles."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    #: article id -> mentions in that article
    articles: dict[str, int] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)

    @property
    def mentions(self) -> int:
        return sum(self.articles.values())

    @property
    def label(self) -> str:
        return f"{self.name} ({self.type})"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "aliases": list(self.aliases),
                "articles": len(self.articles), "mentions": self.mentions}


def _rows_to_entities(rows: list) -> list[Entity]:
    return [Entity(r[0], r[1], [r[0], *r[3]], int(r[2])) for r in rows]


class EntityLibrary:
    """The entity use cases of Library (see the module docstring)."""

    state: Any

    # -- one article -----------------------------------------------------------------------
    def entities_of(self, article: Article | str) -> list[Entity]:
        """One article's entities with the user's corrections applied (the raw article, or its id)."""
        if isinstance(article, str):
            article = self.get(article, corrected=False)  # type: ignore[attr-defined]
        return Corrections(self.state.entity_corrections()).apply(article.entities, article.id, article.paragraphs, article.title)

    # -- the whole library ---------------------------------------------------------------------
    # -- the rows file (derived data) ------------------------------------------------------------
    def _rows_path(self) -> Path:
        return Path(self.root) / ROWS_FILE  # type: ignore[attr-defined]

    def _entity_rows(self) -> dict[str, list]:
        path = self._rows_path()
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            return {}
        cached = self.__dict__.get("_rows_cache")
        if cached is not None and cached[0] == mtime:
            return cached[1]
        try:
            rows = json.loads(path.read_text("utf-8")).get("articles") or {}
        except (OSError, ValueError, AttributeError):
            rows = {}  # damaged: rebuilt from the article files as they are needed
        self.__dict__["_rows_cache"] = (mtime, rows)
        return rows

    def _write_entity_rows(self, rows: dict[str, list], replace: bool = False) -> None:
        """Called under the library's index lock by import and reindex (and to fill in missing rows)."""
        merged = dict(rows) if replace else {**self._entity_rows(), **rows}
        path = self._rows_path()
        atomic_write_text(path, json.dumps({"version": 1, "articles": merged}, ensure_ascii=False))
        self.__dict__["_rows_cache"] = (path.stat().st_mtime_ns, merged)

    def _summary_rows(self, summary: Any, missing: dict[str, list]) -> list:
        rows = self._entity_rows().get(summary.id)
        if rows is None:  # a library from before the rows file, or a crash between two writes: read the article
            try:
                rows = entity_rows(self.get(summary.id, corrected=False))  # type: ignore[attr-defined]
            except ReaderError:
                rows = []
            missing[summary.id] = rows
        return rows

    def _groups(self) -> dict[tuple[str, str], LibraryEntity]:
        index = self._load_index()  # type: ignore[attr-defined]
        corrections = self.state.entity_corrections()
        self._entity_rows()
        rows_mtime = (self.__dict__.get("_rows_cache") or (None,))[0]
        stamp = (getattr(self, "_index_mtime", None), len(index), rows_mtime, tuple(c["id"] for c in corrections))
        cached = self.__dict__.get("_groups_cache")
        if cached is not None and cached[0] == stamp:
            return cached[1]
        compiled = Corrections(corrections)
        needs_text = {c["scope"] for c in corrections if c.get("op") == "add" and c.get("scope") is not None}
        if compiled.library_adds:
            needs_text = set(index)  # a library-wide addition is found by its text: every article is read
        memo: dict[str, str] = {}

        def key(s: str) -> str:
            k = memo.get(s)
            if k is None:
                k = memo[s] = entity_key(s)
            return k

        groups: dict[tuple[str, str], LibraryEntity] = {}

        def group_of(name: str, kind: str, aliases: list[str]) -> LibraryEntity:
            gkey = (key(name), kind)
            g = groups.get(gkey)
            if g is None:
                g = groups[gkey] = LibraryEntity(name, kind, [name], keys={gkey[0]})
            for a in aliases:
                k = key(a)
                if k not in g.keys:
                    g.keys.add(k)
                    g.aliases.append(a)
            return g

        #: (name, type, *aliases) of a row -> its group after the library-wide corrections (False: hidden);
        #: the same rows come back in article after article, so each is corrected and grouped once
        variants: dict[tuple, Any] = {}
        missing: dict[str, list] = {}
        for s in index.values():
            rows = self._summary_rows(s, missing)
            sid = s.id
            if sid in needs_text or sid in compiled.scoped:  # this article's own corrections: all, in order
                try:
                    if sid in needs_text:
                        ents = self.entities_of(self.get(sid, corrected=False))  # type: ignore[attr-defined]
                    else:
                        ents = compiled.apply(_rows_to_entities(rows), sid)
                except ReaderError:
                    continue
                for e in ents:
                    count = max(e.count, len(e.mentions))
                    if count:
                        arts = group_of(e.name, e.type, e.aliases).articles
                        arts[sid] = arts.get(sid, 0) + count
                continue
            for name, kind, count, aliases in rows:
                if not count:
                    continue  # named only by the byline: not an entity found in the text
                vkey = (name, kind, *aliases)
                g = variants.get(vkey)
                if g is None:
                    t = compiled.transform(name, kind, [name, *aliases]) if compiled else (name, kind, aliases)
                    g = variants[vkey] = False if t is None else group_of(*t)
                if g is not False:
                    arts = g.articles
                    arts[sid] = arts.get(sid, 0) + count
        if missing:  # remember them, so the next list does not read the articles again
            try:
                with self._lock:  # type: ignore[attr-defined]
                    self._write_entity_rows(missing)
                stamp = (*stamp[:2], self.__dict__["_rows_cache"][0], stamp[3])
            except (OSError, ReaderError):
                pass
        self.__dict__["_groups_cache"] = (stamp, groups)
        return groups

    def library_entities(self, type: str | None = None) -> list[LibraryEntity]:
        """Every entity in the library (corrections applied), most articles first."""
        wanted = entity_type(type) if type else None
        groups = self._groups()
        cached = self.__dict__.get("_sorted_cache")
        if cached is None or cached[0] is not groups:
            ordered = sorted(groups.values(), key=lambda g: (-len(g.articles), -g.mentions, g.name.casefold()))
            cached = self.__dict__["_sorted_cache"] = (groups, ordered)
        return [g for g in cached[1] if wanted is None or g.type == wanted]

    def articles_mentioning(self, surface: str) -> list[str]:
        """Ids of the articles with an entity that has this alias (corrections applied)."""
        k = entity_key(surface)
        ids: set[str] = set()
        for g in self._groups().values():
            if k in g.keys:
                ids.update(g.articles)
        order = self._load_index()  # type: ignore[attr-defined]
        return [aid for aid in order if aid in ids]

    def entity_aliases(self, name: str) -> list[str]:
        """Every alias of the library entity named `name` (by any alias), for search's entity: field.
        Unknown names give [name] itself; ambiguous ones the aliases of every candidate."""
        try:
            return list(self.find_entity(name).aliases)
        except Ambiguous:
            k = _split_type(name)[0]
            return sorted({a for g in self._groups().values() if entity_key(k) in g.keys for a in g.aliases})
        except NotFound:
            return [name]

    # -- lookup by any alias ---------------------------------------------------------------------
    def find_entity(self, name: str, article: str | None = None) -> Any:
        """The entity named `name` (any alias; "Name (type)" to choose a type): a LibraryEntity, or with
        `article` (an article ref) that article's corrected Entity. NotFound / Ambiguous otherwise."""
        pool = self._pool(article)
        return _find(name, pool, article)

    def _pool(self, article: str | None) -> list[Any]:
        if article is None:
            return list(self._groups().values())
        return self.entities_of(self.resolve(article))  # type: ignore[attr-defined]

    # -- corrections -------------------------------------------------------------------------------
    def entity_corrections(self) -> list[dict[str, Any]]:
        return self.state.entity_corrections()

    def correct_entity(self, op: str, name: str, value: str | None = None, *, article: str | None = None) -> dict[str, Any]:
        """Record a correction: op "rename" (value: the new name), "type" (value: the type), "hide", or
        "merge" (value: the second entity, folded into the first, whose name is kept). `article` (a ref)
        scopes it to one article; None means the whole library. Returns the stored correction."""
        scope = self.resolve(article) if article else None  # type: ignore[attr-defined]
        pool = self._pool(scope)
        first = _find(name, pool, scope)
        fields: dict[str, Any] = {"op": op, "scope": scope, "target": _target(first, pool, name)}
        if op == "rename":
            new = " ".join((value or "").split())
            if not new:
                raise ReaderError("Give the new name, e.g. reader entity rename Hasina \"Sheikh Hasina\".")
            fields["name"] = new
        elif op == "type":
            fields["type"] = entity_type(value or "")
        elif op == "merge":
            if not value:
                raise ReaderError("Name the second entity, e.g. reader entity merge MEK PMOI.")
            second = _find(value, pool, scope)
            if second is first or (entity_key(second.name), second.type) == (entity_key(first.name), first.type):
                raise ReaderError(f"{name!r} and {value!r} are already the same entity.")
            fields["other"] = _target(second, pool, value)
        elif op != "hide":
            raise ReaderError(f"Unknown correction {op!r}.")
        return self.state.add_entity_correction(fields)

    def add_entity(self, article: str, surface: str, type: str, name: str | None = None,
                   *, library_wide: bool = False) -> dict[str, Any]:
        """Add an entity the extractor missed: `surface` is text of the article (its mentions are found
        by that text, in this article or, library_wide, in every article)."""
        aid = self.resolve(article)  # type: ignore[attr-defined]
        surface = " ".join((surface or "").split())
        if not surface:
            raise ReaderError("Select the words of the entity first.")
        raw = self.get(aid, corrected=False)  # type: ignore[attr-defined]
        if not find_mentions(surface, raw.paragraphs, raw.title):
            raise ReaderError(f"{surface!r} is not in this article as whole words; select it as it is written.")
        fields = {"op": "add", "scope": None if library_wide else aid, "name": " ".join((name or surface).split()),
                  "surface": surface, "type": entity_type(type)}
        return self.state.add_entity_correction(fields)

    def undo_entity_correction(self, cid: str | None = None) -> dict[str, Any] | None:
        """Remove the latest correction (or the one with id `cid`); returns it, or None if there was none."""
        return self.state.remove_entity_correction(cid)

    @staticmethod
    def describe_correction(c: dict[str, Any]) -> str:
        return describe(c)


def _split_type(name: str) -> tuple[str, str | None]:
    m = _QUALIFIED.match(name.strip())
    if m:
        return m.group(1), TYPE_NAMES[m.group(2).casefold()]
    return name.strip(), None


def _find(name: str, pool: list[Any], article: str | None) -> Any:
    bare, kind = _split_type(name)
    k = entity_key(bare)
    cands = [e for e in pool if kind is None or e.type == kind]
    exact = [e for e in cands if entity_key(e.name) == k]
    hits = exact or [e for e in cands if k in (getattr(e, "keys", None) or {entity_key(a) for a in (e.name, *e.aliases)})]
    if len(hits) == 1:
        return hits[0]
    where = f"article {article[:10]}" if article else "the library"
    if not hits:
        near = [e for e in cands if re.search(r"(?<!\w)" + re.escape(k) + r"(?!\w)", entity_key(e.name))] if k else []
        hint = f"did you mean {', '.join(_label(e) for e in near[:5])}?" if near else "run `reader entity list` to see them."
        raise NotFound(f"No entity named {bare!r} in {where}; {hint}")
    names = ", ".join(_label(e) for e in hits[:8]) + (f" and {len(hits) - 8} more" if len(hits) > 8 else "")
    raise Ambiguous(f"{bare!r} names {len(hits)} entities in {where}: {names}; give one as shown, e.g. {_label(hits[0])!r}.")


def _label(e: Any) -> str:
    return f"{e.name} ({e.type})"


def _target(entity: Any, pool: list[Any], asked: str) -> dict[str, Any]:
    """The stored target; strict (type must match) only when another entity in scope has the same name,
    so a later re-extraction that types the entity better keeps the correction."""
    k = entity_key(entity.name)
    same_name = any(o is not entity and entity_key(o.name) == k for o in pool)
    return make_target(entity, [o for o in pool if o is not entity], strict=same_name)
