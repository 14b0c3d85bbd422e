"""What `reader entity show` and the entities screen tell about one library entity: the articles
that mention it (with counts and titles) and the bookmarked passages that mention it.

API CONTRACT:
    entity_report(library, name) -> EntityReport      # name: any alias, "Name (type)" to choose
    EntityReport.entity (LibraryEntity), .articles [(id, title, mentions)], .passages [Passage]
    EntityReport.to_dict() -> the `reader entity show --json` object
A bookmark mentions the entity when one of the entity's mentions (corrections applied) lies in the
passage where the bookmark is now (found again by its text), or when an alias is in its quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reader.entities.normalize import entity_key
from reader.errors import ReaderError
from reader.library import Library
from reader.library_entities import LibraryEntity
from reader.models import Bookmark
from reader.services.anchor import locate


@dataclass
class Passage:
    bookmark: Bookmark
    article_id: str
    title: str | None
    paragraph: int  # 0-based, where the passage is now


@dataclass
class EntityReport:
    entity: LibraryEntity
    articles: list[tuple[str, str | None, int]] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = self.entity.to_dict()
        d["articles"] = [{"id": aid, "title": title, "mentions": n} for aid, title, n in self.articles]
        d["passages"] = [
            {"bookmark": p.bookmark.id, "article": p.article_id, "title": p.title, "paragraph": p.paragraph + 1,
             "quote": p.bookmark.quote, "note": p.bookmark.note}
            for p in self.passages
        ]
        return d


def _alias_pattern(aliases: list[str]) -> re.Pattern[str] | None:
    words = sorted({a for a in aliases if a.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in words) + r")(?!\w)", re.I)


def entity_report(library: Library, name: str) -> EntityReport:
    ent = library.find_entity(name)
    titles = {s.id: s.title for s in library.summaries()}
    report = EntityReport(ent)
    report.articles = sorted(
        ((aid, titles.get(aid), n) for aid, n in ent.articles.items()), key=lambda r: (-r[2], (r[1] or "").casefold())
    )
    marks: dict[str, list[Bookmark]] = {}
    for bm in library.bookmarks():
        if bm.article_id in ent.articles:
            marks.setdefault(bm.article_id, []).append(bm)
    pattern = _alias_pattern(ent.aliases)
    key = entity_key(ent.name)
    for aid, bms in marks.items():
        try:
            article = library.get(aid)
        except ReaderError:
            continue
        mentions = [m for e in article.entities if entity_key(e.name) == key and e.type == ent.type for m in e.mentions]
        for bm in bms:
            where = locate(bm, article.paragraphs)
            p, s, e = where if where else (bm.paragraph, bm.start, bm.end)
            inside = any(mp == p and ms < e and s < me for mp, ms, me in mentions)
            if inside or (pattern is not None and pattern.search(bm.quote)):
                report.passages.append(Passage(bm, aid, article.title, p))
    report.passages.sort(key=lambda x: (titles.get(x.article_id) or "", x.paragraph))
    return report
