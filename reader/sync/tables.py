"""The store API that other work added (entity corrections, feeds, the trash's take/put back of
bookmarks, notes import's put_bookmarks), over the synced tables: each row keyed, each field
last-writer-wins by clock, deletions as tombstones (mixed into SyncedStore)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from reader.errors import NotFound
from reader.models import Bookmark
from reader.store.entity_corrections import TABLE as ENTITY
from reader.store.entity_corrections import chosen_correction, new_correction
from reader.store.state import shard_of


def _key_in_shard(i: int, shards: int) -> str:
    """A new random row key that falls in shard number i (so a bulk write touches one file per shard)."""
    while True:
        key = uuid.uuid4().hex[:16]
        if shard_of(key, shards) == i:
            return key


class SyncedTablesMixin:
    # provided by SyncedStore
    put: Callable[..., None]
    rows: Callable[[str], dict[str, dict[str, Any]]]
    delete: Callable[[str, str], None]

    # -- entity corrections ---------------------------------------------------------------------------
    def entity_corrections(self) -> list[dict[str, Any]]:
        rows = [{**r, "id": k} for k, r in self.rows(ENTITY).items() if isinstance(r.get("op"), str)]
        return sorted(rows, key=lambda r: (r.get("seq") or 0, r.get("id") or ""))

    def add_entity_correction(self, fields: dict[str, Any]) -> dict[str, Any]:
        with self.batch():  # type: ignore[attr-defined]
            row = new_correction(fields, self.entity_corrections())
            self.put(ENTITY, row["id"], {k: v for k, v in row.items() if k != "id"})
        return row

    def remove_entity_correction(self, cid: str | None = None) -> dict[str, Any] | None:
        with self.batch():  # type: ignore[attr-defined]
            row = chosen_correction(self.entity_corrections(), cid)
            if row is None:
                return None
            self.delete(ENTITY, row["id"])
        return row

    # -- feeds ----------------------------------------------------------------------------------------
    def feeds(self) -> list[dict[str, Any]]:
        return [{**r, "id": k} for k, r in self.rows("feeds").items() if isinstance(r.get("url"), str)]

    def put_feed(self, fid: str, fields: dict[str, Any]) -> None:
        self.put("feeds", fid, {k: v for k, v in fields.items() if k != "id"})

    def remove_feed(self, fid: str) -> None:
        if fid not in self.rows("feeds"):
            raise NotFound(f"No feed {fid!r}; run `reader feed list` to see them.")
        self.delete("feeds", fid)

    # -- bookmarks in bulk ----------------------------------------------------------------------------
    def _put_mark(self, bm: Bookmark, seq: int | None = None, note_key: str | None = None) -> None:
        """One bookmark (its fields, and its note as a new version when the text differs), from the
        view as last refreshed (callers refresh first)."""
        d = bm.to_dict()
        fields = {k: d[k] for k in ("article_id", "paragraph", "quote", "prefix", "suffix", "start", "end", "created")}
        fields["deleted"] = False
        if seq is not None:
            fields["seq"] = seq
        self.put("marks", bm.id, fields)
        if bm.note:
            heads = self._heads(bm.id)  # type: ignore[attr-defined]
            if (heads[-1][1].v.get("t") if heads else "") != bm.note:
                self.put("notes", note_key or uuid.uuid4().hex[:16], {"b": bm.id, "t": bm.note, "p": [v for v, _ in heads]})

    def put_bookmarks(self, bookmarks: list[Bookmark], progress: Callable[[int, int], Any] | None = None) -> None:
        """Add or replace many bookmarks, keeping their ids (a note that differs becomes a new version):
        one lock hold and one write per shard of this device (a bookmark's note versions are given
        keys of the same shard number), each shard committed on its own, so an interrupted run keeps
        the shards already written and running it again adds nothing twice. progress(done, total)
        after each shard."""
        own = self.own  # type: ignore[attr-defined]
        by_shard: dict[int, list[tuple[int, Bookmark]]] = {}
        for n, bm in enumerate(bookmarks):
            by_shard.setdefault(shard_of(bm.id, own.shards), []).append((n, bm))
        done, seq = 0, time.time_ns() // 1000
        for i in sorted(by_shard):
            part = by_shard[i]
            with self.batch():  # type: ignore[attr-defined]
                marks = self._refresh().table("marks")  # type: ignore[attr-defined]
                for n, bm in part:
                    rec = marks.get(bm.id)
                    live = rec is not None and not rec.v.get("deleted")
                    self._put_mark(bm, None if live else seq + n, _key_in_shard(i, own.shards) if bm.note else None)
            done += len(part)
            if progress:
                progress(done, len(bookmarks))

    def take_bookmarks(self, aid: str) -> list[dict[str, Any]]:
        """Remove every bookmark of an article (it goes to the trash) and return their rows."""
        marks = self.bookmarks(aid)  # type: ignore[attr-defined]
        with self.batch():  # type: ignore[attr-defined]
            for bm in marks:
                self.delete("marks", bm.id)
        return [bm.to_dict() for bm in marks]

    def restore_bookmark(self, bm: Bookmark) -> Bookmark:
        """Put a removed bookmark back as it was (same id, passage, note, dates: the TUI's undo); a newer
        stamp undoes the tombstone on every device. Nothing changes when it is already there."""
        self.put_back_bookmarks([bm.to_dict()])
        return self.get_bookmark(bm.id)  # type: ignore[attr-defined,no-any-return]

    def put_back_bookmarks(self, rows: list[dict[str, Any]]) -> None:
        """Put back bookmarks taken by take_bookmarks (same ids): a newer stamp undoes the tombstone."""
        with self.batch():  # type: ignore[attr-defined]
            for row in rows:
                try:
                    bm = Bookmark.from_dict(row)
                except TypeError:
                    continue
                if not isinstance(bm.id, str) or self.get("marks", bm.id):
                    continue
                self._put_mark(bm)  # the view was refreshed by get
