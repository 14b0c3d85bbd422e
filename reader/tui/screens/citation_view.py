"""The citation shown in a dialog when it could not be copied (no clipboard reachable): the user
reads it, selects it with the mouse or the keyboard, and still has it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from reader.services.safe_text import clean


class CitationView(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", id="citation.close")]

    def __init__(self, title: str, text: str, reason: str) -> None:
        super().__init__()
        self.title_text = clean(title)
        self.text = clean(text)
        self.reason = clean(reason)

    def compose(self) -> ComposeResult:
        with Vertical(id="citation-dialog", classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Label(Text(f"Not copied: {self.reason}. Select it below (escape closes)."), id="citation-reason")
            yield TextArea(self.text, read_only=True, soft_wrap=True, id="citation-text")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.select_all()

    def action_close(self) -> None:
        self.dismiss(None)
