"""Plain-text articles as scraped from news sites: layout rules -> title, section, byline, body.

The shape this reads (every part optional):

    Friday , 17 May 2024                       page banner date   -> page_date (not the article's date)
    Home » Section » Title                     breadcrumb          -> section, title
    Title                                      repeated title      -> dropped
    A short line under the title.              image caption       -> kind "caption"
    The standfirst without a final stop        standfirst          -> kind "standfirst" (not numbered)
    Body paragraphs, one per line or separated by blank lines; hard-wrapped text is re-joined.
    Subheading                                 a short line        -> kind "heading"
    Tweet text pic.twitter.com/x               embedded tweet      -> one kind "quote" paragraph,
    — Name (@handle) June 21, 2023               with its attribution line
    ... [Photographer/AFP]                     photo credit        -> kind "caption"
    By Name – outlet.com                       byline              -> authors, publisher (dropped from body)
    You may also like / Leave a Comment / 0    site furniture      -> dropped
"""

from __future__ import annotations

import re

from reader.ingest import blocks, chrome, header
from reader.ingest.byline import Byline, dateline_outlet, parse_byline, parse_credit_line
from reader.ingest.credits import end_credit
from reader.ingest.dates import parse_date_line
from reader.ingest.outlets import is_domain
from reader.ingest.page_top import HEADER_REACH, read_top
from reader.ingest.parsed import Parsed
from reader.models import CAPTION, HEADING, QUOTE, STANDFIRST, TEXT

#: How far from the end we look for a closing byline.
FOOTER_REACH = 6


def _looks_hard_wrapped(blocks_: list[list[str]]) -> bool:
    """Text wrapped at a fixed width: blank-line separated blocks whose inner lines are long,
    of about the same length, and mostly stop mid-sentence. (A page of short one-line items is not.)"""
    lines = [ln for b in blocks_ for ln in b]
    if not lines or max(len(ln) for ln in lines) > 100:
        return False
    inner = [ln for b in blocks_ if len(b) >= 2 for ln in b[:-1]]
    if len(inner) < 2:
        return False
    width = max(len(ln) for ln in inner)
    wrapped = [
        ln for ln in inner
        if len(ln) >= max(40, 0.6 * width) and not ln.endswith((".", "!", "?", ":", "”", '"'))
    ]
    return len(wrapped) >= 0.6 * len(inner)


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


#: A byline's or date's label saved on a line of its own, its name or date on the next.
_LONE_LABEL = re.compile(r"^(?:by|written by|words by|reporting by|author|authors|published|published on|updated|"
                         r"last updated|posted|posted on|date|(?:image|media|photo)\s+caption)\s*[:,]?$", re.I)


def _join_continuations(units: list[str]) -> tuple[list[str], set[int]]:
    """Glue tweet attribution lines (and lines that continue a broken sentence) to the line before."""
    out: list[str] = []
    tweets: set[int] = set()
    for u in units:
        if out and blocks.is_tweet_attribution(u):
            out[-1] = f"{out[-1]} {u}"
            tweets.add(len(out) - 1)
            continue
        if out and _LONE_LABEL.match(out[-1]) and blocks.words(u) <= 12:  # 'By' / 'Rui Costa', 'Published' / date
            out[-1] = f"{out[-1].rstrip()} {u}"
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


def _furniture_end(units: list[str], start: int) -> int:
    """Where the article ends: before a trailer of related links / comments, and a comment count."""
    end = len(units)
    for i in range(start, len(units)):
        if blocks.is_trailer_start(units[i]) and all(blocks.words(u) <= 15 for u in units[i + 1:]):
            end = i
            break
    while end > start and blocks.is_comment_count(units[end - 1]):
        end -= 1
    return end


