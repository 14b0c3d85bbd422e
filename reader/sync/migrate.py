"""A library written before sync (state.json + state.d/ at its top) moves into this device's files on
first open; the old files are kept as state.json.pre-sync and state.d.pre-sync."""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING

from filelock import FileLock

from reader.store.state import StateStore

if TYPE_CHECKING:
    from reader.sync.store import SyncedStore


def _stamp(iso: object, fallback: int = 1) -> int:
    """An old row's time as a clock stamp (older than any new change), else `fallback`."""
    try:
        return int(datetime.fromisoformat(str(iso)).timestamp() * 1e6)
    except (TypeError, ValueError):
        return fallback


def _keep(path: os.PathLike[str], suffix: str) -> None:
    src = os.fspath(path)
    dest, n = src + suffix, 1
    while os.path.exists(dest):
        n += 1
        dest = f"{src}{suffix}{n}"
    os.replace(src, dest)


def migrate_legacy(store: SyncedStore) -> list[str]:
    root = store.root
    old_path = root / "state.json"
    if not old_path.exists() and not (root / "state.d").is_dir():
        return []
    with FileLock(str(root / ".migrate.lock")):
        if not old_path.exists() and not (root / "state.d").is_dir():
            return []  # another process did it meanwhile
        old = StateStore(old_path)
        try:
            warnings = old.take_warnings()
            reads = [row for st in old._all_shards("reads") for row in old._index(st, "reads", "article_id").values()]
            marks = old.bookmarks()
            seqs = {row.get("id"): row.get("seq") for st in old._all_shards("bookmarks")
                    for row in old._index(st, "bookmarks", "id").values()}
            meta = old.all_meta()
            settings = [r for r in old._index(old._main, "settings", "key").values() if isinstance(r.get("key"), str)]
            with store.batch():
                for row in reads:
                    aid = row.get("article_id")
                    if not isinstance(aid, str):
                        continue
                    stamp, values = _stamp(row.get("updated")), {}
                    if "read" in row:
                        values["read"] = bool(row["read"])
                    if isinstance(row.get("position"), int):
                        values["position"] = row["position"]
                    if values:
                        store.put("reads", aid, values, stamp=stamp)
                for bm in marks:
                    stamp = _stamp(bm.created)
                    seq = seqs.get(bm.id)
                    fields = {"article_id": bm.article_id, "paragraph": bm.paragraph, "quote": bm.quote,
                              "prefix": bm.prefix, "suffix": bm.suffix, "start": bm.start, "end": bm.end,
                              "created": bm.created, "seq": seq if isinstance(seq, int) else stamp}
                    store.put("marks", bm.id, fields, stamp=stamp)
                    if bm.note:
                        store.put("notes", f"m-{bm.id}", {"b": bm.id, "t": bm.note, "p": []},
                                  stamp=_stamp(bm.updated, stamp))
                for aid, fields in meta.items():
                    if fields:
                        store.put("meta", aid, {f"fields.{k}": v for k, v in fields.items()}, stamp=1)
                for row in settings:
                    store.put("settings", row["key"], {"value": row.get("value")}, stamp=1)
        finally:
            old.close()
        if old_path.exists():
            _keep(old_path, ".pre-sync")
        if (root / "state.d").is_dir():
            _keep(root / "state.d", ".pre-sync")
        return warnings
