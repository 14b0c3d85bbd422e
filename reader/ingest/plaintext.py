"""Plain-text articles as scraped from news sites: layout rules -> title, section, byline, body.

The shape this reads (every part optional):

    Friday , 17 May 2024                       page banner date   -> page_date (not the article's date)
    Home » Section » Title                     breadcrumb          -> section, title
    Title                                      repeated title      -> dropped
    A short line under the title.              image caption       -> kind "caption"
    The standfirst ...                         text
    Body paragraphs, one per line or separated by blank lines; hard-wrapped text is re-joined.
    Subheading                                 a short line        -> kind "heading"
    Tweet text pic.twitter.com/x               embedded tweet      -> one kind "quote" paragraph,
    — Name (@handle) June 21, 2023               with its attribution line
    ... [Photographer/AFP]                     photo credit        -> kind "caption"
    By Name – outlet.com                       byline              -> authors, publisher (dropped from body)
    You may also like / Leave a Comment / 0    site furniture      -> dropped
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.ingest import blocks
from reader.ingest.byline import dateline_outlet, parse_byline
from reader.ingest.dates import parse_date_line
from reader.models import CAPTION, HEADING, QUOTE, TEXT

#: How far from the top (in lines) we look for the breadcrumb, title, page date and a top byline.
HEADER_REACH = 6
#: How far from the end we look for a closing byline.
FOOTER_REACH = 6


@dataclass
class Parsed:
    """What a format parser hands to the api: metadata as found (raw outlet) plus the body."""

    title: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    date: str | None = None
    page_date: str | None = None
    url: str | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)


def _looks_hard_wrapped(blocks_: list[list[str]]) -> bool:
    """Text wrapped at a fixed width: paragraphs are blank-line separated blocks of short lines."""
    lines = [ln for b in blocks_ for ln in b]
    if not lines or max(len(ln) for ln in lines) > 100:
        return False
    multi = [b for b in blocks_ if len(b) >= 2]
    if not multi:
        return False
    inner = [ln for b in multi for ln in b[:-1]]
    open_ended = sum(1 for ln in inner if not ln.endswith((".", "!", "?", ":", "”", '"')))
    return open_ended >= 0.5 * len(inner)


def split_units(text: str) -> list[str]:
    """Lines -> paragraph candidates: one per line, or one per block when the text is hard-wrapped."""
    blocks_: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = blocks.normalise_line(raw)
        if line:
            blocks_[-1].append(line)
        elif blocks_[-1]:
            blocks_.append([])
    blocks_ = [b for b in blocks_ if b]
    if _looks_hard_wrapped(blocks_):
        return [" ".join(b) for b in blocks_]
    return [ln for b in blocks_ for ln in b]


def _join_continuations(units: list[str]) -> tuple[list[str], set[int]]:
    """Glue tweet attribution lines (and lines that continue a broken sentence) to the line before."""
    out: list[str] = []
    tweets: set[int] = set()
    for u in units:
        if out and blocks.is_tweet_attribution(u):
            out[-1] = f"{out[-1]} {u}"
            tweets.add(len(out) - 1)
            continue
        if (
            out
            and u[0].islower()
            and not out[-1].endswith((".", "!", "?", ":", "”", '"', ")", "]"))
            and not blocks.is_boilerplate(u)
            and blocks.words(out[-1]) > 12
        ):
            out[-1] = f"{out[-1]} {u}"
            continue
        out.append(u)
    return out, tweets


def _same_title(a: str, b: str) -> bool:
    ka, kb = a.casefold().strip(" .…"), b.casefold().strip(" .…")
    if ka == kb:
        return True
    # A breadcrumb may cut a long title short with an ellipsis.
    return (a.endswith(("…", "...")) and len(ka) >= 10 and kb.startswith(ka))


def parse_plaintext(text: str) -> Parsed:
    units = [u for u in split_units(text) if not blocks.is_boilerplate(u)]
    units, tweets = _join_continuations(units)
    p = Parsed()
    kinds: dict[int, str] = {i: QUOTE for i in tweets}
    drop: set[int] = set()

    # -- header: page date, breadcrumb, title ---------------------------------------------
    title_at = None
    for i, u in enumerate(units[:HEADER_REACH]):
        if i in drop:
            continue
        crumb = blocks.breadcrumb(u)
        if crumb:
            drop.add(i)
            p.section = " » ".join(crumb[1:-1]) or None
            crumb_title = crumb[-1]
            for j in range(i + 1, min(i + 1 + HEADER_REACH, len(units))):
                if _same_title(crumb_title, units[j]):
                    p.title, title_at = units[j], j
                    drop.add(j)
                    break
            if title_at is None and crumb_title:
                p.title, title_at = crumb_title, i
            break
        if title_at is None:
            when = parse_date_line(u)
            if when:
                p.page_date = p.page_date or when
                drop.add(i)
                continue
            if blocks.is_credit_caption(u):
                kinds[i] = CAPTION
                continue
            if parse_byline(u):
                continue  # handled below
            if blocks.is_headline_like(u) and not blocks.is_tweet(u):
                p.title, title_at = u, i
                drop.add(i)
            break
    start = (title_at + 1) if title_at is not None else 0

    # -- furniture at the end: related links, comment counts ------------------------------
    end = len(units)
    for i in range(start, len(units)):
        if blocks.is_trailer_start(units[i]) and all(blocks.words(u) <= 15 for u in units[i + 1:]):
            end = i
            break
    while end > start and blocks.is_comment_count(units[end - 1]):
        end -= 1

    # -- byline (near the top or the end) and a date line under the title ------------------
    near = list(range(0, min(start + HEADER_REACH, end))) + list(range(max(start, end - FOOTER_REACH), end))
    for i in dict.fromkeys(near):
        if i in drop:
            continue
        by = parse_byline(units[i])
        if by is None:
            continue
        drop.add(i)
        if not p.authors:
            p.authors = by.authors
            p.outlet = p.outlet or by.outlet
            p.date = p.date or by.date
    for i in range(start, min(start + 3, end)):
        if i not in drop and p.date is None:
            when = parse_date_line(units[i])
            if when:
                p.date = when
                drop.add(i)

    # -- body ---------------------------------------------------------------------------------
    body = [i for i in range(end) if i not in drop]
    after_title = [i for i in body if i >= start]
    if after_title:
        first = after_title[0]
        nxt = after_title[1] if len(after_title) > 1 else None
        if (
            first not in kinds
            and blocks.words(units[first]) <= 12
            and nxt is not None
            and blocks.words(units[nxt]) >= 2 * blocks.words(units[first])
        ):
            kinds[first] = CAPTION
    for pos, i in enumerate(body):
        u = units[i]
        if i in kinds:
            continue
        if blocks.is_tweet(u):
            kinds[i] = QUOTE
        elif blocks.is_credit_caption(u):
            kinds[i] = CAPTION
        elif i >= start and pos + 1 < len(body) and blocks.is_heading(u):
            kinds[i] = HEADING
        elif u.startswith("> "):
            units[i] = u[2:].strip()
            kinds[i] = QUOTE
    p.paragraphs = [units[i] for i in body]
    p.kinds = [kinds.get(i, TEXT) for i in body]

    if p.outlet is None:
        lead = [units[i] for i in body if i >= start and kinds.get(i, TEXT) == TEXT][:2]
        for para in lead:
            p.outlet = dateline_outlet(para)
            if p.outlet:
                break
    return p
