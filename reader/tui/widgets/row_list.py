"""A virtual list of fixed-height rows (Line API): only the rows on screen are drawn.

RowList keeps the cursor, the virtual size, scrolling, the j/k/PgUp/PgDn/g/G actions and clicks;
a subclass says how many rows there are (row_count), how to draw one line of a row
(render_row_part) and what a click on a row does (row_clicked).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.tui.widgets.base_style import CachedBaseStyle


def fit(text: str, width: int) -> str:
    """Cut text to `width` cells, with an ellipsis when it was longer."""
    if width <= 0:
        return ""
    if len(text) <= width and (text.isascii() or cell_len(text) <= width):
        return text
    return set_cell_size(text, width - 1).rstrip() + "\u2026"


def row_bindings(
    *, next_row: str, previous_row: str, first_row: str, last_row: str, scope: str = "list"
) -> list[BindingType]:
    """The moving keys of a RowList, with the words the help screen and the palette show, and ids
    ("SCOPE.down", ...) by which the user remaps them.

    A subclass lists them in its own BINDINGS (the help screen reads each class's own list).
    """
    return [
        Binding("j,down", "move(1)", next_row, show=False, id=f"{scope}.down"),
        Binding("k,up", "move(-1)", previous_row, show=False, id=f"{scope}.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id=f"{scope}.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id=f"{scope}.page-up"),
        Binding("g,home", "first", first_row, show=False, id=f"{scope}.first"),
        Binding("G,end", "last", last_row, show=False, id=f"{scope}.last"),
    ]


class RowList(CachedBaseStyle, ScrollView, can_focus=True):
    ROW_HEIGHT: ClassVar[int] = 1
    CURSOR_COMPONENT: ClassVar[str] = ""
    """The component class added to every line of the cursor's row."""
    MARKER_COMPONENT: ClassVar[str] = ""
    """The component class of the cursor's marker: a bar in the first column of the cursor's row, which shows
    the cursor where colours cannot (16 colours, NO_COLOR). Empty: no marker column."""
    MARKER = "\u258c"

    cursor: reactive[int] = reactive(0)

    # -- what a subclass provides ------------------------------------------------------
    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def render_row_part(self, index: int, part: int, width: int, style: Style) -> Iterable[Segment]:
        """Line `part` (0 .. ROW_HEIGHT-1) of row `index`, in `style` (the cursor's when it is on the row).

        The line is padded with `style` and cut to `width` afterwards.
        """
        raise NotImplementedError

    def row_clicked(self, index: int) -> None:
        """Row `index` was clicked (the cursor is already on it)."""

    # -- rows and cursor -----------------------------------------------------------------
    def _rows_replaced(self, cursor: int) -> None:
        """After the rows changed: new virtual size, the cursor at `cursor` (kept in range) and in view."""
        self.virtual_size = Size(self.size.width, self.row_count * self.ROW_HEIGHT)
        self.cursor = max(0, min(cursor, self.row_count - 1))
        self._scroll_cursor_visible()
        self.refresh()

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self._scroll_cursor_visible()

    def refresh_row(self, index: int) -> None:
        y = index * self.ROW_HEIGHT - int(self.scroll_y)
        self.refresh(Region(0, y, self.size.width, self.ROW_HEIGHT))

    def _scroll_cursor_visible(self) -> None:
        if self.row_count:
            region = Region(0, self.cursor * self.ROW_HEIGHT, 1, self.ROW_HEIGHT)
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.row_count * self.ROW_HEIGHT)

    # -- rendering -------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, part = divmod(int(self.scroll_y) + y, self.ROW_HEIGHT)
        base = self.base_style
        if index >= self.row_count:
            return Strip.blank(width, base)
        on_cursor = index == self.cursor
        style = base + self.component_layer(self.CURSOR_COMPONENT) if on_cursor else base
        if not self.MARKER_COMPONENT:
            segments = list(self.render_row_part(index, part, width, style))
        else:
            mark = Segment(self.MARKER if on_cursor else " ", style + self.component_layer(self.MARKER_COMPONENT))
            segments = [mark, *self.render_row_part(index, part, width - 1, style)]
        return Strip(segments).extend_cell_length(width, style).crop(0, width)

    # -- actions -----------------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(self.row_count - 1, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height // self.ROW_HEIGHT))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, self.row_count - 1)

    def on_click(self, event: events.Click) -> None:
        index = (int(self.scroll_y) + event.y) // self.ROW_HEIGHT
        if 0 <= index < self.row_count:
            self.cursor = index
            self.row_clicked(index)
