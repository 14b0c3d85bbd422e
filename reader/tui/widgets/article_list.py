"""The article list: a virtual list (Line API) that renders only the rows on screen.

Rows, read ids and bookmarked ids are pushed down by the screen (data_bind); the list
posts ArticleList.Opened when the user opens a row (enter or click).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.library import Summary
from reader.tui.textkit import one_line

ROW_HEIGHT = 2


def fit(text: str, width: int) -> str:
    """Cut text to `width` cells, with an ellipsis when it was longer."""
    if width <= 0:
        return ""
    if len(text) <= width and (text.isascii() or cell_len(text) <= width):
        return text
    return set_cell_size(text, width - 1).rstrip() + "\u2026"


class ArticleList(ScrollView, can_focus=True):
    """Title (bold when unread, marked when bookmarked) over publisher · author · date."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--meta",
        "article-list--mark",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next article", show=False),
        Binding("k,up", "move(-1)", "Previous article", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "first", "First article", show=False),
        Binding("G,end", "last", "Last article", show=False),
        Binding("enter,l", "open", "Open"),
    ]

    rows: reactive[list[Summary]] = reactive(list, always_update=True, layout=False)
    read_ids: reactive[frozenset[str]] = reactive(frozenset, always_update=True)
    bookmarked_ids: reactive[frozenset[str]] = reactive(frozenset, always_update=True)
    cursor: reactive[int] = reactive(0)

    @dataclass
    class Opened(Message):
        article_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels: dict[str, tuple[str, str]] = {}

    # -- data -----------------------------------------------------------------------
    def watch_rows(self, old: list[Summary], new: list[Summary]) -> None:
        current = old[self.cursor].id if 0 <= self.cursor < len(old) else None
        self.virtual_size = Size(self.size.width, len(new) * ROW_HEIGHT)
        index = next((i for i, s in enumerate(new) if s.id == current), 0) if current else 0
        self.cursor = min(index, max(0, len(new) - 1))
        self._scroll_cursor_visible()
        self.refresh()

    def watch_read_ids(self) -> None:
        self.refresh()

    def watch_bookmarked_ids(self) -> None:
        self.refresh()

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self._scroll_cursor_visible()

    @property
    def current(self) -> Summary | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def select_id(self, article_id: str) -> bool:
        for i, s in enumerate(self.rows):
            if s.id == article_id:
                self.cursor = i
                return True
        return False

    def forget_labels(self) -> None:
        """Drop cached row texts (after a metadata correction)."""
        self._labels.clear()
        self.refresh()

    # -- rendering ------------------------------------------------------------------
    def refresh_row(self, index: int) -> None:
        y = index * ROW_HEIGHT - int(self.scroll_y)
        self.refresh(Region(0, y, self.size.width, ROW_HEIGHT))

    def _scroll_cursor_visible(self) -> None:
        if self.rows:
            self.scroll_to_region(
                Region(0, self.cursor * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False, force=True, immediate=True
            )

    def _label(self, s: Summary) -> tuple[str, str]:
        cached = self._labels.get(s.id)
        if cached is None:
            meta = " \u00b7 ".join(filter(None, [s.date, one_line(s.publisher), one_line(", ".join(s.authors))]))
            cached = (one_line(s.title) or "(untitled)", meta)
            self._labels[s.id] = cached
        return cached

    def render_lines(self, crop: Region) -> list[Strip]:
        if getattr(self, "_base", None) is None:
            self._base = self.rich_style  # walks every ancestor: computed once until styles change
        return super().render_lines(crop)

    def notify_style_update(self) -> None:
        self._base = None
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, part = divmod(int(self.scroll_y) + y, ROW_HEIGHT)
        base = getattr(self, "_base", None) or self.rich_style
        if index >= len(self.rows):
            return Strip.blank(width, base)
        summary = self.rows[index]
        title, meta = self._label(summary)
        comp = self.get_component_rich_style
        style = base + comp("article-list--cursor") if index == self.cursor else base
        if part == 0:
            mark = "\u2605 " if summary.id in self.bookmarked_ids else "  "
            unread = summary.id not in self.read_ids
            title_style = style + comp("article-list--unread") if unread else style
            segments = [Segment(mark, style + comp("article-list--mark")), Segment(fit(title, width - 2), title_style)]
        else:
            segments = [Segment(fit("  " + meta, width), style + comp("article-list--meta"))]
        return Strip(segments).extend_cell_length(width, style).crop(0, width)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) * ROW_HEIGHT)

    # -- actions ----------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height // ROW_HEIGHT))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.rows) - 1)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current.id))

    def on_click(self, event: events.Click) -> None:
        index = (int(self.scroll_y) + event.y) // ROW_HEIGHT
        if 0 <= index < len(self.rows):
            self.cursor = index
            self.post_message(self.Opened(self.rows[index].id))
