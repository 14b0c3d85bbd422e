"""The article list: a virtual list (Line API) that renders only the rows on screen.

Rows, read ids and bookmarked ids are pushed down by the screen (data_bind); the list
posts ArticleList.Opened when the user opens a row (enter or click).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive

from reader.library import Summary
from reader.names import display_authors
from reader.tui.textkit import one_line
from reader.tui.widgets.row_list import RowList, fit, row_bindings


class ArticleList(RowList):
    """Title (bold when unread, marked when bookmarked) over publisher · author · date."""

    ROW_HEIGHT = 2
    CURSOR_COMPONENT = "article-list--cursor"
    MARKER_COMPONENT = "article-list--marker"
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--marker",
        "article-list--unread",
        "article-list--meta",
        "article-list--mark",
        "article-list--match",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *row_bindings(
            next_row="Next article", previous_row="Previous article", first_row="First article", last_row="Last article"
        ),
        Binding("enter,l", "open", "Open", show=False, id="list.open"),  # the empty pane says so; the footer keeps 80 columns
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
        #: While searching: article id -> Snippet shown under the title (None: the meta line).
        self._snippets: dict[str, Any] | None = None
        self._snippet_source: Callable[[str], Any] | None = None

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

    def show_snippets(self, snippets: dict[str, Any] | None, source: Callable[[str], Any] | None = None) -> None:
        """Show search snippets (reader.services.snippets.Snippet) under the titles; None: the meta lines.

        `source` gives the snippet of a row not in `snippets` (computed when the row is first drawn).
        """
        self._snippets = dict(snippets) if snippets is not None else None
        self._snippet_source = source
        self.refresh()

    def snippets_shown(self) -> dict[str, Any] | None:
        return self._snippets

    def _snippet_part(self, article_id: str, width: int, style: Style) -> list[Segment] | None:
        if self._snippets is None:
            return None
        snip = self._snippets.get(article_id)
        if snip is None and self._snippet_source is not None:
            snip = self._snippets[article_id] = self._snippet_source(article_id)
        if snip is None:
            return None
        text, marks = snip.text, snip.marks
        room = max(1, width - 2)
        if marks and marks[0][1] > room:  # bring the first match into view
            cut = max(0, marks[0][0] - room // 4)
            space = text.rfind(" ", 0, cut)
            cut = space + 1 if space > 0 else cut
            text, marks = "\u2026" + text[cut:], tuple((a - cut + 1, b - cut + 1) for a, b in marks if a >= cut)
        line = Text("  " + text, style=style + self.get_component_rich_style("article-list--meta"), end="")
        match = self.get_component_rich_style("article-list--match")
        for a, b in marks:
            line.stylize(match, a + 2, b + 2)
        line.truncate(width, overflow="ellipsis")
        return list(line.render(self.app.console))

    # -- rendering ------------------------------------------------------------------
    def _label(self, s: Summary) -> tuple[str, str]:
        cached = self._labels.get(s.id)
        if cached is None:
            meta = " \u00b7 ".join(filter(None, [one_line(s.date), one_line(s.publisher), one_line(display_authors(s.authors))]))
            cached = (one_line(s.title) or "(untitled)", meta)
            self._labels[s.id] = cached
        return cached

    def render_row_part(self, index: int, part: int, width: int, style: Style) -> Iterable[Segment]:
        summary = self.rows[index]
        title, meta = self._label(summary)
        comp = self.component_layer
        if part == 0:
            mark = "\u2605 " if summary.id in self.bookmarked_ids else "  "
            unread = summary.id not in self.read_ids
            title_style = style + comp("article-list--unread") if unread else style
            return [Segment(mark, style + comp("article-list--mark")), Segment(fit(title, width - 2), title_style)]
        snip = self._snippet_part(summary.id, width, style)
        if snip is not None:
            return snip
        return [Segment(fit("  " + meta, width), style + comp("article-list--meta"))]

    # -- actions ----------------------------------------------------------------------
    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current.id))

    def row_clicked(self, index: int) -> None:
        self.post_message(self.Opened(self.rows[index].id))
