"""Damaged store files: keep them aside untouched, fall back to the rolling backup, else read-only.

Every store file has a rolling backup, `<name>.bak`: before each atomic replace the current
(good) file is hard-linked there (see AtomicJSONStorage._link_backup), so the backup is always
the previous version, costs no copy, and is a different inode from the live file (damage done
in place to the live file cannot reach it).

recover(storage, error) is called, with the store lock held, when a file does not parse:
    1. the damaged file is kept as `<name>.damaged-<UTC timestamp>` (a hard link, so its bytes
       and dates stay untouched; a second process finding the same damage reuses that copy);
    2. if `<name>.bak` parses, it is put back in place (atomically) and used, with a warning;
    3. otherwise the store file is left where it is and the storage becomes read-only
       (writes raise StoreReadOnly), with a warning.
The warning is one line naming the file (a StoreDamaged message), kept on `storage.warning`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from reader.controls import shown_name
from reader.errors import StoreDamaged

from reader.store.storage import Data, backup_path, parse

if TYPE_CHECKING:
    from reader.store.storage import AtomicJSONStorage


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b) or a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def keep_aside(path: Path) -> Path:
    """Keep the damaged file as <name>.damaged-<timestamp>; reuse an identical existing copy."""
    for old in sorted(path.parent.glob(path.name + ".damaged-*")):
        if _same(path, old):
            return old
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    dest = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        os.link(path, dest)
    except OSError:
        shutil.copy2(path, dest)
    return dest


def what_it_holds(path: Path) -> tuple[str, str, str]:
    """(what the file keeps, its row key, the singular noun) for the messages about it."""
    name = path.name.split(".json")[0]
    if path.parent.name == "state.d" and path.parent.parent.parent.name == "devices":  # reader.sync's layout
        if name.startswith(("marks-", "notes-")):
            return "the bookmarks and notes kept in that file", "k", "bookmark"
        if name.startswith("reads-"):
            return "the read marks and reading positions kept in that file", "k", "read mark"
        return "the settings and metadata corrections kept in that file", "k", "row"
    if name.startswith("bookmarks-"):
        return "the bookmarks and notes kept in that file", "id", "bookmark"
    if name.startswith("reads-"):
        return "the read marks and reading positions kept in that file", "article_id", "read mark"
    return "the settings and metadata corrections", "key", "row"


_LAST_CHANGE = {
    "bookmark": "a bookmark or note added, changed or removed",
    "read mark": "a read mark or reading position",
    "row": "a setting or metadata correction",
}


def is_shard(path: Path) -> bool:
    return path.name.startswith(("bookmarks-", "reads-")) or path.parent.name == "state.d"


def read_only_message(path: Path, problem: str, kept: str) -> str:
    """One line: what is damaged, what is hidden and read-only (only that file, for a shard), what to do."""
    what, _, _ = what_it_holds(path)
    if is_shard(path):
        return (
            f"The store file {shown_name(path)} is damaged ({problem}){kept}; {what} are hidden, and only that file is "
            "read-only until you repair or remove it (removing it loses them); everything else can still be changed."
        )
    return (
        f"The store file {shown_name(path)} is damaged ({problem}){kept}; Reader is read-only (settings, corrections, bookmarks "
        "and notes cannot be changed) until you repair or remove that file."
    )


def _stamp(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    except OSError:
        return "an unknown time"


def _rows(data: Data) -> list[dict]:
    return [row for table in data.values() for row in table.values()]


def lost_rows(damaged: bytes, backup: Data, key: str) -> list[str]:
    """Row keys seen in the damaged bytes that the backup does not have (what the roll-back loses)."""
    have = {str(r.get(key)) for r in _rows(backup)}
    seen = re.findall(rb'"' + key.encode() + rb'"\s*:\s*("(?:[^"\\]|\\.)*")', damaged)
    out = []
    for raw in seen:
        try:
            value = str(json.loads(raw))
        except ValueError:
            continue
        if value not in have and value not in out:
            out.append(value)
    return out


def rolled_back_message(path: Path, problem: str, aside: Path, bak: Path, bak_data: Data, damaged: bytes) -> str:
    what, key, noun = what_it_holds(path)
    n = len(_rows(bak_data))
    lost = lost_rows(damaged, bak_data, key) if key != "key" else []
    said = (
        f"; {len(lost)} {noun}{'s' if len(lost) != 1 else ''} seen in the damaged file could not be recovered "
        f"({', '.join(v[:16] for v in lost[:5])}{', ...' if len(lost) > 5 else ''})"
        if lost else ""
    )
    return (
        f"The store file {shown_name(path)} was damaged ({problem}); it was kept as {shown_name(aside.name)}, and {what} were rolled back to "
        f"its backup {shown_name(bak.name)} saved {_stamp(bak)} ({n} {noun}{'s' if n != 1 else ''}): the last change saved to "
        f"that file ({_LAST_CHANGE[noun]}) is lost{said}."
    )


def recover(storage: AtomicJSONStorage, error: ValueError) -> Data:
    """Return the data to use in place of a damaged file (see the module doc). Lock held."""
    path = storage.path
    raw = _read(path)
    if raw is None:
        return {}  # removed meanwhile: an empty store
    try:
        return parse(raw)  # another process repaired it meanwhile
    except (ValueError, UnicodeDecodeError) as exc:
        error = ValueError(str(exc))
    bak = backup_path(path)
    bak_raw = _read(bak)
    bak_data: Data | None = None
    if bak_raw is not None and bak_raw.strip():
        try:
            bak_data = parse(bak_raw)
        except (ValueError, UnicodeDecodeError):
            bak_data = None
    if not raw.strip() and bak_data is None:
        return {}  # an empty file and nothing better: nothing was lost, start empty
    aside = keep_aside(path)
    reason = str(error) or "it is empty"
    if bak_data is not None and bak_raw is not None:
        message = rolled_back_message(path, reason, aside, bak, bak_data, raw)
        storage.replace_file(bak_raw, keep_backup=False)
        storage.warning = str(StoreDamaged(message))
        return bak_data
    message = read_only_message(path, reason, f" and has no good backup; it was kept as {shown_name(aside.name)}")
    storage.readonly = message
    storage.warning = str(StoreDamaged(message))
    return {}
