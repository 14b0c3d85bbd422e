"""Store schema versions and migrations.

The main store file (state.json) has a "_meta" table with one row:
    {"schema": SCHEMA, "app": "<reader version that last migrated it>", "shards": N}

Versions:
    0  the original layout: one TinyDB file with tables reads, bookmarks, meta, settings
       (no "_meta" table).
    1  state.json keeps _meta, meta (metadata corrections) and settings; reads and bookmarks
       move to N shard files each in state.d/ (reads-XX.json by article id, bookmarks-XX.json
       by bookmark id) so one change rewrites a small file, not all 5,000 bookmarks.

A store with a schema newer than SCHEMA is refused (StoreTooNew) and never written.
Before migrating, the old main file is kept as `state.json.schema<N>` (a hard link).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader import __version__
from reader.errors import StoreDamaged, StoreTooNew

SCHEMA = 1
META = "_meta"
DEFAULT_SHARDS = 32
#: Tables that live in shard files from schema 1 on, and the field each is sharded by.
SHARDED = {"reads": "article_id", "bookmarks": "id"}

Rows = list[dict[str, Any]]
#: A migration: main-file data -> (new main-file data, rows to add to each sharded table).
Migration = Callable[[dict[str, Any]], tuple[dict[str, Any], dict[str, Rows]]]


def meta_row(data: dict[str, Any]) -> dict[str, Any] | None:
    rows = data.get(META) or {}
    if not rows:
        return None
    return dict(rows.get("1") or next(iter(rows.values())))


def schema_of(data: dict[str, Any], path: Path) -> int:
    row = meta_row(data)
    if row is None:
        return 0
    schema = row.get("schema")
    if not isinstance(schema, int) or schema < 0:
        raise StoreDamaged(f"The store file {path} has no valid schema number; restore it from {path.name}.bak.")
    return schema


def too_new(path: Path, schema: int) -> StoreTooNew:
    return StoreTooNew(
        f"The store {path} was written by a newer version of reader (store schema {schema}, this version "
        f"reads up to {SCHEMA}); upgrade reader to open it (the file was left untouched)."
    )


def _table_rows(data: dict[str, Any], name: str) -> Rows:
    table = data.get(name) or {}
    return [dict(table[k]) for k in sorted(table, key=lambda k: int(k))]


def migrate_0_to_1(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Rows]]:
    """Move reads and bookmarks out of the main file; give bookmarks an ordering key."""
    bookmarks = _table_rows(data, "bookmarks")
    for i, row in enumerate(bookmarks, start=1):
        row.setdefault("seq", i)  # v0 order is insertion order; new bookmarks use time.time_ns()
    shards = {"reads": _table_rows(data, "reads"), "bookmarks": bookmarks}
    main = {k: v for k, v in data.items() if k not in SHARDED}
    return main, shards


MIGRATIONS: dict[int, Migration] = {0: migrate_0_to_1}


def new_meta(shards: int) -> dict[str, Any]:
    return {"schema": SCHEMA, "app": __version__, "shards": shards}


def keep_old_version(path: Path, schema: int) -> None:
    dest = path.with_name(f"{path.name}.schema{schema}")
    if dest.exists() or not path.exists():
        return
    try:
        os.link(path, dest)
    except OSError:
        shutil.copy2(path, dest)


def upgrade(data: dict[str, Any], path: Path) -> tuple[int, dict[str, Any], dict[str, Rows]]:
    """Run every migration from the file's schema to SCHEMA. Returns (old schema, main data, shard rows)."""
    old = schema_of(data, path)
    if old > SCHEMA:
        raise too_new(path, old)
    moved: dict[str, Rows] = {name: [] for name in SHARDED}
    for version in range(old, SCHEMA):
        data, rows = MIGRATIONS[version](data)
        for name, extra in rows.items():
            moved.setdefault(name, []).extend(extra)
    return old, data, moved
