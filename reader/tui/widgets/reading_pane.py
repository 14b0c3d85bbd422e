"""The reading pane: an article laid out as lines and rendered only where visible (Line API).

The layout is a flat list of line records (kind, ref, start, end) over the cleaned paragraph
texts, built by a fast word wrap; render_line styles one line at a time (cursor, selection,
bookmarks, entity mentions). Offsets from the store and entities are in original paragraph
coordinates and mapped to the displayed (cleaned) text by CleanPara.pos.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from reader.models import CAPTION, HEADING, QUOTE, Article, Bookmark, Entity
from reader.services.anchor import locate
from reader.tui.textkit import CleanPara, is_rtl, one_line, sentences, wrap_offsets
from reader.tui.widgets.base_style import CachedBaseStyle
from reader.tui.widgets.styled import styled_segments
from reader.tui.widgets.reading_layout import BLANK, HINT, INDENT, META, NOTE, PARA, TITLE, Layout, build_layout, meta_line

GUTTER = 2
#: The longest text line, in cells: a readable measure however wide the pane is.
MEASURE = 80
#: Seconds the end of an article stays on screen before it counts as read.
END_SEEN = 1.5
HINT_TEXT = "Open an article from the list (enter), or press ? for help."


@dataclass(eq=False)
class Document:
    """What the screen pushes down: the article and where to put the cursor."""

    article: Article
    position: int = 0


@dataclass
class Passage:
    paragraph: int
    start: int
    end: int
    text: str


class ReadingPane(CachedBaseStyle, ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reading-pane--title",
        "reading-pane--meta",
        "reading-pane--heading",
        "reading-pane--quote",
        "reading-pane--caption",
        "reading-pane--cursor",
        "reading-pane--gutter",
        "reading-pane--selection",
        "reading-pane--bookmark",
        "reading-pane--note",
        "reading-pane--mention",
        "reading-pane--entity",
        "reading-pane--hint",
        "reading-pane--find",
        "reading-pane--find-current",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next paragraph", show=False, id="reading.next-paragraph"),
        Binding("k,up", "move(-1)", "Previous paragraph", show=False, id="reading.previous-paragraph"),
        Binding("J,shift+down", "extend(1)", "Extend selection", show=False, id="reading.extend-selection"),
        Binding("K,shift+up", "extend(-1)", "Shrink selection", show=False, id="reading.shrink-selection"),
        Binding("v", "select_sentence", "Select sentence", show=False, id="reading.select-sentence"),
        Binding("escape", "clear_selection", "Clear selection", show=False, id="reading.clear-selection"),
        Binding("g,home", "first", "Top", show=False, id="reading.top"),
        Binding("G,end", "last", "End", show=False, id="reading.end"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="reading.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="reading.page-up"),
    ]

    document: reactive[Document | None] = reactive(None, always_update=True)
    bookmarks: reactive[list[Bookmark]] = reactive(list, always_update=True)
    entity: reactive[Entity | None] = reactive(None, always_update=True)
    show_mentions: reactive[bool] = reactive(False)
    cursor: reactive[int] = reactive(0)
    #: Sentence range [first, last) inside the cursor paragraph, or None for the whole paragraph.
    selection: reactive[tuple[int, int] | None] = reactive(None)

    @dataclass
    class CursorMoved(Message):
        article_id: str
        paragraph: int

    @dataclass
    class EndReached(Message):
        article_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._layout = Layout()
        self._clean: list[CleanPara] = []
        self._title = CleanPara("")
        self._meta = ""
        self._rtl: dict[int, bool] = {}
        self._marks: dict[int, list[tuple[int, int, Bookmark]]] = {}
        self._notes: dict[int, list[str]] = {}
        self._mentions: dict[int, list[tuple[int, int, bool]]] = {}
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._end_sent = False
        self._end_timer: Timer | None = None
        self._find_terms: list | None = None
        self._finds: list[tuple[int, int, int]] = []  # (paragraph, start, end), original offsets, in order
        self._finds_by_para: dict[int, list[tuple[int, int, int]]] = {}  # paragraph -> (start, end, index)
        self.find_position = -1

    # -- state from the screen ----------------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self.document.article if self.document else None

    def watch_document(self, document: Document | None) -> None:
        self._end_sent = False
        self._sentences.clear()
        self._rtl.clear()
        if document is None:
            self._clean, self._title = [], CleanPara("")
        else:
            a = document.article
            self._clean = [CleanPara.of(p) for p in a.paragraphs]
            self._title = CleanPara.of(one_line(a.title) or "(untitled)")
            self._meta = meta_line(a)
        self.selection = None
        self._index_marks()
        self._index_mentions()
        self._index_finds()
        self._relayout()
        position = document.position if document else 0
        self.set_reactive(ReadingPane.cursor, max(0, min(position, len(self._clean) - 1)))
        self.scroll_to(0, 0, animate=False, immediate=True)
        if position:
            self._scroll_cursor_visible(top=True)
        self.refresh()
        if self._end_timer is not None:  # the end of the article before this one was on screen
            self._end_timer.stop()
            self._end_timer = None
        self._watch_end()

    def watch_bookmarks(self) -> None:
        self._index_marks()
        self._relayout()
        self.refresh()

    def watch_entity(self) -> None:
        self._index_mentions()
        self.refresh()

    def watch_show_mentions(self) -> None:
        self._index_mentions()
        self.refresh()

    def watch_cursor(self) -> None:
        self._scroll_cursor_visible()
        self.refresh()
        if self.article is not None:
            self.post_message(self.CursorMoved(self.article.id, self.cursor))
            if self.cursor >= len(self._clean) - 1:
                self._end_reached()

    def watch_selection(self) -> None:
        self.refresh()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self.article is not None and new > 0 and new >= self.max_scroll_y:
            self._end_reached()
        self._watch_end()

    def _end_reached(self) -> None:
        if not self._end_sent and self.article is not None:
            self._end_sent = True
            self.post_message(self.EndReached(self.article.id))

    def _end_in_view(self) -> bool:
        bottoms = self._layout.para_bottom
        return bool(bottoms) and bottoms[-1] <= int(self.scroll_y) + self.scrollable_content_region.height

    def _watch_end(self) -> None:
        """An article whose end is on screen (one that fits, or scrolled to) is read once it stayed there END_SEEN s."""
        if self._end_sent or self.article is None or not self._end_in_view():
            if self._end_timer is not None:
                self._end_timer.stop()
                self._end_timer = None
            return
        if self._end_timer is None:
            article_id = self.article.id

            def seen() -> None:
                self._end_timer = None
                if self.article is not None and self.article.id == article_id and self._end_in_view():
                    self._end_reached()

            self._end_timer = self.set_timer(END_SEEN, seen)

    def _index_marks(self) -> None:
        self._marks, self._notes = defaultdict(list), defaultdict(list)
        article = self.article
        if article is None:
            return
        for bm in self.bookmarks:
            where = locate(bm, article.paragraphs)
            if where is None:
                continue
            p, s, e = where
            self._marks[p].append((s, e, bm))
            if bm.note.strip():
                self._notes[p].append(bm.note)

    def _index_mentions(self) -> None:
        self._mentions = defaultdict(list)
        article = self.article
        if article is None:
            return
        chosen = self.entity
        for ent in article.entities:
            is_chosen = chosen is not None and ent.name == chosen.name and ent.type == chosen.type
            if not (is_chosen or self.show_mentions):
                continue
            for p, s, e in ent.mentions:
                self._mentions[p].append((s, e, is_chosen))

    # -- find in the article (the screen's ctrl+f) ---------------------------------------------
    def set_find(self, terms: list | None) -> int:
        """Mark every match of these search terms (reader.search.Term); returns how many."""
        self._find_terms = terms or None
        self._index_finds()
        self.refresh()
        return len(self._finds)

    @property
    def find_count(self) -> int:
        return len(self._finds)

    def _index_finds(self) -> None:
        from reader.search.highlight import find_matches

        self._finds, self._finds_by_para, self.find_position = [], defaultdict(list), -1
        article = self.article
        if article is None or not self._find_terms:
            return
        for p, text in enumerate(article.paragraphs):
            for s, e in find_matches(text, self._find_terms):
                self._finds_by_para[p].append((s, e, len(self._finds)))
                self._finds.append((p, s, e))

    def step_find(self, step: int) -> None:
        """Go to the next (step 1) or previous (-1) match; the first step goes to the nearest after the cursor."""
        if not self._finds:
            return
        if self.find_position < 0:
            here = self.cursor
            after = [i for i, f in enumerate(self._finds) if f[0] >= here]
            before = [i for i, f in enumerate(self._finds) if f[0] <= here]
            self.find_position = (after[0] if after else 0) if step > 0 else (before[-1] if before else len(self._finds) - 1)
        else:
            self.find_position = (self.find_position + step) % len(self._finds)
        p, s, e = self._finds[self.find_position]
        self.cursor = p
        self.selection = None
        self._scroll_cursor_visible(top=False)
        self.refresh()

    # -- layout ---------------------------------------------------------------------------
    def _relayout(self) -> None:
        width = max(10, min(MEASURE, self.scrollable_content_region.width - GUTTER - 1))
        article = self.article
        if article is None:
            hint = [(HINT, 0, s, e) for s, e in wrap_offsets(HINT_TEXT, width)]
            self._layout = Layout(lines=hint, width=width)
            self.virtual_size = Size(width, len(hint))
            return
        texts = [cp.text for cp in self._clean]
        self._layout = build_layout(self._title.text, self._meta, texts, article.kinds, self._notes, width)
        self.virtual_size = Size(width + GUTTER, len(self._layout.lines))

    def on_resize(self) -> None:
        self._relayout()
        self._scroll_cursor_visible()
        self._watch_end()

    # -- rendering --------------------------------------------------------------------------
    def _is_rtl(self, p: int) -> bool:
        if p not in self._rtl:
            self._rtl[p] = is_rtl(self._clean[p].text)
        return self._rtl[p]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style
        index = int(self.scroll_y) + y
        lines = self._layout.lines
        if index >= len(lines):
            return Strip.blank(width, base)
        kind, ref, s, e = lines[index]
        layer = self.component_layer
        para = self._layout.note_para[ref] if kind == NOTE else ref
        on_cursor = kind in (PARA, NOTE) and para == self.cursor
        line_style = base + layer("reading-pane--cursor") if on_cursor else base
        segments = [Segment("\u258c " if on_cursor else "  ", line_style + layer("reading-pane--gutter"))]
        if kind == HINT:
            segments += styled_segments(HINT_TEXT[s:e].rstrip(), line_style + layer("reading-pane--hint"), [])
        elif kind == TITLE:
            text = self._title.text[s:e].rstrip()
            segments += styled_segments(text, line_style + layer("reading-pane--title"), self._spans(-1, s, e, self._title))
        elif kind == META:
            segments += styled_segments(self._meta[s:e].rstrip(), line_style + layer("reading-pane--meta"), [])
        elif kind == NOTE:
            note = "  " + self._layout.note_texts[ref][s:e].rstrip()
            segments += styled_segments(note, line_style + layer("reading-pane--note"), [])
        elif kind == PARA:
            segments += self._para_line(ref, s, e, line_style)
        return Strip(segments).extend_cell_length(width, line_style).crop(0, width)

    def _para_line(self, p: int, s: int, e: int, line_style: Style) -> list[Segment]:
        kind = self.article.kinds[p] if p < len(self.article.kinds) else ""
        cp = self._clean[p]
        name = {QUOTE: "reading-pane--quote", CAPTION: "reading-pane--caption", HEADING: "reading-pane--heading"}.get(kind)
        text_style = line_style + self.component_layer(name) if name else line_style
        text = cp.text[s:e].rstrip()
        out: list[Segment] = []
        prefix = INDENT.get(kind, "")
        if self._is_rtl(p):
            # Right-to-left text keeps its logical order (the terminal does the bidi); align it right.
            pad = self._layout.width - cell_len(prefix) - cell_len(text)
            out.append(Segment(" " * max(0, pad), line_style))
        if prefix:
            out.append(Segment(prefix, text_style if kind == QUOTE else line_style))
        return out + styled_segments(text, text_style, self._spans(p, s, e, cp))

    def _spans(self, p: int, s: int, e: int, cp: CleanPara) -> list[tuple[int, int, Style]]:
        """The highlights on the line [s, e) of paragraph p (-1: the title), in line offsets, lowest first."""
        layer = self.component_layer
        spans: list[tuple[int, int, Style]] = []
        for a, b, _bm in self._marks.get(p, ()):
            spans.append((cp.pos(a), cp.pos(b), layer("reading-pane--bookmark")))
        for a, b, chosen in self._mentions.get(p, ()):
            spans.append((cp.pos(a), cp.pos(b), layer("reading-pane--entity" if chosen else "reading-pane--mention")))
        for a, b, i in self._finds_by_para.get(p, ()):
            current = i == self.find_position
            spans.append((cp.pos(a), cp.pos(b), layer("reading-pane--find-current" if current else "reading-pane--find")))
        if p == self.cursor and self.selection is not None:
            first, last = self._selection_bounds()
            spans.append((cp.pos(first), cp.pos(last), layer("reading-pane--selection")))
        return [(max(a, s) - s, min(b, e) - s, style) for a, b, style in spans if max(a, s) < min(b, e)]

    # -- passages ---------------------------------------------------------------------------
    def sentences_of(self, p: int) -> list[tuple[int, int]]:
        if p not in self._sentences:
            self._sentences[p] = sentences(self.article.paragraphs[p])
        return self._sentences[p]

    def _selection_bounds(self) -> tuple[int, int]:
        sents = self.sentences_of(self.cursor)
        first, last = self.selection or (0, len(sents))
        return sents[first][0], sents[last - 1][1]

    def passage(self) -> Passage | None:
        """The passage under the cursor (original offsets), or None without an article."""
        article = self.article
        if article is None or not article.paragraphs:
            return None
        p = self.cursor
        text = article.paragraphs[p]
        if self.selection is None:
            return Passage(p, 0, len(text), text)
        s, e = self._selection_bounds()
        return Passage(p, s, e, text[s:e])

    def bookmark_at_cursor(self) -> Bookmark | None:
        """The bookmark covering the current passage (overlapping it), if any."""
        passage = self.passage()
        if passage is None:
            return None
        for s, e, bm in self._marks.get(passage.paragraph, ()):
            if s < passage.end and passage.start < e or s == e == passage.start:
                return bm
        return None

    def jump_to(self, paragraph: int, start: int | None = None, end: int | None = None) -> None:
        """Put the cursor on a paragraph (and on the sentences covering start..end)."""
        if not self._clean:
            return
        self.cursor = max(0, min(paragraph, len(self._clean) - 1))
        self.selection = None
        if start is not None and end is not None and self.article is not None:
            sents = self.sentences_of(self.cursor)
            idx = [i for i, (a, b) in enumerate(sents) if a < end and start < b]
            if idx and (idx[0] > 0 or idx[-1] < len(sents) - 1):
                self.selection = (idx[0], idx[-1] + 1)
        self._scroll_cursor_visible(top=True)

    def _scroll_cursor_visible(self, top: bool = False) -> None:
        lay = self._layout
        if not lay.para_top or self.cursor >= len(lay.para_top):
            return
        y0, y1 = lay.para_top[self.cursor], lay.para_bottom[self.cursor]
        height = max(1, self.scrollable_content_region.height)
        if self.cursor == 0:
            y0 = 0
        region = Region(0, y0, 1, min(y1 - y0, height))
        self.scroll_to_region(region, animate=False, force=True, immediate=True, top=top)

    # -- actions ----------------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        if not self._clean:
            return
        if self.selection is not None:
            sents = self.sentences_of(self.cursor)
            first, last = self.selection
            size = last - first
            first = max(0, min(len(sents) - size, first + delta))
            self.selection = (first, first + size)
            return
        self.cursor = max(0, min(len(self._clean) - 1, self.cursor + delta))

    def action_extend(self, delta: int) -> None:
        if not self._clean:
            return
        sents = self.sentences_of(self.cursor)
        first, last = self.selection or (0, 0)
        last = max(first + 1, min(len(sents), last + delta))
        self.selection = (first, last)

    def action_select_sentence(self) -> None:
        if self._clean:
            self.selection = None if self.selection is not None else (0, 1)

    def action_clear_selection(self) -> None:
        self.selection = None

    def action_first(self) -> None:
        if self._clean:
            self.cursor = 0
            self.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        if self._clean:
            self.cursor = len(self._clean) - 1

    def action_page(self, direction: int) -> None:
        if not self._clean:
            return
        height = max(1, self.scrollable_content_region.height)
        target = int(self.scroll_y) + direction * height
        self.scroll_to(y=target, animate=False, immediate=True)
        top = int(self.scroll_y)
        tops = self._layout.para_top
        paragraph = next((i for i, t in enumerate(tops) if t >= top), len(tops) - 1)
        self.cursor = paragraph

    def on_click(self, event: events.Click) -> None:
        line = int(self.scroll_y) + event.y
        if line < len(self._layout.lines):
            kind, ref, _s, _e = self._layout.lines[line]
            if kind == NOTE:
                kind, ref = PARA, self._layout.note_para[ref]
            if kind in (PARA, BLANK) and self._clean:
                self.selection = None
                self.cursor = ref
