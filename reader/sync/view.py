"""The merged view of every device's store files.

A row, as every device writes it: {"k": key, "v": {field: value}, "h": {field: hlc}, "d": device}.
The merged record of a key is, per field, the value with the greatest (hlc, device): last writer wins
by hybrid logical clock, the same on every machine whatever order the files arrived in. Files are
parsed only when their stat signature changed; after a change of one file only its keys are re-folded.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.controls import shown_name
from reader.store.storage import Signature, parse, stat_signature
from reader.sync import snapshot
from reader.sync.files import DEVICES, device_files, files_in
from reader.sync.journal import NAME as JOURNAL
from reader.sync.journal import is_journal, parse_lines, read_rows

Rows = dict[str, dict[str, Any]]  # key -> row


@dataclass
class Record:
    v: dict[str, Any] = field(default_factory=dict)
    h: dict[str, int] = field(default_factory=dict)
    d: dict[str, str] = field(default_factory=dict)

    def take(self, row: dict[str, Any]) -> None:
        dev = str(row.get("d") or "")
        values = row.get("v") or {}
        if not self.h:  # the first copy of this key (most keys have one): taken whole
            h = {n: s for n, s in row["h"].items() if isinstance(s, int)}
            self.h, self.d, self.v = h, dict.fromkeys(h, dev), {n: values.get(n) for n in h}
            return
        for name, stamp in (row.get("h") or {}).items():
            if not isinstance(stamp, int):
                continue
            if (stamp, dev) > (self.h.get(name, -1), self.d.get(name, "")):
                self.h[name], self.d[name] = stamp, dev
                self.v[name] = values.get(name)

    @property
    def stamp(self) -> int:
        return max(self.h.values(), default=0)

    def copy(self) -> Record:
        return Record(dict(self.v), dict(self.h), dict(self.d))

    def merge(self, other: Record) -> None:
        """Take other's fields where they are newer (by stamp, then device): the same rule as take."""
        for name, stamp in other.h.items():
            dev = other.d.get(name, "")
            if (stamp, dev) > (self.h.get(name, -1), self.d.get(name, "")):
                self.h[name], self.d[name], self.v[name] = stamp, dev, other.v.get(name)


def _rows_of(data: dict[str, Any], copy: bool = True) -> dict[str, Rows]:
    """table -> key -> row of one store file (copy: the rows of this device's own files are copied, as its
    store changes them in place on its next write; another device's file is parsed for us alone)."""
    tables: dict[str, Rows] = {}
    for name, table in data.items():
        if name.startswith("_"):
            continue
        rows: Rows = {}
        for row in table.values():
            key = row.get("k")
            if type(key) is str and type(row.get("h")) is dict and type(row.get("v")) is dict:
                rows[key] = dict(row) if copy else row
        if rows:
            tables[name] = rows
    return tables


