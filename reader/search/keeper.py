"""Keeps the full-text index in step with a library, and answers searches from it.

The library calls `written(old, new, sig_before)` after every write of its index (import, update,
delete: every write path ends there) and `meta_changed(id)` after a metadata correction. A missing,
stale or older-format index is rebuilt by `ensure()` — in a background thread with `progress`
(searches answer from what is indexed so far), or in the foreground with a progress callback.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.entities import entity_key
from reader.models import Article
from reader.search import engine
from reader.search.fallback import matches
from reader.search.query import Clause, Query, Term, parse
from reader.search.text import index_text

log = logging.getLogger(__name__)
CHUNK = 1000
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
UNAVAILABLE = "Full-text search is unavailable here (the tantivy package did not load); searching titles, authors and other metadata only."


def date_number(value: str | None) -> int:
    """"2023-06-20" -> 20230620; "2023-06" -> 20230600; None or junk -> 0."""
    m = _DATE.match(value or "")
    if not m:
        return 0
    return int(m.group(1)) * 10000 + int(m.group(2) or 0) * 100 + int(m.group(3) or 0)


def _text(value: Any) -> str:
    """A field that may be a string, a list of strings or a small dict (tags, feeds: added elsewhere)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(str(v) for k, v in value.items() if k in ("title", "name", "url") and v)
    if isinstance(value, Iterable):
        return " ".join(_text(v) for v in value)
    return str(value)


def doc_of(article: Article, meta: dict[str, Any] | None = None, feeds: dict[str, str] | None = None) -> engine.Doc:
    """The index document of an article, with the user's metadata corrections applied; `feeds` names
    each feed id (title, site, address) so feed: finds an article by its feed's name."""
    meta = meta or {}
    get = lambda name: meta.get(name, getattr(article, name, None))  # noqa: E731
    keys = {entity_key(a) for e in article.entities if e.type != "date" for a in [e.name, *e.aliases]}
    keys.update(entity_key(k) for k in meta.get("entity_keys", ()) if isinstance(k, str))
    fields = {
        "title": index_text(get("title")),
        "author": index_text(_text(get("authors"))),
        "publisher": index_text(get("publisher")),
        "section": index_text(get("section")),
        "body": index_text("\n".join(article.paragraphs)),
        "tag": index_text(_text(get("tags"))),
        "feed": index_text(" ".join(filter(None, [_text(get("feed")), (feeds or {}).get(_text(get("feed")), "")]))),
    }
    return engine.Doc(article.id, fields, sorted(k for k in keys if k), date_number(get("date")))


def default_folder(root: Path) -> Path:
    """The index folder of a library: the platform cache (or $READER_CACHE_DIR), keyed by the library path."""
    import os

    import platformdirs

    base = os.environ.get("READER_CACHE_DIR") or platformdirs.user_cache_dir("reader", appauthor=False)
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(base).expanduser() / "search" / key


