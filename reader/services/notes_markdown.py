"""Markdown of the notes export: every title, reference, passage and note stays in its own block,
whatever it holds, in Obsidian and in any CommonMark reader.

API CONTRACT:
    inline(text) -> str        # text as one literal line of Markdown (specials escaped; web
                               # addresses as <autolinks>); never starts a block of its own
    note_block(note) -> str    # a note as ONE paragraph: "**Note:** " then its lines, each literal,
                               # joined by hard line breaks (blank lines too), so a note of "# x",
                               # "* x", "---", "```" or "<div>" is shown as written and ends where it ends
    document(front, articles) -> str   # front matter (YAML) + per article a "## " heading, its
                               # reference paragraph, then per passage a "> " block quote (the
                               # passage, then "— citation") followed by its note paragraph
        articles: [(title, reference, [(quote, citation, note)])]

What is escaped: every character Markdown, GFM or Obsidian gives a meaning inline (\\ ` * _ [ ] < > # |
~ = $ { } and entity-like &...;, Obsidian's %% comments), and at the start of a line the list and
quote markers (- + 1. 1)). Indentation at the start of a note's line is dropped (4 spaces would
start a code block). Terminal control sequences are removed (safe_text.clean).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

from reader.services.safe_text import clean

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~=${}])|(&)(?=#?\w+;)|%(?=%)|(?<=%)%")
_URL = re.compile(r"^(https?://[^\s<>`\"\\]+?)([.,;:!?)\]]*)$")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def _escape(word: str) -> str:
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), word)


def _line(text: str) -> str:
    """One line of literal Markdown (no newline in text)."""
    words = []
    for word in text.split():
        m = _URL.match(word)
        words.append(f"<{m.group(1)}>{_escape(m.group(2))}" if m else _escape(word))
    line = " ".join(words)
    if line[:1] in ("-", "+"):
        return "\\" + line
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)


def inline(text: str) -> str:
    return _line(" ".join(clean(text).split()))


def note_block(note: str) -> str:
    lines = [_line(line.strip()) for line in clean(note).strip().split("\n")]
    return "**Note:** " + "\\\n".join(lines)


def document(front: dict, articles: Sequence[tuple[str, str, Sequence[tuple[str, str, str]]]]) -> str:
    parts = ["---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n"]
    for title, reference, passages in articles:
        parts.append(f"## {inline(title) or '(untitled)'}\n")
        if reference.strip():
            parts.append(inline(reference) + "\n")
        for quote, citation, note in passages:
            block = f"> {inline(quote)}\n"
            if citation.strip():
                block += f">\n> — {inline(citation)}\n"
            parts.append(block)
            if note.strip():
                parts.append(note_block(note) + "\n")
    return "\n".join(parts)
