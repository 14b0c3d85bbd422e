"""Bookmarks anchored on text: build a quote with context, and find it again after the article changed.

API CONTRACT:
    make_anchor(paragraphs, paragraph, start=None, end=None, width=CONTEXT)
        -> (quote, prefix, suffix, start, end)
        The quote is paragraphs[paragraph][start:end] (the whole paragraph by default), capped at
        models.QUOTE_LIMIT characters (start and end still cover the whole passage, so a bookmark
        of a 10 MB paragraph stores a few kilobytes; locate() gives back the whole passage). prefix and
        suffix are up to `width` characters of context around it; for a quote that begins (ends) its
        paragraph they come from the end of the previous (start of the next) paragraph.
    locate(bookmark, paragraphs, threshold=FUZZY_THRESHOLD) -> (paragraph, start, end) | None
        Where the bookmark's quote is in these paragraphs, trying in order:
        1. the exact quote in the hinted paragraph (bookmark.paragraph);
        2. the exact quote anywhere (best context, then nearest the hint);
        3. the text between the prefix and the suffix (the quote itself was edited);
        4. the best fuzzy match scoring at least `threshold` (0-100, rapidfuzz), nearest the hint on ties.
        None when nothing is close enough. Among several exact matches, the one whose surroundings
        match prefix/suffix best wins, then the one nearest the old start offset.
    sentence_span(text, n) -> (start, end) | None   # the n-th sentence (0-based) of a paragraph
    anchor_of(paragraphs, paragraph, start=None, end=None) -> reader.models.Anchor
        make_anchor's result as one value (what Library.add_bookmark takes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rapidfuzz import fuzz

from reader.models import QUOTE_LIMIT, Anchor, Article
from reader.numbering import number_of
from reader.services import sentences

CONTEXT = 32
FUZZY_THRESHOLD = 85.0

Span = tuple[int, int, int]


class Anchored(Protocol):
    paragraph: int
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


def make_anchor(
    paragraphs: Sequence[str], paragraph: int, start: int | None = None, end: int | None = None, width: int = CONTEXT
) -> tuple[str, str, str, int, int]:
    if not 0 <= paragraph < len(paragraphs):
        raise IndexError(f"paragraph {paragraph} is out of range (0-{len(paragraphs) - 1})")
    text = paragraphs[paragraph]
    start = 0 if start is None else max(0, min(start, len(text)))
    end = len(text) if end is None else max(start, min(end, len(text)))
    prefix = text[max(0, start - width) : start]
    if start == 0 and paragraph > 0:
        prefix = paragraphs[paragraph - 1][-width:]
    suffix = text[end : end + width]
    if end == len(text) and paragraph + 1 < len(paragraphs):
        suffix = paragraphs[paragraph + 1][:width]
    return text[start : min(end, start + QUOTE_LIMIT)], prefix, suffix, start, end


def is_capped(bm: Anchored) -> bool:
    """True for a bookmark whose quote is only the first QUOTE_LIMIT characters of its passage."""
    return len(bm.quote) >= QUOTE_LIMIT and bm.end - bm.start > len(bm.quote)


def _whole(paragraphs: Sequence[str], span: Span | None, bm: Anchored) -> Span | None:
    """A capped quote found at span: the passage runs on for its stored length (end - start)."""
    if span is None or not is_capped(bm):
        return span
    p, s, e = span
    return p, s, max(e, min(len(paragraphs[p]), s + (bm.end - bm.start)))


def anchor_of(
    paragraphs: Sequence[str], paragraph: int, start: int | None = None, end: int | None = None
) -> Anchor:
    """make_anchor's result as one value (what Library.add_bookmark takes)."""
    quote, prefix, suffix, s, e = make_anchor(paragraphs, paragraph, start, end)
    return Anchor(paragraph, quote, prefix, suffix, s, e)


sentence_span = sentences.sentence_span  # the one sentence splitter (reader/services/sentences.py)


