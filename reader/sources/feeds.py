"""Feeds: bytes -> FeedData (feedparser for RSS 0.9x/1.0/2.0 and Atom; JSON Feed with the standard
json module, which feedparser 6 does not read), feed discovery in HTML pages, and the full-text rule.

    parse_feed(body, url, content_type="") -> FeedData     # FeedError when it is not a feed
    discover(html, base_url) -> list[str]                 # <link rel="alternate" type="...rss/atom/json">
    needs_full_text(item, mode) -> bool                   # mode: auto | always | never
    item_article(item, feed) -> Article | None            # the feed's own text as an article

Untrusted: every field is cleaned on entry (reader.ingest.decode.clean_text); titles keep markup-like
text literally ("[bold]x[/]" stays those characters); links that are not http(s) (javascript:,
data:, file:) are dropped, never fetched nor stored.
XML entity expansion: feedparser's strict parser uses expat with DTDs ignored and falls back to its
loose parser, which does not expand internal entities either (tests/test_sources_feeds.py checks a bomb).
"""

from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from reader.errors import ReaderError
from reader.ingest import article_id
from reader.ingest.language import detect_language
from reader.ingest.decode import clean_text
from reader.models import QUOTE, TEXT, Article
from reader.sources.urls import canonical, is_web

FULL_TEXT_MODES = ("auto", "always", "never")
#: Below this many words, an item's text is a summary (auto mode fetches the page).
SUMMARY_WORDS = 150
_TRAILERS = re.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\]|read more\W*|continue reading\W*|\(more\)\W*)\s*$", re.I)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
               "application/rdf+xml", "application/xml", "text/xml")


class FeedError(ReaderError):
    """The body is not a feed we can read."""


@dataclass
class FeedItem:
    guid: str
    link: str | None
    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    #: True when the text came from a summary/description field, not full content
    summary_only: bool = False

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def digest(self) -> str:
        return article_id(self.paragraphs, self.title)


@dataclass
class FeedData:
    title: str | None
    link: str | None
    items: list[FeedItem]
    kind: str  # rss20, atom10, json, ...


def _c(text: str | None) -> str:
    return " ".join(clean_text(text or "").split())


def _web_link(link: str | None, base: str) -> str | None:
    if not link:
        return None
    link = urljoin(base, link.strip())
    return link if is_web(link) else None


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd", "dt",
           "figcaption", "section", "article", "tr", "ul", "ol", "table", "figure"}


def html_paragraphs(fragment: str) -> tuple[list[str], list[str]]:
    """An HTML fragment (a feed item's content) -> paragraphs and their kinds."""
    if not fragment or not fragment.strip():
        return [], []
    if "<" not in fragment:
        paras = [_c(p) for p in re.split(r"\n\s*\n", fragment)]
        paras = [p for p in paras if p]
        return paras, [TEXT] * len(paras)
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return html_paragraphs(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath("//script|//style|//iframe|//object|//noscript"):
        bad.drop_tree()
    out: list[tuple[str, str]] = []
    buf: list[str] = []

    def flush(kind: str) -> None:
        text = _c("".join(buf))
        buf.clear()
        if text:
            out.append((text, kind))

    def walk(el: object, kind: str) -> None:
        for child in el:  # type: ignore[attr-defined]
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _BLOCKS:
                flush(kind)
                if child.text:
                    buf.append(child.text)
                walk(child, QUOTE if tag == "blockquote" else kind)
                flush(QUOTE if tag == "blockquote" else kind)
            elif tag == "br":
                flush(kind)
            else:
                if child.text:
                    buf.append(child.text)
                walk(child, kind)
            if child.tail:
                buf.append(child.tail)

    if root.text:
        buf.append(root.text)
    walk(root, TEXT)
    flush(TEXT)
    return [t for t, _ in out], [k for _, k in out]


def _date(struct: time.struct_time | None) -> str | None:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%d", struct)
    except (TypeError, ValueError):
        return None


def _iso_date(value: str | None) -> str | None:
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value or "")
    return m.group(1) if m else None


def _item(guid: str, link: str | None, title: str | None, content: str | None, summary: str | None,
          date: str | None, authors: list[str], tags: list[str]) -> FeedItem:
    paras, kinds = html_paragraphs(content or "")
    summary_only = False
    if not paras:
        paras, kinds = html_paragraphs(summary or "")
        summary_only = bool(paras)
    return FeedItem(
        guid=guid, link=link, title=_c(title) or None, paragraphs=paras, kinds=kinds, date=date,
        authors=[a for a in (_c(x) for x in authors) if a], tags=sorted({t.casefold() for t in (_c(x) for x in tags) if t}),
        summary_only=summary_only,
    )


