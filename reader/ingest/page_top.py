"""The top of a scraped plain-text page: page chrome, breadcrumb, labels, page date, title (used by plaintext.py).

read_top walks down from the first line, skipping menus, banners and site notices (reader/ingest/chrome.py),
reading a breadcrumb, category line or section label (-> section), a date stamp (-> date, or page_date for a
site's "today" banner), captions and their credits, a masthead (-> publisher), and stops at the headline
(-> title, cleaned by header.clean_title and header.split_title_outlet). When the line taken for the title
was page chrome, the headline right above the first byline is taken instead (_title_over_byline).
"""

from __future__ import annotations

from reader.ingest import blocks, chrome, header
from reader.ingest.byline import parse_byline
from reader.ingest.credits import end_credit
from reader.ingest.dates import has_time, is_page_banner_date, is_time_line, parse_date_line
from reader.ingest.parsed import Parsed
from reader.models import CAPTION

#: How far from the top (in lines) we look for the breadcrumb, title, page date and a top byline.
HEADER_REACH = 6
#: How far down a page of menus and banners (not counted in HEADER_REACH) the title may be looked for.
CHROME_REACH = 60


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _same_title(a: str, b: str) -> bool:
    ka, kb = (x.translate(_QUOTES).casefold().strip(" .…") for x in (a, b))
    if ka == kb:
        return True
    # A breadcrumb may cut a long title short, with an ellipsis or without (then at three words or more).
    return (a.endswith(("…", "...")) or len(ka.split()) >= 3) and len(ka) >= 10 and kb.startswith(ka)


def read_top(units: list[str], p: Parsed, kinds: dict[int, str], drop: set[int]) -> int:
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
        run = chrome.menu_run(units, i)
        if run:  # 'Home' / 'News' / 'Sport': a menu, an entry a line
            drop.update(range(i, i + run))
            i += run
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
        if crumbs and header.is_one_line_crumbs(u):  # '1. Home 2. Asia 3. Pakistan'
            drop.add(i)
            p.section = crumbs[-1]
            i += 1
            continue
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
    j, limit = start, min(len(units), start + 8)
    while j < limit:
        run = chrome.menu_run(units, j) if j not in drop else 0
        if run:  # 'Home' / 'News' / 'Sport'
            j += run
            limit = min(len(units), limit + run)
            continue
        if j in drop or chrome.is_navigation(units[j]) or chrome.is_banner(units[j]):
            j += 1
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
