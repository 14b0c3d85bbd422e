"""The full-text index: tantivy (see benchmarks/search_engines.py for why), in a per-machine cache folder.

The index holds only folded words (reader.search.text), never the text itself: article files stay
the only copy, and snippets are cut from them. A stamp file next to the index says which state of
the library it reflects (the signature of the library's index.json) and the index format; the
library compares it to decide whether the index is current, missing, stale or of an older format.

Writes take a file lock (one writer at a time across processes and threads); each write commits
(atomic in tantivy: a killed write loses only that write, and the stamp then shows it stale).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock

from reader.search.query import Clause, Query, Term

try:  # a platform without a tantivy wheel falls back to the metadata search (reader.search.fallback)
    import tantivy
except ImportError:  # pragma: no cover - depends on the platform
    tantivy = None

FORMAT = 1
TEXT_FIELDS = ("title", "author", "publisher", "section", "body", "tag", "feed")
#: How much a match in each field counts when no field is named (title matches rank first).
BOOSTS = {"title": 5.0, "author": 2.0, "publisher": 1.5, "section": 1.5, "body": 1.0, "tag": 2.0, "feed": 1.5}
TOKENIZER = "folded"
HEAP = 50_000_000


@dataclass
class Doc:
    """One article as the index sees it: folded words per field, entity keys, date as YYYYMMDD."""

    id: str
    fields: dict[str, str]
    entities: list[str]
    date: int


def available() -> bool:
    return tantivy is not None


def _schema() -> Any:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    for name in TEXT_FIELDS:
        sb.add_text_field(name, tokenizer_name=TOKENIZER)
    sb.add_text_field("entity", tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("date", indexed=True, fast=True)
    return sb.build()


def _analyzer() -> Any:
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(tantivy.Filter.remove_long(120)).build()


class SearchIndex:
    """A tantivy index in `folder` with its stamp; all methods are safe to call from several threads."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.stamp_path = self.folder / "stamp.json"
        self._data = self.folder / "tantivy"
        self._lock = threading.RLock()  # writers (and clear); searches do not take it
        self._open_lock = threading.Lock()
        self._file_lock = FileLock(str(self.folder / "write.lock"))
        self._index: Any = None
        self.schema = _schema() if tantivy is not None else None

    # -- opening ------------------------------------------------------------------------
    def _open(self) -> Any:
        with self._open_lock:
            return self._open_locked()

    def _open_locked(self) -> Any:
        if self._index is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._data.mkdir(exist_ok=True)
            try:
                index = tantivy.Index(self.schema, path=str(self._data))
            except ValueError:  # damaged or another format: start again (it is derived data)
                shutil.rmtree(self._data, ignore_errors=True)
                self._data.mkdir()
                self.write_stamp(None)
                index = tantivy.Index(self.schema, path=str(self._data))
            index.register_tokenizer(TOKENIZER, _analyzer())
            self._index = index
        return self._index

    def stamp(self) -> dict[str, Any]:
        try:
            data = json.loads(self.stamp_path.read_text("utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def write_stamp(self, library_sig: Any) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.stamp_path.with_name(f".stamp.{os.getpid()}.{threading.get_ident()}")
        tmp.write_text(json.dumps({"format": FORMAT, "library": library_sig}), "utf-8")
        os.replace(tmp, self.stamp_path)

    def state(self, library_sig: Any) -> str:
        """"current", "missing", "old" (another format) or "stale" (not the library's state)."""
        stamp = self.stamp()
        if not stamp or not (self._data / "meta.json").exists():
            return "missing"
        if stamp.get("format") != FORMAT:
            return "old"
        return "current" if stamp.get("library") == library_sig else "stale"

    def clear(self) -> None:
        """Forget everything (format change, damage): the next open starts an empty index."""
        with self._lock, self._file_lock, self._open_lock:
            self._index = None
            shutil.rmtree(self._data, ignore_errors=True)
            try:
                self.stamp_path.unlink()
            except FileNotFoundError:
                pass

    # -- writing -------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the writer lock (this process's threads and other processes) across several steps."""
        with self._lock, self._file_lock:
            yield

    def write(
        self, upserts: Iterable[Doc] = (), deletes: Iterable[str] = (), *, delete_all: bool = False,
        new: frozenset[str] | set[str] = frozenset(),
    ) -> None:
        """Replace (or add) these documents and delete these ids, in one commit.

        Ids in `new` are known not to be in the index yet (an import): no delete needed first.
        """
        with self._lock, self._file_lock:
            index = self._open()
            writer = index.writer(heap_size=HEAP, num_threads=1)
            try:
                if delete_all:
                    writer.delete_all_documents()
                for aid in deletes:
                    writer.delete_documents_by_term("id", aid)
                for d in upserts:
                    if d.id not in new:
                        writer.delete_documents_by_term("id", d.id)
                    doc = tantivy.Document()
                    doc.add_text("id", d.id)
                    for name, value in d.fields.items():
                        if value:
                            doc.add_text(name, value)
                    for key in d.entities:
                        doc.add_text("entity", key)
                    doc.add_unsigned("date", d.date)
                    writer.add_document(doc)
                writer.commit()
            except BaseException:
                writer.rollback()
                del writer
                raise
            # Let the merges this commit started finish (segments would pile up otherwise); this
            # also releases tantivy's own writer lock.
            writer.wait_merging_threads()

    def ids(self) -> set[str]:
        index = self._open()
        index.reload()
        searcher = index.searcher()
        n = searcher.num_docs
        if not n:
            return set()
        hits = searcher.search(tantivy.Query.all_query(), n, count=False).hits
        return {searcher.doc(addr)["id"][0] for _score, addr in hits}

    def __len__(self) -> int:
        index = self._open()
        index.reload()
        return index.searcher().num_docs

    # -- searching ------------------------------------------------------------------------
    def _term(self, t: Term) -> Any:
        Q = tantivy.Query
        if t.field == "entity":
            from reader.entities import entity_key

            keys = sorted({entity_key(w) for w in t.words})  # any of the entity's names and aliases
            return Q.term_query(self.schema, "entity", keys[0]) if len(keys) == 1 else Q.term_set_query(self.schema, "entity", keys)
        fields = [t.field] if t.field else list(TEXT_FIELDS)
        parts = []
        for f in fields:
            if t.prefix and len(t.words) == 1:
                q = Q.regex_query(self.schema, f, re.escape(t.words[0]) + ".*")
            elif t.prefix:
                q = Q.phrase_prefix_query(self.schema, f, list(t.words))
            elif len(t.words) > 1:
                q = Q.phrase_query(self.schema, f, list(t.words))
            else:
                q = Q.term_query(self.schema, f, t.words[0])
            parts.append(q if t.field else Q.boost_query(q, BOOSTS[f]))
        return parts[0] if len(parts) == 1 else Q.boolean_query([(tantivy.Occur.Should, p) for p in parts])

    def _clause(self, c: Clause) -> Any:
        qs = [self._term(t) for t in c.terms]
        return qs[0] if len(qs) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in qs])

    def compile(self, q: Query, include: Sequence[str] | None = None, exclude: Sequence[str] | None = None) -> Any:
        Q, Occur = tantivy.Query, tantivy.Occur
        parts = [(Occur.MustNot if c.negated else Occur.Must, self._clause(c)) for c in q.clauses]
        if q.date_from or q.date_to:
            lo = int(q.date_from.replace("-", "")) if q.date_from else 1
            # An article dated only by month or year (stored as 20230600, 20230000) is in a range
            # that starts on the first day of its month or year.
            if lo % 100 == 1:
                lo -= 1
                if lo // 100 % 100 == 1:
                    lo -= 100
            hi = int(q.date_to.replace("-", "")) if q.date_to else 99991231
            parts.append((Occur.Must, Q.range_query(self.schema, "date", tantivy.FieldType.Unsigned, lo, hi)))
        if include is not None:
            parts.append((Occur.Must, Q.term_set_query(self.schema, "id", list(include))))
        if exclude:
            parts.append((Occur.MustNot, Q.term_set_query(self.schema, "id", list(exclude))))
        if not any(o == Occur.Must for o, _ in parts):
            parts.append((Occur.Must, Q.all_query()))
        return Q.boolean_query(parts)

    def search(
        self,
        q: Query,
        *,
        limit: int | None = None,
        sort: str = "relevance",
        include: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
    ) -> tuple[list[tuple[str, float]], int]:
        """(id, score) of the best `limit` matches (all if None), and how many match in all.

        Searching takes no lock: it never waits for a writer, and sees the last commit.
        """
        index = self._open()
        index.reload()
        searcher = index.searcher()
        total_docs = searcher.num_docs
        if not total_docs or (include is not None and not include):
            return [], 0
        query = self.compile(q, include, exclude)
        n = total_docs if limit is None else max(1, min(limit, total_docs))
        by_date = sort == "date" or not q.positive
        if by_date:
            result = searcher.search(query, n, count=True, order_by_field="date")
        else:
            result = searcher.search(query, n, count=True)
        hits = [(searcher.doc(addr)["id"][0], 0.0 if by_date else float(score)) for score, addr in result.hits]
        return hits, result.count

