"""OPML 2.0 subscription lists: read (newsboat, Miniflux, FreshRSS, Feedly exports) and write.

    read_opml(data: bytes) -> list[OpmlFeed]          # FeedError-like ReaderError when not OPML
    write_opml(feeds: list[OpmlFeed], title) -> str  # OPML 2.0; categories as nested outlines

Read with lxml, entities never resolved, no network, no huge trees: an entity bomb or an external
entity in an OPML file is not expanded. Nested outlines give categories (tags), as Miniflux and
FreshRSS write them; a `category` attribute ("/a,/b") is read too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.utils import formatdate
from xml.sax.saxutils import quoteattr

from reader.errors import ReaderError
from reader.ingest.decode import clean_text
from reader.sources.urls import is_web


@dataclass
class OpmlFeed:
    url: str
    title: str | None = None
    site: str | None = None
    tags: list[str] = field(default_factory=list)


def read_opml(data: bytes) -> list[OpmlFeed]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ReaderError(f"the file is not valid OPML ({str(exc).splitlines()[0][:100]}); export it again.") from None
    if not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise ReaderError("the file is XML but not OPML (no <opml> root); export your subscriptions as OPML.")
    body = root.find("body")
    if body is None:
        raise ReaderError("the OPML file has no <body>; export your subscriptions again.")
    found: list[OpmlFeed] = []
    seen: set[str] = set()

    def text(value: str | None) -> str | None:
        value = " ".join(clean_text(value or "").split())
        return value or None

    def walk(el: object, path: list[str]) -> None:
        for child in el:  # type: ignore[attr-defined]
            if not isinstance(child.tag, str) or child.tag.lower() != "outline":
                continue
            url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
            label = text(child.get("title")) or text(child.get("text"))
            if url:
                if is_web(url) and url not in seen:
                    seen.add(url)
                    tags = list(path)
                    for cat in (child.get("category") or "").split(","):
                        cat = text(cat.strip().strip("/"))
                        if cat and cat not in tags:
                            tags.append(cat)
                    site = (child.get("htmlUrl") or "").strip()
                    found.append(OpmlFeed(url, label, site if is_web(site) else None, tags))
            else:
                walk(child, path + ([label] if label else []))

    walk(body, [])
    return found


def write_opml(feeds: list[OpmlFeed], title: str = "reader subscriptions") -> str:
    """OPML 2.0: feeds without a tag at the top level, the others inside one outline per first tag."""
    def outline(f: OpmlFeed, indent: str) -> str:
        attrs = [("type", "rss"), ("text", f.title or f.url), ("title", f.title or f.url), ("xmlUrl", f.url)]
        if f.site:
            attrs.append(("htmlUrl", f.site))
        if f.tags:
            attrs.append(("category", ",".join("/" + t for t in f.tags)))
        return indent + "<outline " + " ".join(f"{k}={quoteattr(clean_text(v))}" for k, v in attrs) + "/>"

    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', "  <head>",
             f"    <title>{_esc(title)}</title>", f"    <dateCreated>{formatdate(usegmt=True)}</dateCreated>",
             "  </head>", "  <body>"]
    groups: dict[str, list[OpmlFeed]] = {}
    for f in feeds:
        if f.tags:
            groups.setdefault(f.tags[0], []).append(f)
        else:
            lines.append(outline(f, "    "))
    for tag, members in groups.items():
        lines.append(f"    <outline text={quoteattr(clean_text(tag))} title={quoteattr(clean_text(tag))}>")
        lines.extend(outline(f, "      ") for f in members)
        lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _esc(s: str) -> str:
    return clean_text(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
