"""StateStore: every small, frequent write (read state, position, bookmarks, notes,
metadata corrections, settings) goes here, never into the article files.

API CONTRACT (used by the library, services, CLI and TUI; keep it stable):

    store = StateStore(path)                  # path to the TinyDB JSON file
    store.is_read(aid) / set_read(aid, read=True) / read_ids() -> set[str]
    store.get_position(aid) -> int | None / set_position(aid, paragraph)
    store.add_bookmark(aid, paragraph, quote, prefix="", suffix="", start=0, end=0, note="") -> Bookmark
    store.get_bookmark(bid) -> Bookmark        # NotFound if missing
    store.set_note(bid, note) -> Bookmark
    store.remove_bookmark(bid)                 # NotFound if missing
    store.bookmarks(aid=None) -> list[Bookmark]   (oldest first)
    store.bookmarked_ids() -> set[str]
    store.get_meta(aid) -> dict / set_meta(aid, fields: dict)   # user corrections of metadata
    store.get_setting(key, default=None) / set_setting(key, value)
    store.close()

Extensions (issue 6):

    store.put_bookmarks(bookmarks, progress=None)   # (issue 15) add or replace many, keeping their
                                   # ids; one write per shard, each shard committed on its own
    with store.batch(): ...        # many writes, one lock hold, each touched file written once at
                                   # the end (all or nothing per file; an exception discards them)
    store.warning -> str | None    # one line to show the user after the store was found damaged
                                   # (a StoreDamaged message naming the file; see reader.store.backup)
    store.readonly -> bool         # damaged with no good backup: writes raise StoreReadOnly
    store.all_meta() -> dict[str, dict]   # every article's corrections at once (for lists)

Extensions (issue 9):

    store.check()                  # read every shard now, so damage anywhere is found at once
    store.take_warnings() -> list[str]   # new one-line warnings (damaged files, unreadable rows)
    Text is cleaned of terminal control sequences (reader.controls) on the way in (bookmarks,
    notes, corrections, settings) and again on the way out (a file written by an older reader
    or by hand may hold them). A quote longer than models.QUOTE_LIMIT is kept capped (its start
    and end still cover the whole passage). A damaged shard with no good backup is read-only on
    its own (its rows hidden; new bookmarks go to other shards); everything else stays writable.

Extensions (issue 14): entity corrections, see reader/store/entity_corrections.py:
    store.entity_corrections() / add_entity_correction(fields) / remove_entity_correction(cid=None)

Errors are reader.errors.StoreError subclasses with one-line messages: StoreTooNew (written by
a newer reader; refused at open, never overwritten), StoreReadOnly, StoreError (lock timeout,
unreadable or unwritable file).

Safety (see storage.py, locking.py, backup.py, migrate.py): every file is TinyDB JSON written
atomically (temp file, fsync, rename, fsync folder) with a rolling `.bak`; every mutation is
lock -> re-read what changed on disk -> apply -> atomic write -> unlock, so two processes holding
the store open never lose each other's writes, and reads see other processes' changes (one stat
per file, no re-parse when unchanged). Reads and bookmarks are sharded over small files in
`<stem>.d/` (32 each by default, fixed per store in its _meta) so a change rewrites ~1/32 of them.
"""

from __future__ import annotations

import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tinydb.table import Table

from reader.controls import clean_str, clean_value, shown_name
from reader.errors import NotFound, StoreError, StoreReadOnly
from reader.models import Bookmark
from reader.store import migrate
from reader.store.atomic import clean_temp_files
from reader.store.backup import recover
from reader.store.entity_corrections import EntityCorrectionsMixin
from reader.store.locking import StoreLock
from reader.store.rows import bookmark_of, capped_quote, is_bookmark as _is_bookmark, rows_problem
from reader.store.storage import AtomicJSONStorage, Data


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _stored_row(bm: Bookmark) -> dict[str, Any]:
    """A bookmark as the store keeps it: no control sequence, the quote capped (models.QUOTE_LIMIT)."""
    row = clean_value(bm.to_dict())
    if isinstance(row.get("quote"), str):
        row["quote"], row["start"], row["end"] = capped_quote(row["quote"], int(row.get("start") or 0), int(row.get("end") or 0))
    return row


