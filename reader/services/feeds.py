"""Subscriptions: add a feed (or a page naming one), list, remove, OPML import and export.

    add_feed(lib, url, title=None, tags=(), full_text="auto") -> Feed
        Fetches the URL once: a feed is subscribed as is; an HTML page is searched for
        <link rel="alternate"> feeds and the first one is subscribed. Nothing is stored on failure.
    import_opml(lib, data) -> (added: list[Feed], skipped: int)
    export_opml(lib) -> str          # OPML 2.0
"""

from __future__ import annotations

from reader.errors import ReaderError
from reader.library import Library
from reader.library_manage import FULL_TEXT, Feed, feed_id, normalise_tag
from reader.services.web_pages import now_iso
from reader.sources.feeds import FeedData, FeedError, discover, parse_feed
from reader.sources.http import check_url, fetch, new_client
from reader.sources.opml import OpmlFeed, read_opml, write_opml
from reader.sources.web import decode_page


def _check_mode(full_text: str) -> str:
    if full_text not in FULL_TEXT:
        raise ReaderError(f"unknown full-text mode {full_text!r}; use auto, always or never.")
    return full_text


def _probe(url: str) -> tuple[str, FeedData]:
    """(feed URL, parsed feed) for a feed URL or a page that names a feed."""
    with new_client() as client:
        got = fetch(client, url, "feed")
        try:
            return got.url, parse_feed(got.body, got.url, got.content_type)
        except FeedError:
            if "html" not in got.content_type.lower() and b"<html" not in got.body[:2048].lower():
                raise
        candidates = discover(decode_page(got.body, got.charset), got.url)
        if not candidates:
            raise FeedError(f"{got.url} is a web page that names no feed; give the feed's own address "
                            "(or `reader add URL` to save this page).")
        for cand in candidates:
            try:
                feed_resp = fetch(client, cand, "feed")
                return feed_resp.url, parse_feed(feed_resp.body, feed_resp.url, feed_resp.content_type)
            except (FeedError, ReaderError):
                continue
        raise FeedError(f"{got.url} names feeds ({', '.join(candidates[:3])}) but none could be read.")


def add_feed(lib: Library, url: str, title: str | None = None, tags: list[str] | tuple[str, ...] = (),
             full_text: str = "auto") -> Feed:
    _check_mode(full_text)
    url = check_url(url)
    for f in lib.feeds():
        if f.url == url:
            raise ReaderError(f"already subscribed to {url} (feed {f.id}).")
    final, data = _probe(url)
    for f in lib.feeds():
        if f.url == final:
            raise ReaderError(f"already subscribed to {final} (feed {f.id}).")
    feed = Feed(
        id=feed_id(final), url=final, title=title or data.title, site=data.link,
        tags=[t for t in (normalise_tag(t) for t in tags) if t], full_text=full_text, added=now_iso(),
    )
    lib.save_feed(feed)
    return feed


def import_opml(lib: Library, data: bytes, full_text: str = "auto") -> tuple[list[Feed], int]:
    """Subscribe to every feed of an OPML file (no fetching: `reader refresh` does that)."""
    _check_mode(full_text)
    known = {f.url for f in lib.feeds()}
    added: list[Feed] = []
    skipped = 0
    stamp = now_iso()
    with lib.state.batch():
        for entry in read_opml(data):
            if entry.url in known:
                skipped += 1
                continue
            known.add(entry.url)
            feed = Feed(id=feed_id(entry.url), url=entry.url, title=entry.title, site=entry.site,
                        tags=[t for t in (normalise_tag(t) for t in entry.tags) if t], full_text=full_text,
                        added=stamp)
            lib.save_feed(feed)
            added.append(feed)
    return added, skipped


def export_opml(lib: Library) -> str:
    return write_opml([OpmlFeed(f.url, f.title, f.site, list(f.tags)) for f in lib.feeds()])
