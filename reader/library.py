"""The library on disk: parsed articles (one JSON file each), a summary index, and the state store.

Layout of a library folder:
    articles/<id>.json   the parsed Article with its entities; written once at import
    index.json           one summary row per article (what the list and search need)
    state.json           the TinyDB state store (read state, positions, bookmarks, notes, ...)

The frequent small writes go to state.json only, never to the article bodies.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from filelock import FileLock

from reader.controls import clean_str, offset_map, shown_name
from reader.entities import entity_key, extract_entities
from reader.errors import Ambiguous, IngestError, NotFound, ReaderError
from reader.ingest import iter_article_files, parse_file
from reader.library_state import StateUseCases
from reader.models import Article
from reader.paths import resolve_library_dir
from reader.search.keeper import IndexKeeper, SearchResults, run_search
from reader.sync.store import SyncedStore
from reader.store.atomic import atomic_write_text

INDEX_VERSION = 1
#: Metadata fields a user may correct (`reader meta`); corrections live in the state store.
CORRECTABLE = ("title", "authors", "publisher", "date", "url", "section", "language")


def corrections(meta: dict[str, Any]) -> dict[str, Any]:
    """The fields of a stored correction that reader applies (Summary and Article both have them all)."""
    return {k: v for k, v in meta.items() if k in CORRECTABLE}


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
        )


_SUMMARY_TEXT = ("title", "publisher", "date", "added", "section", "language", "url")
_SUMMARY_FIELDS = frozenset(f.name for f in fields(Summary))
_TEXT_OR_NONE = frozenset((str, type(None)))
_JSON_CONTROL = re.compile(r"\\u(?:00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]|20(?:2[89a-eA-E]|6[6-9]))")
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def index_has_controls(text: str) -> bool:
    """Whether an index file's text holds a control character, raw or as a JSON escape (cheap
    C-speed checks first: a clean 5 MB index costs a few milliseconds)."""
    if "\\u" in text and _JSON_CONTROL.search(text):
        return True
    return not text.isprintable() and _RAW_CONTROL.search(text) is not None


def summary_of_row(row: Any, dirty: bool = True) -> tuple[Summary | None, bool]:
    """A Summary from an index row, cleaned of control sequences; (None, True) for a row without an
    id, (summary, True) when fields were missing or of the wrong type (read as best they could be).
    dirty=False (the index file holds no control character): a well-formed row is taken as it is."""
    if not dirty and type(row) is dict and row.keys() == _SUMMARY_FIELDS:
        t = _TEXT_OR_NONE
        if (
            type(row["id"]) is str and row["id"] and type(row["title"]) in t and type(row["publisher"]) in t
            and type(row["date"]) in t and type(row["added"]) in t and type(row["section"]) in t
            and type(row["language"]) in t and type(row["url"]) in t and type(row["authors"]) is list
            and type(row["entity_keys"]) is list and type(row["words"]) is int
        ):
            return Summary(**row), False
    if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"]:
        return None, True
    fixed = False
    kw: dict[str, Any] = {"id": row["id"]}
    for name in _SUMMARY_TEXT:
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            fixed, value = True, None
        kw[name] = None if value is None else clean_str(value)
        fixed = fixed or (name not in row and name in ("title", "publisher", "date", "added"))
    for name in ("authors", "entity_keys"):
        value = row.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fixed, value = True, [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        kw[name] = [clean_str(v) for v in value]
    words = row.get("words", 0)
    if not isinstance(words, int) or isinstance(words, bool):
        fixed, words = True, 0
    kw["words"] = words
    return Summary(**kw), fixed or "words" not in row or "authors" not in row


def clean_article(a: Article) -> Article:
    """The article with no terminal control sequence in any field (what the library keeps and gives);
    entity mentions in a paragraph that changed are moved to the cleaned text's offsets."""
    meta = {k: (None if getattr(a, k) is None else clean_str(str(getattr(a, k))))
            for k in ("title", "section", "publisher", "date", "page_date", "url", "language", "source", "added")}
    paragraphs = [clean_str(t) if isinstance(t, str) else "" for t in a.paragraphs]
    maps = {i: offset_map(old, new) for i, (old, new) in enumerate(zip(a.paragraphs, paragraphs)) if old != new}
    entities = [
        replace(
            e, name=clean_str(e.name), aliases=[clean_str(x) for x in e.aliases],
            mentions=[[m[0], maps[m[0]](m[1]), maps[m[0]](m[2])] if len(m) == 3 and m[0] in maps else m for m in e.mentions],
        )
        for e in a.entities
    ]
    return replace(a, **meta, authors=[clean_str(str(x)) for x in a.authors], paragraphs=paragraphs, entities=entities)


def _article_problem(d: Any) -> str | None:
    """Why a decoded article file is not a reader article, or None."""
    if not isinstance(d, dict):
        return "it is not a JSON object"
    missing = [k for k in ("id", "paragraphs") if k not in d]
    if missing:
        return f"it has no {' or '.join(repr(k) for k in missing)}"
    if not isinstance(d["id"], str) or not isinstance(d["paragraphs"], list) or not all(isinstance(p, str) for p in d["paragraphs"]):
        return "its 'id' or 'paragraphs' has the wrong type"
    for key in ("title", "section", "publisher", "date", "url", "language"):
        if d.get(key) is not None and not isinstance(d[key], str):
            return f"its {key!r} is not text"
    if not isinstance(d.get("authors") or [], list) or not isinstance(d.get("entities") or [], list):
        return "its 'authors' or 'entities' is not a list"
    return None


