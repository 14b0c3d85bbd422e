"""Saved HTML pages: trafilatura finds the article's main text and its metadata.

Mapping: trafilatura title/author/date/sitename/url/categories/language -> title/authors/date/
publisher/url/section/language. The extracted body keeps its structure: <head> -> "heading",
<quote> -> "quote", list items and paragraphs -> "text", image captions -> "caption".
Only the page's own publication date is used (no guessing from the URL or the page text).
"""

from __future__ import annotations

import re
from typing import Any

from reader.controls import clean, has_controls
from reader.errors import IngestError
from reader.ingest import blocks
from reader.ingest.byline import parse_byline
from reader.ingest.parsed import Parsed
from reader.models import CAPTION, HEADING, QUOTE, TEXT

_BLOCK_TAGS = {"p", "head", "item", "cell", "code"}
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I)


def _element_text(el: Any) -> str:
    return blocks.normalise_line(" ".join("".join(el.itertext()).split()))


def _walk(el: Any, in_quote: bool, out: list[tuple[str, str]], captions: dict[str, str]) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "quote":
            _quote(child, out)
        elif tag == "graphic":
            key = child.get("src") or ""
            text = captions.get(key) or captions.get(child.get("alt") or "\0")
            text = blocks.normalise_line(text or child.get("title") or child.get("alt") or "")
            if text:
                out.append((text, CAPTION))
        elif tag in _BLOCK_TAGS:
            text = _element_text(child)
            if text:
                kind = HEADING if tag == "head" else QUOTE if in_quote else TEXT
                out.append((text, kind))
        elif tag in ("list", "table", "row", "div", "section"):
            _walk(child, in_quote, out, captions)
        elif tag:
            text = _element_text(child)
            if text:
                out.append((text, QUOTE if in_quote else TEXT))


def _quote(el: Any, out: list[tuple[str, str]]) -> None:
    """A blockquote: one "quote" paragraph per inner paragraph; loose text (an embedded tweet's
    '— Name (@handle) Date' line) joins the paragraph before it when it is an attribution."""
    pieces: list[str] = []
    if el.text and el.text.strip():
        pieces.append(el.text)
    for child in el:
        pieces.append("".join(child.itertext()))
        if child.tail and child.tail.strip():
            pieces.append(child.tail)
    start = len(out)
    for piece in pieces:
        text = blocks.normalise_line(" ".join(piece.split()))
        if not text:
            continue
        if len(out) > start and blocks.is_tweet_attribution(text):
            out[-1] = (f"{out[-1][0]} {text}", QUOTE)
        else:
            out.append((text, QUOTE))


def _figure_captions(html: str) -> dict[str, str]:
    """figcaption text by image src and alt: trafilatura keeps the image but drops its caption."""
    if "<figcaption" not in html.lower():
        return {}
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return {}
    found: dict[str, str] = {}
    for fig in tree.iter("figure"):
        cap, img = fig.find(".//figcaption"), fig.find(".//img")
        if cap is None or img is None:
            continue
        text = " ".join(" ".join(cap.itertext()).split())
        if text:
            for key in (img.get("src"), img.get("data-src"), img.get("alt")):
                if key:
                    found.setdefault(key, text)
    return found


def _declared_language(html: str) -> str | None:
    m = _HTML_LANG.search(html[:5000])
    return m.group(1) if m else None


def _authors(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [a.strip() for a in re.split(r"\s*;\s*", raw) if a.strip()]


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li"}
#: libxml2 refuses documents nested deeper than this (without its "huge" option).
MAX_DEPTH = 255
_WRAPPERS = re.compile(r"</?(?:div|span|section|font|center)\b[^>]*>", re.I)


def _control_refs(text: str) -> tuple[str, int]:
    """Character references to control characters (&#27; is ESC) decoded and removed whole with
    the escape sequences they spell (ESC ] 52 ... BEL is a clipboard write): the HTML parser refuses
    such references and would drop the page. Returns (html, how many were found)."""
    found = 0

    def ref(m: re.Match[str]) -> str:
        nonlocal found
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        ch = chr(code) if code < 0x110000 else ""
        if ch and has_controls(ch) and ch not in "\n\t":
            found += 1
            return ch
        return m.group()

    text = _CHAR_REF.sub(ref, text)
    return (clean(text) if found else text), found


def _depth(text: str) -> int:
    """How deeply the page's elements nest (a rough count, enough to explain a refusal)."""
    depth = deepest = 0
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        if m.group(3) or name in _VOID:
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _extract(text: str) -> Any:
    import trafilatura  # lazy: only HTML needs it

    try:
        return trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_formatting=False,
            include_images=True,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        raise IngestError(f"the HTML page could not be read ({type(exc).__name__}); save it again and retry.") from None


def parse_html(text: str) -> Parsed:
    text, controls = _control_refs(text)
    doc = _extract(text)
    deep = 0
    if doc is None or doc.body is None:
        deep = _depth(text)
        if deep > MAX_DEPTH:  # too deep for the parser: the wrapper elements carry no text, drop them
            doc = _extract(_WRAPPERS.sub("", text))
    if doc is None or doc.body is None:
        raise IngestError(_nothing_found(controls, deep))
    items: list[tuple[str, str]] = []
    _walk(doc.body, False, items, _figure_captions(text))
    title = blocks.normalise_line(doc.title or "") or None
    if items and items[0][1] == HEADING and title is None:
        title = items.pop(0)[0]
    elif items and title and items[0][0].casefold() == title.casefold():  # the headline again
        items.pop(0)
    p = Parsed(
        title=title,
        section=(doc.categories[0] if doc.categories else None) or None,
        authors=_authors(doc.author),
        outlet=doc.sitename or doc.hostname or None,
        date=doc.date or None,
        url=doc.url or None,
        language=doc.language or _declared_language(text),
    )
    kept: list[tuple[str, str]] = []
    for i, (para, kind) in enumerate(items):
        if blocks.is_boilerplate(para):
            continue
        if kind == TEXT and (i < 3 or i >= len(items) - 3):
            by = parse_byline(para)
            if by is not None:
                if not p.authors:
                    p.authors = by.authors
                    p.outlet = by.outlet or p.outlet
                continue
        kept.append((para, kind))
    p.paragraphs = [t for t, _ in kept]
    p.kinds = [k for _, k in kept]
    if not p.paragraphs and controls:
        raise IngestError(_nothing_found(controls, deep))
    return p


def _nothing_found(controls: int, deep: int) -> str:
    if deep > MAX_DEPTH:
        return (
            f"the HTML page nests its elements {deep} levels deep, more than the {MAX_DEPTH} an HTML parser reads, "
            "and no article text was found once the extra levels were removed; save the page again, or as text."
        )
    if controls:
        return (
            f"the HTML page holds {controls} character reference{'s' if controls != 1 else ''} to terminal control "
            "characters (such as &#27;, ESC), which reader removes with the escape sequences they spell, and no "
            "article text is left without them; check that this is an article page."
        )
    return "no article text was found in the HTML page."
