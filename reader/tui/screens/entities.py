"""Every entity in the library (corrections applied): filter as you type, sort by articles,
mentions, type or name, correct one for the whole library (r, t, x, M, z), and enter lists the
articles that mention it (the main screen filters its list to them)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label

from reader.library import Library
from reader.library_entities import LibraryEntity
from reader.tui.textkit import one_line

SORTS = ("articles", "mentions", "type", "name")
SHOWN = 500  # rows drawn at once; typing narrows the rest


def sort_entities(ents: list[LibraryEntity], by: str) -> list[LibraryEntity]:
    if by == "mentions":
        return sorted(ents, key=lambda e: (-e.mentions, -len(e.articles), e.name.casefold()))
    if by == "type":
        return sorted(ents, key=lambda e: (e.type, -len(e.articles), -e.mentions, e.name.casefold()))
    if by == "name":
        return sorted(ents, key=lambda e: e.name.casefold())
    return sorted(ents, key=lambda e: (-len(e.articles), -e.mentions, e.name.casefold()))


class EntitiesScreen(Screen[LibraryEntity | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="entities.close"),
        Binding("ctrl+o", "sort", "Sort", priority=True, id="entities.sort"),
        Binding("enter", "open", "List its articles", priority=True, id="entities.open"),
        Binding("down", "move(1)", "Down", show=False, id="entities.down"),
        Binding("up", "move(-1)", "Up", show=False, id="entities.up"),
        Binding("pagedown", "move(10)", "Page down", show=False, id="entities.pagedown"),
        Binding("pageup", "move(-10)", "Page up", show=False, id="entities.pageup"),
        Binding("ctrl+r", "correct('rename')", "Rename", priority=True, id="entities.rename"),
        Binding("ctrl+t", "correct('type')", "Type", priority=True, id="entities.type"),
        Binding("ctrl+x", "correct('hide')", "Hide", priority=True, id="entities.hide"),
        Binding("ctrl+g", "correct('merge')", "Merge", priority=True, id="entities.merge"),
        Binding("ctrl+z", "undo", "Undo", priority=True, id="entities.undo"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.sort_key = "articles"
        self._all: list[LibraryEntity] = []
        self._hay: dict[int, str] = {}
        self._rows: list[LibraryEntity] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="entities-title")
        yield Input(placeholder="Filter entities by name or alias\u2026", id="entities-filter", compact=True)
        table: DataTable[Any] = DataTable(id="entities-table", cursor_type="row", zebra_stripes=False)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Name", key="name")
        table.add_column("Type", key="type")
        table.add_column("Art.", key="articles")
        table.add_column("Ment.", key="mentions")
        self.reload()
        self.query_one(Input).focus()

    # -- data ---------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._all = self.app.guard(self.library.library_entities) or []
        self._hay = {id(e): " ".join(one_line(a) for a in (e.name, *e.aliases)).casefold() for e in self._all}
        self._refill()

    def _refill(self, keep: LibraryEntity | None = None) -> None:
        needle = self.query_one(Input).value.casefold().strip()
        found = [e for e in self._all if needle in self._hay[id(e)]] if needle else list(self._all)
        found = sort_entities(found, self.sort_key)
        self._rows = found[:SHOWN]
        table = self.query_one(DataTable)
        table.clear()
        for i, e in enumerate(self._rows):
            table.add_row(Text(one_line(e.name)), Text(e.type), Text(str(len(e.articles)), justify="right"),
                          Text(str(e.mentions), justify="right"), key=str(i))
        more = f", first {SHOWN} shown: type to narrow" if len(found) > SHOWN else ""
        title = f"Entities: {len(found):,} of {len(self._all):,}{more} \u00b7 by {self.sort_key}"
        self.query_one("#entities-title", Label).update(Content(title))
        if keep is not None:
            index = next((i for i, e in enumerate(self._rows) if (e.name, e.type) == (keep.name, keep.type)), 0)
            table.move_cursor(row=index)

    @property
    def current(self) -> LibraryEntity | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- events and actions ------------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        if self._rows:
            table.move_cursor(row=max(0, min(len(self._rows) - 1, table.cursor_row + step)))

    def action_sort(self) -> None:
        current = self.current
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]
        self._refill(current)

    def action_open(self) -> None:
        if self.current is not None:
            self.dismiss(self.current)

    def action_close(self) -> None:
        field = self.query_one(Input)
        if field.value:
            field.value = ""
            return
        self.dismiss(None)

    def action_correct(self, op: str) -> None:
        ent = self.current
        if ent is None:
            self.notify("No entity to correct: clear the filter.", severity="warning")
            return
        main = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if main is None or not hasattr(main, "correct"):
            return

        def done(correction: dict, keep: tuple[str, str] | None) -> None:
            self.reload()
            if keep is not None:
                target = next((e for e in self._rows if (e.name, e.type) == keep), None)
                if target is not None:
                    self._refill(target)
            self.notify(f"{self.library.describe_correction(correction).capitalize()}. ctrl+z undoes it.", timeout=5)

        main.correct(op, ent, article_id=None, scope_choice=False, done=done)

    def action_undo(self) -> None:
        c = self.app.guard(self.library.undo_entity_correction)
        if c is None:
            self.notify("No entity correction to undo.", timeout=3)
            return
        current = self.current
        self.reload()
        if current is not None:
            self._refill(current)
        self.notify(f"Undone: {self.library.describe_correction(c)}.", timeout=5)
