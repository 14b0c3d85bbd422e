"""A per-machine cache of the other devices' merged rows, so a start reads only this device's files.

Kept in the cache folder (READER_CACHE_DIR or the platform's cache folder, never in the library, never
synced): sync/<hash of the library path>/<device>.view.json, holding the stat signature of every other
device's file it was made from and their rows merged per key (value, stamp and device of each field).
At start, when every other device's file still has the signature recorded, the view starts from these
merged records and parses this device's files only; when any differs (a sync tool brought a change),
the files are read as usual and the cache is made again when the store closes. Damaged or foreign
content is ignored (it is derived data): the files are read instead.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import platformdirs

try:
    import orjson
except ImportError:  # optional speed-up: without it the cache is not used
    orjson = None  # type: ignore[assignment]

VERSION = 1


def cache_file(root: Path, device: str) -> Path | None:
    if orjson is None:
        return None
    base = os.environ.get("READER_CACHE_DIR") or platformdirs.user_cache_dir("reader", appauthor=False)
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(base).expanduser() / "sync" / key / f"{device}.view.json"


def _rel(root: Path, sigs: dict[Path, Any]) -> dict[str, list[int]]:
    return {os.path.relpath(p, root): list(s) for p, s in sigs.items() if s is not None}


def load(path: Path | None, root: Path, sigs: dict[Path, Any]) -> dict[str, Any] | None:
    """The cached merge when it was made from exactly these files (path -> stat signature), else None:
    {"tables": {table: {key: [v, h, d]}}, "last": {device: stamp}, "max": stamp}."""
    if path is None or not sigs:
        return None
    try:
        data = orjson.loads(path.read_bytes())
        if data.get("version") != VERSION or data.get("sigs") != _rel(root, sigs):
            return None
        if not isinstance(data.get("tables"), dict):
            return None
        return data
    except (OSError, ValueError, AttributeError, TypeError):
        return None


def save(path: Path | None, root: Path, sigs: dict[Path, Any], tables: dict[str, dict[str, Any]],
         last: dict[str, int], max_hlc: int) -> None:
    """Write the cache (atomically; a failure leaves it out, nothing else)."""
    if path is None:
        return
    payload = {"version": VERSION, "sigs": _rel(root, sigs), "last": last, "max": max_hlc,
               "tables": {t: {k: [r.v, r.h, _one(r.d)] for k, r in recs.items()} for t, recs in tables.items()}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(orjson.dumps(payload))
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        try:
            tmp.unlink()
        except (OSError, UnboundLocalError):
            pass


def _one(d: dict[str, str]) -> Any:
    """The devices of a record's fields: one name when all fields come from one device (most records)."""
    first = next(iter(d.values()), "")
    for v in d.values():
        if v != first:
            return d
    return first

