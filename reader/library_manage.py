"""The library the user manages (mixed into Library): trash and restore, tags, fetched originals, feeds.

Layout added to a library folder:
    originals/<id>.html.gz   the fetched page an article was extracted from (re-extraction offline)
    trash/<id>/article.json  a deleted article, with bookmarks.json (its bookmarks and notes),
                             original.html.gz and deleted.json (when); `reader restore` puts it back
    state.d/feeds.json       the subscriptions (StateStore.feeds)

Tags: an article's own tags (front matter, feed categories) are in its file; a user's change is a
metadata correction ("tags" in the state store), so it syncs and survives a re-import.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import NotFound, ReaderError
from reader.models import Article
from reader.store.atomic import atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:
    from reader.library import Library, Summary

FULL_TEXT = ("auto", "always", "never")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def normalise_tag(tag: str) -> str:
    return " ".join(tag.strip().lstrip("+").split()).casefold()


@dataclass
class Feed:
    id: str
    url: str
    title: str | None = None
    site: str | None = None
    tags: list[str] = field(default_factory=list)
    full_text: str = "auto"
    etag: str | None = None
    modified: str | None = None
    last_refresh: str | None = None
    last_error: str | None = None
    failures: int = 0
    retry_after: str | None = None
    #: guid -> [article id, digest of the item's text]
    items: dict[str, list[str]] = field(default_factory=dict)
    added: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Feed:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in row.items() if k in names})

    def to_row(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def feed_id(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]


class ManageMixin:
    # -- originals -----------------------------------------------------------------------------
    def _originals_dir(self: Library) -> Path:
        return self.root / "originals"

    def original_file(self: Library, aid: str, text: str) -> tuple[Path, bytes]:
        """(path, gzip bytes) of an article's fetched original, ready to write."""
        folder = self._originals_dir()
        folder.mkdir(exist_ok=True)
        return folder / f"{aid}.html.gz", gzip.compress(text.encode("utf-8"), 6, mtime=0)

    def save_original(self: Library, aid: str, text: str) -> None:
        atomic_write_bytes(*self.original_file(aid, text))

    def original(self: Library, aid: str) -> str | None:
        """The fetched page an article came from, or None (files imported from disk have none)."""
        cid = self.text_version(aid)  # an updated article: the page of the text in use (reader.library_sync)
        path = self.versions_dir(aid) / f"{cid}.html.gz" if cid else self._originals_dir() / f"{aid}.html.gz"
        try:
            return gzip.decompress(path.read_bytes()).decode("utf-8")
        except FileNotFoundError:
            return None
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise ReaderError(f"The saved original of {aid} is damaged ({exc}); fetch the page again with `reader add URL`.") from exc

    def reextracted(self: Library, article: Article) -> Article:
        """The article extracted again from its kept original (same id, URL, tags, dates), or as it was."""
        from reader.errors import IngestError
        from reader.sources.web import article_from_html

        try:
            text = self.original(article.id)
        except ReaderError:
            return article
        if not text:
            return article
        try:
            fresh = article_from_html(text, article.source or article.url or "", article.accessed)
        except IngestError:
            return article
        for name in ("id", "url", "source", "accessed", "added", "feed", "tags"):
            setattr(fresh, name, getattr(article, name))
        fresh.title = fresh.title or article.title
        fresh.date = fresh.date or article.date
        fresh.authors = fresh.authors or article.authors
        fresh.publisher = fresh.publisher or article.publisher
        return fresh

    # -- trash ---------------------------------------------------------------------------------
    def _trash_dir(self: Library) -> Path:
        return self.root / "trash"

    def delete(self: Library, refs: list[str]) -> list[str]:
        """Move articles (and their bookmarks and notes) to the trash. Returns their ids."""
        ids = list(dict.fromkeys(self.resolve(r) for r in refs))
        with self._lock:
            index = dict(self._load_index())
            self.mark_trashed(ids)  # synced tombstones: the deletion holds on every machine (reader.library_sync)
            for aid in ids:
                dest = self._trash_dir() / aid
                dest.mkdir(parents=True, exist_ok=True)
                src = self.article_path(aid)  # the text in use
                if src.exists():
                    shutil.copyfile(src, dest / "article.json")
                rows = self.state.take_bookmarks(aid)
                atomic_write_text(dest / "bookmarks.json", json.dumps(rows, ensure_ascii=False))
                orig = self._originals_dir() / f"{aid}.html.gz"
                if orig.exists():
                    orig.replace(dest / "original.html.gz")
                atomic_write_text(dest / "deleted.json", json.dumps({"deleted": _now()}))
                (self.articles_dir / f"{aid}.json").unlink(missing_ok=True)  # its later texts (if any) stay
                index.pop(aid, None)
            self._write_index(index)
        return ids

    def trash(self: Library) -> list[dict[str, Any]]:
        """Deleted articles: id, title, deleted (time), bookmarks (count); newest first."""
        out = []
        folder = self._trash_dir()
        if not folder.is_dir():
            return out
        live, purged = set(self._load_index()), self.purged_ids()
        for d in folder.iterdir():
            if d.name in live or d.name in purged:  # restored or emptied on another machine (an old copy)
                if d.name in purged:
                    shutil.rmtree(d, ignore_errors=True)
                continue
            try:
                art = json.loads((d / "article.json").read_text("utf-8"))
                when = json.loads((d / "deleted.json").read_text("utf-8")).get("deleted")
                marks = json.loads((d / "bookmarks.json").read_text("utf-8"))
            except (OSError, ValueError):
                continue
            out.append({"id": d.name, "title": art.get("title"), "deleted": when, "bookmarks": len(marks)})
        return sorted(out, key=lambda r: r["deleted"] or "", reverse=True)

    def restore(self: Library, ref: str) -> str:
        """Put a deleted article back, with its bookmarks. `ref`: an id or unique id prefix in the trash."""
        from reader.library import Summary

        ref = ref.strip().lower()
        hits = [r["id"] for r in self.trash() if r["id"].startswith(ref)] if ref else []
        if not hits:
            raise NotFound(f"No deleted article matches {ref!r}; run `reader trash list` to see them.")
        if len(hits) > 1:
            raise NotFound(f"{len(hits)} deleted articles match {ref!r}; give more of the id.")
        aid = hits[0]
        src = self._trash_dir() / aid
        article = Article.from_dict(json.loads((src / "article.json").read_text("utf-8")))
        with self._lock:
            self.mark_trashed([aid], False)  # a newer stamp than the deletion's: restored on every machine
            index = dict(self._load_index())
            if self.text_version(aid) is None or not (self.articles_dir / f"{aid}.json").exists():
                atomic_write_text(self.articles_dir / f"{aid}.json", (src / "article.json").read_text("utf-8"))
            index[aid] = Summary.of(article)
            self._write_index(index)
            self.state.put_back_bookmarks(json.loads((src / "bookmarks.json").read_text("utf-8")))
            if (src / "original.html.gz").exists():
                self._originals_dir().mkdir(exist_ok=True)
                (src / "original.html.gz").replace(self._originals_dir() / f"{aid}.html.gz")
            shutil.rmtree(src)
        return aid

    def empty_trash(self: Library) -> int:
        items = self.trash()
        self.mark_purged([row["id"] for row in items])
        for row in items:
            shutil.rmtree(self._trash_dir() / row["id"], ignore_errors=True)
        return len(items)

    # -- tags ----------------------------------------------------------------------------------
    def tags_of(self: Library, ref: str) -> list[str]:
        return list(self.get(ref).tags)

    def tag(self: Library, ref: str, add: list[str] = (), remove: list[str] = ()) -> list[str]:  # type: ignore[assignment]
        """Add and remove tags of one article (a user correction). Returns the new tags."""
        aid = self.resolve(ref)
        current = self.tags_of(aid)
        drop = {normalise_tag(t) for t in remove}
        new = [t for t in current if normalise_tag(t) not in drop]
        for t in add:
            t = normalise_tag(t)
            if t and t not in new:
                new.append(t)
        self.set_meta(aid, {"tags": new})  # Library.set_meta: also re-indexes it for tag: searches
        return new

    def all_tags(self: Library) -> dict[str, int]:
        counts: dict[str, int] = {}
        for s in self.summaries():
            for t in s.tags:
                counts[t] = counts.get(t, 0) + 1
        return dict(sorted(counts.items()))

    # -- feeds ---------------------------------------------------------------------------------
    def feeds(self: Library) -> list[Feed]:
        return sorted((Feed.from_row(r) for r in self.state.feeds()), key=lambda f: f.added or "")

    def feed(self: Library, ref: str) -> Feed:
        """A feed by id, id prefix, URL or unique title fragment."""
        ref = ref.strip()
        feeds = self.feeds()
        for test in (lambda f: f.id == ref or f.url == ref, lambda f: f.id.startswith(ref.lower()),
                     lambda f: ref.casefold() in (f.title or "").casefold()):
            hits = [f for f in feeds if ref and test(f)]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                raise NotFound(f"{len(hits)} feeds match {ref!r}; give more of the id or the URL.")
        raise NotFound(f"No feed matches {ref!r}; run `reader feed list` to see them.")

    def save_feed(self: Library, feed: Feed) -> None:
        self.state.put_feed(feed.id, feed.to_row())

    def remove_feed(self: Library, ref: str, keep_articles: bool = False) -> tuple[Feed, int]:
        """Unsubscribe; its articles go to the trash unless keep_articles. Returns (feed, articles removed)."""
        feed = self.feed(ref)
        self.state.remove_feed(feed.id)
        if keep_articles:
            return feed, 0
        ids = [s.id for s in self.summaries() if s.feed == feed.id]
        if ids:
            self.delete(ids)
        return feed, len(ids)

    def feed_counts(self: Library) -> dict[str, int]:
        counts: dict[str, int] = {}
        for s in self._load_index().values():
            if s.feed:
                counts[s.feed] = counts.get(s.feed, 0) + 1
        return counts

    def summaries_where(self: Library, *, tag: str | None = None, feed: str | None = None) -> list[Summary]:
        """Summaries narrowed to one tag and/or one feed id (the CLI's --tag, the TUI's sources picker)."""
        rows = self.summaries()
        if tag:
            t = normalise_tag(tag)
            rows = [s for s in rows if t in {normalise_tag(x) for x in s.tags}]
        if feed:
            rows = [s for s in rows if s.feed == feed]
        return rows
