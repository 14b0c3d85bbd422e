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

from reader.ingest import blocks, chrome, header
from reader.ingest.byline import Byline, dateline_outlet, parse_byline, parse_credit_line
from reader.ingest.credits import end_credit
from reader.ingest.dates import has_time, is_page_banner_date, is_time_line, parse_date_line
from reader.ingest.outlets import is_domain
from reader.ingest.parsed import Parsed
from reader.models import CAPTION, HEADING, QUOTE, STANDFIRST, TEXT

#: How far from the top (in lines) we look for the breadcrumb, title, page date and a top byline.
HEADER_REACH = 6
#: How far down a page of menus and banners (not counted in HEADER_REACH) the title may be looked for.
CHROME_REACH = 60
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


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _same_title(a: str, b: str) -> bool:
    ka, kb = (x.translate(_QUOTES).casefold().strip(" .…") for x in (a, b))
    if ka == kb:
        return True
    # A breadcrumb may cut a long title short with an ellipsis.
    return (a.endswith(("…", "...")) and len(ka) >= 10 and kb.startswith(ka))


def _header(units: list[str], p: Parsed, kinds: dict[int, str], drop: set[int]) -> int:
    """Page date, breadcrumb (-> section) and title at the top. Returns the index after the title."""
    title_at = None
    no_title: set[int] = set()
    lead = header.leading_date(units[0]) if units else None
    if lead:  # ' date 2023-02-07 Rescuers raced ...': the page's date field, then the text itself
        p.date = lead[0]
        if lead[1]:
            units[0] = lead[1]
            no_title.add(0)
        else:
            drop.add(0)
    seen: set[str] = set()
    for i, u in enumerate(units[:HEADER_REACH + 6]):  # a caption saved several times over the title
        if u in seen and i not in drop:
            drop.add(i)
        seen.add(u)
    looked, i = 0, 0
    while i < min(len(units), CHROME_REACH) and looked < HEADER_REACH:
        u = units[i]
        if i in drop:
            i += 1
            continue
        if (chrome.is_navigation(u) and not blocks.breadcrumb(u)) or chrome.is_banner(u) or chrome.is_relative_date(u):
            drop.add(i)  # 'Skip to content', '• Home', 'Home | News | Sport', 'BREAKING NEWS': not counted
            i += 1
            continue
        looked += 1
        if header.category_line(u):  # 'Category: Politics' above the title
            p.section = p.section or header.category_line(u)
            drop.add(i)
            i += 1
            continue
        crumbs = header.numbered_crumbs(units, i)
        if crumbs:  # '1. Home' / '2. Asia' / '3. Pakistan': the last crumb is the section
            drop.add(i)  # 'Home'; the others stay as captions: they name places and topics
            kinds.update({k: CAPTION for k in range(i + 1, i + len(crumbs))})
            p.section = crumbs[-1]
            i += len(crumbs)
            continue
        crumb = blocks.breadcrumb(u)
        if crumb:
            drop.add(i)
            for j in range(i + 1, min(i + 1 + HEADER_REACH, len(units))):
                if _same_title(crumb[-1], units[j]):  # the title line repeating the breadcrumb
                    p.title, title_at = units[j], j
                    drop.add(j)
                    break
            nxt = _next_headline(units, i + 1, drop) if title_at is None else None
            if nxt is not None and _crumb_is_section(crumb[-1], units[nxt]):
                p.section = crumb[-1]  # 'Home > World > Asia' over the headline: the crumbs are all sections
                i += 1
                continue
            p.section = crumb[-2] if len(crumb) >= 3 else None  # the last crumb before the title
            if title_at is None and crumb[-1]:
                p.title, title_at = crumb[-1], i
            break
        when = parse_date_line(u)
        if when:
            timed = i + 1 < len(units) and is_time_line(units[i + 1])
            if timed or has_time(u) or not is_page_banner_date(u):
                # '3rd April 2020' / '03:27pm BST', 'Published 12 March 2023': the article's time stamp
                p.date = p.date or when
                drop.update({i, i + 1} if timed else {i})
                i += 2 if timed else 1
                continue
            p.page_date = p.page_date or when  # 'Friday , 17 May 2024' above the title: the site's date of today
            drop.add(i)
            i += 1
            continue
        if is_time_line(u):  # '03:27pm BST' is never a title
            drop.add(i)
            i += 1
            continue
        if blocks.is_credit_caption(u):  # a photo caption above the title
            kinds[i] = CAPTION
            i += 1
            continue
        if i + 1 < len(units) and (_alt_text_of(u, units[i + 1])  # an image's alt text, then its credited caption
                                   or (blocks.words(u) <= 40 and u.endswith(".") and end_credit(units[i + 1]))):
            kinds[i] = kinds[i + 1] = CAPTION  # or a caption, then its agency alone on the next line ('AFP')
            drop.discard(i + 1)
            i += 2
            continue
        if parse_byline(u):
            i += 1
            continue
        if i in no_title or header.is_dateline_line(u):
            break
        nxt = _next_headline(units, i + 1, drop)
        if nxt is not None and chrome.banner_lead(u, units[nxt]):  # 'Breaking: Storm closes the port' over the headline
            drop.add(i)
            i += 1
            continue
        mast = header.masthead(u)
        if mast and nxt is not None and p.outlet is None and blocks.words(units[nxt]) >= 4:
            p.outlet, p.outlet_written = mast, True  # 'Belfast Telegraph' over the title
            drop.add(i)
            i += 1
            continue
        if header.is_junk_title(u):  # 'clear', 'Latest news with #Testmatch'
            drop.add(i)
            i += 1
            continue
        trail = header.label_crumbs(u) if nxt is not None else None
        if trail and _crumb_is_section(trail[-1], units[nxt]):  # 'World > Asia' over the headline
            p.section = p.section or trail[-1]
            drop.add(i)
            i += 1
            continue
        if blocks.is_headline_like(u) and not blocks.is_tweet(u) and not header.is_quoted_sentence(u):
            if nxt is not None and header.is_section_label(u, units[nxt]):
                p.section = p.section or u  # 'Asia - Pacific' over the headline
                drop.add(i)
                i += 1
                continue
            after = _next_headline(units, nxt + 1, drop) if nxt is not None else None
            if after is not None and header.is_section_label(units[nxt], units[after]) \
                    and header.is_section_label(u, units[after]):
                drop.add(i)  # 'Sport' / 'Football' / the headline: the label nearest the headline is the section
                i += 1
                continue
            p.title, title_at = u, i
            drop.add(i)
        break
    title_at = _title_over_byline(units, p, drop, title_at)
    if p.title:
        title, section = header.clean_title(p.title, units)
        p.section = p.section or section
        alt = p.title[: len(p.title) - len(title)].rstrip(" -–—") if p.title.endswith(" " + title) else ""
        if alt and title_at is not None and p.title == units[title_at] and section is None:
            units[title_at] = alt  # an image's alt text before the title: kept as a caption
            kinds[title_at] = CAPTION
            drop.discard(title_at)
        p.title, p.site = header.split_title_outlet(title)
    return (title_at + 1) if title_at is not None else 0