def _context_score(paragraphs: Sequence[str], p: int, start: int, end: int, bm: Anchored) -> int:
    _, prefix, suffix, _, _ = make_anchor(paragraphs, p, start, end, width=max(len(bm.prefix), len(bm.suffix), 1))
    score = 0
    if bm.prefix and prefix.endswith(bm.prefix):
        score += 1
    if bm.suffix and suffix.startswith(bm.suffix):
        score += 1
    return score


#: At most this many exact matches per paragraph are weighed (a repetitive 10 MB paragraph could
#: otherwise hold millions of them).
MAX_MATCHES = 200


def _exact(paragraphs: Sequence[str], p: int, bm: Anchored) -> list[tuple[int, int, int]]:
    out, text, q = [], paragraphs[p], bm.quote
    i = text.find(q)
    while i != -1 and len(out) < MAX_MATCHES:
        out.append((p, i, i + len(q)))
        i = text.find(q, i + 1)
    return out


def _best(paragraphs: Sequence[str], found: list[Span], bm: Anchored) -> Span:
    return min(
        found,
        key=lambda s: (-_context_score(paragraphs, *s, bm), abs(s[0] - bm.paragraph), abs(s[1] - bm.start)),
    )


def _between_context(paragraphs: Sequence[str], bm: Anchored) -> Span | None:
    found: list[Span] = []
    for p, text in enumerate(paragraphs):
        # prefix and suffix inside the paragraph
        if bm.prefix and bm.suffix:
            i = text.find(bm.prefix)
            while i != -1:
                s = i + len(bm.prefix)
                j = text.find(bm.suffix, s)
                if j > s:
                    found.append((p, s, j))
                    break
                i = text.find(bm.prefix, i + 1)
        # a whole paragraph between the end of the previous one and the start of the next one
        before_ok = bool(bm.prefix) and p > 0 and paragraphs[p - 1].endswith(bm.prefix)
        after_ok = bool(bm.suffix) and p + 1 < len(paragraphs) and paragraphs[p + 1].startswith(bm.suffix)
        if text and before_ok and (after_ok or not bm.suffix) or (after_ok and not bm.prefix):
            found.append((p, 0, len(text)))
    if not found:
        return None
    return min(found, key=lambda s: abs(s[0] - bm.paragraph))


def _fuzzy(paragraphs: Sequence[str], bm: Anchored, threshold: float) -> Span | None:
    best: tuple[float, int, Span] | None = None
    for p, text in enumerate(paragraphs):
        if not text:
            continue
        if len(bm.quote) >= len(text):
            score = fuzz.ratio(bm.quote, text, score_cutoff=threshold)
            span = (p, 0, len(text))
        else:
            al = fuzz.partial_ratio_alignment(bm.quote, text, score_cutoff=threshold)
            if al is None:
                continue
            score, span = al.score, (p, al.dest_start, al.dest_end)
        if score and score >= threshold:
            key = (score, -abs(p - bm.paragraph), span)
            if best is None or key[:2] > best[:2]:
                best = key
    return None if best is None else best[2]


def located_number(bm: Anchored, article: Article) -> int | None:
    """The paragraph number (reader.numbering: body paragraphs from 1) of the paragraph the bookmark's
    text is in now, else of the one it was made in; None for a caption, heading or embedded post."""
    found = locate(bm, article.paragraphs)
    return number_of(article, found[0] if found else bm.paragraph)


def locate(bm: Anchored, paragraphs: Sequence[str], threshold: float = FUZZY_THRESHOLD) -> Span | None:
    return _whole(paragraphs, _locate(bm, paragraphs, threshold), bm)


def _locate(bm: Anchored, paragraphs: Sequence[str], threshold: float) -> Span | None:
    if not bm.quote or not paragraphs:
        return None
    if 0 <= bm.paragraph < len(paragraphs):
        here = _exact(paragraphs, bm.paragraph, bm)
        if here:
            return _best(paragraphs, here, bm)
    anywhere = [s for p in range(len(paragraphs)) for s in _exact(paragraphs, p, bm)]
    if anywhere:
        return _best(paragraphs, anywhere, bm)
    between = _between_context(paragraphs, bm)
    if between is not None:
        return between
    return _fuzzy(paragraphs, bm, threshold)
