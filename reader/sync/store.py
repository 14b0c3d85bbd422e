"""SyncedStore: the StateStore API (reader.store.state) over every device's files.

Writes go to this device's own StateStore (devices/<device>/state.json and its state.d/ shards), each
row stamped with a hybrid logical clock; reads come from the merged view (reader.sync.view).

Tables (row key -> fields, each field last-writer-wins on its own):
    reads     article id -> read, position
    marks     bookmark id -> the bookmark's fields (fixed when made), deleted (a tombstone)
    notes     note version id -> b (bookmark id), t (text), p (parent version ids): never changed (but
              for `withdrawn`, an undone choice, which then counts as no version at all); the
              versions no other version names as parent are the heads; two heads are a conflict
    meta      article id -> "fields.<name>" (one stamp per corrected field)
    settings  key -> value
    seen      device -> the newest stamp of that device this device has merged (for compaction)
Any other table (put/get/rows/delete below) follows the same rule with no new code.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from reader.controls import clean_str, clean_value
from reader.errors import NotFound, StoreReadOnly
from reader.models import Bookmark
from reader.store.state import StateStore, bookmark_of, capped_quote
from reader.store.atomic import atomic_write_bytes, clean_temp_files
from reader.sync import journal, snapshot
from reader.sync.device import device_id
from reader.sync.files import DEVICES, is_conflict_copy, write_ignore_files
from reader.sync.tables import SyncedTablesMixin
from reader.sync.view import MergedView, Record, no_gc

_MARK_FIELDS = ("article_id", "paragraph", "quote", "prefix", "suffix", "start", "end", "created", "seq")


def _iso(hlc: int) -> str:
    return datetime.fromtimestamp(hlc / 1e6, timezone.utc).isoformat(timespec="seconds") if hlc else ""


@dataclass(frozen=True)
class NoteHead:
    """One text of a note in conflict: the version id, the device that wrote it, when, the text."""

    version: str
    device: str
    when: str
    text: str


class SyncedStore(SyncedTablesMixin):
    def __init__(self, root: Path, *, device: str | None = None) -> None:
        self.root = Path(root)
        self.device = device or device_id()
        folder = self.root / DEVICES / self.device
        from reader.sync.migrate import migrate_legacy  # the old single-device layout, once

        self.own = StateStore(folder / "state.json")
        self.journal = folder / journal.NAME
        if folder.is_dir():
            try:
                with self.own._lock:  # a fold killed mid-write leaves a temp file of the journal
                    clean_temp_files(self.journal)
            except Exception:  # noqa: BLE001 - an unwritable folder: said by the store's first write
                pass
        self._pending: list[bytes] | None = None  # journal lines of the change being made
        self.view = MergedView(self.root, self._own_read, own_folder=folder, cache=snapshot.cache_file(self.root, self.device))
        self.view.watch.add("notes")
        self._warnings: list[str] = []
        self._notes_by_mark: dict[str, dict[str, Record]] | None = None  # bookmark id -> note versions
        self._mark_of_note: dict[str, str] = {}
        self._batching = 0
        self._said_rows: set[str] = set()
        self._batch_fresh = False  # the view was refreshed under this batch's lock (no need again)
        self._warnings.extend(migrate_legacy(self))
        from reader.sync.conflicts import fold_conflict_copies

        fold_conflict_copies(self)
        write_ignore_files(self.root)
        self.path = self.own.path

    def _own_read(self, path: Path) -> dict[str, Any] | None:
        if path.parent not in (self.own.path.parent, self.own.folder) or is_conflict_copy(path.name):
            return None
        with self.own._reading():
            return self.own._storage(path).read()

    def _writable_key(self, table: str) -> str:
        """A new random key whose shard of this device is writable (a damaged, read-only shard is skipped)."""
        for _ in range(4 * self.own.shards):
            key = uuid.uuid4().hex[:12]
            storage = self.own._shard(table, key)
            with self.own._reading():
                storage.read()
            if not storage.readonly:
                return key
        return uuid.uuid4().hex[:12]

    # -- clock and writes ----------------------------------------------------------------------
    def _refresh(self) -> MergedView:
        self.view.refresh()
        return self.view

    def _clock(self, floor: int = 0) -> int:
        """A hybrid logical clock stamp: after every change this process has seen (the view as last
        read, this device's own row) and never behind the wall clock."""
        stamp = max(time.time_ns() // 1000, self.view.max_hlc + 1, floor + 1)
        self.view.max_hlc = stamp
        return stamp

    @contextmanager
    def _journaling(self) -> Iterator[None]:
        """One change (a few rows) appended to this device's journal with one write and one fsync
        under the device's store lock (reader.sync.journal); nested calls join the outer one."""
        if self._pending is not None:
            yield
            return
        with self.own._lock:
            if self.own._main.readonly:
                raise StoreReadOnly(self.own._main.readonly)
            self.view.refresh()  # every change of this device's other processes, for the clock
            self._pending = []
            try:
                yield
                lines = self._pending
            finally:
                self._pending = None
            if lines:
                size = journal.append(self.journal, lines)
                if size > journal.FOLD_AT and not self.own._depth:
                    self.fold_journal()

    def fold_journal(self) -> int:
        """Fold the journal's rows into this device's shards, then empty it (reader.sync.journal).
        Rows whose shard is damaged and read-only stay in the journal. Returns the rows folded."""
        from reader.sync.conflicts import _merge_row

        with self.own._lock:
            if self.own._depth:  # inside a batch its shard writes are not on disk yet: the journal must stay
                return 0
            rows = journal.read_rows(self.journal)
            if not rows:
                return 0
            kept: list[bytes] = []
            folded = 0
            with self.own.batch():
                for table, t in rows.items():
                    for key, row in t.items():
                        storage = self.own._shard(table, key)
                        with self.own._reading():
                            storage.read()
                        if storage.readonly:
                            kept.append(json.dumps({"t": table, **row}, ensure_ascii=False).encode("utf-8") + b"\n")
                            continue
                        self.own.put_row(table, key, _merge_row(self.own.own_row(table, key), row, self.device))
                        folded += 1
            atomic_write_bytes(self.journal, b"".join(kept))
            self.view.force = True
            return folded

    def put(self, table: str, key: str, values: dict[str, Any], *, stamp: int | None = None) -> None:
        """Set fields of one row (this device's copy), each stamped now: a single change goes to the
        journal (one fsync); inside a batch (bulk changes) to the shards, each written once."""
        if self._pending is not None:
            rec = self.view.table(table).get(key)
            hlc = stamp if stamp is not None else self._clock(rec.stamp if rec is not None else 0)
            self._pending.append(journal.line_of(table, key, values, hlc, self.device))
            return
        if not self.own._depth:
            with self._journaling():
                self.put(table, key, values, stamp=stamp)
            return
        with self.own.batch():
            row = self.own.own_row(table, key) or {}
            hlc = stamp if stamp is not None else self._clock(max((x for x in (row.get("h") or {}).values()
                                                                   if isinstance(x, int)), default=0))
            v = dict(row.get("v") or {})
            h = dict(row.get("h") or {})
            for name, value in values.items():
                v[name] = value
                h[name] = hlc
            self.own.put_row(table, key, {"v": v, "h": h, "d": self.device})
        self.view.force = True  # our own write: look at every file next time (folder times are coarse)

    def get(self, table: str, key: str) -> dict[str, Any] | None:
        """The merged fields of one row (None when no device has it, or it is deleted)."""
        rec = self._refresh().table(table).get(key)
        if rec is None or rec.v.get("deleted"):
            return None
        return dict(rec.v)

    def rows(self, table: str) -> dict[str, dict[str, Any]]:
        """Every live row of a table, merged: key -> fields."""
        return {k: dict(r.v) for k, r in self._refresh().table(table).items() if not r.v.get("deleted")}

    def delete(self, table: str, key: str) -> None:
        """A tombstone: the row stays deleted whatever older copy of it arrives later."""
        self.put(table, key, {"deleted": True})

    @contextmanager
    def batch(self) -> Iterator[SyncedStore]:
        """Many changes under one lock hold, each touched file written once at the end."""
        with self.own.batch():
            self._batching += 1
            try:
                yield self
            finally:
                self._batching -= 1
                if not self._batching:
                    self._batch_fresh = False
                    self.view.force = True

    # -- read state and position ----------------------------------------------------------------
    def is_read(self, aid: str) -> bool:
        row = self.get("reads", aid)
        return bool(row and row.get("read"))

    def set_read(self, aid: str, read: bool = True) -> None:
        self.put("reads", aid, {"read": bool(read)})

    def read_ids(self) -> set[str]:
        return {k for k, r in self._refresh().table("reads").items() if r.v.get("read")}

    def get_position(self, aid: str) -> int | None:
        row = self.get("reads", aid)
        pos = row.get("position") if row else None
        return pos if isinstance(pos, int) else None

    def set_position(self, aid: str, paragraph: int) -> None:
        self.put("reads", aid, {"position": int(paragraph)})

    # -- bookmarks and notes ------------------------------------------------------------------------
    def add_bookmark(self, aid: str, paragraph: int, quote: str, prefix: str = "", suffix: str = "",
                     start: int = 0, end: int = 0, note: str = "") -> Bookmark:
        quote, start, end = capped_quote(clean_str(str(quote)), int(start), int(end))
        bid = self._writable_key("marks")
        with self._journaling():
            hlc = self._clock()
            fields = {"article_id": aid, "paragraph": int(paragraph), "quote": quote, "prefix": clean_str(str(prefix)),
                      "suffix": clean_str(str(suffix)), "start": start, "end": end, "created": _iso(hlc), "seq": hlc}
            self.put("marks", bid, fields, stamp=hlc)
            note = clean_str(str(note))
            if note:
                self.put("notes", self._writable_key("notes"), {"b": bid, "t": note, "p": []}, stamp=hlc)
        return self.get_bookmark(bid)

    def _versions(self) -> dict[str, dict[str, Record]]:
        """bookmark id -> its note versions (version id -> record), from the view as last refreshed
        (callers refresh first); kept up to date with the note versions that changed since."""
        view = self.view
        notes = view.table("notes")
        changed = view.changes.pop("notes", set())
        if self._notes_by_mark is None:
            by_mark: dict[str, dict[str, Record]] = {}
            for vid, rec in notes.items():
                if rec.v.get("withdrawn"):  # an undone choice (withdraw_note_versions)
                    continue
                b = str(rec.v.get("b"))
                by_mark.setdefault(b, {})[vid] = rec
                self._mark_of_note[vid] = b
            self._notes_by_mark = by_mark
            return by_mark
        by_mark = self._notes_by_mark
        for vid in changed:
            old = self._mark_of_note.pop(vid, None)
            if old is not None and old in by_mark:
                by_mark[old].pop(vid, None)
            rec = notes.get(vid)
            if rec is not None and not rec.v.get("withdrawn"):
                b = str(rec.v.get("b"))
                by_mark.setdefault(b, {})[vid] = rec
                self._mark_of_note[vid] = b
        return by_mark

    def _heads(self, bid: str) -> list[tuple[str, Record]]:
        versions = self._versions().get(bid) or {}
        parents = {p for rec in versions.values() for p in (rec.v.get("p") or [])}
        heads = [(vid, rec) for vid, rec in versions.items() if vid not in parents]
        return sorted(heads, key=lambda x: (x[1].stamp, min(x[1].d.values(), default=""), x[0]))

    def note_heads(self, bid: str, *, refresh: bool = True) -> list[NoteHead]:
        """The texts of a note edited on two devices without seeing each other (empty when no conflict)."""
        if refresh:
            self._refresh()
        heads = self._heads(bid)
        if len(heads) < 2:
            return []
        return [NoteHead(vid, next(iter(rec.d.values()), ""), _iso(rec.stamp), clean_str(str(rec.v.get("t") or "")))
                for vid, rec in heads]

    def _bookmark(self, bid: str, rec: Record) -> Bookmark | None:
        v = rec.v
        if v.get("deleted") or not (isinstance(v.get("article_id"), str) and isinstance(v.get("paragraph"), int)
                                    and isinstance(v.get("quote"), str)):
            return None
        versions = self._versions().get(bid)
        heads = [] if not versions else list(versions.items()) if len(versions) == 1 else self._heads(bid)
        text = heads[-1][1].v.get("t") if heads else ""
        if not isinstance(text, str):
            line = (f"The note of bookmark {bid} has a value of the wrong type (not text), read as best it could be; "
                    f"set the note again with `reader note {bid} TEXT` (other bookmarks are not affected).")
            if line not in self._said_rows:
                self._said_rows.add(line)
                self._warnings.append(line)
        note = "" if text is None or isinstance(text, (dict, list)) else str(text)
        updated = _iso(max(rec.stamp, *(h.stamp for _, h in heads)) if heads else rec.stamp)
        quote, prefix, suffix, created = v["quote"], v.get("prefix", ""), v.get("suffix", ""), v.get("created", "")
        start, end = v.get("start", 0), v.get("end", 0)
        if (type(prefix) is str and type(suffix) is str and type(created) is str and type(start) is int
                and type(end) is int and type(v["paragraph"]) is int):
            joined = " ".join((quote, prefix, suffix, note, created))
            if clean_str(joined) is joined:  # the usual row: well typed, nothing to clean (bookmark_of's result)
                return Bookmark(bid, v["article_id"], v["paragraph"], quote, prefix, suffix, start, end, note,
                                created, updated)
        row = {"id": bid, **{n: v.get(n) for n in _MARK_FIELDS if n != "seq"}, "note": note, "updated": updated}
        return bookmark_of(row)[0]

    def get_bookmark(self, bid: str) -> Bookmark:
        rec = self._refresh().table("marks").get(bid)
        bm = self._bookmark(bid, rec) if rec is not None else None
        if bm is None:
            raise NotFound(f"No bookmark {bid!r}; run `reader bookmark list` to see their ids.")
        return bm

    def set_note(self, bid: str, note: str, *, parents: list[str] | None = None) -> Bookmark:
        """A new version of the note, after every head: this also resolves a conflict everywhere.

        `parents` (the versions the user saw, e.g. in a conflict dialog) replaces "every head": a version
        that arrived from another device while the user chose stays a head, so it is never hidden unseen."""
        self.get_bookmark(bid)
        with self._journaling():
            heads = self._heads(bid)
            if parents is None:
                parents = [vid for vid, _ in heads]
            else:
                known = self._versions().get(bid) or {}
                parents = [vid for vid in dict.fromkeys(parents) if vid in known]
            dirty = [vid for vid, rec in heads if rec.d.get("t") == self.device and isinstance(rec.v.get("t"), str)
                     and clean_str(rec.v["t"]) != rec.v["t"]]
            self.put("notes", self._writable_key("notes"), {"b": bid, "t": clean_str(str(note)), "p": parents})
        if dirty:
            with self.own.batch():  # our own earlier versions keep no control sequence (an old file's)
                for vid in dirty:
                    row = self.own.own_row("notes", vid)
                    text = (row or {}).get("v", {}).get("t")
                    if row and isinstance(text, str) and clean_str(text) != text:
                        self.own.put_row("notes", vid, {"v": {**row["v"], "t": clean_str(text)}})
        return self.get_bookmark(bid)

    def withdraw_note_versions(self, bid: str, parents: list[str]) -> int:
        """Undo a choice made on this device: the versions it wrote after exactly `parents` (a kept or
        merged text) are withdrawn, so those parents are the note's versions again (the conflict is back,
        each with its own device and time). Returns how many were withdrawn."""
        self.get_bookmark(bid)
        wanted = set(parents)
        with self.own.batch():
            self._refresh()
            mine = [vid for vid, rec in (self._versions().get(bid) or {}).items()
                    if set(rec.v.get("p") or []) == wanted and self.device in rec.d.values()]
            for vid in mine:
                self.put("notes", vid, {"withdrawn": True})
        return len(mine)

    def remove_bookmark(self, bid: str) -> None:
        self.get_bookmark(bid)
        self.delete("marks", bid)

    def bookmarks(self, aid: str | None = None) -> list[Bookmark]:
        with no_gc():
            return self._bookmarks(aid)

    def _bookmarks(self, aid: str | None) -> list[Bookmark]:
        marks = self._refresh().table("marks")
        found = []
        for bid, rec in marks.items():
            if aid is not None and rec.v.get("article_id") != aid:
                continue
            bm = self._bookmark(bid, rec)
            if bm is not None:
                found.append((rec.v.get("seq") or 0, bm.created, bid, bm))
        found.sort(key=lambda x: (x[0], x[1], x[2]))
        return [x[3] for x in found]

    def bookmarked_ids(self) -> set[str]:
        return {str(r.v["article_id"]) for r in self._refresh().table("marks").values()
                if not r.v.get("deleted") and isinstance(r.v.get("article_id"), str)}

    _conflicts_cache: tuple[tuple[int, int, int], dict[str, list[NoteHead]]] | None = None

    def conflicts(self) -> dict[str, list[NoteHead]]:
        """Every bookmark whose note is in conflict -> its heads (kept until the notes or marks change:
        the TUI asks again on every load of the bookmarks screen, search keystrokes included)."""
        view = self._refresh()
        key = (id(view), view.versions.get("notes", 0), view.versions.get("marks", 0))
        if self._conflicts_cache is None or self._conflicts_cache[0] != key:
            marks = view.table("marks")
            found = {bid: heads for bid in self._versions()
                     if bid in marks and not marks[bid].v.get("deleted") and (heads := self.note_heads(bid, refresh=False))}
            self._conflicts_cache = (key, found)
        return dict(self._conflicts_cache[1])

    # -- metadata corrections ----------------------------------------------------------------------
    @staticmethod
    def _fields(row: dict[str, Any]) -> dict[str, Any]:
        return {k[7:]: clean_value(v) for k, v in row.items() if k.startswith("fields.")}

    def all_meta(self) -> dict[str, dict[str, Any]]:
        return {aid: f for aid, row in self.rows("meta").items() if (f := self._fields(row))}

    def get_meta(self, aid: str) -> dict[str, Any]:
        row = self.get("meta", aid)
        return self._fields(row) if row else {}

    def set_meta(self, aid: str, fields: dict[str, Any]) -> None:
        cleaned = {
            k: v for k, v in clean_value(dict(fields)).items()
            if not (isinstance(v, str) and not v.strip() and isinstance(fields[k], str) and fields[k].strip())
        }
        if cleaned:
            self.put("meta", aid, {f"fields.{k}": v for k, v in cleaned.items()})
            row = self.own.own_row("meta", aid) or {}
            v = row.get("v") or {}
            if clean_value(v) != v:  # an old file's values: kept (same stamps), stored clean
                with self.own.batch():
                    self.own.put_row("meta", aid, {"v": clean_value(v)})

    # -- settings -------------------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.get("settings", key)
        return default if row is None or "value" not in row else clean_value(row["value"])

    def set_setting(self, key: str, value: Any) -> None:
        self.put("settings", key, {"value": clean_value(value)})

    # -- state of the store -----------------------------------------------------------------------------
    @property
    def warning(self) -> str | None:
        return self.own.warning

    @property
    def readonly(self) -> bool:
        return self.own.readonly

    def check(self) -> None:
        self.own.check()
        self._refresh()

    def take_warnings(self) -> list[str]:
        self._refresh()
        new = self._warnings + self.view.warnings + self.own.take_warnings()
        self._warnings, self.view.warnings = [], []
        return list(dict.fromkeys(new))

    def close(self) -> None:
        self.view.save_cache()  # the other devices' merged rows, for a fast next start (reader.sync.snapshot)
        self.own.close()
