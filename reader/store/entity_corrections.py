"""The state store's table of entity corrections (mixed into StateStore).

    store.entity_corrections() -> list[dict]        oldest first (by "seq")
    store.add_entity_correction(fields) -> dict     gives it an id, seq and created time
    store.remove_entity_correction(cid=None) -> dict | None   the given one, else the latest (undo)

The rows live in the main file (state.json), table "entity_corrections"; their meaning is in
reader.entities.corrections. Writes are atomic and locked like every other store write.
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timezone
from typing import Any

TABLE = "entity_corrections"


def new_correction(fields: dict[str, Any], earlier: list[dict[str, Any]]) -> dict[str, Any]:
    """A correction row with its id, created time and a seq strictly after every earlier one, whatever
    the clock says (both stores, the single-device one and the synced one, use it)."""
    latest = max((r.get("seq") or 0 for r in earlier), default=0)
    return {
        **fields,
        "id": uuid.uuid4().hex[:12],
        "seq": max(time.time_ns(), latest + 1),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def chosen_correction(rows: list[dict[str, Any]], cid: str | None) -> dict[str, Any] | None:
    """The correction named by `cid` (its id, or an id prefix of 4 or more characters naming one row),
    else the latest (undo); None when there is no such row."""
    if cid is not None:
        rows = [r for r in rows if r.get("id") == cid or (len(cid) >= 4 and str(r.get("id")).startswith(cid))]
        if len(rows) != 1:
            return None
    return rows[-1] if rows else None


class EntityCorrectionsMixin:
    def entity_corrections(self) -> list[dict[str, Any]]:
        with self._reading():
            rows = [dict(r) for r in self._index(self._main, TABLE, "id").values() if isinstance(r.get("op"), str)]
        return sorted(rows, key=lambda r: (r.get("seq") or 0, r.get("id") or ""))

    def add_entity_correction(self, fields: dict[str, Any]) -> dict[str, Any]:
        with self._writing():
            row = new_correction(fields, self.entity_corrections())
            self._upsert(self._main, TABLE, "id", row["id"], {k: v for k, v in row.items() if k != "id"})
        return row

    def remove_entity_correction(self, cid: str | None = None) -> dict[str, Any] | None:
        with self._writing():
            row = chosen_correction(self.entity_corrections(), cid)
            if row is None:
                return None
            doc_id = self._doc_id(self._main, TABLE, "id", row["id"])
            if doc_id is None:
                return None
            before = self._main.version
            self._table(self._main, TABLE).remove(doc_ids=[doc_id])
            self._track(self._main, TABLE, before, row["id"], None)
        return row