def write_error(path: Path, exc: OSError) -> ReaderError:
    """One line for a library write that failed (unwritable folder, full disk)."""
    why = exc.strerror or str(exc)
    return ReaderError(
        f"Cannot write to the library at {shown_name(path)} ({why}); nothing was left half-written. "
        "Free some disk space or check the folder's permissions, then try again."
    )


@dataclass
class ImportResult:
    path: str
    status: str  # "imported" | "duplicate" | "refused" | "skipped" (a link leaving the folder)
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


class Library(StateUseCases):
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
        if seed:
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

    def _follow_articles(self, index: dict[str, Summary]) -> dict[str, Summary]:
        """Article files that arrived from another machine (a sync tool, git) join the index (index.json
        is per machine, never synced). One stat when nothing changed."""
        try:
            mtime = self.articles_dir.stat().st_mtime_ns
        except OSError:
            return index
        if mtime == getattr(self, "_articles_mtime", None) and index is self._index:
            return index
        on_disk = {p.stem for p in self.articles_dir.glob("*.json")}
        missing = on_disk - set(index)
        if missing and index is self._index and self.index_path.exists():
            with self._locked():
                new, arrived = dict(index), []
                for aid in sorted(missing):
                    try:
                        article = self._read_article(self.articles_dir / f"{aid}.json")
                    except (ReaderError, FileNotFoundError):
                        continue
                    if article.id != aid:
                        continue
                    new[aid] = Summary.of(article)
                    arrived.append(article)
                if new.keys() != index.keys():
                    self._write_index(new, arrived)
                index = self._index if self._index is not None else new
        self._articles_mtime = mtime
        return index

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
        problem = _article_problem(d)
        if problem is None:
            try:
                return clean_article(Article.from_dict(d))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                problem = f"a field has the wrong shape: {exc}"
        raise ReaderError(
            f"The article file {shown_name(path)} is not a reader article ({problem}); re-import the article with "
            "`reader add`, or move that file away and run `reader reindex`."
        )

    def _scan(self, progress: Callable[[str], Any] | None = None, reextract: bool = False) -> dict[str, Summary]:
        """Summaries of every readable article file (what reindex writes)."""
        index: dict[str, Summary] = {}
        for path in sorted(self.articles_dir.glob("*.json")):
            try:
                article = self._read_article(path)
            except (ReaderError, FileNotFoundError) as exc:
                if progress:
                    progress(f"skipped {shown_name(path.name)}: {exc}")
                continue
            if reextract:
                article.entities = extract_entities(article, backend=self.backend)
                try:
                    atomic_write_text(path, json.dumps(article.to_dict(), ensure_ascii=False))
                except OSError as exc:
                    raise write_error(path, exc) from exc
            index[article.id] = Summary.of(article)
        return index

    def _write_index(self, index: dict[str, Summary], articles: Iterable[Article] = (), *, search: bool = True) -> None:
        old = self._index or {}
        sig = self.search_index.library_sig() if search else None
        payload = {"version": INDEX_VERSION, "articles": [asdict(s) for s in index.values()]}
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
        try:
            self.search_index.meta_changed(aid)
        except Exception:
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
        raise Ambiguous(f"{len(hits)} articles match {ref!r}; give more of the id or title.")

    def get(self, ref: str, *, corrected: bool = True) -> Article:
        aid = self.resolve(ref)
        path = self.articles_dir / f"{aid}.json"
        try:
            article = self._read_article(path)
        except FileNotFoundError as exc:
            raise NotFound(f"The article file for {aid} is missing; re-import it with `reader add`.") from exc
        if corrected:
            article = replace(article, **corrections(self.state.get_meta(aid)))
        return article

    def reindex(self, reextract: bool = False, progress: Callable[[str], Any] | None = None) -> int:
        """Rebuild index.json from the article files (and re-run entity extraction if asked).

        Unreadable article files are skipped and named through `progress`. Returns the count indexed.
        """
        with self._locked():
            index = self._scan(progress, reextract)
            self._write_index(index, search=False)
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

    def articles_mentioning(self, surface: str) -> list[str]:
        key = entity_key(surface)
        return [s.id for s in self._load_index().values() if key in s.entity_keys]

    # -- import ----------------------------------------------------------------------
    def add_article(self, article: Article) -> str:
        """Store one parsed article. Returns "imported" or "duplicate"."""
        return self.add_articles([article])[0]

    def add_articles(self, articles: list[Article]) -> list[str]:
        """Store parsed articles (entities extracted if missing) with one index write.

        Returns "imported" or "duplicate" for each, in order. Article files are written
        before the index, so a crash never leaves an index row without its article.
        """
        articles = [clean_article(a) for a in articles]  # the library never keeps a control sequence
        for article in articles:
            if not article.entities:
                article.entities = extract_entities(article, backend=self.backend)
        statuses = []
        with self._locked():
            index = dict(self._load_index())
            written: list[Path] = []
            try:
                for article in articles:
                    if article.id in index:
                        statuses.append("duplicate")
                        continue
                    article.added = article.added or _now()
                    data = json.dumps(article.to_dict(), ensure_ascii=False)
                    path = self.articles_dir / f"{article.id}.json"
                    try:
                        atomic_write_text(path, data)
                    except OSError as exc:
                        raise write_error(self.root, exc) from exc
                    written.append(path)
                    index[article.id] = Summary.of(article)
                    statuses.append("imported")
                if written:
                    self._write_index(index, articles)
            except BaseException:
                for path in written:  # nothing half-written: no article file without its index row
                    try:
                        path.unlink()
                    except OSError:
                        pass
                raise
        return statuses

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
                result = ImportResult(path, "imported" if status == "imported" else "duplicate", article.id, article.title)
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