@contextmanager
def no_gc() -> Iterator[None]:
    """Python's cycle collector paused while tens of thousands of rows are read and merged (they hold
    no cycles; each pass would walk every one of them again: a third of the time of a start)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class MergedView:
    def __init__(self, root: Path, own_read: Callable[[Path], dict[str, Any] | None] | None = None,
                 own_folder: Path | None = None, cache: Path | None = None) -> None:
        self.root = Path(root)
        #: This device's folder, and the per-machine cache of the other devices' merged rows
        #: (reader.sync.snapshot): while `base` holds them, only this device's files are in _files.
        self.own_folder = own_folder
        self.cache = cache
        self.base: dict[str, dict[str, Record]] | None = None
        self._base_sigs: dict[Path, Signature | None] = {}
        self._first = True
        #: Reads one of this device's own files through its store (damage recovery: a rollback to the
        #: .bak, or that file alone read-only, with the store's one-line warning); None for other files.
        self.own_read = own_read
        self.devices_dir = self.root / DEVICES
        self._files: dict[Path, tuple[Signature | None, dict[str, Rows]]] = {}
        self.tables: dict[str, dict[str, Record]] = {}
        self.versions: dict[str, int] = {}  # table -> bumped on each change (for derived caches)
        self.max_hlc = 0
        self.last_change: dict[str, int] = {}  # device -> newest stamp of its rows
        self.warnings: list[str] = []
        self._said: set[Path] = set()
        self._dir_sigs: dict[Path, tuple[int, int]] = {}
        self._folders: list[Path] = []
        self._journal_pos: dict[Path, int] = {}
        self._full_at = -1e9
        self.force = False
        self.generation = 0  # bumped on each refresh that changed something
        #: table -> keys changed since the consumer last took them (for the tables in `watch` only)
        self.watch: set[str] = set()
        self.changes: dict[str, set[str]] = {}

    # -- files ---------------------------------------------------------------------------------
    def device_folders(self) -> list[Path]:
        try:
            with os.scandir(self.devices_dir) as it:
                return sorted(Path(e.path) for e in it if e.is_dir() and not e.name.startswith("."))
        except FileNotFoundError:
            return []

    def all_files(self) -> list[Path]:
        found = []
        for folder in self.device_folders():
            found.extend(device_files(folder))
            if (folder / JOURNAL).exists():
                found.append(folder / JOURNAL)
        return found

    def _parse(self, path: Path) -> dict[str, Rows]:
        if is_journal(path.name):
            return read_rows(path)
        if self.own_read is not None:
            data = self.own_read(path)
            if data is not None:
                return _rows_of(data)
        try:
            raw = path.read_bytes()
        except OSError:
            return {}
        try:
            return _rows_of(parse(raw), copy=False)
        except (ValueError, UnicodeDecodeError) as exc:
            if path not in self._said:
                self._said.add(path)
                self.warnings.append(
                    f"The synced store file {shown_name(path)} is damaged ({exc}); its changes are left out until "
                    "the device that owns it writes it again (or a sync tool brings a good copy)."
                )
            return {}

    def _journal_tail(self, path: Path, sig: Signature, old: tuple[Signature | None, dict[str, Rows]] | None,
                      changed: dict[str, set[str]]) -> dict[str, Rows] | None:
        """A journal that only grew since it was last read: its new lines merged in (None: read it whole)."""
        pos = self._journal_pos.get(path)
        if old is None or old[0] is None or pos is None or old[0][0] != sig[0] or sig[1] < pos:
            return None
        try:
            with open(path, "rb") as fh:
                fh.seek(pos)
                data = fh.read(sig[1] - pos)
        except OSError:
            return None
        rows = {t: dict(tbl) for t, tbl in old[1].items()}
        used, touched = parse_lines(data, rows)
        self._journal_pos[path] = pos + used
        for table, key in touched:
            changed.setdefault(table, set()).add(key)
        return rows

    def _check(self, path: Path, changed: dict[str, set[str]]) -> None:
        sig = stat_signature(path)
        old = self._files.get(path)
        if old is not None and old[0] == sig:
            return
        if sig is None:
            if old is not None:
                self._files.pop(path, None)
                self._journal_pos.pop(path, None)
                self._note_changes(changed, old[1], {})
            return
        if path.name == JOURNAL:
            rows = self._journal_tail(path, sig, old, changed)
            if rows is not None:
                self._files[path] = (sig, rows)
                return
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            new: dict[str, Rows] = {}
            used, _ = parse_lines(data, new)
            self._journal_pos[path] = used
            sig = (sig[0], len(data), sig[2], sig[3]) if len(data) != sig[1] else sig
        else:
            new = self._parse(path)
        self._files[path] = (sig, new)
        self._note_changes(changed, old[1] if old else {}, new)

    # -- refresh --------------------------------------------------------------------------------
    @staticmethod
    def _dir_sig(sub: Path) -> tuple[int, int]:
        try:
            st = os.stat(sub)
            return st.st_mtime_ns, st.st_ctime_ns
        except OSError:
            return 0, 0

    def refresh(self) -> None:
        """Bring the view up to date with the files on disk. Every write of a shard (ours, another
        process's, a sync tool's) renames a file into place, which changes its folder: only changed
        folders are listed again; journals are looked at with one stat each (they grow in place); a
        full look at least once a second also catches a file rewritten in place."""
        with no_gc():
            self._refresh()

    def _refresh(self) -> None:
        now = time.monotonic()
        folders = self.device_folders()
        changed: dict[str, set[str]] = {}
        if self.base is not None and not self.force and now - self._full_at < 1.0 and folders == self._folders:
            for folder in folders:  # another device's folder changed: the cached merge is left for the files
                if folder != self.own_folder and (
                    any(self._dir_sig(sub) != self._dir_sigs.get(sub) for sub in (folder, folder / "state.d"))
                    or stat_signature(folder / JOURNAL) != self._base_sigs.get(folder / JOURNAL)
                ):
                    self.force = True
                    break
        if self.force or now - self._full_at >= 1.0 or folders != self._folders:
            self.force, self._full_at, self._folders = False, now, folders
            self._dir_sigs = {sub: self._dir_sig(sub) for f in folders for sub in (f, f / "state.d")}
            paths = self.all_files()
            if self.own_folder is not None and (self.base is not None or self._first):
                paths = self._use_base(paths, changed)
            self._first = False
            seen = set()
            for path in paths:
                seen.add(path)
                self._check(path, changed)
            for path in [p for p in self._files if p not in seen]:
                _, old_rows = self._files.pop(path)
                self._journal_pos.pop(path, None)
                self._note_changes(changed, old_rows, {})
        else:
            for folder in folders:
                if self.base is not None and folder != self.own_folder:
                    continue  # unchanged (looked at above)
                for sub in (folder, folder / "state.d"):
                    sig = self._dir_sig(sub)
                    if sig == self._dir_sigs.get(sub):
                        continue
                    self._dir_sigs[sub] = sig
                    listed = set(files_in(sub))
                    for path in listed:
                        self._check(path, changed)
                    for path in [p for p in self._files if p.parent == sub and p not in listed and p.name != JOURNAL]:
                        self._check(path, changed)  # gone
                self._check(folder / JOURNAL, changed)
        for table, keys in changed.items():
            self._refold(table, keys)
        if changed:
            self.generation += 1

    def _is_own(self, path: Path) -> bool:
        return path.parent == self.own_folder or path.parent.parent == self.own_folder

    def _use_base(self, paths: list[Path], changed: dict[str, set[str]]) -> list[Path]:
        """The files to read one by one: this device's only, while the other devices' files are those the
        cached merge was made from (loaded from the cache at the first look); all of them otherwise."""
        others = {p: stat_signature(p) for p in paths if not self._is_own(p)}
        if self.base is None:  # the first look: the cache, if it was made from these very files
            data = snapshot.load(self.cache, self.root, others)
            if data is None:
                return paths
            base: dict[str, dict[str, Record]] = {}
            for table, recs in data["tables"].items():
                t = base[table] = {}
                for key, (v, h, d) in recs.items():
                    t[key] = Record(v, h, d if isinstance(d, dict) else dict.fromkeys(h, d))
            self.base, self._base_sigs = base, others
            for dev, stamp in (data.get("last") or {}).items():
                if isinstance(stamp, int) and stamp > self.last_change.get(dev, 0):
                    self.last_change[dev] = stamp
            self.max_hlc = max(self.max_hlc, int(data.get("max") or 0))
            for table, t in base.items():
                self.tables[table] = dict(t)
                self.versions[table] = self.versions.get(table, 0) + 1
                if table in self.watch:
                    self.changes.setdefault(table, set()).update(t)
            return [p for p in paths if self._is_own(p)]
        if others == self._base_sigs:
            return [p for p in paths if self._is_own(p)]
        for table, t in self.base.items():  # left: every key it held is folded again from the files
            changed.setdefault(table, set()).update(t)
        self.base, self._base_sigs = None, {}
        return paths

    def save_cache(self) -> None:
        """Write the cache of the other devices' merged rows when it is out of date (at close)."""
        if self.cache is None or self.own_folder is None or self.base is not None:
            return
        others = {p: sig for p, (sig, _) in self._files.items() if not self._is_own(p)}
        if not others or others == getattr(self, "_saved_sigs", None):
            return
        tables: dict[str, dict[str, Record]] = {}
        for path in sorted(others):
            for table, rows in self._files[path][1].items():
                t = tables.setdefault(table, {})
                for key, row in rows.items():
                    rec = t.get(key)
                    if rec is None:
                        rec = t[key] = Record()
                    rec.take(row)
        snapshot.save(self.cache, self.root, others, tables, dict(self.last_change), self.max_hlc)
        self._saved_sigs = others

    @staticmethod
    def _note_changes(changed: dict[str, set[str]], old: dict[str, Rows], new: dict[str, Rows]) -> None:
        for table in set(old) | set(new):
            a, b = old.get(table, {}), new.get(table, {})
            keys = changed.setdefault(table, set())
            if not a:
                keys.update(b)
            elif not b:
                keys.update(a)
            else:
                keys.update(k for k in set(a) | set(b) if a.get(k) != b.get(k))

    def _refold(self, table: str, keys: set[str]) -> None:
        if not keys:
            return
        merged = self.tables.setdefault(table, {})
        sources = [rows[table] for _, rows in self._files.values() if table in rows]
        fresh: dict[str, Record] = {}
        last = self.last_change
        for src in sources:
            pairs = ((k, src[k]) for k in keys if k in src) if len(keys) < len(src) else (
                (k, r) for k, r in src.items() if k in keys)
            for key, row in pairs:
                rec = fresh.get(key)
                if rec is None:
                    rec = fresh[key] = Record()
                rec.take(row)
                if rec.h:
                    dev = str(row.get("d") or "")
                    try:
                        top = max(row["h"].values(), default=0)
                    except TypeError:  # a stamp that is not a number (a damaged or hand-edited row)
                        top = max((s for s in row["h"].values() if isinstance(s, int)), default=0)
                    if type(top) is not int:
                        top = 0
                    if top > last.get(dev, 0):
                        last[dev] = top
                    if top > self.max_hlc:
                        self.max_hlc = top
        base = self.base.get(table) if self.base is not None else None
        for key in keys:
            rec = fresh.get(key)
            if base is not None and (b := base.get(key)) is not None:
                if rec is None or not rec.h:
                    rec = b  # shared: records are replaced, never changed in place
                else:
                    own, rec = rec, b.copy()
                    rec.merge(own)
            if rec is not None and rec.h:
                merged[key] = rec
            else:
                merged.pop(key, None)
        self.versions[table] = self.versions.get(table, 0) + 1
        if table in self.watch:
            self.changes.setdefault(table, set()).update(keys)

    def table(self, name: str) -> dict[str, Record]:
        return self.tables.get(name, {})

    def rows_of_device(self, table: str, device: str) -> list[dict[str, Any]]:
        """Every row of `table` written by `device` (in any file, conflict copies included)."""
        return [r for _, rows in self._files.values() for r in rows.get(table, {}).values() if r.get("d") == device]
