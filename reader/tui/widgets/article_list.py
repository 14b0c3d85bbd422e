"""The article list: a virtual list (Line API) that renders only the rows on screen.

Rows, read ids and bookmarked ids are pushed down by the screen (data_bind); the list
posts ArticleList.Opened when the user opens a row (enter or click).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive

from reader.library import Summary
from reader.tui.textkit import one_line
from reader.tui.widgets.row_list import RowList, fit, row_bindings


class ArticleList(RowList):
    """Title (bold when unread, marked when bookmarked) over publisher · author · date."""

    ROW_HEIGHT = 2
    CURSOR_COMPONENT = "article-list--cursor"
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--meta",
        "article-list--mark",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *row_bindings(
            next_row="Next article", previous_row="Previous article", first_row="First article", last_row="Last article"
        ),
        Binding("enter,l", "open", "Open"),
    ]

    rows: reactive[list[Summary]] = reactive(list, always_update=True, layout=False)
    read_ids: reactive[frozenset[str]] = reactive(frozenset, always_update=True)
    bookmarked_ids: reactive[frozenset[str]] = reactive(frozenset, always_update=True)

    @dataclass
    class Opened(Message):
        article_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels: dict[str, tuple[str, str]] = {}

    # -- data -----------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.rows)

    def watch_rows(self, old: list[Summary], new: list[Summary]) -> None:
        current = old[self.cursor].id if 0 <= self.cursor < len(old) else None
        index = next((i for i, s in enumerate(new) if s.id == current), 0) if current else 0
        self._rows_replaced(index)

    def watch_read_ids(self) -> None:
        self.refresh()

    def watch_bookmarked_ids(self) -> None:
        self.refresh()

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
    def _label(self, s: Summary) -> tuple[str, str]:
        cached = self._labels.get(s.id)
        if cached is None:
            meta = " \u00b7 ".join(filter(None, [one_line(s.date), one_line(s.publisher), one_line(", ".join(s.authors))]))
            cached = (one_line(s.title) or "(untitled)", meta)
            self._labels[s.id] = cached
        return cached

    def render_row_part(self, index: int, part: int, width: int, style: Style) -> Iterable[Segment]:
        summary = self.rows[index]
        title, meta = self._label(summary)
        comp = self.get_component_rich_style
        if part == 0:
            mark = "\u2605 " if summary.id in self.bookmarked_ids else "  "
            unread = summary.id not in self.read_ids
            title_style = style + comp("article-list--unread") if unread else style
            return [Segment(mark, style + comp("article-list--mark")), Segment(fit(title, width - 2), title_style)]
        return [Segment(fit("  " + meta, width), style + comp("article-list--meta"))]

    # -- actions ----------------------------------------------------------------------
    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current.id))

    def row_clicked(self, index: int) -> None:
        self.post_message(self.Opened(self.rows[index].id))