def shard_of(key: str, shards: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % shards


class StateStore(EntityCorrectionsMixin):
    def __init__(self, path: Path, *, shards: int = migrate.DEFAULT_SHARDS) -> None:
        self.path = Path(path)
        self.folder = self.path.with_name(self.path.stem + ".d")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the store folder {shown_name(self.folder)} ({exc.strerror}); check permissions.") from exc
        self._lock = StoreLock(self.path.with_name(f".{self.path.name}.lock"))
        self._depth = 0
        self._storages: dict[Path, AtomicJSONStorage] = {}
        self._tables: dict[tuple[Path, str], tuple[int, Table]] = {}
        self._indexes: dict[tuple[Path, str], tuple[int, tuple[dict[str, Any], dict[str, int]]]] = {}
        self._main = self._storage(self.path)
        self._meta_generation = -1
        self._row_notes: dict[Path, str] = {}  # one line per shard holding rows it cannot read fully
        self._said: set[str] = set()
        try:
            with self._lock:
                clean_temp_files(self.path)
                self.shards = self._open(shards)
                clean_temp_files(self._shard_path("x", 0), any_name=True)  # the shard folder is all ours
        except OSError as exc:
            self.close()
            raise StoreError(
                f"Cannot open the store {shown_name(self.path)} ({exc.strerror or exc}); check that its folder is writable."
            ) from exc
        except BaseException:
            self.close()
            raise

    # -- files -------------------------------------------------------------------------------
    def _storage(self, path: Path) -> AtomicJSONStorage:
        st = self._storages.get(path)
        if st is None:
            st = self._storages[path] = AtomicJSONStorage(path, on_damage=self._recover)
            if self._depth:
                st.hold()
        return st

    def _recover(self, storage: AtomicJSONStorage, error: ValueError) -> Data:
        with self._lock:
            return recover(storage, error)

    def _shard_path(self, name: str, i: int) -> Path:
        return self.folder / f"{name}-{i:02d}.json"

    def _shard(self, name: str, key: str) -> AtomicJSONStorage:
        return self._storage(self._shard_path(name, shard_of(key, self.shards)))

    def _all_shards(self, name: str) -> list[AtomicJSONStorage]:
        return [self._storage(self._shard_path(name, i)) for i in range(self.shards)]

    def _table(self, storage: AtomicJSONStorage, name: str) -> Table:
        """A TinyDB table without query cache, re-made whenever the file is re-read from disk
        (so no cached query result or next document id from an older version survives)."""
        storage.read()
        key = (storage.path, name)
        cached = self._tables.get(key)
        if cached is None or cached[0] != storage.generation:
            cached = self._tables[key] = (storage.generation, Table(storage, name, cache_size=0))
        return cached[1]

    def _index(self, storage: AtomicJSONStorage, name: str, field: str) -> dict[str, Any]:
        """{row[field]: row} of one table, rebuilt only when the file's data changed."""
        return self._indexed(storage, name, field)[0]

    def _doc_id(self, storage: AtomicJSONStorage, name: str, field: str, key: str) -> int | None:
        return self._indexed(storage, name, field)[1].get(key)

    def _indexed(
        self, storage: AtomicJSONStorage, name: str, field: str
    ) -> tuple[dict[str, Any], dict[str, int]]:
        data = storage.read()
        key = (storage.path, name)
        cached = self._indexes.get(key)
        if cached is None or cached[0] != storage.version:
            table = data.get(name) or {}
            self._check_rows(storage.path, name, table)
            rows = {r.get(field): r for r in table.values()}
            ids = {r.get(field): int(doc_id) for doc_id, r in table.items()}
            cached = self._indexes[key] = (storage.version, (rows, ids))
        return cached[1]

    def _check_rows(self, path: Path, name: str, table: dict[str, dict[str, Any]]) -> None:
        """Note (one line per file) bookmark rows that cannot be read, or only as best they can be."""
        if name != "bookmarks":
            return
        problem = rows_problem(path, table)
        if problem:
            self._row_notes[path] = problem
        else:
            self._row_notes.pop(path, None)

    def _track(self, storage: AtomicJSONStorage, name: str, before: int, key: str, doc_id: int | None) -> None:
        """After one write of ours to (storage, name), update its index instead of rebuilding it
        (a batch of 10,000 changes would otherwise rebuild it 10,000 times)."""
        cached = self._indexes.get((storage.path, name))
        if cached is None or cached[0] != before or storage.version != before + 1:
            return  # not the version we know: the next _indexed() rebuilds it
        rows, ids = cached[1]
        if doc_id is None:
            rows.pop(key, None)
            ids.pop(key, None)
        else:
            rows[key] = storage.read()[name][str(doc_id)]
            ids[key] = doc_id
        self._indexes[(storage.path, name)] = (storage.version, (rows, ids))

    def _upsert(self, storage: AtomicJSONStorage, name: str, field: str, key: str, fields: dict[str, Any]) -> None:
        """Update the row whose field == key (found by the index, no table scan), else insert it."""
        table = self._table(storage, name)
        doc_id = self._doc_id(storage, name, field, key)
        before = storage.version
        if doc_id is None:
            doc_id = table.insert({field: key, **fields})
        else:
            table.update(fields, doc_ids=[doc_id])
        self._track(storage, name, before, key, doc_id)

    # -- schema --------------------------------------------------------------------------------
    def _open(self, shards: int) -> int:
        data = self._main.read()
        if self._main.readonly:  # damaged, no good backup: read what we can, change nothing
            row = migrate.meta_row(data) or {}
            return int(row.get("shards") or shards)
        old, main, moved = migrate.upgrade(data, self.path)
        if old == migrate.SCHEMA:
            self._meta_generation = self._main.generation
            return int((migrate.meta_row(data) or {}).get("shards") or shards)
        if old > 0 or data:
            migrate.keep_old_version(self.path, old)
        self.shards = shards
        for name, rows in moved.items():
            if rows:
                self._merge_rows(name, rows)
        main[migrate.META] = {"1": migrate.new_meta(shards)}
        self._main.write(main)
        self._meta_generation = self._main.generation
        return shards

    def _merge_rows(self, name: str, rows: list[dict[str, Any]]) -> None:
        """Add migrated rows to their shards, replacing rows with the same key (idempotent)."""
        field = migrate.SHARDED[name]
        by_shard: dict[int, list[dict[str, Any]]] = {}
        for row in rows:
            by_shard.setdefault(shard_of(str(row.get(field)), self.shards), []).append(row)
        for i, part in by_shard.items():
            storage = self._storage(self._shard_path(name, i))
            existing = list((storage.read().get(name) or {}).values())
            keys = {r.get(field) for r in part}
            merged = [r for r in existing if r.get(field) not in keys] + part
            storage.write({name: {str(n): r for n, r in enumerate(merged, start=1)}})

    def _check_schema(self) -> None:
        data = self._main.read()
        if self._main.generation != self._meta_generation:
            schema = migrate.schema_of(data, self.path)
            if schema > migrate.SCHEMA:
                raise migrate.too_new(self.path, schema)
            self._meta_generation = self._main.generation

    # -- transactions ----------------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        """lock -> (re-read on demand) -> apply -> atomic write of each touched file -> unlock."""
        with self._lock._thread:
            if self._depth:  # nested in our own transaction (this thread holds the file lock already)
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
        with self._lock:
            for st in self._storages.values():
                st.hold()
            self._depth += 1
            ok = False
            try:
                self._check_schema()
                if self._main.readonly:
                    raise StoreReadOnly(self._main.readonly)
                yield
                ok = True
            finally:
                self._depth -= 1
                self._release_all(ok)

    def _release_all(self, commit: bool) -> None:
        error: BaseException | None = None
        for st in self._storages.values():
            try:
                st.release(commit=commit and error is None)
            except BaseException as exc:  # keep releasing the others (their holds must end)
                error = error or exc
        if error is not None:
            raise error

    @contextmanager
    def batch(self) -> Iterator[StateStore]:
        """Many changes under one lock hold; each touched file is written once, at the end."""
        with self._writing():
            yield self

    @contextmanager
    def _reading(self) -> Iterator[None]:
        # Threads of this process wait for a write in progress (its data is not committed yet).
        with self._lock._thread:
            yield

    # -- read state and position -----------------------------------------------------------------
    def _read_row(self, aid: str) -> dict[str, Any] | None:
        with self._reading():
            return self._index(self._shard("reads", aid), "reads", "article_id").get(aid)

    def _upsert_read(self, aid: str, fields: dict[str, Any]) -> None:
        with self._writing():
            self._upsert(self._shard("reads", aid), "reads", "article_id", aid, fields)

    def is_read(self, aid: str) -> bool:
        row = self._read_row(aid)
        return bool(row and row.get("read"))

    def set_read(self, aid: str, read: bool = True) -> None:
        self._upsert_read(aid, {"read": bool(read), "updated": _now()})

    def read_ids(self) -> set[str]:
        with self._reading():
            return {
                aid
                for st in self._all_shards("reads")
                for aid, row in self._index(st, "reads", "article_id").items()
                if row.get("read")
            }

    def get_position(self, aid: str) -> int | None:
        row = self._read_row(aid)
        return None if row is None else row.get("position")

    def set_position(self, aid: str, paragraph: int) -> None:
        self._upsert_read(aid, {"position": int(paragraph)})

    # -- bookmarks and notes -----------------------------------------------------------------------
    def add_bookmark(
        self,
        aid: str,
        paragraph: int,
        quote: str,
        prefix: str = "",
        suffix: str = "",
        start: int = 0,
        end: int = 0,
        note: str = "",
    ) -> Bookmark:
        now = _now()
        quote, start, end = capped_quote(clean_str(str(quote)), int(start), int(end))
        bm = Bookmark(
            id=uuid.uuid4().hex[:12],
            article_id=aid,
            paragraph=int(paragraph),
            quote=quote,
            prefix=clean_str(str(prefix)),
            suffix=clean_str(str(suffix)),
            start=start,
            end=end,
            note=clean_str(str(note)),
            created=now,
            updated=now,
        )
        return self.restore_bookmark(bm)

    def restore_bookmark(self, bm: Bookmark) -> Bookmark:
        """Store `bm` as it is (its id, note and dates): a new bookmark, or one put back after removal (undo).
        Nothing changes when a bookmark with its id is already there."""
        with self._writing():
            storage = self._shard("bookmarks", bm.id)
            for _ in range(4 * self.shards):  # a damaged (read-only) shard: give the bookmark another id
                storage.read()
                if not storage.readonly:
                    break
                bm.id = uuid.uuid4().hex[:12]
                storage = self._shard("bookmarks", bm.id)
            table = self._table(storage, "bookmarks")
            if bm.id in self._index(storage, "bookmarks", "id"):
                return bm
            before = storage.version
            doc_id = table.insert({**bm.to_dict(), "seq": time.time_ns()})
            self._track(storage, "bookmarks", before, bm.id, doc_id)
        return bm

    def put_bookmarks(
        self, bookmarks: list[Bookmark], progress: Callable[[int, int], Any] | None = None
    ) -> None:
        """Add or replace many bookmarks, keeping their ids: one lock hold and one write per shard,
        each shard committed on its own (an interrupted run keeps the shards already written, so
        running it again adds nothing twice). progress(done, total) after each shard."""
        by_shard: dict[int, list[Bookmark]] = {}
        for bm in bookmarks:
            by_shard.setdefault(shard_of(bm.id, self.shards), []).append(bm)
        done = 0
        for i in sorted(by_shard):
            part = by_shard[i]
            with self._writing():
                storage = self._storage(self._shard_path("bookmarks", i))
                data = storage.read()
                ids = dict(self._indexed(storage, "bookmarks", "id")[1])
                table = dict(data.get("bookmarks") or {})
                next_id = max((int(k) for k in table), default=0) + 1
                seq = time.time_ns()
                for bm in part:
                    doc_id = ids.get(bm.id)
                    row = _stored_row(bm)
                    if doc_id is not None and str(doc_id) in table:
                        table[str(doc_id)] = {**table[str(doc_id)], **row}
                    else:
                        table[str(next_id)] = {**row, "seq": seq}
                        ids[bm.id] = next_id
                        next_id, seq = next_id + 1, seq + 1
                storage.write({**data, "bookmarks": table})
                self._tables.pop((storage.path, "bookmarks"), None)  # its next document id is stale now
            done += len(part)
            if progress:
                progress(done, len(bookmarks))

    def _bookmark_row(self, bid: str) -> dict[str, Any]:
        row = self._index(self._shard("bookmarks", bid), "bookmarks", "id").get(bid)
        if row is None or not _is_bookmark(row):
            raise NotFound(f"No bookmark {bid!r}; run `reader bookmark list` to see their ids.")
        return row

    def get_bookmark(self, bid: str) -> Bookmark:
        with self._reading():
            return bookmark_of(self._bookmark_row(bid))[0]

    def _change_bookmark(self, bid: str, change: Callable[[Table, int], Any]) -> None:
        with self._writing():
            self._bookmark_row(bid)
            storage = self._shard("bookmarks", bid)
            doc_id = self._doc_id(storage, "bookmarks", "id", bid)
            assert doc_id is not None
            before = storage.version
            kept = change(self._table(storage, "bookmarks"), doc_id)
            self._track(storage, "bookmarks", before, bid, doc_id if kept else None)

    def set_note(self, bid: str, note: str) -> Bookmark:
        note = clean_str(str(note))
        self._change_bookmark(bid, lambda t, d: t.update({"note": note, "updated": _now()}, doc_ids=[d]))
        return self.get_bookmark(bid)

    def remove_bookmark(self, bid: str) -> None:
        self._change_bookmark(bid, lambda t, d: t.remove(doc_ids=[d]) and False)

    def _bookmark_rows(self, aid: str | None = None) -> list[dict[str, Any]]:
        with self._reading():
            rows = [
                r
                for st in self._all_shards("bookmarks")
                for r in self._index(st, "bookmarks", "id").values()
                if (aid is None or r.get("article_id") == aid) and _is_bookmark(r)
            ]
        return sorted(rows, key=lambda r: (r.get("seq") or 0, r.get("created") or ""))

    def bookmarks(self, aid: str | None = None) -> list[Bookmark]:
        return [bookmark_of(r)[0] for r in self._bookmark_rows(aid)]

    def bookmarked_ids(self) -> set[str]:
        with self._reading():
            return {
                r["article_id"]
                for st in self._all_shards("bookmarks")
                for r in self._index(st, "bookmarks", "id").values()
                if _is_bookmark(r)
            }

    def take_bookmarks(self, aid: str) -> list[dict[str, Any]]:
        """Remove every bookmark of an article (it goes to the trash) and return their rows."""
        with self._writing():
            rows = self._bookmark_rows(aid)
            for row in rows:
                self.remove_bookmark(row["id"])
        return rows

    def put_back_bookmarks(self, rows: list[dict[str, Any]]) -> None:
        """Put back bookmarks taken by take_bookmarks (same ids; an id already present is kept)."""
        with self._writing():
            for row in rows:
                if not _is_bookmark(row):
                    continue
                storage = self._shard("bookmarks", row["id"])
                if self._doc_id(storage, "bookmarks", "id", row["id"]) is not None:
                    continue
                table = self._table(storage, "bookmarks")
                before = storage.version
                doc_id = table.insert(clean_value(dict(row)))  # the store never holds a control sequence
                self._track(storage, "bookmarks", before, row["id"], doc_id)

    # -- feeds (issue 11): one row per subscription, in state.d/feeds.json ---------------------------
    def _feeds_file(self) -> AtomicJSONStorage:
        return self._storage(self.folder / "feeds.json")

    def feeds(self) -> list[dict[str, Any]]:
        with self._reading():
            rows = self._index(self._feeds_file(), "feeds", "id").values()
            return [clean_value(dict(r)) for r in rows if isinstance(r.get("id"), str) and isinstance(r.get("url"), str)]

    def put_feed(self, fid: str, fields: dict[str, Any]) -> None:
        """Create or update (merge) the feed row with this id."""
        with self._writing():  # a feed's title and URL come from the network: never a control sequence
            self._upsert(self._feeds_file(), "feeds", "id", fid, clean_value(dict(fields)))

    def remove_feed(self, fid: str) -> None:
        with self._writing():
            storage = self._feeds_file()
            doc_id = self._doc_id(storage, "feeds", "id", fid)
            if doc_id is None:
                raise NotFound(f"No feed {fid!r}; run `reader feed list` to see them.")
            before = storage.version
            self._table(storage, "feeds").remove(doc_ids=[doc_id])
            self._track(storage, "feeds", before, fid, None)

    # -- metadata corrections ----------------------------------------------------------------------
    def all_meta(self) -> dict[str, dict[str, Any]]:
        with self._reading():
            return {
                aid: clean_value(r["fields"])
                for aid, r in self._index(self._main, "meta", "article_id").items()
                if isinstance(aid, str) and isinstance(r.get("fields"), dict)
            }

    def get_meta(self, aid: str) -> dict[str, Any]:
        with self._reading():
            row = self._index(self._main, "meta", "article_id").get(aid)
            return clean_value(row["fields"]) if row and isinstance(row.get("fields"), dict) else {}

    def set_meta(self, aid: str, fields: dict[str, Any]) -> None:
        with self._writing():
            merged = self.get_meta(aid)
            # The store never holds a control sequence; a value that was nothing else is no correction.
            merged.update({
                k: v for k, v in clean_value(dict(fields)).items()
                if not (isinstance(v, str) and not v.strip() and isinstance(fields[k], str) and fields[k].strip())
            })
            self._upsert(self._main, "meta", "article_id", aid, {"fields": merged})

    # -- settings -------------------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._reading():
            row = self._index(self._main, "settings", "key").get(key)
            return default if row is None else clean_value(row.get("value"))

    def set_setting(self, key: str, value: Any) -> None:
        with self._writing():
            self._upsert(self._main, "settings", "key", key, {"value": clean_value(value)})

    # -- generic keyed rows (the per-device engine of reader.sync.store) ------------------------------
    def own_row(self, table: str, key: str) -> dict[str, Any] | None:
        """The row of `table` whose "k" is key, in this store's own files (sharded by key)."""
        with self._reading():
            return self._index(self._shard(table, key), table, "k").get(key)

    def put_row(self, table: str, key: str, row: dict[str, Any]) -> None:
        """Insert or update the row whose "k" is key (its top-level fields replaced by row's)."""
        with self._writing():
            self._upsert(self._shard(table, key), table, "k", key, row)

    def drop_row(self, table: str, key: str) -> None:
        with self._writing():
            storage = self._shard(table, key)
            doc_id = self._doc_id(storage, table, "k", key)
            if doc_id is None:
                return
            before = storage.version
            self._table(storage, table).remove(doc_ids=[doc_id])
            self._track(storage, table, before, key, None)

    @property
    def locked(self) -> StoreLock:
        """The store's cross-process lock (held around a multi-step change such as a compaction)."""
        return self._lock

    # -- state of the store -------------------------------------------------------------------------
    @property
    def warning(self) -> str | None:
        notes = [st.warning for st in self._storages.values() if st.warning]
        return " ".join(dict.fromkeys(notes)) or None

    def check(self) -> None:
        """Read every file of the store now (one stat each when unchanged), so damage anywhere is
        found, and reported through take_warnings(), at once rather than when that file is used."""
        with self._reading():
            for name, field in (("reads", "article_id"), ("bookmarks", "id")):
                for st in self._all_shards(name):
                    self._index(st, name, field)

    def take_warnings(self) -> list[str]:
        """One line per problem found (damaged files, unreadable rows) not yet taken; each is given once."""
        notes = [st.warning for st in self._storages.values() if st.warning] + list(self._row_notes.values())
        new = [n for n in dict.fromkeys(notes) if n not in self._said]
        self._said.update(new)
        return new

    @property
    def readonly(self) -> bool:
        return any(st.readonly for st in self._storages.values())

    def close(self) -> None:
        for st in self._storages.values():
            st.close()
