"""The library on disk: parsed articles (one JSON file each), a summary index, and the state store.

Layout of a library folder:
    articles/<id>.json   the parsed Article with its entities; written once at import
    index.json           one summary row per article (what the list and search need)
    entities.json        each article's entities as compact rows (the library-wide entity list; derived)
    state.json           the TinyDB state store (read state, positions, bookmarks, notes, ...)

The frequent small writes go to state.json only, never to the article bodies.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from filelock import FileLock

from reader.controls import shown_name
from reader.entities import entity_key, extract_entities
from reader.errors import Ambiguous, IngestError, NotFound, ReaderError
from reader.ingest import article_id, iter_article_files, parse_file
from reader.library_entities import EntityLibrary, entity_rows
from reader.library_files import article_problem, clean_article, index_has_controls, summary_fields, write_error
from reader.library_manage import ManageMixin
from reader.library_state import StateUseCases
from reader.library_sync import SyncedArticles
from reader.models import Article
from reader.paths import ENV_LIBRARY, resolve_library_dir
from reader.search.keeper import IndexKeeper, SearchResults, run_search
from reader.sync.store import SyncedStore
from reader.store.atomic import atomic_write_bytes, atomic_write_many, atomic_write_text

INDEX_VERSION = 1
#: Metadata fields a user may correct (`reader meta`); corrections live in the state store.
CORRECTABLE = ("title", "authors", "publisher", "date", "url", "section", "language", "tags")
#: The correctable fields whose value is a list of strings.
LIST_FIELDS = ("authors", "tags")


def corrections(meta: dict[str, Any]) -> dict[str, Any]:
    """The fields of a stored correction that reader applies (Summary and Article both have them all).

    A value of the wrong type (stored before corrections were validated, or by hand) is ignored:
    it would break the list, search and citations (reader.services.meta_fields validates new ones)."""
    return {
        k: v for k, v in meta.items()
        if k in CORRECTABLE and (
            isinstance(v, list) and all(isinstance(a, str) for a in v) if k in LIST_FIELDS else v is None or isinstance(v, str)
        )
    }


@dataclass
class Summary:
    """What the article list, filters and search need, without loading the body."""

    id: str
    title: str | None
    authors: list[str]
    publisher: str | None
    date: str | None
    added: str | None
    words: int
    section: str | None = None
    language: str | None = None
    url: str | None = None
    #: entity_key() of every alias of every person/organisation/place in the article.
    entity_keys: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    feed: str | None = None
    source: str | None = None

    @classmethod
    def of(cls, a: Article) -> Summary:
        keys = sorted(
            {entity_key(alias) for e in a.entities if e.type != "date" for alias in [e.name, *e.aliases]}
        )
        return cls(
            id=a.id,
            title=a.title,
            authors=list(a.authors),
            publisher=a.publisher,
            date=a.date,
            added=a.added,
            words=a.word_count,
            section=a.section,
            language=a.language,
            url=a.url,
            entity_keys=keys,
            tags=list(a.tags),
            feed=a.feed,
            source=a.source,
        )


_SUMMARY_FIELDS = frozenset(f.name for f in fields(Summary))


def summary_of_row(row: Any, dirty: bool = True) -> tuple[Summary | None, bool]:
    """A Summary from an index row (see library_files.summary_fields): (None, True) for a row
    without an id, (summary, True) when fields were missing or of the wrong type."""
    kw, fixed = summary_fields(row, _SUMMARY_FIELDS, dirty)
    return (None if kw is None else Summary(**kw)), fixed


@dataclass
class ImportResult:
    path: str
    status: str  # "imported" | "updated" | "duplicate" | "refused" | "skipped" (a link leaving the folder)
    article_id: str | None = None
    title: str | None = None
    reason: str | None = None


@dataclass
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> bool:
        return self.count("refused") > 0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Library(StateUseCases, ManageMixin, EntityLibrary, SyncedArticles):
    def __init__(self, root: Path, *, backend: str = "rules") -> None:
        self.root = Path(root)
        self.backend = backend
        self.articles_dir = self.root / "articles"
        self.index_path = self.root / "index.json"
        try:
            self.articles_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReaderError(
                f"Cannot create the library folder {self.root} ({exc.strerror}); "
                "choose another with --library DIR or READER_LIBRARY."
            ) from exc
        self._lock = FileLock(str(self.root / ".index.lock"))
        self._index: dict[str, Summary] | None = None
        self._index_mtime: float | None = None
        self._warnings: list[str] = []
        self._warned: set[str] = set()
        self.state = SyncedStore(self.root)
        self._texts: dict[str, str] = {}  # article id -> content id of the text its index row was made from
        self._texts_pending: set[str] = set()
        self._keeper: IndexKeeper | None = None

    # -- warnings ---------------------------------------------------------------------
    def warn(self, message: str) -> None:
        """Keep a one-line warning about damage found while working (each said once)."""
        if message not in self._warned:
            self._warned.add(message)
            self._warnings.append(message)

    def take_warnings(self) -> list[str]:
        """Warnings found since the last call (damaged store files, index rows, article files),
        each one line naming the file and what to do; every interface shows them at once."""
        for line in self.state.take_warnings():
            self.warn(line)
        out, self._warnings = self._warnings, []
        return out

    # -- opening ------------------------------------------------------------------
    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None, *, seed: bool = True, backend: str = "rules") -> Library:
        lib = cls(resolve_library_dir(root), backend=backend)
        # The samples seed only the default library, never a folder the user named (--library, READER_LIBRARY).
        if seed and root is None and not os.environ.get(ENV_LIBRARY):
            lib.ensure_seeded()
        return lib

    def ensure_seeded(self) -> None:
        """On first run (no index yet) import the bundled sample articles."""
        if self.index_path.exists():
            return
        sample = resources.files("reader") / "sample"
        with resources.as_file(sample) as folder:
            files = sorted(p for p in Path(folder).iterdir() if p.suffix in {".txt", ".md", ".html"})
            self.import_paths(files)
        if not self.index_path.exists():
            self._write_index({})

    def close(self) -> None:
        if self._keeper is not None:
            self._keeper.stop()
        self.state.close()

    # -- the index --------------------------------------------------------------------
    def _load_index(self) -> dict[str, Summary]:
        index = self._load_index_file()
        return self._follow_articles(index)

    def _load_index_file(self) -> dict[str, Summary]:
        try:
            mtime = self.index_path.stat().st_mtime_ns
        except FileNotFoundError:
            self._index, self._index_mtime = {}, None
            return self._index
        if self._index is not None and mtime == self._index_mtime:
            return self._index
        problem, dirty = None, True
        try:
            text = self.index_path.read_text("utf-8")
            dirty = index_has_controls(text)
            raw = json.loads(text)
        except IsADirectoryError:
            raw, problem = None, "it is a folder, not a file"
        except OSError as exc:
            raw, problem = None, f"it cannot be read: {exc.strerror or exc}"
        except ValueError as exc:
            raw, problem = None, f"it is not valid JSON: {exc}"
        if raw is not None and (not isinstance(raw, dict) or not isinstance(raw.get("articles", []), list)):
            raw, problem = None, "it is not a reader index"
        if raw is None:
            self.warn(
                f"The library index {shown_name(self.index_path)} is damaged ({problem}); the list was rebuilt "
                "from the article files for now: run `reader reindex` to save it."
            )
            self._index, self._index_mtime = self._scan(), mtime
            return self._index
        index, bad = {}, 0
        texts = raw.get("texts")
        self._texts = {k: v for k, v in texts.items() if isinstance(v, str)} if isinstance(texts, dict) else {}
        for row in raw.get("articles", []):
            summary, fixed = summary_of_row(row, dirty)
            bad += fixed
            if summary is not None:
                index[summary.id] = summary
        if bad:
            self.warn(
                f"The library index {shown_name(self.index_path)} has {bad} row{'s' if bad != 1 else ''} with missing "
                "or wrong fields (read as best they could be); run `reader reindex` to rebuild it."
            )
        self._index = index
        self._index_mtime = mtime
        return self._index

    def _read_article(self, path: Path) -> Article:
        """One article file; ReaderError (one line naming the file) when it is not a reader article."""
        try:
            d = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise
        except (OSError, ValueError) as exc:
            why = getattr(exc, "strerror", None) or ("not valid JSON" if isinstance(exc, ValueError) else str(exc))
            raise ReaderError(
                f"The article file {shown_name(path)} is unreadable ({why}); re-import the article with `reader add`, "
                "or move that file away and run `reader reindex`."
            ) from exc
        problem = article_problem(d)
        if problem is None:
            try:
                return clean_article(Article.from_dict(d))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                problem = f"a field has the wrong shape: {exc}"
        raise ReaderError(
            f"The article file {shown_name(path)} is not a reader article ({problem}); re-import the article with "
            "`reader add`, or move that file away and run `reader reindex`."
        )

    def _scan(
        self, progress: Callable[[str], Any] | None = None, reextract: bool = False, rows: dict[str, list] | None = None
    ) -> dict[str, Summary]:
        """Summaries of every readable article file (what reindex writes); their entity rows into `rows`."""
        index: dict[str, Summary] = {}
        trashed = self.trashed_ids()
        self._texts = {}
        for base in sorted(self.articles_dir.glob("*.json")):
            if base.stem in trashed:
                continue  # in the trash (maybe deleted on another machine): a copy brought back stays there
            path = self.article_path(base.stem)
            if path != base and (cid := self.text_version(base.stem)):
                self._texts[base.stem] = cid
            try:
                article = self._read_article(path)
            except (ReaderError, FileNotFoundError) as exc:
                if progress:
                    progress(f"skipped {shown_name(path.name)}: {exc}")
                continue
            if reextract:
                article = self.reextracted(article)  # from the kept original of a fetched page, offline
                article.entities = extract_entities(article, backend=self.backend)
                text = json.dumps(article.to_dict(), ensure_ascii=False)
                try:  # unchanged files are left alone: a synced library sees no rewrite of the same name
                    if path.read_text(encoding="utf-8") != text:
                        atomic_write_text(path, text)
                except OSError as exc:
                    raise write_error(path, exc) from exc
            index[article.id] = Summary.of(article)
            if rows is not None:
                rows[article.id] = entity_rows(article)
        return index

    def _write_index(self, index: dict[str, Summary], articles: Iterable[Article] = (), *, search: bool = True) -> None:
        old = self._index or {}
        sig = self.search_index.library_sig() if search else None
        payload = {"version": INDEX_VERSION, "articles": [asdict(s) for s in index.values()],
                   "texts": {k: v for k, v in self._texts.items() if k in index}}
        try:
            atomic_write_text(self.index_path, json.dumps(payload, ensure_ascii=False))
        except OSError as exc:
            raise write_error(self.index_path, exc) from exc
        self._index = index
        self._index_mtime = self.index_path.stat().st_mtime_ns
        if search:
            self._search_written(old, index, sig, articles)

    # -- full-text search (reader.search): the index follows every write of the library's index --
    @property
    def search_index(self) -> IndexKeeper:
        if self._keeper is None:
            self._keeper = IndexKeeper(self)
        return self._keeper

    def _search_written(self, old: dict[str, Summary], new: dict[str, Summary], sig: Any, articles: Iterable[Article]) -> None:
        try:
            self.search_index.written(old, new, sig, articles)
        except Exception:  # derived data: the stamp stays stale and the next search rebuilds it
            logging.getLogger(__name__).warning("the search index could not follow a library write", exc_info=True)

    def search(self, query: str, *, limit: int | None = None, sort: str = "relevance") -> SearchResults:
        """Full-text search in the query language of reader.search (QueryError if malformed)."""
        return run_search(self.search_index, query, limit=limit, sort=sort)

    def set_meta(self, aid: str, fields: dict[str, Any]) -> None:
        """Correct an article's metadata (kept in the state store) and re-index it."""
        self.state.set_meta(aid, fields)
        self.search_corrected([aid])

    def search_corrected(self, ids: list[str]) -> None:
        """Re-index articles whose corrections were written to the state store directly (a batch)."""
        try:
            self.search_index.meta_changed(*ids)
        except Exception:  # derived data: `reader reindex` repairs it
            logging.getLogger(__name__).warning("the search index missed a metadata correction", exc_info=True)

    def summaries(self) -> list[Summary]:
        """All articles, with user metadata corrections applied, in import order."""
        out = []
        stored = self.state.all_meta()  # one store read, not one per article
        for s in self._load_index().values():
            meta = stored.get(s.id)
            out.append(replace(s, **corrections(meta)) if meta else s)
        return out

    def __len__(self) -> int:
        return len(self._load_index())

    # -- lookup ----------------------------------------------------------------------
    def resolve(self, ref: str) -> str:
        """An id, a unique id prefix, or a title fragment matching exactly one article."""
        index = self._load_index()
        ref = ref.strip()
        if ref in index:
            return ref
        by_prefix = [i for i in index if i.startswith(ref.lower())] if ref else []
        if len(by_prefix) == 1:
            return by_prefix[0]
        needle = ref.casefold()
        by_title = [s.id for s in index.values() if needle and needle in (s.title or "").casefold()]
        hits = by_prefix or by_title
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise NotFound(f"No article matches {ref!r}; run `reader list` to see ids and titles.")
        titles = {s.id: s.title for s in index.values()}
        raise Ambiguous(
            f"{len(hits)} articles match {ref!r}; give more of the id or title.", [(h, titles.get(h)) for h in hits]
        )

    def get(self, ref: str, *, corrected: bool = True) -> Article:
        aid = self.resolve(ref)
        path = self.article_path(aid)
        try:
            article = self._read_article(path)
        except FileNotFoundError as exc:
            raise NotFound(f"The article file for {aid} is missing; re-import it with `reader add`.") from exc
        if corrected:
            article = replace(article, entities=self.entities_of(article))  # the user's entity corrections
            article = replace(article, **corrections(self.state.get_meta(aid)))
        return article

    def reindex(self, reextract: bool = False, progress: Callable[[str], Any] | None = None) -> int:
        """Rebuild index.json from the article files (and re-run entity extraction if asked).

        Unreadable article files are skipped and named through `progress`. Returns the count indexed.
        """
        with self._locked():
            rows: dict[str, list] = {}
            index = self._scan(progress, reextract, rows)
            self._write_index(index, search=False)
            self._write_entity_rows(rows, replace=True)
        self.search_index.rebuild(
            clear=True, progress=(lambda done, total: progress(f"search index: {done:,} of {total:,}")) if progress else None
        )
        return len(index)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """The index lock; a library folder where it cannot be made gives one line, not a traceback."""
        try:
            self._lock.acquire()
        except OSError as exc:
            raise write_error(self.root, exc) from exc
        try:
            yield
        finally:
            self._lock.release()

    # -- import ----------------------------------------------------------------------
    def add_article(self, article: Article) -> str:
        """Store one parsed article. Returns "imported", "updated" or "duplicate"."""
        return self.add_articles([article])[0]

    def add_articles(self, articles: list[Article], originals: list[str | None] | None = None) -> list[str]:
        """Store parsed articles (entities extracted if missing) with one index write.

        Returns "imported", "updated" or "duplicate" for each, in order. An article whose canonical
        URL or source file is already in the library, with different text, updates that article in
        place (same id: bookmarks, notes and read state stay; bookmarks re-anchor on their text);
        only an identical article is a "duplicate". `originals` (the fetched page text, aligned with
        `articles`) are kept compressed beside the article for offline re-extraction.
        Article files are written before the index, so a crash never leaves an index row without its article.
        """
        articles = [clean_article(a) for a in articles]  # the library never keeps a control sequence
        for article in articles:
            if not article.entities:
                article.entities = extract_entities(article, backend=self.backend)
        statuses = []
        with self._locked():
            index = dict(self._load_index())
            by_origin = self._origins(index)
            writes: list[tuple[Path, bytes]] = []
            added = False
            rows: dict[str, list] = {}
            updates: list[Article] = []
            for n, article in enumerate(articles):
                status = "imported"
                if article.id in index:
                    statuses.append("duplicate")
                    continue
                old = next((by_origin[k] for k in self._origin_keys(article) if k in by_origin), None)
                if old is not None and old in index:
                    if self._same_text(old, article):
                        article.id = old  # the caller sees the id it is stored under
                        statuses.append("duplicate")
                        continue
                    article = self._as_update(old, article)
                    status = "updated"
                article.added = article.added or _now()
                original = originals[n] if originals and n < len(originals) else None
                if status == "updated":  # a new file named by its content id: no file is rewritten in place
                    writes.append(self.version_file(article))
                    if original:
                        writes.append(self.version_original(article, original))
                    updates.append(article)
                else:
                    data = json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
                    writes.append((self.articles_dir / f"{article.id}.json", data))
                    if original:
                        writes.append(self.original_file(article.id, original))
                index[article.id] = Summary.of(article)
                rows[article.id] = entity_rows(article)
                for k in self._origin_keys(article):
                    by_origin[k] = article.id
                statuses.append(status)
                added = True
            new = [path for path, _ in writes if not path.exists()]
            try:
                try:
                    atomic_write_many(writes)  # every article file before the index row that names it
                except OSError as exc:
                    raise write_error(self.root, exc) from exc
                if updates:
                    with self.state.batch():
                        for article in updates:
                            self.use_version(article.id, article)
                if added:
                    self._write_index(index, articles)
                    self._write_entity_rows(rows)
            except BaseException:
                for path in new:  # nothing half-written: no new article file without its index row
                    try:
                        path.unlink()
                    except OSError:
                        pass
                raise
        return statuses

    def update_article(self, aid: str, article: Article, original: str | None = None) -> str:
        """Replace the text of article `aid` (a feed item that changed): "updated" or "duplicate"."""
        for_lookup = self.resolve(aid)
        if self._same_text(for_lookup, article):
            return "duplicate"
        if not article.entities:
            article.entities = extract_entities(article, backend=self.backend)
        with self._locked():
            index = dict(self._load_index())
            article = self._as_update(for_lookup, article)
            path, data = self.version_file(article)  # a new file named by its content id, never a rewrite
            try:
                atomic_write_bytes(path, data)
                if original:
                    atomic_write_bytes(*self.version_original(article, original))
            except OSError as exc:
                raise write_error(self.root, exc) from exc
            self.use_version(article.id, article)
            index[article.id] = Summary.of(article)
            self._write_index(index, [article])
            self._write_entity_rows({article.id: entity_rows(article)})
        return "updated"

    @staticmethod
    def _origin_keys(a: Article | Summary) -> list[str]:
        keys = []
        if a.url:
            keys.append("url:" + a.url)
        if a.source and not a.source.startswith(("http://", "https://")):
            keys.append("src:" + a.source)
        return keys

    def _origins(self, index: dict[str, Summary]) -> dict[str, str]:
        found: dict[str, str] = {}
        for s in index.values():
            for k in self._origin_keys(s):
                found.setdefault(k, s.id)
        return found

    def urls(self) -> dict[str, str]:
        """Canonical URL -> article id, for every article that has one."""
        return {k[4:]: v for k, v in self._origins(self._load_index()).items() if k.startswith("url:")}

    def find_by_url(self, url: str) -> str | None:
        """The id of the article with this canonical URL, if any."""
        return self._origins(self._load_index()).get("url:" + url)

    def _same_text(self, aid: str, article: Article) -> bool:
        try:
            old = self.get(aid, corrected=False)
        except ReaderError:
            return False
        return article_id(old.paragraphs, old.title) == article_id(article.paragraphs, article.title)

    def _as_update(self, aid: str, article: Article) -> Article:
        """The new text under the old id, keeping when it was first added (the caller's object is
        changed, so it sees the id the article is stored under)."""
        old = self._load_index().get(aid)
        article.id = aid
        article.added = old.added if old else article.added
        return article

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: Callable[[ImportResult], Any] | None = None,
        batch: int = 200,
    ) -> ImportReport:
        """Parse, extract and store every file under `paths`; bad files are refused, not fatal."""
        report = ImportReport()
        pending: list[tuple[str, Article]] = []

        def flush() -> None:
            statuses = self.add_articles([a for _, a in pending])
            for (path, article), status in zip(pending, statuses):
                result = ImportResult(path, status, article.id, article.title)
                report.results.append(result)
                if progress:
                    progress(result)
            pending.clear()

        def skipped(path: Path, reason: str) -> None:
            result = ImportResult(str(path), "skipped", reason=reason)
            report.results.append(result)
            if progress:
                progress(result)

        seen: set[str] = set()
        for path in iter_article_files(paths, skipped):
            try:
                article = parse_file(path)
            except IngestError as exc:
                result = ImportResult(str(path), "refused", reason=str(exc))
                report.results.append(result)
                if progress:
                    progress(result)
                continue
            if article.id in seen:  # the same article twice in one import
                result = ImportResult(str(path), "duplicate", article.id, article.title)
                report.results.append(result)
                if progress:
                    progress(result)
                continue
            seen.add(article.id)
            pending.append((str(path), article))
            if len(pending) >= batch:
                flush()
        if pending:
            flush()
        return report
