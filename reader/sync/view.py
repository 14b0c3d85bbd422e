"""The merged view of every device's store files.

A row, as every device writes it: {"k": key, "v": {field: value}, "h": {field: hlc}, "d": device}.
The merged record of a key is, per field, the value with the greatest (hlc, device): last writer wins
by hybrid logical clock, the same on every machine whatever order the files arrived in. Files are
parsed only when their stat signature changed; after a change of one file only its keys are re-folded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.controls import shown_name
from reader.store.storage import Signature, parse, stat_signature
from reader.sync.files import DEVICES, device_files

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


def _rows_of(data: dict[str, Any]) -> dict[str, Rows]:
    tables: dict[str, Rows] = {}
    for name, table in data.items():
        if name.startswith("_"):
            continue
        rows: Rows = {}
        for row in table.values():
            key = row.get("k")
            if isinstance(key, str) and isinstance(row.get("h"), dict) and isinstance(row.get("v"), dict):
                rows[key] = dict(row)  # a copy: the store's own data is changed in place by its next write
        if rows:
            tables[name] = rows
    return tables


class MergedView:
    def __init__(self, root: Path, own_read: Callable[[Path], dict[str, Any] | None] | None = None) -> None:
        self.root = Path(root)
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
        self._dir_sigs: list[tuple[str, int, int]] = []
        self._full_at = 0.0
        self.force = False

    # -- files ---------------------------------------------------------------------------------
    def device_folders(self) -> list[Path]:
        try:
            with os.scandir(self.devices_dir) as it:
                return sorted(Path(e.path) for e in it if e.is_dir() and not e.name.startswith("."))
        except FileNotFoundError:
            return []

    def all_files(self) -> list[Path]:
        return [p for folder in self.device_folders() for p in device_files(folder)]

    def _parse(self, path: Path) -> dict[str, Rows]:
        if self.own_read is not None:
            data = self.own_read(path)
            if data is not None:
                return _rows_of(data)
        try:
            raw = path.read_bytes()
        except OSError:
            return {}
        try:
            return _rows_of(parse(raw))
        except (ValueError, UnicodeDecodeError) as exc:
            if path not in self._said:
                self._said.add(path)
                self.warnings.append(
                    f"The synced store file {shown_name(path)} is damaged ({exc}); its changes are left out until "
                    "the device that owns it writes it again (or a sync tool brings a good copy)."
                )
            return {}

    # -- refresh --------------------------------------------------------------------------------
    def _unchanged(self) -> bool:
        """True when no device folder changed since the last full look (every write, ours or a sync
        tool's, renames a file into place, which changes its folder); a full look at least once a second
        also catches a file rewritten in place."""
        now = time.monotonic()
        sigs = []
        for folder in [self.devices_dir, *self.device_folders()]:
            for sub in (folder, folder / "state.d"):
                try:
                    st = os.stat(sub)
                    sigs.append((str(sub), st.st_mtime_ns, st.st_ctime_ns))
                except OSError:
                    sigs.append((str(sub), 0, 0))
        if sigs == self._dir_sigs and now - self._full_at < 1.0 and not self.force:
            return True
        self._dir_sigs, self._full_at, self.force = sigs, now, False
        return False

    def refresh(self) -> None:
        """Bring the view up to date with the files on disk (one stat per folder when unchanged)."""
        if self._unchanged():
            return
        seen = set()
        changed: dict[str, set[str]] = {}
        for path in self.all_files():
            seen.add(path)
            sig = stat_signature(path)
            old = self._files.get(path)
            if old is not None and old[0] == sig:
                continue
            new = self._parse(path) if sig is not None else {}
            self._files[path] = (sig, new)
            self._note_changes(changed, old[1] if old else {}, new)
        for path in [p for p in self._files if p not in seen]:
            _, old_rows = self._files.pop(path)
            self._note_changes(changed, old_rows, {})
        for table, keys in changed.items():
            self._refold(table, keys)

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
                    top = max((s for s in row["h"].values() if isinstance(s, int)), default=0)
                    if top > last.get(dev, 0):
                        last[dev] = top
                    if top > self.max_hlc:
                        self.max_hlc = top
        for key in keys:
            rec = fresh.get(key)
            if rec is not None and rec.h:
                merged[key] = rec
            else:
                merged.pop(key, None)
        self.versions[table] = self.versions.get(table, 0) + 1

    def table(self, name: str) -> dict[str, Record]:
        return self.tables.get(name, {})

    def rows_of_device(self, table: str, device: str) -> list[dict[str, Any]]:
        """Every row of `table` written by `device` (in any file, conflict copies included)."""
        return [r for _, rows in self._files.values() for r in rows.get(table, {}).values() if r.get("d") == device]
