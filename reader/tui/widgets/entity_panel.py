"""The entity panel: an article's people, organisations, places and dates, most mentioned first.

The byline's authors and the publisher come first, in a "Byline" group of their own and without a
count (the byline is not the text); an author or publisher the text also names is listed again in its
type's group with the count of its mentions in the text.

The screen pushes the open document down (data_bind); choosing an entity posts
EntityPanel.Chosen, which the screen turns into highlighting and the n/N/f keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.entities.listing import GROUP_NAMES, grouped, label
from reader.models import Entity
from reader.tui.textkit import one_line
from reader.tui.widgets.reading_pane import Document


def _entity_row(name: str, count: str) -> Table:
    """The name (cut with an ellipsis when long) and its count (or byline role) on the same line, right-aligned."""
    row = Table.grid(expand=True, padding=(0, 0, 0, 2))
    row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    row.add_column(justify="right", no_wrap=True, style="dim")
    row.add_row(Text(name, end=""), Text(one_line(count), end=""))
    return row


class EntityPanel(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="entity_panel.down"),
        Binding("k", "cursor_up", "Up", show=False, id="entity_panel.up"),
        # corrections (issue 14): the screen opens the dialog and calls the library
        Binding("r", "correct('rename')", "Rename entity", id="entity_panel.rename"),
        Binding("t", "correct('type')", "Entity type", show=False, id="entity_panel.type"),
        Binding("x", "correct('hide')", "Not an entity", id="entity_panel.hide"),
        Binding("M", "correct('merge')", "Merge into entity", show=False, id="entity_panel.merge"),
        Binding("z", "correct('undo')", "Undo entity correction", show=False, id="entity_panel.undo"),
    ]

    document: reactive[Document | None] = reactive(None, always_update=True)

    @dataclass
    class Chosen(Message):
        """The user chose an entity (None: cleared)."""

        entity: Entity | None

    @dataclass
    class CorrectionRequested(Message):
        """The user asked to correct the highlighted entity: op is rename, type, hide, merge or undo."""

        op: str
        entity: Entity | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entities: list[Entity] = []

    def watch_document(self, document: Document | None) -> None:
        self.clear_options()
        self._entities = []
        if document is None:
            return
        options: list[Option] = []
        groups = grouped(document.article.entities)
        for kind, members in groups:
            header = Text(f"{GROUP_NAMES.get(kind, kind.title())} ({len(members)})", style="bold")
            options.append(Option(header, disabled=True))
            for ent in members:
                options.append(Option(_entity_row(one_line(ent.name), label(kind, ent)), id=str(len(self._entities))))
                self._entities.append(ent)
        if not groups:
            options.append(Option(Text("No entities found.", style="dim"), disabled=True))
        self.add_options(options)
        self.border_subtitle = f"{len({id(e) for e in self._entities})}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self._entities[int(event.option.id)]))

    @property
    def entities(self) -> list[Entity]:
        return list(self._entities)

    @property
    def highlighted_entity(self) -> Entity | None:
        option = self.highlighted_option if self.highlighted is not None else None
        return self._entities[int(option.id)] if option is not None and option.id is not None else None

    def action_correct(self, op: str) -> None:
        self.post_message(self.CorrectionRequested(op, self.highlighted_entity))

    def highlight_named(self, name: str, kind: str) -> None:
        """Put the cursor back on an entity after the list was rebuilt (a correction reloads it)."""
        for i, ent in enumerate(self._entities):
            if ent.name == name and ent.type == kind:
                index = next((n for n in range(self.option_count) if self.get_option_at_index(n).id == str(i)), None)
                if index is not None:
                    self.highlighted = index
                return

    def highlight_near(self, index: int) -> None:
        """Highlight the entity at `index`, else the nearest one after it, else before it (not a heading)."""
        enabled = [n for n in range(self.option_count) if not self.get_option_at_index(n).disabled]
        if enabled:
            self.highlighted = next((n for n in enabled if n >= index), enabled[-1])
