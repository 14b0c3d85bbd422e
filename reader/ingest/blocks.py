"""Recognisers for single lines of scraped article text: boilerplate, captions, embedded tweets, headings.

Shared by the plain-text and Markdown parsers. Each is a pure function of one line.
"""

from __future__ import annotations

import re

#: Whole lines that are site furniture, never article text (case-insensitive, trailing ':' or '…' ignored).
BOILERPLATE = {
    "you may also like", "you might also like", "leave a comment", "leave a reply", "post a comment",
    "to download the video file click here", "click here to download the video", "related", "related articles",
    "related posts", "related stories", "read more", "read also", "see also", "more from this author",
    "share this article", "share this", "share", "share on facebook", "share on twitter", "tweet",
    "advertisement", "sponsored", "subscribe", "subscribe to our newsletter", "sign up for our newsletter",
    "comments", "no comments", "print", "email", "print this article", "recommended", "most read",
    "most popular", "follow us", "skip to content", "back to top", "tags",
}
#: Lines after which the rest of a page is furniture (related links, comments), when only short lines follow.
TRAILER_START = {
    "you may also like", "you might also like", "related", "related articles", "related posts", "related stories",
    "read more", "read also", "see also", "more from this author", "recommended", "most read", "most popular",
    "leave a comment", "leave a reply", "comments",
}

_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_COMMENT_COUNT = re.compile(r"^\d{1,5}(?:\s+comments?)?$", re.I)

_BREADCRUMB_SPLIT = re.compile(r"\s*[»›]\s*|\s+>\s+")
_YOU_ARE_HERE = re.compile(r"^(?:you are here|location)\s*:\s*", re.I)
_SLASH_CRUMBS = re.compile(r"^(?:home|homepage)\s+/\s+\S", re.I)
_HOME = {"home", "homepage", "start", "accueil", "inicio", "startseite", "beranda", "news"}

_CREDIT = re.compile(
    r"\[[^\[\]]{2,80}/\s*[^\[\]/]{2,40}\]\s*$"                                   # [Name/AFP]
    r"|\((?:file\s+)?(?:photo|photograph|picture|image|illustration|video)s?\s*(?:by|:|credit)[^)]*\)"  # (Photo by X / AFP)
    r"|^(?:photo|image|picture|caption|file photo)\s*(?:credit)?\s*:"          # Photo: X
    r"|^(?:image|media|photo|video)\s+(?:source|caption)\s*[,:]"                # Image caption, X
    r"|\b(?:via|/)\s*(?:Getty Images|AFP|Reuters|AP Photo|EPA|Shutterstock)\s*[\])]?\s*$"
    r"|\bCredit:\s*\S"                                                        # ... Credit: AFP via Getty Images/X
    r"|^[^.!?]{10,200}[.!?]\s+(?:AFP|AP|Reuters|EPA|PA|Getty Images|Shutterstock|Bloomberg|Supplied|File)\s*$",
    re.I,
)
#: The attribution line of an embedded tweet: '— Name (@handle) June 21, 2023'.
_TWEET_ATTRIBUTION = re.compile(r"^[—–-]\s*[^\n]{1,120}?\(@\w{1,15}\)\s*[^()\n]{0,30}$")
_TWEET_INLINE = re.compile(r"(?:pic\.twitter\.com/\w+|[—–]\s*[^\n]{1,120}?\(@\w{1,15}\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$)")
_END_PUNCT = (".", ",", ";", ":", "…", "”", '"', "’", "'", ")", "]")


def normalise_line(line: str) -> str:
    """Spaces (incl. no-break and other widths) collapsed; ZWNJ/RLM and other format characters kept."""
    return _WS.sub(" ", line).strip()


def _key(line: str) -> str:
    return line.casefold().strip(" :….").strip()


def is_boilerplate(line: str) -> bool:
    return _key(line) in BOILERPLATE


def is_trailer_start(line: str) -> bool:
    return _key(line) in TRAILER_START


def is_comment_count(line: str) -> bool:
    return bool(_COMMENT_COUNT.match(line.strip()))


def breadcrumb(line: str) -> list[str] | None:
    """['Home', 'Section', 'Title'] if the line is a breadcrumb trail, else None."""
    line = _YOU_ARE_HERE.sub("", line)
    slashed = _SLASH_CRUMBS.match(line)  # 'Home / World / Asia': slashes only after 'Home'
    if "»" not in line and "›" not in line and " > " not in line and not slashed:
        return None
    parts = [p.strip() for p in (line.split(" / ") if slashed else _BREADCRUMB_SPLIT.split(line))]
    if len(parts) < 2 or not all(parts[:-1]):
        return None
    if parts[0].casefold() in _HOME or len(parts) >= 3:
        return parts
    return None


def is_credit_caption(line: str) -> bool:
    """A photo caption or credit: '... [Name/AFP]', '(Photo by X / AFP)', 'Photo: X'."""
    return bool(_CREDIT.search(line))


def is_tweet_attribution(line: str) -> bool:
    return bool(_TWEET_ATTRIBUTION.match(line))


def is_tweet(line: str) -> bool:
    """Embedded-tweet residue: a pic.twitter.com link or an inline '— Name (@handle) Date'."""
    return bool(_TWEET_INLINE.search(line))


def words(line: str) -> int:
    return len(line.split())


def is_headline_like(line: str) -> bool:
    """Could be a title: short, and not a sentence ending in a full stop."""
    return 1 <= words(line) <= 30 and len(line) <= 250 and not line.endswith((".", ",", ";", ":"))


def is_heading(line: str) -> bool:
    """A subheading inside the body: a short line that is not a sentence ('Why the raid?', '2. Allies')."""
    if not 1 <= words(line) <= 12 or len(line) > 90:
        return False
    if line.endswith(_END_PUNCT):
        return False
    first = line[0]
    return first.isupper() or first.isdigit()
