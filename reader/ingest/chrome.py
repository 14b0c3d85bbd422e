"""Page chrome at the top of a scraped page: banners and navigation, never the title, section or publisher.

Each is a pure function of one line:

    'BREAKING NEWS', 'LIVE', 'Trending', 'Just in'            a banner on its own           -> skipped
    'Breaking: Storm closes the port', 'Trending: A | B'      a ticker line over the title  -> skipped
    'BREAKING: Title' (the only headline)                     a banner prefix               -> dropped from the title
    '• Home', '* Sport'                                       a menu item                   -> skipped
    'Home | News | Sport', 'News · Sport · Business'          a navigation bar              -> skipped
    'Skip to content', 'Menu', 'Search', 'Sign in'            site controls                 -> skipped
    'Published 3 hours ago', 'Updated 5 mins ago'             a relative date               -> skipped, gives no date
"""

from __future__ import annotations

import re

#: Banner words that stand over (or before) a headline on news pages.
_BANNER = (r"(?:breaking(?:\s+news)?|news\s+alert|just\s+in|developing(?:\s+story)?|live(?:\s+(?:updates?|now|blog|news|tv))?"
           r"|trending(?:\s+(?:now|news|topics?|stories))?|hot\s+topics?|top\s+stories|latest(?:\s+(?:news|stories|updates))?"
           r"|watch\s+live|happening\s+now)")
_BANNER_ALONE = re.compile(rf"^\W*{_BANNER}\W*$", re.I)
_BANNER_LEAD = re.compile(rf"^\W*{_BANNER}\s*[:|•·–—-]\s*(?=\S)", re.I)
_TICKER = re.compile(r"^\W*(?:trending|hot\s+topics?|top\s+stories)\b", re.I)
#: Prefixes dropped from a headline: only banners that are never part of a headline's wording.
_TITLE_BANNER = re.compile(r"^(?:breaking(?:\s+news)?|just\s+in|news\s+alert|developing(?:\s+story)?)\s*[:|–—-]\s*(?=\S)", re.I)

#: Whole lines that are site controls or menu entries (casefolded, without a trailing ':' or '…').
NAV_LINES = frozenset("""home|homepage|menu|main menu|open menu|close menu|toggle navigation|navigation|
search|search for|open search|close|sign in|sign up|log in|login|log out|register|my account|account|
subscribe|subscribe now|subscriptions|newsletter|newsletters|sign in to your account|skip to content|
skip to main content|skip to navigation|skip navigation|jump to content|all sections|sections|more|
e-paper|epaper|podcasts|listen|watch|live tv|accessibility|notifications|dark mode|light mode|
go to|advertise|contact us|about us|donate|support us|games|puzzles|crossword|weather|
listen to this article|listen to article|listen to this story|audio|play|0:00|print this page|
text size|font size|adjust font size|enlarge this image|toggle caption|hide caption|view image in fullscreen|
open image in gallery|expand|image|photo|getty images|loading|story continues below advertisement|
continue reading|reading time|facebook|twitter|x|instagram|youtube|linkedin|whatsapp|telegram|tiktok|rss|copy link""".replace("\n", "").split("|"))
_NOTICE = re.compile(r"\b(?:this article is more than \d+ (?:years?|months?) old|we use cookies|uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|"
                     r"enable javascript|javascript is disabled|your browser (?:is|does)|ad ?blocker|by continuing to (?:use|browse)|"
                     r"you have reached your (?:article )?limit|already a subscriber|to continue reading)\b", re.I)
_MENU_WORDS = frozenset("""home news world uk us u.s. politics business money markets economy tech technology science
health sport sports football cricket rugby tennis golf culture arts entertainment music film films tv lifestyle
life style travel food opinion opinions comment analysis video videos audio podcasts podcast photos games puzzles
weather local national international regional latest live more menu search sections newsletters newsletter
subscribe login sign in register account e-paper epaper education environment climate property cars motoring
obituaries jobs classifieds & and the""".split())
_LOGO = re.compile(r"^\S.{0,40}?\s+logo$", re.I)  # 'Harbour Gazette Logo': an image's alt text
_SHARE_WORDS = frozenset("""facebook twitter x whatsapp email e-mail linkedin telegram reddit pinterest print share
on via copy link messenger flipboard sms comments comment tumblr threads bluesky mastodon""".split())
_READING_TIME = re.compile(r"^(?:reading\s+time\s*:?\s*)?\d{1,3}\s*(?:min|mins|minutes?)\.?(?:\s+read)?$", re.I)
_BULLET_ITEM = re.compile(r"^[•·▪◦●*►▸›»-]\s*(?P<item>\S.{0,40})$")
_NAV_SPLIT = re.compile(r"\s+[|•·/]\s+|\s*\|\s*")
_RELATIVE_DATE = re.compile(
    r"^(?:(?:published|updated|posted|last\s+updated|modified)\s*:?\s*)?(?:on\s+)?"
    r"(?:\d{1,3}|an?|one|few|a\s+few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|years?|yrs?)"
    r"\s+ago\.?$|^(?:published|updated|posted)?\s*:?\s*(?:just\s+now|today|yesterday)$", re.I)