class IndexKeeper:
    def __init__(self, library: Any, folder: Path | None = None) -> None:
        self.lib = library
        self.folder = folder or default_folder(library.root)
        self.index = engine.SearchIndex(self.folder) if engine.available() else None
        #: (done, total) while a rebuild runs, else None.
        self.progress: tuple[int, int] | None = None
        self._thread: threading.Thread | None = None
        self._rebuild_lock = threading.Lock()
        self._stop = threading.Event()

    # -- the library's state ------------------------------------------------------------
    def library_sig(self) -> list[int] | None:
        try:
            st = self.lib.index_path.stat()
        except FileNotFoundError:
            return None
        return [st.st_mtime_ns, st.st_size]

    def state(self) -> str:
        if self.index is None:
            return "unavailable"
        return self.index.state(self.library_sig())

    @property
    def rebuilding(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def feed_names(self) -> dict[str, str]:
        """Feed id -> its title, site and address (feeds come from reader.library_manage, if present)."""
        try:
            feeds = self.lib.feeds() if hasattr(self.lib, "feeds") else []
        except Exception:  # the feeds store unreadable: feed: then matches ids only
            return {}
        return {f.id: " ".join(filter(None, [getattr(f, "title", None), getattr(f, "site", None), getattr(f, "url", None)]))
                for f in feeds}

    def _load(self, aid: str, meta: dict[str, dict[str, Any]], feeds: dict[str, str] | None = None) -> engine.Doc | None:
        path = self.lib.article_path(aid)  # the text in use (an updated article's newest)
        try:
            article = Article.from_dict(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a missing or unreadable article file is not searchable (reader reindex says which)
        return doc_of(article, meta.get(aid), feeds)

    # -- kept in step ----------------------------------------------------------------------
    def written(self, old: dict[str, Any], new: dict[str, Any], sig_before: Any, articles: Iterable[Article] = ()) -> None:
        """After the library's index changed from `old` to `new` (id -> summary rows)."""
        if self.index is None:
            return
        was_current = self.index.state(sig_before) == "current"
        if sig_before is None and not old:  # a new library: whatever the cache holds for this path is not it
            self.index.clear()
            was_current = True
        fresh = {a.id: a for a in articles}
        deletes = [aid for aid in old if aid not in new]
        # Unchanged rows are the very same objects (writers copy the dict, not the rows): `is` first,
        # so a write to a library of 100,000 articles compares them in milliseconds.
        changed = [aid for aid, row in new.items() if (prev := old.get(aid)) is not row and prev != row]
        if deletes or changed:
            meta = self.lib.state.all_meta() if changed else {}
            feeds = self.feed_names() if changed else {}
            docs = []
            for aid in changed:
                a = fresh.get(aid)
                doc = doc_of(a, meta.get(aid), feeds) if a is not None else self._load(aid, meta, feeds)
                if doc is not None:
                    docs.append(doc)
            self.index.write(docs, deletes, new={aid for aid in changed if aid not in old})
        if was_current:
            self.index.write_stamp(self.library_sig())

    def entity_names(self, surface: str, sample: int = 40) -> set[str]:
        """Every name and alias of the entities called `surface` (by name or alias) in the articles
        that mention it (a sample of them): entity:Rahimi also finds the articles that only say
        "Amir Rahimi", because some article's extraction knows both as one person."""
        key = entity_key(surface)
        names = {key}
        if self.index is None or not key:
            return names
        # the user's entity corrections (merges, renames) through the library's one lookup
        names |= {entity_key(a) for a in self.lib.entity_aliases(surface)}
        probe = Query(surface, (Clause((Term((surface,), "entity"),)),))
        hits, _total = self.index.search(probe, limit=sample)
        for aid, _score in hits:
            try:
                raw = json.loads(self.lib.article_path(aid).read_text("utf-8"))
            except (OSError, ValueError):
                continue
            for e in raw.get("entities") or []:
                if not isinstance(e, dict) or e.get("type") == "date":
                    continue
                keys = {entity_key(str(a)) for a in [e.get("name") or "", *(e.get("aliases") or [])]}
                if key in keys:
                    names |= keys
        names.discard("")
        return names

    def expand_entities(self, q: Query) -> Query:
        """The query with each entity: term standing for every name and alias of that entity."""
        if not any(t.field == "entity" for c in q.clauses for t in c.terms):
            return q
        clauses = []
        for c in q.clauses:
            terms = tuple(
                replace(t, words=tuple(sorted(self.entity_names(t.words[0])))) if t.field == "entity" else t
                for t in c.terms
            )
            clauses.append(replace(c, terms=terms))
        return replace(q, clauses=tuple(clauses))

    def meta_changed(self, *aids: str) -> None:
        """Re-index these articles after their metadata corrections changed (one commit)."""
        if self.index is None or not aids:
            return
        meta, feeds = self.lib.state.all_meta(), self.feed_names()
        docs = [d for d in (self._load(aid, meta, feeds) for aid in aids) if d is not None]
        if docs:
            self.index.write(docs)

    # -- rebuilding ---------------------------------------------------------------------------
    def ensure(self, *, background: bool = True, progress: Callable[[int, int], Any] | None = None) -> str:
        """Make the index current: returns its state before ("current", "missing", "stale", "old"...)."""
        state = self.state()
        if state in ("current", "unavailable"):
            return state
        if background:
            if not self.rebuilding:
                self._thread = threading.Thread(target=self._rebuild_quietly, args=(state,), daemon=True, name="search-index")
                self._thread.start()
        else:
            self.rebuild(clear=state == "old", progress=progress)
        return state

    def _rebuild_quietly(self, state: str) -> None:
        try:
            self.rebuild(clear=state == "old")
        except Exception:  # derived data: a failed rebuild is retried next time, never fatal
            log.exception("rebuilding the search index failed")

    def rebuild(self, *, clear: bool = False, progress: Callable[[int, int], Any] | None = None) -> int:
        """Index every article of the library (in chunks, each committed: searches see them as they come)."""
        if self.index is None:
            return 0
        with self._rebuild_lock:
            if clear:
                self.index.clear()
            ids = [s.id for s in self.lib.summaries()]
            have = self.index.ids()
            stale = have - set(ids)
            meta = self.lib.state.all_meta()
            feeds = self.feed_names()
            total = len(ids)
            self.progress = (0, total)
            try:
                for i in range(0, total, CHUNK):
                    if self._stop.is_set():
                        return i  # closing: the stamp stays stale, the next start carries on
                    chunk = ids[i:i + CHUNK]
                    # Read and commit under the writer lock, so a hook's newer write of the same article
                    # (which reads after its file was written) always commits after ours.
                    with self.index.writing():
                        docs = [d for d in (self._load(aid, meta, feeds) for aid in chunk) if d is not None]
                        self.index.write(docs, stale if i == 0 else (), new={aid for aid in chunk if aid not in have})
                    self.progress = (min(total, i + CHUNK), total)
                    if progress:
                        progress(*self.progress)
                if not total and stale:
                    self.index.write((), stale)
                # Writes made while we rebuilt were applied by their own hooks: the index is the library's now.
                self.index.write_stamp(self.library_sig())
            finally:
                self.progress = None
        return total

    def stop(self, timeout: float = 30.0) -> None:
        """Stop a background rebuild at its next chunk (the library is closing) and wait for it."""
        self._stop.set()
        self.wait(timeout)
        self._stop.clear()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


# -- searching ----------------------------------------------------------------------------------
@dataclass
class Hit:
    id: str
    score: float
    summary: Any


@dataclass
class SearchResults:
    query: Query
    hits: list[Hit]
    #: How many articles match in all (hits may be fewer: the limit).
    total: int
    #: One line when the answer is partial (index being built) or metadata only.
    notice: str | None = None
    full_text: bool = True


def run_search(keeper: IndexKeeper, query: str | Query, *, limit: int | None = None, sort: str = "relevance") -> SearchResults:
    """Parse (QueryError on a malformed query), filter by read state, rank or sort by date."""
    lib = keeper.lib
    q = parse(query) if isinstance(query, str) else query
    include: set[str] | None = None
    exclude: set[str] = set()
    if q.states:
        state = lib.state
        if "unread" in q.states:
            exclude |= set(state.read_ids())
        wanted = []
        if "read" in q.states:
            wanted.append(set(state.read_ids()))
        if "bookmarked" in q.states:
            wanted.append(set(state.bookmarked_ids()))
        if "note" in q.states:
            wanted.append({b.article_id for b in state.bookmarks() if b.note.strip()})
        if wanted:
            include = set.intersection(*wanted) - exclude
            exclude = set()
    rows = lib._load_index()
    meta = lib.state.all_meta()

    def summary(aid: str) -> Any:
        s = rows[aid]
        m = meta.get(aid)
        return replace(s, **{k: v for k, v in m.items() if hasattr(s, k) and k != "id"}) if m else s

    if keeper.index is None:
        found = []
        for aid in rows:
            if (include is not None and aid not in include) or aid in exclude:
                continue
            s = summary(aid)
            if matches(s, q):
                found.append(Hit(aid, 0.0, s))
        found.sort(key=lambda h: h.summary.date or "", reverse=True)
        return SearchResults(q, found[:limit] if limit else found, len(found), UNAVAILABLE, full_text=False)
    keeper.ensure(background=True)
    q = keeper.expand_entities(q)
    notice = None
    if keeper.progress is not None:
        done, total = keeper.progress
        notice = f"Indexing the library: {done:,} of {total:,} articles so far; results may be incomplete."
    elif keeper.rebuilding:
        notice = "Indexing the library; results may be incomplete."
    ids, total = keeper.index.search(
        q, limit=limit, sort=sort, include=sorted(include) if include is not None else None, exclude=sorted(exclude)
    )
    hits = [Hit(aid, score, summary(aid)) for aid, score in ids if aid in rows]
    return SearchResults(q, hits, total - (len(ids) - len(hits)), notice)
