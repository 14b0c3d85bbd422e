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

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

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
        storage.replace_file(bak_raw, keep_backup=False)
        storage.warning = str(
            StoreDamaged(
                f"The store file {path} was damaged ({reason}); it was kept as {aside.name} and the last good "
                f"copy {bak.name} is in use (the most recent change may be missing)."
            )
        )
        return bak_data
    message = (
        f"The store file {path} is damaged ({reason}) and has no good backup; it was kept as {aside.name}. "
        "Reader is read-only until you repair or remove that file."
    )
    storage.readonly = message
    storage.warning = str(StoreDamaged(message))
    return {}