def _alt_text_of(line: str, nxt: str) -> bool:
    """'Alt text' followed at once by 'Alt text (Picture: Getty)': an image's alt text and its caption."""
    a, b = (x.translate(_QUOTES).casefold() for x in (line, nxt))
    return len(b) > len(a) >= 10 and b.startswith(a) and blocks.is_credit_caption(nxt[len(line):] or nxt)


def _crumb_is_section(last: str, nxt: str) -> bool:
    """The last crumb is a section, not the title, when it is short and a longer headline follows."""
    return blocks.words(last) <= 4 and blocks.words(nxt) >= 4 and not _same_title(last, nxt) \
        and not last.endswith(("…", "..."))


def _next_headline(units: list[str], start: int, drop: set[int]) -> int | None:
    """The next line that is not dropped, if it could be a title."""
    for j in range(start, min(len(units), start + 8)):
        if j in drop or chrome.is_navigation(units[j]) or chrome.is_banner(units[j]):
            continue
        return j if blocks.is_headline_like(units[j]) else None
    return None


def _chrome(line: str) -> bool:
    """Page chrome rather than the article's prose: short, or not a sentence (price tables, menus)."""
    return blocks.words(line) <= 15 or not line.rstrip("”\"’' ").endswith((".", "!", "?"))


#: How far down the page a byline may sit under page chrome (share prices, log-in prompts...).
BYLINE_REACH = 40


def _title_over_byline(units: list[str], p: Parsed, drop: set[int], title_at: int | None) -> int | None:
    """The headline right above the first byline (skipping date lines, '(Adds ...)' notes and captions),
    when only short lines of page chrome stand between the top and it: the line taken for the title
    at the top was chrome ('Less Ads, More Data, More Tools Register for FREE')."""
    for b in range(min(len(units), BYLINE_REACH)):
        by = parse_byline(units[b]) if b not in drop else None
        if by is None or not by.authors:
            continue
        j = b - 1
        while j > (title_at if title_at is not None else -1) and (
                parse_date_line(units[j]) or blocks.is_credit_caption(units[j])
                or (units[j].startswith("(") and units[j].endswith(")"))):
            j -= 1
        if title_at is not None and j <= title_at:
            return title_at
        cand = units[j] if j >= 0 else ""
        between = range(title_at if title_at is not None else 0, j)
        if j >= 0 and blocks.is_headline_like(cand) and blocks.words(cand) >= 4 and not blocks.is_tweet(cand) \
                and all(_chrome(units[k]) for k in between if k not in drop):
            if title_at is not None:
                drop.discard(title_at)  # the line taken for the title was page chrome: back to the text
            p.title = cand
            drop.add(j)
            return j
        return title_at
    return title_at


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
    start = _header(units, p, kinds, drop)
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
