"""Helpers of the sync tests: bring library folders together as a sync tool would."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from reader.sync.files import IGNORED, is_conflict_copy
from reader.sync.store import SyncedStore

RSYNC = shutil.which("rsync")


def _ignored(rel: Path) -> bool:
    from fnmatch import fnmatch

    return any(fnmatch(part, pat) for part in rel.parts for pat in IGNORED)


def copy_py(src: Path, dst: Path, *, conflicts: bool = False) -> None:
    """Copy every synced file of src over dst (newer files replace older ones, like `rsync -a --update`).
    With conflicts=True a file that differs is not replaced: the incoming one is left beside it as a
    Syncthing conflict copy (`name.sync-conflict-<date>-<time>-<device>.ext`)."""
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if path.is_dir() or _ignored(rel):
            continue
        target = dst / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() and filecmp.cmp(path, target, shallow=False):
            continue
        if target.exists() and target.stat().st_mtime_ns > path.stat().st_mtime_ns and (not conflicts or is_conflict_copy(path.name)):
            continue  # the receiver's copy is newer (rsync --update)
        if target.exists() and conflicts and not is_conflict_copy(path.name):  # (a conflict copy of one: copied as is)
            stem, dot, ext = target.name.partition(".")
            target = target.with_name(f"{stem}.sync-conflict-20261201-120000-ABCDEFG.{ext}" if dot else f"{stem}.sync-conflict-20261201-120000-ABCDEFG")
        tmp = target.with_name(f".{target.name}.synctmp")
        shutil.copy2(path, tmp)
        os.replace(tmp, target)  # as sync tools do: a temp file renamed into place


def copy_rsync(src: Path, dst: Path) -> None:
    excludes = [f"--exclude={p}" for p in IGNORED]
    subprocess.run([RSYNC, "-a", "--checksum", "--update", *excludes, f"{src}/", f"{dst}/"], check=True)


def exchange(a: Path, b: Path, *, how: str = "py", first: str = "ab") -> None:
    copy = copy_rsync if how == "rsync" else copy_py
    pairs = [(a, b), (b, a)] if first == "ab" else [(b, a), (a, b)]
    for src, dst in pairs:
        if how == "conflicts":
            copy_py(src, dst, conflicts=True)
        else:
            copy(src, dst)


def fingerprint(store: SyncedStore, article_ids: list[str] | None = None) -> dict[str, Any]:
    """Everything a user sees of the store, for comparing devices."""
    reads = store.view.table("reads") if store.view.refresh() is None else {}
    ids = sorted(set(article_ids or []) | set(reads))
    return {
        "read": sorted(store.read_ids()),
        "positions": {a: store.get_position(a) for a in ids},
        "bookmarks": [(b.id, b.article_id, b.quote, b.note) for b in store.bookmarks()],
        "conflicts": {bid: sorted(h.text for h in heads) for bid, heads in store.conflicts().items()},
        "meta": store.all_meta(),
        "settings": {k: v.get("value") for k, v in sorted(store.rows("settings").items())},
    }


def open_store(root: Path, device: str) -> SyncedStore:
    os.environ.pop("READER_DEVICE", None) if False else None
    return SyncedStore(root, device=device)
