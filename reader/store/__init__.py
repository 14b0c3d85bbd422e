"""The state store: read state, reading position, bookmarks, notes, metadata corrections, settings.

On disk, for StateStore(root / "state.json"):
    state.json              TinyDB: _meta (schema, app version, shard count), meta, settings
    state.d/reads-XX.json   TinyDB: read state and position, sharded by article id
    state.d/bookmarks-XX.json  TinyDB: bookmarks and notes, sharded by bookmark id
    <file>.bak              the previous version of each file (rolling backup, a hard link)
    <file>.damaged-<time>   a damaged file, kept aside untouched
    state.json.schema<N>    the main file as it was before a schema migration
    .state.json.lock        the cross-process lock

Modules: state (the StateStore API), storage (atomic TinyDB storage), rows (bookmark rows read
safely), locking, backup (damage recovery), migrate (schema versions), atomic (temp + fsync + rename).
"""

from reader.store.state import StateStore

__all__ = ["StateStore"]
