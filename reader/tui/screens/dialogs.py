"""Small modal dialogs: the citation style chooser and the import path prompt."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.services import cite

STYLE_NAMES = {
    "apa": "APA 7th",
    "mla": "MLA 9th",
    "chicago": "Chicago 17th (author-date)",
    "harvard": "Harvard (Cite Them Right)",
    "ieee": "IEEE",
    "bibtex": "BibTeX",
    "ris": "RIS (Zotero)",
    "csl-json": "CSL-JSON (Zotero)",
}


class StyleChooser(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="style-dialog", classes="dialog"):
            yield Label("Citation style", classes="dialog-title")
            options = [
                Option(Text(("\u2022 " if s == self.current else "  ") + STYLE_NAMES.get(s, s)), id=s) for s in cite.STYLES
            ]
            yield OptionList(*options, id="styles")

    def on_mount(self) -> None:
        styles = self.query_one(OptionList)
        styles.highlighted = list(cite.STYLES).index(self.current) if self.current in cite.STYLES else 0
        styles.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ImportDialog(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog", classes="dialog"):
            yield Label("Import a file or folder (enter to import, escape to cancel)", classes="dialog-title")
            yield Input(placeholder="/path/to/articles", id="import-path")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
