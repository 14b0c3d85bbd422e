"""The reading pane's layout, free of Textual: an article as a flat list of wrapped line records.

Each line is (kind, ref, start, end): TITLE/META lines slice the title/meta strings, PARA lines
slice paragraph `ref`'s displayed text, NOTE lines slice note text `ref`, BLANK lines separate.
Building it for a 100,000-word article takes a few tens of milliseconds (one rfind per line).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.models import CAPTION, QUOTE, Article
from reader.names import display_authors
from reader.tui.textkit import one_line, wrap_offsets

TITLE, META, BLANK, PARA, NOTE, HINT = range(6)
#: What sets quotes and captions off, before each of their lines.
INDENT = {QUOTE: "\u258c ", CAPTION: "  "}


@dataclass
class Layout:
    lines: list[tuple[int, int, int, int]] = field(default_factory=list)
    para_top: list[int] = field(default_factory=list)
    para_bottom: list[int] = field(default_factory=list)
    note_texts: list[str] = field(default_factory=list)
    note_para: list[int] = field(default_factory=list)
    width: int = 0


def meta_line(a: Article) -> str:
    by = display_authors(a.authors)
    parts = [f"By {by}" if by else "", a.publisher or "", a.date or "", a.section or "", f"{a.word_count:,} words"]
    return one_line(" \u00b7 ".join(p for p in parts if p))


def build_layout(
    title: str, meta: str, paragraphs: list[str], kinds: list[str], notes: dict[int, list[str]], width: int
) -> Layout:
    """Wrap the title block, every paragraph (narrower when set off) and the notes under them."""
    lay = Layout(width=width)
    lines = lay.lines
    lines.extend((TITLE, -1, s, e) for s, e in wrap_offsets(title, width))
    lines.extend((META, 0, s, e) for s, e in wrap_offsets(meta, width))
    lines.append((BLANK, 0, 0, 0))
    for p, text in enumerate(paragraphs):
        lay.para_top.append(len(lines))
        indent = len(INDENT.get(kinds[p] if p < len(kinds) else "", ""))
        lines.extend((PARA, p, s, e) for s, e in wrap_offsets(text, width - indent))
        for note in notes.get(p, ()):
            lay.note_texts.append("\u270e " + one_line(note))
            lay.note_para.append(p)
            n = len(lay.note_texts) - 1
            lines.extend((NOTE, n, s, e) for s, e in wrap_offsets(lay.note_texts[n], width - 2))
        lay.para_bottom.append(len(lines))
        lines.append((BLANK, p, 0, 0))
    return lay
