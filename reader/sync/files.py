"""Which files of a library folder a device owns, which are sync-tool conflict copies, and the
ignore files that keep per-machine (derived) data out of sync."""

from __future__ import annotations

import os
import re
from pathlib import Path

DEVICES = "devices"
ASIDE = ".sync-conflicts"
#: Conflict copies left by sync tools: Syncthing, Dropbox/Nextcloud/ownCloud, git/merge tools.
CONFLICT = re.compile(r"\.sync-conflict-|\(.*conflicted copy.*\)|\(conflict\)|\.orig$", re.I)
#: Per-machine files (derived data, locks, temp files, backups): never synced.
IGNORED = [
    "index.json",
    "index.json.*",
    "entities.json",  # the library-wide entity rows (reader.library_entities), rebuilt from the article files
    "entities.json.*",
    ".index.lock",
    "*.lock",
    ".*.tmp",
    "*.tmp",
    "*.bak",
    "*.bak.new",
    "*.damaged-*",
    ASIDE,
    "cache",
]


def is_conflict_copy(name: str) -> bool:
    return bool(CONFLICT.search(name))


def is_store_file(name: str) -> bool:
    """A device's TinyDB file, or a conflict copy of one (read as another copy of that file)."""
    if name.startswith(".") or ".damaged-" in name or ".schema" in name or name.endswith((".bak", ".tmp", ".lock", ".new")):
        return False
    return name.endswith(".json") or is_conflict_copy(name)


def files_in(sub: Path) -> list[Path]:
    """The store files (and conflict copies) directly in one folder of a device."""
    try:
        with os.scandir(sub) as it:
            return [Path(e.path) for e in it if is_store_file(e.name)]  # a folder in a file's place: said
    except (FileNotFoundError, NotADirectoryError):
        return []


def device_files(folder: Path) -> list[Path]:
    """Every store file of one device folder (its main file, its shards, conflict copies of both and of
    its journal; the journal itself is read apart, see reader.sync.journal)."""
    return [*files_in(folder), *files_in(folder / "state.d")]


def write_ignore_files(root: Path) -> None:
    """.stignore (Syncthing) and .gitignore in the library, listing the per-machine files (kept if present
    and already listing them; our lines added otherwise)."""
    for name, lines in ((".stignore", ["// reader: per-machine files, never synced", *IGNORED]),
                        (".gitignore", ["# reader: per-machine files, never synced", *IGNORED])):
        path = root / name
        try:
            old = path.read_text("utf-8") if path.exists() else ""
        except OSError:
            continue
        missing = [ln for ln in lines[1:] if ln not in old.splitlines()]
        if not missing:
            continue
        text = old + ("\n" if old and not old.endswith("\n") else "") + "\n".join([lines[0], *missing]) + "\n"
        tmp = path.with_name(f".{name}.{os.getpid()}.tmp")
        try:
            tmp.write_text(text, "utf-8")
            os.replace(tmp, path)
        except OSError:
            pass
