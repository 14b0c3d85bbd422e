"""All bookmarks as a virtual list (Line API): three lines per bookmark, only visible rows drawn,
so 5,000 bookmarks open as fast as 5."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.message import Message

from reader.tui.widgets.row_list import RowList, fit, row_bindings


@dataclass(frozen=True)
class BookmarkRow:
    title: str
    quote: str
    note: str


class BookmarkList(RowList):
    ROW_HEIGHT = 3
    CURSOR_COMPONENT = "bookmark-list--cursor"
    MARKER_COMPONENT = "bookmark-list--marker"
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bookmark-list--cursor",
        "bookmark-list--marker",
        "bookmark-list--title",
        "bookmark-list--quote",
        "bookmark-list--note",
    }
    BINDINGS: ClassVar[list[BindingType]] = row_bindings(
        next_row="Next bookmark", previous_row="Previous bookmark", first_row="First", last_row="Last",
        scope="bookmarks",
    )

    @dataclass
    class Chosen(Message):
        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[BookmarkRow] = []

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_rows(self, rows: list[BookmarkRow], cursor: int = 0) -> None:
        self.rows = rows
        self._rows_replaced(cursor)

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_visible()
        self.refresh()  # the whole list, not only the two rows the cursor left and reached

    def render_row_part(self, index: int, part: int, width: int, style: Style) -> Iterable[Segment]:
        row = self.rows[index]
        text, part_style = [
            (row.title, "bookmark-list--title"),
            (row.quote, "bookmark-list--quote"),
            (row.note, "bookmark-list--note"),
        ][part]
        return [Segment(fit(" " + text, width), style + self.component_layer(part_style))]

    def row_clicked(self, index: int) -> None:
        self.post_message(self.Chosen(index))