def _byline_and_date(units: list[str], start: int, end: int, p: Parsed, drop: set[int]) -> None:
    """A byline near the top or the end (-> authors, outlet, date); a date line under the title."""
    near = list(range(0, min(start + HEADER_REACH, end))) + list(range(max(start, end - FOOTER_REACH), end))
    for i in dict.fromkeys(near):
        if i in drop:
            continue
        by = parse_byline(units[i])
        if by is None and start <= i < start + 3:  # under the title: 'David Hughes, PA Political Editor |'
            by = parse_credit_line(units[i])
            if by is not None and not by.authors and i > start and units[i - 1].endswith("."):
                by = None  # 'AFP' under a caption: the photo's credit
        if by is None and (i == start or i >= max(start, end - FOOTER_REACH)) and end_credit(units[i]):
            # '— AFP' at the end, 'AFP' right under the title (under a caption, it is the photo's credit)
            by = Byline(outlet=end_credit(units[i]), outlet_written=True)
        if by is None:
            continue
        drop.add(i)
        if not p.authors:
            if p.outlet is None and by.outlet:
                p.outlet_written = by.outlet_written
            p.authors, p.outlet, p.date = by.authors, p.outlet or by.outlet, p.date or by.date
        elif not by.authors:  # 'By A' then 'Harbour Gazette, Lisbon' or '— AFP': the outlet, the date
            if p.outlet is None and by.outlet:
                p.outlet, p.outlet_written = by.outlet, by.outlet_written
            p.date = p.date or by.date
    for i in range(start, min(start + 2, end)) if start and not p.authors else ():
        names = header.name_line(units[i]) if i not in drop else None
        nxt = next((units[k] for k in range(i + 1, end) if k not in drop), "")
        if names and (blocks.words(nxt) <= 4 or parse_date_line(nxt)):
            # 'Neil Murphy' alone under the title, over page furniture or a date (a photo caption naming
            # someone is followed by the text), and no other byline on the page
            p.authors = names
            drop.add(i)
            break
    for i in range(start, min(start + 4, end)):
        if i not in drop and chrome.is_relative_date(units[i]):  # 'Published 3 hours ago': no date, not text
            drop.add(i)
    for i in range(start, min(start + HEADER_REACH, end)):
        if i not in drop and p.section is None and header.category_line(units[i]):  # 'Filed under: World'
            p.section = header.category_line(units[i])
            drop.add(i)
    dated = []  # under the title, a standfirst or captions: the published date before an 'Updated' one
    for i in range(start, min(start + HEADER_REACH, end)):
        when = parse_date_line(units[i]) if i not in drop and p.date is None else None
        if when:
            dated.append((units[i].lstrip().lower().startswith(("updated", "last updated", "modified")), i, when))
    if dated:
        _, i, p.date = min(dated)
        drop.update(k for _, k, _ in dated)


def _is_standfirst(unit: str) -> bool:
    """A summary under the headline: a sentence or two without a final stop (body paragraphs end with one)."""
    text = unit.rstrip()
    return 6 <= blocks.words(text) <= 60 and text[-1:].isalnum() and not blocks.is_tweet(text)


def _kinds(units: list[str], body: list[int], start: int, kinds: dict[int, str]) -> None:
    """Caption under the title, tweets, photo credits, subheadings, '> ' quotes."""
    after_title = [i for i in body if i >= start]
    if len(after_title) >= 2:
        first, nxt = after_title[0], after_title[1]
        short = blocks.words(units[first])
        if first not in kinds and short <= 12 and blocks.words(units[nxt]) >= 2 * short:
            kinds[first] = CAPTION
    lead = next((i for i in after_title if i not in kinds), None)
    if lead is not None and lead != after_title[-1]:
        nxt_body = after_title[after_title.index(lead) + 1]
        # a summary without a final stop, or one followed by the dateline that opens the story ("NBC News — ...")
        if _is_standfirst(units[lead]) or (
            nxt_body not in kinds and dateline_outlet(units[nxt_body]) and not dateline_outlet(units[lead])
            and 6 <= blocks.words(units[lead]) <= 60
        ):
            kinds[lead] = STANDFIRST
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


def parse_plaintext(text: str) -> Parsed:
    # Furniture lines go now, except those that open a trailer (related links, comments):
    # they mark where the article ends, and go below.
    units = [u for u in split_units(text) if blocks.is_trailer_start(u) or not blocks.is_boilerplate(u)]
    units, tweets = _join_continuations(units)
    p = Parsed()
    kinds: dict[int, str] = {i: QUOTE for i in tweets}
    drop: set[int] = set()
    start = read_top(units, p, kinds, drop)
    end = _furniture_end(units, start)
    _byline_and_date(units, start, end, p, drop)
    body = [i for i in range(end) if i not in drop and not blocks.is_boilerplate(units[i])]
    _kinds(units, body, start, kinds)
    p.paragraphs = [units[i] for i in body]
    p.kinds = [kinds.get(i, TEXT) for i in body]
    if p.outlet is None:  # no byline outlet: a dateline opening the lead ('Al-Monitor — ...')
        for para in [units[i] for i in body if i >= start and kinds.get(i, TEXT) == TEXT][:3]:
            p.outlet = dateline_outlet(para)
            if p.outlet:
                break
    if p.outlet is None and p.site:  # 'Title | Harbour Gazette'
        p.outlet, p.outlet_written = p.site, not is_domain(p.site)
    return p