def _key(line: str) -> str:
    return " ".join(line.casefold().strip(" :….").split())


def is_banner(line: str) -> bool:
    """'BREAKING NEWS', 'LIVE', 'Trending': a banner word on a line of its own."""
    return len(line) <= 40 and bool(_BANNER_ALONE.match(line))


def banner_lead(line: str, nxt: str) -> bool:
    """'Trending: A | B', 'Breaking: Storm closes the port' over the headline `nxt`: a ticker line. A
    'Breaking:' or 'Live:' line over a long sentence without a stop (a standfirst) is the headline itself."""
    m = _BANNER_LEAD.match(line)
    if not m:
        return False
    return bool(_TICKER.match(line)) or len(nxt.split()) <= 15


def drop_title_banner(title: str) -> str:
    """'BREAKING: Title' -> 'Title' ('Breaking news - ', 'Just in: ', 'Developing: ' too)."""
    return _TITLE_BANNER.sub("", title).strip()


def is_nav_item(line: str) -> bool:
    """A site control or menu entry: 'Skip to content', 'Menu', 'Sign in', '• Home', '* World'."""
    if _key(line) in NAV_LINES:
        return True
    m = _BULLET_ITEM.match(line)
    return bool(m) and len(m.group("item").split()) <= 4 and not m.group("item").rstrip().endswith((".", "!", "?"))


def is_nav_bar(line: str) -> bool:
    """'Home | News | Sport', 'News · Sport · Business': three or more short items, or two after 'Home'."""
    parts = [p.strip() for p in _NAV_SPLIT.split(line.strip(" |•·"))]
    if len(parts) < 2 or not all(parts) or any(len(p.split()) > 3 for p in parts):
        return False
    if not all(p[0].isupper() or p[0].isdigit() for p in parts):
        return False
    return len(parts) >= 3 or parts[0].casefold() in ("home", "homepage")


def is_share_bar(line: str) -> bool:
    """'Facebook Twitter WhatsApp Email', 'Share on Facebook Share on X': sharing buttons."""
    words = re.findall(r"[\w-]+", line.casefold())
    return 2 <= len(words) <= 16 and all(w in _SHARE_WORDS for w in words)


def is_page_code(line: str) -> bool:
    """'P[L1] D[0x0] M[300x250] OOP[F] ADUNIT[] T[]': an ad slot's or a script's residue, not words."""
    tokens = line.split()
    coded = [t for t in tokens if re.search(r"[\[\]{}<>=_]|\d+x\d+", t)]
    return len(tokens) >= 2 and len(coded) * 2 > len(tokens)


def is_reading_time(line: str) -> bool:
    return bool(_READING_TIME.match(line.strip()))


def is_menu_words(line: str) -> bool:
    """'Home News Sport Business Culture': a menu flattened to one line, its words all section or control names."""
    words = re.findall(r"[\w&'’.-]+", line.casefold())
    return len(words) >= 4 and all(w in _MENU_WORDS for w in words)


def menu_run(units: list[str], start: int) -> int:
    """How many lines from `start` are one menu, an entry a line ('Home' / 'News' / 'Sport'): three or more
    short lines of section or control names (one or two such lines may be the section's labels: 'Sport' /
    'Football')."""
    k = start
    while k < len(units) and 1 <= len(units[k].split()) <= 3 and (
            _key(units[k]) in NAV_LINES or all(w in _MENU_WORDS for w in re.findall(r"[\w&'’.-]+", units[k].casefold()))):
        k += 1
    return k - start if k - start >= 3 else 0


def is_site_notice(line: str) -> bool:
    """'We use cookies to improve your experience.', 'Please enable JavaScript': the site talking, not the article."""
    return len(line.split()) <= 50 and bool(_NOTICE.search(line))


def is_navigation(line: str) -> bool:
    if len(line) > 300:  # text, not a menu
        return False
    return (bool(_LOGO.match(line)) or is_nav_item(line) or is_nav_bar(line) or is_share_bar(line) or is_page_code(line) or is_reading_time(line)
            or is_menu_words(line) or is_site_notice(line))


def is_relative_date(line: str) -> bool:
    """'Published 3 hours ago', 'Updated 5 mins ago', 'Yesterday': a time without a date."""
    return len(line) <= 50 and bool(_RELATIVE_DATE.match(line.strip()))