def _parse_json(body: bytes, url: str) -> FeedData:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FeedError(f"{url} is not a valid JSON Feed ({type(exc).__name__}).") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith("https://jsonfeed.org/"):
        raise FeedError(f"{url} is JSON but not a JSON Feed; check the address.")
    items = []
    for raw in data.get("items") or []:
        if not isinstance(raw, dict):
            continue
        link = _web_link(raw.get("url") or raw.get("external_url"), url)
        guid = str(raw.get("id") or link or raw.get("title") or "")
        if not guid:
            continue
        names = [a.get("name", "") for a in raw.get("authors") or ([raw["author"]] if isinstance(raw.get("author"), dict) else [])
                 if isinstance(a, dict)]
        text = raw.get("content_text")
        # content_text is plain text: its "<" is a character, never markup
        content = raw.get("content_html") or ("".join(f"<p>{html.escape(p)}</p>" for p in re.split(r"\n\s*\n", str(text))) if text else None)
        items.append(_item(guid, link, raw.get("title"), content, raw.get("summary"),
                           _iso_date(raw.get("date_published")), names, [str(t) for t in raw.get("tags") or []]))
    return FeedData(_c(data.get("title")) or None, _web_link(data.get("home_page_url"), url), items, "json")


def _title(entry: dict) -> str | None:
    """The entry's title as text: an HTML title (Atom type="html") loses its tags, a text one is kept as is."""
    title = entry.get("title")
    kind = (entry.get("title_detail") or {}).get("type", "")
    if title and "html" in kind and "<" in title:
        paras, _ = html_paragraphs(title)
        return " ".join(paras)
    return title


def parse_feed(body: bytes, url: str, content_type: str = "") -> FeedData:
    head = body[:512].lstrip()
    if head.startswith(b"{") or "json" in content_type.lower():
        return _parse_json(body, url)
    import feedparser

    d = feedparser.parse(body, response_headers={"content-location": url, "content-type": content_type or "application/xml"})
    if not d.get("version") and not d.entries:
        why = f" ({type(d.bozo_exception).__name__})" if d.get("bozo") else ""
        raise FeedError(f"{url} is not an RSS, Atom or JSON feed{why}; check the address.")
    items = []
    for e in d.entries:
        link = _web_link(e.get("link"), url)
        guid = str(e.get("id") or link or e.get("title") or "")
        if not guid:
            continue
        content = "\n".join(c.get("value", "") for c in e.get("content") or [] if c.get("value"))
        authors = [a.get("name", "") for a in e.get("authors") or [] if isinstance(a, dict)] or (
            [e["author"]] if e.get("author") else [])
        tags = [t.get("label") or t.get("term") or "" for t in e.get("tags") or []]
        date = _date(e.get("published_parsed") or e.get("updated_parsed"))
        items.append(_item(guid, link, _title(e), content or None, e.get("summary"), date, authors, tags))
    feed = d.feed
    return FeedData(_c(feed.get("title")) or None, _web_link(feed.get("link"), url), items, d.get("version") or "unknown")


def discover(html: str, base_url: str) -> list[str]:
    """Feed URLs a web page names in <link rel="alternate" type="application/rss+xml" href=...>."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:
        return []
    found = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES and link.get("href"):
            href = _web_link(link.get("href"), base_url)
            if href and href not in found:
                found.append(href)
    return found


def needs_full_text(item: FeedItem, mode: str) -> bool:
    if mode == "never" or not item.link:
        return False
    if mode == "always" or not item.paragraphs:
        return True
    last = item.paragraphs[-1]
    return item.words < SUMMARY_WORDS or bool(_TRAILERS.search(last))


def item_article(item: FeedItem, feed_id: str, feed_title: str | None, accessed: str) -> Article | None:
    """The item's own text as an article (None when it has no text)."""
    if not item.paragraphs:
        return None
    return Article(
        id=article_id(item.paragraphs, item.title),
        title=item.title,
        paragraphs=list(item.paragraphs),
        kinds=list(item.kinds),
        authors=list(item.authors),
        publisher=feed_title,
        date=item.date,
        url=canonical(item.link) if item.link else None,
        language=detect_language(item.paragraphs),
        source=item.link,
        tags=list(item.tags),
        accessed=accessed,
        feed=feed_id,
    )
