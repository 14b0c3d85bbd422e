"""Markdown articles: optional YAML front matter for metadata, the body parsed with markdown-it-py.

Front matter keys (all optional): title, author or authors (a string or a list), date, publisher
(or source, site, outlet), url (or link, canonical_url), section (or category, categories), language (or lang).
Body: '#' headings -> "heading", '>' blockquotes -> "quote", a paragraph that is only an image ->
"caption" (its alt text), list items -> "text" that keeps its bullet or number ("• item", "2. item"),
everything else -> "text" with the Markdown syntax removed.
A first-level heading opening the body is the title when the front matter gives none.
A byline paragraph ('By X – outlet') gives authors and publisher when the front matter does not.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it import MarkdownIt

from reader.controls import clean_value
from reader.errors import IngestError
from reader.ingest import blocks
from reader.ingest.byline import parse_byline
from reader.ingest.dates import normalise_date
from reader.ingest.parsed import Parsed
from reader.models import CAPTION, HEADING, QUOTE, TEXT
from reader.names import split_authors

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD = MarkdownIt("commonmark")
#: List items keep a bullet (by nesting depth) or their number: "• item", "◦ nested", "3. item".
BULLETS = ("\u2022", "\u25e6", "\u25aa")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group("yaml")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise IngestError(f"the YAML front matter is not valid{where}; fix it or remove it.") from None
    if not isinstance(meta, dict):
        raise IngestError("the YAML front matter is not a set of `key: value` lines; fix it or remove it.")
    # YAML escapes ("\e]52;...") make control sequences: cleaned before values are split or parsed
    return {str(k).strip().lower(): clean_value(v) for k, v in meta.items()}, text[m.end():]


def _first(meta: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        v = meta.get(k)
        if v not in (None, "", []):
            return v
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if v is not None)
    s = blocks.normalise_line(str(value))
    return s or None


def _authors(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else split_authors(str(value))
    out = []
    for item in items:
        if isinstance(item, dict):  # authors: [{name: X}]
            item = item.get("name")
        name = _text(item)
        if name:
            out.append(re.sub(r"^by\s+", "", name, flags=re.I))
    return out


def _inline_text(token: Any) -> str:
    """An inline token's children -> plain text (emphasis and links dropped, their words kept)."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return blocks.normalise_line("".join(parts))


def _only_image(token: Any) -> bool:
    kids = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    return bool(kids) and all(c.type in ("image", "softbreak", "hardbreak") for c in kids)


def _body_blocks(body: str) -> list[tuple[str, str, int]]:
    """(text, kind, heading level) for each block of the Markdown body, in order."""
    out: list[tuple[str, str, int]] = []
    quote_depth = 0
    heading_level = 0
    lists: list[str] = []  # the open lists, innermost last: "ul" or "ol"
    marker = ""  # the bullet or number of a list item, given to its first paragraph
    for tok in _MD.parse(body):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(tok.tag)
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "list_item_open":
            marker = f"{tok.info}. " if lists and lists[-1] == "ol" else BULLETS[(len(lists) - 1) % len(BULLETS)] + " "
        elif tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type == "heading_open":
            heading_level = int(tok.tag[1:])
        elif tok.type == "heading_close":
            heading_level = 0
        elif tok.type == "inline":
            text = _inline_text(tok)
            if not text:
                continue
            if marker:  # a list item: its bullet, unless it is boilerplate ("Share", "Tweet"), which goes
                text, marker = ("" if blocks.is_boilerplate(text) else marker + text), ""
                if not text:
                    continue
            if heading_level:
                out.append((text, HEADING, heading_level))
            elif quote_depth:
                out.append((text, QUOTE, 0))
            elif _only_image(tok):
                out.append((text, CAPTION, 0))
            else:
                out.append((text, TEXT, 0))
        elif tok.type in ("fence", "code_block"):
            text = tok.content.strip("\n")
            if text.strip():
                out.append((text, QUOTE if quote_depth else TEXT, 0))
    return out


def _tags(value: object) -> list[str]:
    """Front matter `tags: [a, b]` or `tags: a, b` -> ["a", "b"] (lower-cased, no duplicates)."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    out: list[str] = []
    for item in items:
        tag = " ".join((_text(item) or "").split()).casefold()
        if tag and tag not in out:
            out.append(tag)
    return out


def parse_markdown(text: str) -> Parsed:
    meta, body = split_front_matter(text)
    p = Parsed(
        title=_text(_first(meta, "title", "headline")),
        section=_text(_first(meta, "section", "category", "categories")),
        authors=_authors(_first(meta, "authors", "author", "byline")),
        outlet=_text(_first(meta, "publisher", "source", "site", "site_name", "outlet", "publication")),
        date=normalise_date(_first(meta, "date", "published", "pubdate", "date_published")),
        url=_text(_first(meta, "url", "link", "canonical_url", "source_url")),
        language=_text(_first(meta, "language", "lang")),
        tags=_tags(_first(meta, "tags", "keywords")),
    )
    items = [b for b in _body_blocks(body) if not blocks.is_boilerplate(b[0])]
    crumb = blocks.breadcrumb(items[0][0]) if items and items[0][1] == TEXT else None
    if crumb:  # 'Home » Section » Title' opening a converted page
        items.pop(0)
        p.section = p.section or " » ".join(crumb[1:-1]) or None
        if p.title is None and crumb[-1] and not (items and items[0][1] == HEADING and items[0][2] == 1):
            p.title = crumb[-1]
    if p.title is None and items and items[0][1] == HEADING and items[0][2] == 1:
        p.title = items.pop(0)[0]
    elif p.title and items and items[0][0].casefold() == p.title.casefold():
        items.pop(0)
    kept: list[tuple[str, str, int]] = []
    for i, item in enumerate(items):
        if item[1] == TEXT and (i < 3 or i >= len(items) - 3):
            by = parse_byline(item[0])
            if by is not None:
                if not p.authors:
                    p.authors = by.authors
                    p.outlet = p.outlet or by.outlet
                    p.date = p.date or by.date
                continue
        kept.append(item)
    p.paragraphs = [t for t, _, _ in kept]
    p.kinds = [k for _, k, _ in kept]
    return p
