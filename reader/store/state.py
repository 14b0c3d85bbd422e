"""StateStore: every small, frequent write (read state, position, bookmarks, notes,
metadata corrections, settings) goes here, never into the article files.

API CONTRACT (used by the library, services, CLI and TUI; keep it stable):

    store = StateStore(path)                  # path to the TinyDB JSON file
    store.is_read(aid) / set_read(aid, read=True) / read_ids() -> set[str]
    store.get_position(aid) -> int | None / set_position(aid, paragraph)
    store.add_bookmark(aid, paragraph, quote, prefix="", suffix="", start=0, end=0, note="") -> Bookmark
    store.get_bookmark(bid) -> Bookmark        # NotFound if missing
    store.set_note(bid, note) -> Bookmark
    store.remove_bookmark(bid)                 # NotFound if missing
    store.bookmarks(aid=None) -> list[Bookmark]   (oldest first)
    store.bookmarked_ids() -> set[str]
    store.get_meta(aid) -> dict / set_meta(aid, fields: dict)   # user corrections of metadata
    store.get_setting(key, default=None) / set_setting(key, value)
    store.close()

Errors are reader.errors.StoreError subclasses with one-line messages.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from reader.errors import NotFound
from reader.models import Bookmark


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StateStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = TinyDB(self.path, ensure_ascii=False)
        self._reads = self._db.table("reads")
        self._bookmarks = self._db.table("bookmarks")
        self._meta = self._db.table("meta")
        self._settings = self._db.table("settings")

    # -- read state and position -------------------------------------------
    def _read_row(self, aid: str) -> dict[str, Any] | None:
        return self._reads.get(Query().article_id == aid)

    def is_read(self, aid: str) -> bool:
        row = self._read_row(aid)
        return bool(row and row.get("read"))

    def set_read(self, aid: str, read: bool = True) -> None:
        self._reads.upsert({"article_id": aid, "read": bool(read), "updated": _now()}, Query().article_id == aid)

    def read_ids(self) -> set[str]:
        return {r["article_id"] for r in self._reads.all() if r.get("read")}

    def get_position(self, aid: str) -> int | None:
        row = self._read_row(aid)
        return None if row is None else row.get("position")

    def set_position(self, aid: str, paragraph: int) -> None:
        self._reads.upsert({"article_id": aid, "position": int(paragraph)}, Query().article_id == aid)

    # -- bookmarks and notes -------------------------------------------------
    def add_bookmark(
        self,
        aid: str,
        paragraph: int,
        quote: str,
        prefix: str = "",
        suffix: str = "",
        start: int = 0,
        end: int = 0,
        note: str = "",
    ) -> Bookmark:
        now = _now()
        bm = Bookmark(
            id=uuid.uuid4().hex[:12],
            article_id=aid,
            paragraph=int(paragraph),
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            start=start,
            end=end,
            note=note,
            created=now,
            updated=now,
        )
        self._bookmarks.insert(bm.to_dict())
        return bm

    def get_bookmark(self, bid: str) -> Bookmark:
        row = self._bookmarks.get(Query().id == bid)
        if row is None:
            raise NotFound(f"No bookmark {bid!r}; run `reader bookmark list` to see their ids.")
        return Bookmark.from_dict(row)

    def set_note(self, bid: str, note: str) -> Bookmark:
        self.get_bookmark(bid)
        self._bookmarks.update({"note": note, "updated": _now()}, Query().id == bid)
        return self.get_bookmark(bid)

    def remove_bookmark(self, bid: str) -> None:
        self.get_bookmark(bid)
        self._bookmarks.remove(Query().id == bid)

    def bookmarks(self, aid: str | None = None) -> list[Bookmark]:
        rows = self._bookmarks.all() if aid is None else self._bookmarks.search(Query().article_id == aid)
        return [Bookmark.from_dict(r) for r in rows]

    def bookmarked_ids(self) -> set[str]:
        return {r["article_id"] for r in self._bookmarks.all()}

    # -- metadata corrections -------------------------------------------------
    def get_meta(self, aid: str) -> dict[str, Any]:
        row = self._meta.get(Query().article_id == aid)
        return dict(row.get("fields") or {}) if row else {}

    def set_meta(self, aid: str, fields: dict[str, Any]) -> None:
        merged = self.get_meta(aid)
        merged.update(fields)
        self._meta.upsert({"article_id": aid, "fields": merged}, Query().article_id == aid)

    # -- settings ---------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self._settings.get(Query().key == key)
        return default if row is None else row.get("value")

    def set_setting(self, key: str, value: Any) -> None:
        self._settings.upsert({"key": key, "value": value}, Query().key == key)

    def close(self) -> None:
        self._db.close()
