"""Search snippets: the passage of an article that best shows why it matched, with the matches marked.

The snippet is cleaned for a terminal (safe_text.clean, whitespace made single spaces) before the
marks are computed, so the offsets are right in what is shown and printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.models import Article
from reader.search.highlight import find_matches
from reader.search.query import Query
from reader.services.safe_text import clean

WIDTH = 160


@dataclass(frozen=True)
class Snippet:
    text: str
    #: (start, end) of each match inside `text`.
    marks: tuple[tuple[int, int], ...] = field(default_factory=tuple)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", clean(text)).strip()


def snippet(article: Article, query: Query, width: int = WIDTH) -> Snippet:
    """The window of about `width` characters with the most distinct matched words (else the opening)."""
    terms = query.highlight_terms()
    best: tuple[int, str, list[tuple[int, int]], int] | None = None  # (score, text, marks, centre)
    want = len({t.words for t in terms})
    for para in article.paragraphs:
        if not find_matches(para, terms):  # cheap on the raw text; most paragraphs stop here
            continue
        text = _one_line(para)
        marks = find_matches(text, terms)
        if not marks:
            continue
        # Slide over the marks: the window starting near each mark that covers the most distinct words.
        for i, (s, _e) in enumerate(marks):
            inside = [m for m in marks[i:] if m[1] <= s + width]
            score = len({text[a:b].casefold() for a, b in inside}) * 100 + len(inside)
            if best is None or score > best[0]:
                best = (score, text, marks, s)
        if best is not None and best[0] // 100 >= want:
            break  # a window with every term: good enough, stop reading
    if best is None:
        text = _one_line(" ".join(article.paragraphs[:2]))
        cut = text[:width]
        return Snippet(cut + ("\u2026" if len(text) > width else ""), ())
    _score, text, marks, first = best
    start = max(0, first - width // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    prefix = "\u2026" if start else ""
    body = text[start:end]
    out = prefix + body + ("\u2026" if end < len(text) else "")
    shift = len(prefix) - start
    kept = tuple((a + shift, min(b, end) + shift) for a, b in marks if a >= start and a < end)
    return Snippet(out, kept)


def marked(snip: Snippet, before: str = "[", after: str = "]") -> str:
    """The snippet as plain text with each match wrapped (for the CLI)."""
    out, pos = [], 0
    for a, b in snip.marks:
        out += [snip.text[pos:a], before, snip.text[a:b], after]
        pos = b
    out.append(snip.text[pos:])
    return "".join(out)
