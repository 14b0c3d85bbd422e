"""Conflict copies that sync tools leave (`x.sync-conflict-...`, `x (... conflicted copy ...)`, `x.orig`).

Every device reads them as another copy of the file they sit beside (reader.sync.view), so nothing in
them is lost; the device that owns the folder folds their rows into its own files and sets them aside
in `.sync-conflicts/` (never synced), so they never shadow the real file. Article files (named by
content id) in conflict are the same article: the copy is set aside, or becomes the file if it is missing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.store.storage import parse
from reader.sync.files import ASIDE, device_files, is_conflict_copy
from reader.sync.journal import is_journal, read_rows

if TYPE_CHECKING:
    from reader.sync.store import SyncedStore

_STRIP = [
    re.compile(r"\.sync-conflict-[^.]*"),
    re.compile(r" \([^)]*conflict[^)]*\)", re.I),
    re.compile(r"\.orig$"),
]


def real_name(name: str) -> str:
    for pat in _STRIP:
        name = pat.sub("", name)
    return name


def set_aside(root: Path, path: Path, label: str) -> Path:
    folder = root / ASIDE
    folder.mkdir(exist_ok=True)
    dest, n = folder / f"{label}-{path.name}", 1
    while dest.exists():
        n += 1
        dest = folder / f"{label}-{n}-{path.name}"
    os.replace(path, dest)
    return dest


def pending(root: Path) -> list[Path]:
    """Conflict copies still beside library files (not yet folded by their owner)."""
    from reader.sync.files import DEVICES

    found = [p for folder in sorted((root / DEVICES).glob("*")) for p in device_files(folder) if is_conflict_copy(p.name)]
    found += [p for p in sorted([*(root / "articles").glob("*"), *(root / "articles").glob("*.versions/*")])
              if is_conflict_copy(p.name)]
    return found


def _merge_row(mine: dict[str, Any] | None, theirs: dict[str, Any], device: str) -> dict[str, Any]:
    v, h = dict((mine or {}).get("v") or {}), dict((mine or {}).get("h") or {})
    for name, stamp in (theirs.get("h") or {}).items():
        if isinstance(stamp, int) and stamp > h.get(name, -1):
            h[name], v[name] = stamp, (theirs.get("v") or {}).get(name)
    return {"v": v, "h": h, "d": device}


def fold_conflict_copies(store: SyncedStore) -> list[Path]:
    root, moved = store.root, []
    own_folder = store.own.path.parent
    copies = [p for p in device_files(own_folder) if is_conflict_copy(p.name)]
    folded = []
    if copies:
        with store.own.batch():
            for path in copies:
                try:
                    if is_journal(path.name):  # a copy of the journal: its rows, as a store file holds them
                        data = {t: dict(enumerate(rows.values())) for t, rows in read_rows(path).items()}
                    else:
                        data = parse(path.read_bytes())
                except (OSError, ValueError, UnicodeDecodeError):
                    continue  # damaged: left where it is, and read by nobody (the view warns)
                folded.append(path)
                for table, rows in data.items():
                    if table.startswith("_"):
                        continue
                    for row in rows.values():
                        key = row.get("k")
                        if isinstance(key, str) and row.get("d") == store.device and isinstance(row.get("h"), dict):
                            store.own.put_row(table, key, _merge_row(store.own.own_row(table, key), row, store.device))
        for path in folded:
            if path.exists():
                moved.append(set_aside(root, path, store.device))
    articles = root / "articles"
    for path in sorted([*articles.glob("*"), *articles.glob("*.versions/*")]) if articles.is_dir() else []:
        if not is_conflict_copy(path.name):
            continue
        real = path.parent / real_name(path.name)
        try:
            if real != path and not real.exists():
                os.replace(path, real)
            else:
                moved.append(set_aside(root, path, "articles"))
        except OSError:
            continue
    return moved
