"""A device's journal: single changes appended to devices/<device>/journal.jsonl, one fsync each.

A single change (a read mark, a position, a bookmark with its note, a note edit) is appended as JSON
lines, one per row, {"t": table, "k": key, "v": {field: value}, "h": {field: hlc}, "d": device}, with
one write and one fdatasync under the device's store lock: the file exists, so no folder entry changes
and an acknowledged change is on disk (no rename, no folder fsync). Rows are partial (only the fields
changed) and merge like any other copy (reader.sync.view: per field, the newest stamp wins), so the
journal and the shards compose in any order, on every machine (the journal is synced like the shards).

A line cut short by a crash (no newline at the end) was never acknowledged: readers skip it, and the
next append first cuts the file back to its last newline. When the journal grows past FOLD_AT bytes,
its rows are folded into the device's shards (each an atomic TinyDB write) and the journal is emptied
(atomically); a crash in between folds the same rows again, which changes nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

try:
    from orjson import loads as _loads
except ImportError:  # optional speed-up only
    _loads = json.loads

NAME = "journal.jsonl"
#: Fold the journal into the shards past this size (about 1,500 changes).
FOLD_AT = 256 * 1024

Rows = dict[str, dict[str, dict[str, Any]]]  # table -> key -> row ({"k", "v", "h", "d"})


def is_journal(name: str) -> bool:
    """The journal, or a sync tool's conflict copy of it (journal.sync-conflict-....jsonl)."""
    return name.startswith("journal") and name.endswith(".jsonl")


def merge_into(rows: Rows, line: dict[str, Any]) -> tuple[str, str] | None:
    """Fold one journal line into rows (per field, the newest stamp); (table, key) or None if malformed."""
    table, key, v, h = line.get("t"), line.get("k"), line.get("v"), line.get("h")
    if not (isinstance(table, str) and isinstance(key, str) and isinstance(v, dict) and isinstance(h, dict)):
        return None
    if table.startswith("_"):
        return None
    dev = str(line.get("d") or "")
    t = rows.setdefault(table, {})
    old = t.get(key)
    if old is None:
        t[key] = {"k": key, "v": dict(v), "h": {n: s for n, s in h.items() if isinstance(s, int)}, "d": dev}
        return table, key
    nv, nh = dict(old["v"]), dict(old["h"])
    for name, stamp in h.items():
        if isinstance(stamp, int) and stamp >= nh.get(name, -1):
            nh[name], nv[name] = stamp, v.get(name)
    t[key] = {"k": key, "v": nv, "h": nh, "d": dev}
    return table, key


def parse_lines(data: bytes, rows: Rows) -> tuple[int, set[tuple[str, str]]]:
    """Merge every complete line of data into rows; (bytes consumed, the (table, key)s touched)."""
    end = data.rfind(b"\n") + 1
    touched: set[tuple[str, str]] = set()
    for raw in data[:end].splitlines():
        if not raw.strip():
            continue
        try:
            line = _loads(raw)
        except (ValueError, UnicodeDecodeError):
            continue  # a damaged line: the rest is still read
        if isinstance(line, dict) and (tk := merge_into(rows, line)) is not None:
            touched.add(tk)
    return end, touched


def read_rows(path: Path) -> Rows:
    rows: Rows = {}
    try:
        parse_lines(path.read_bytes(), rows)
    except OSError:
        pass
    return rows


def line_of(table: str, key: str, values: dict[str, Any], stamp: int, device: str) -> bytes:
    row = {"t": table, "k": key, "v": values, "h": dict.fromkeys(values, stamp), "d": device}
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _last_newline_end(fd: int, size: int) -> int:
    """The offset just after the last newline of the file (0 when it has none)."""
    pos = size
    while pos > 0:
        start = max(0, pos - 65536)
        os.lseek(fd, start, os.SEEK_SET)
        chunk = os.read(fd, pos - start)
        cut = chunk.rfind(b"\n")
        if cut >= 0:
            return start + cut + 1
        pos = start
    return 0


def append(path: Path, lines: Iterable[bytes]) -> int:
    """Append lines with one write and one fdatasync (the caller holds the device's store lock).
    Returns the journal's size after it."""
    from reader.store.atomic import fsync_dir

    data = b"".join(lines)
    created = not path.exists()
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        size = os.fstat(fd).st_size
        if size:
            os.lseek(fd, size - 1, os.SEEK_SET)
            if os.read(fd, 1) != b"\n":  # a line cut short by a crash: never acknowledged, cut it off
                size = _last_newline_end(fd, size)
                os.ftruncate(fd, size)
        os.lseek(fd, size, os.SEEK_SET)
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        (getattr(os, "fdatasync", None) or os.fsync)(fd)
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)  # once, when the journal is made: its folder entry must last too
    return size + len(data)
