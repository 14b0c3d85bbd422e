"""Dialogs for the library the user manages: confirm a deletion, edit tags, pick a source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.tui.screens.confirm import ConfirmDialog  # noqa: F401  (one confirmation dialog for every deletion)
from reader.tui.textkit import one_line


class TagDialog(ModalScreen["str | None"]):
    """One line: '+tag -tag' changes, or a plain list of tags that replaces them."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, tags: list[str]) -> None:
        super().__init__()
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-dialog", classes="dialog"):
            yield Label("Tags: +tag adds, -tag removes", classes="dialog-title")
            yield Label(Text("Now: " + (", ".join(self.tags) or "(none)")), id="tag-current")
            yield Input(placeholder="+tag -tag  (enter saves, escape cancels)", id="tag-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class Source:
    kind: str  # "all" | "feed" | "tag"
    key: str
    label: str


class SourcesPicker(ModalScreen["Source | None"]):
    """All articles, each feed, each tag (as newsboat's feed list): enter narrows the list to it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, sources: list[tuple[Source, int]], current: Source | None) -> None:
        super().__init__()
        self.sources = sources
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="sources-dialog", classes="dialog"):
            yield Label("Sources: enter shows only its articles", classes="dialog-title")
            options = []
            for i, (src, count) in enumerate(self.sources):
                mark = "\u2022 " if src == self.current or (self.current is None and src.kind == "all") else "  "
                icon = {"all": "", "feed": "\u25c9 ", "tag": "# "}[src.kind]
                options.append(Option(Text(f"{mark}{icon}{one_line(src.label)}  ({count})"), id=str(i)))
            yield OptionList(*options, id="sources")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.sources[int(event.option.id or 0)][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
