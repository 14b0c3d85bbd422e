"""`reader sync status` and `reader sync compact` (the core; reader/cli/sync.py prints them).

Each device records what it has merged of every other device (the `seen` table: key
"<device>/<other>" -> hlc, written by status and compact). Compaction drops this device's rows that
every device has seen superseded: a field overwritten by a newer stamp, a note version that a newer
version names as parent, a bookmark deleted elsewhere. Tombstones are kept (an older copy of a file
arriving later must not bring a deleted bookmark back), shrunk to the deletion itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.sync.conflicts import pending
from reader.sync.store import _iso

if TYPE_CHECKING:
    from reader.sync.store import SyncedStore


def record_seen(store: SyncedStore) -> None:
    view = store._refresh()
    with store.batch():
        for dev, stamp in view.last_change.items():
            if dev == store.device:
                continue
            row = store.get("seen", f"{store.device}/{dev}")
            if not row or int(row.get("hlc") or 0) < stamp:
                store.put("seen", f"{store.device}/{dev}", {"hlc": stamp})


def devices(store: SyncedStore) -> list[str]:
    view = store._refresh()
    names = {p.name for p in view.device_folders()} | set(view.last_change) | {store.device}
    return sorted(n for n in names if n)


def status(store: SyncedStore) -> dict[str, Any]:
    record_seen(store)
    view = store._refresh()
    conflicts = store.conflicts()
    return {
        "device": store.device,
        "devices": [
            {"device": d, "this": d == store.device, "last_change": _iso(view.last_change.get(d, 0)) or None}
            for d in devices(store)
        ],
        "note_conflicts": [
            {"bookmark": bid, "texts": [{"version": h.version, "device": h.device, "when": h.when, "text": h.text}
                                        for h in heads]}
            for bid, heads in sorted(conflicts.items())
        ],
        "conflict_files": [str(p.relative_to(store.root)) for p in pending(store.root)],
    }


def _seen_by_all(store: SyncedStore, everyone: list[str], dev: str, stamp: int) -> bool:
    seen = store.rows("seen")
    for d in everyone:
        if d == dev:
            continue
        if int((seen.get(f"{d}/{dev}") or {}).get("hlc") or 0) < stamp:
            return False
    return True


def compact(store: SyncedStore) -> dict[str, int]:
    record_seen(store)
    store.fold_journal()  # this device's journal into its shards first (reader.sync.journal)
    view = store._refresh()
    everyone = devices(store)
    me = store.device
    dropped = shrunk = 0
    with store.batch():
        notes = view.table("notes")
        marks = view.table("marks")
        children: dict[str, list[Any]] = {}
        for vid, rec in notes.items():
            if rec.v.get("withdrawn"):  # an undone choice supersedes nothing
                continue
            for p in rec.v.get("p") or []:
                children.setdefault(p, []).append(rec)
        for table in list(view.tables):
            if table == "seen":
                continue
            merged = view.table(table)
            for row in view.rows_of_device(table, me):
                key = row["k"]
                if store.own.own_row(table, key) is None:
                    continue
                drop = False
                if table == "notes":
                    mark = marks.get(str((row.get("v") or {}).get("b")))
                    if mark is not None and mark.v.get("deleted"):
                        drop = _seen_by_all(store, everyone, mark.d["deleted"], mark.h["deleted"])
                    drop = drop or any(
                        _seen_by_all(store, everyone, next(iter(c.d.values()), ""), c.stamp) for c in children.get(key, [])
                    )
                else:
                    rec = merged.get(key)
                    if rec is None:
                        continue
                    if rec.v.get("deleted"):
                        if rec.d.get("deleted") == me:
                            if set(row.get("h") or {}) != {"deleted"}:
                                store.own.drop_row(table, key)
                                store.own.put_row(table, key, {"v": {"deleted": True}, "h": {"deleted": rec.h["deleted"]}, "d": me})
                                shrunk += 1
                            continue
                        drop = _seen_by_all(store, everyone, rec.d["deleted"], rec.h["deleted"])
                    else:
                        h = row.get("h") or {}
                        drop = bool(h) and all(
                            (rec.h.get(f), rec.d.get(f)) != (s, me) and _seen_by_all(store, everyone, rec.d[f], rec.h[f])
                            for f, s in h.items()
                        )
                if drop:
                    store.own.drop_row(table, key)
                    dropped += 1
    return {"dropped": dropped, "tombstones_shrunk": shrunk}
