"""Article files over sync (mixed into Library): which file holds an article's text, updates that
never rewrite a file in place, deletions that hold, and article files arriving from other machines.

Layout (articles are files every device may write, so none is ever rewritten in place):
    articles/<id>.json                  the article as first imported (its id: its content id then)
    articles/<id>.versions/<cid>.json   a later text of that article (a feed item or a page or file that
                                        changed), named by the content id of that text
The synced store's table "articles" (reader.sync.store, per field last-writer-wins by clock) says,
per article id:
    version   the content id of the text in use (None or absent: the first one)
    trashed   True while the article is in the trash (a tombstone: an older copy of its file that a
              sync tool brings back does not bring it back); False again once restored
    purged    True once the trash was emptied of it
So two machines that update, delete or restore the same article end with the same one, whatever order
their files arrive in. index.json (per machine) records which text each of its rows was made from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import ReaderError
from reader.ingest import article_id
from reader.library_entities import entity_rows
from reader.models import Article

if TYPE_CHECKING:
    from reader.library import Library, Summary

TABLE = "articles"


def content_id(article: Article) -> str:
    return article_id(article.paragraphs, article.title)


class SyncedArticles:
    # -- which file ----------------------------------------------------------------------------
    def versions_dir(self: Library, aid: str) -> Path:
        return self.articles_dir / f"{aid}.versions"

    def article_states(self: Library) -> dict[str, dict[str, Any]]:
        """article id -> its synced fields (version, trashed, purged), for every article that has any."""
        return self.state.rows(TABLE)

    def text_version(self: Library, aid: str) -> str | None:
        """The content id of the text in use when its file is here, else None (the first text)."""
        row = self.state.get(TABLE, aid) or {}
        cid = row.get("version")
        if isinstance(cid, str) and cid and (self.versions_dir(aid) / f"{cid}.json").is_file():
            return cid
        return None

    def article_path(self: Library, aid: str) -> Path:
        """The file that holds the text of article `aid` in use (the one rule every reader of an article's
        text follows: get, reindex, search, trash)."""
        cid = self.text_version(aid)
        if cid is not None:
            return self.versions_dir(aid) / f"{cid}.json"
        return self.articles_dir / f"{aid}.json"

    def version_file(self: Library, article: Article) -> tuple[Path, bytes]:
        """(path, bytes) of a new text of an existing article (article.id: that article's id)."""
        folder = self.versions_dir(article.id)
        folder.mkdir(exist_ok=True)
        data = json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
        return folder / f"{content_id(article)}.json", data

    def version_original(self: Library, article: Article, text: str) -> tuple[Path, bytes]:
        """(path, gzip bytes) of the fetched page of a new text, beside that text's file."""
        path, data = self.original_file(article.id, text)
        return self.versions_dir(article.id) / f"{content_id(article)}.html.gz", data

    def use_version(self: Library, aid: str, article: Article) -> None:
        """Record (synced) that the text in use of `aid` is this one (its file written first)."""
        cid = content_id(article)
        self.state.put(TABLE, aid, {"version": cid})
        self._texts[aid] = cid

    # -- the trash's tombstones --------------------------------------------------------------------
    def trashed_ids(self: Library) -> set[str]:
        return {aid for aid, row in self.article_states().items() if row.get("trashed")}

    def mark_trashed(self: Library, ids: list[str], trashed: bool = True) -> None:
        with self.state.batch():
            for aid in ids:
                self.state.put(TABLE, aid, {"trashed": trashed, "purged": False})

    def mark_purged(self: Library, ids: list[str]) -> None:
        with self.state.batch():
            for aid in ids:
                self.state.put(TABLE, aid, {"purged": True})

    def purged_ids(self: Library) -> set[str]:
        return {aid for aid, row in self.article_states().items() if row.get("purged") and row.get("trashed")}

    # -- following the other machines ------------------------------------------------------------
    def _follow_articles(self: Library, index: dict[str, Summary]) -> dict[str, Summary]:
        """Bring the index (index.json is per machine, never synced) in step with what other machines did:
        article files that arrived join it, articles another machine deleted leave it, articles another
        machine updated are read again. A few stats when nothing changed."""
        from reader.library import Summary

        try:
            mtime = self.articles_dir.stat().st_mtime_ns
        except OSError:
            return index
        self.state.view.refresh()
        sig = (mtime, self.state.view.versions.get(TABLE, 0))
        if sig == getattr(self, "_follow_sig", None) and index is self._index and not self._texts_pending:
            return index
        if index is not self._index:
            return index  # a damaged index read from the files for now: `reader reindex` saves it
        states = self.article_states()
        trashed = {aid for aid, row in states.items() if row.get("trashed")}
        on_disk = {p.stem for p in self.articles_dir.glob("*.json")}
        missing = on_disk - set(index) - trashed
        gone = [aid for aid in index if aid in trashed]
        pending: set[str] = set()
        stale = []
        for aid in index:
            want = (states.get(aid) or {}).get("version")
            if isinstance(want, str) and want and self._texts.get(aid) != want:
                if (self.versions_dir(aid) / f"{want}.json").is_file():
                    stale.append(aid)
                else:
                    pending.add(aid)  # its file has not arrived yet: the text in use stays, looked at again
        if missing or gone or stale:
            with self._locked():
                new, arrived, rows = dict(index), [], {}
                for aid in gone:
                    new.pop(aid, None)
                for aid in sorted(missing) + stale:
                    try:
                        article = self._read_article(self.article_path(aid))
                    except (ReaderError, FileNotFoundError):
                        continue
                    if article.id != aid:
                        continue
                    new[aid] = Summary.of(article)
                    arrived.append(article)
                    rows[aid] = entity_rows(article)
                    self._texts.pop(aid, None)
                    if self.text_version(aid):
                        self._texts[aid] = self.text_version(aid)
                if new.keys() != index.keys() or arrived:
                    self._write_index(new, arrived)
                    if rows:
                        self._write_entity_rows(rows)
                index = self._index if self._index is not None else new
        self._texts_pending = pending
        self._follow_sig = sig
        return index
