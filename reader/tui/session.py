"""Where the reader was, kept between runs: the open article (its position is kept per article by the store)
and the list's sort and filters. Stored in the library through Library.reading_session; read defensively,
since a synced or hand-edited store may hold anything."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from reader.library import Library
from reader.services.safe_text import clean
from reader.services.search import SORT_KEYS

SORTS = tuple(SORT_KEYS)


@dataclass(frozen=True)
class Session:
    article_id: str | None = None
    sort: str = "added"
    filter_text: str = ""
    unread_only: bool = False
    bookmarked_only: bool = False
    #: The entity filter as the name shown and the aliases whose articles it keeps (recomputed on load).
    entity_name: str | None = None
    entity_aliases: tuple[str, ...] = field(default_factory=tuple)


def load_session(library: Library) -> Session:
    raw: dict[str, Any] = library.reading_session()

    def text(key: str) -> str | None:
        value = raw.get(key)
        return clean(value) if isinstance(value, str) and value else None  # shown again: no control sequences

    aliases = raw.get("entity_aliases")
    return Session(
        article_id=text("article_id"),
        sort=raw.get("sort") if raw.get("sort") in SORTS else "added",
        filter_text=(text("filter_text") or "")[:200],
        unread_only=raw.get("unread_only") is True,
        bookmarked_only=raw.get("bookmarked_only") is True,
        entity_name=text("entity_name"),
        entity_aliases=tuple(a for a in aliases if isinstance(a, str)) if isinstance(aliases, list) else (),
    )


def save_session(library: Library, session: Session) -> None:
    """Store the session unless it is what is stored already (no write on every quit)."""
    data = asdict(session)
    data["entity_aliases"] = list(session.entity_aliases)
    if library.reading_session() != data:
        library.set_reading_session(data)
