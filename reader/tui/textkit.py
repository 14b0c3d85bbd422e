"""Text helpers for the TUI, free of Textual: safe display text, wrapping by cells, sentences.

Untrusted text (titles, paragraphs, entity names, notes) becomes rich.text.Text through
`safe()`, never through markup, and loses its control sequences (safe_text.clean) on the way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from reader.services.safe_text import clean
from reader.services.sentences import sentence_spans
from reader.services.safe_text import offset_map as _offset_map


def safe(text: str | None, style: str = "") -> Text:
    """Untrusted text as a Text: control sequences stripped, markup left literal."""
    return Text(clean(text or ""), style=style, end="")


def one_line(text: str | None) -> str:
    """Cleaned text on a single line (newlines and tabs become spaces)."""
    return re.sub(r"\s+", " ", clean(text or "")).strip()


@dataclass
class CleanPara:
    """A paragraph as displayed (cleaned) with a map from original offsets to displayed ones."""

    text: str
    _map: Callable[[int], int] | None = None

    def pos(self, i: int) -> int:
        return i if self._map is None else self._map(i)

    @classmethod
    def of(cls, original: str) -> CleanPara:
        if original.isprintable():  # no control, format or separator characters: clean() has nothing to do
            return cls(original)
        shown = clean(original)
        if shown == original:
            return cls(shown)
        return cls(shown, _offset_map(original, shown))


_WORD = re.compile(r"\S+\s*")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by terminal cells; (start, end) offsets of each line (end excludes the newline)."""
    width = max(1, width)
    if "\n" in text:
        out: list[tuple[int, int]] = []
        base = 0
        for part in text.split("\n"):
            out.extend((base + s, base + e) for s, e in wrap_offsets(part, width))
            base += len(part) + 1
        return out
    narrow = text.isascii() or cell_len(text) == len(text)
    measure = len if narrow else cell_len
    if measure(text) <= width:
        return [(0, len(text))]
    if narrow and "\t" not in text:
        return _wrap_narrow(text, width)
    lines: list[tuple[int, int]] = []
    start, used = 0, 0
    for m in _WORD.finditer(text):
        s, e = m.span()
        word = m.group()
        core = measure(word.rstrip())
        if used and used + core > width:
            lines.append((start, s))
            start, used = s, 0
        while core > width:  # a word longer than the line: hard break
            cut = _cut(text, s, width - used, narrow)
            lines.append((start, cut))
            start = s = cut
            used = 0
            core = measure(text[s:e].rstrip())
        used += measure(text[s:e])
    lines.append((start, len(text)))
    return lines


def _wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    """Fast path when every character is one cell wide: one rfind per line, not a step per word."""
    n, pos, out = len(text), 0, []
    while n - pos > width:
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:
            out.append((pos, pos + width))
            pos += width
            continue
        out.append((pos, cut))
        pos = cut + 1
        while pos < n and text[pos] == " ":
            pos += 1
    out.append((pos, n))
    return out


def _cut(text: str, s: int, room: int, narrow: bool) -> int:
    room = max(1, room)
    if narrow:
        return s + room
    used = 0
    for i in range(s, len(text)):
        used += cell_len(text[i])
        if used > room:
            return max(i, s + 1)
    return len(text)


sentences = sentence_spans  # the one sentence splitter, shared with the CLI (reader/services/sentences.py)


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Persian, Arabic, Hebrew)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
