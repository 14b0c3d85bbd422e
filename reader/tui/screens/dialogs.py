"""Small modal dialogs: the citation style chooser and the import path prompt."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.services import cite
from reader.tui.paths import SHOWN, complete, expand
from reader.tui.textkit import safe

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
    """The path to import: ~ and $VARS expanded, Tab completes, a path that is not there is said at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("tab", "complete", "Complete the path", priority=True, show=False, id="import.complete"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog", classes="dialog"):
            yield Label("Import a file or folder", classes="dialog-title")
            yield Input(placeholder="~/articles or /path/to/file.html", id="import-path")
            yield Static("", id="import-choices", markup=False)
            yield Static("", id="import-error", markup=False)
            yield Label("tab completes \u00b7 enter imports \u00b7 esc cancels", id="import-keys")

    def on_mount(self) -> None:
        self._say()
        self.query_one(Input).focus()

    def _say(self, choices: str = "", error: str = "") -> None:
        for name, text in (("#import-choices", choices), ("#import-error", error)):
            line = self.query_one(name, Static)
            line.update(safe(text))
            line.display = bool(text)

    def action_complete(self) -> None:
        field = self.query_one(Input)
        text, names = complete(field.value)
        field.value = text
        field.cursor_position = len(text)
        more = f"  (+{len(names) - SHOWN} more)" if len(names) > SHOWN else ""
        self._say("  ".join(names[:SHOWN]) + more if names else "")

    def on_input_changed(self) -> None:
        self._say()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.dismiss(None)
            return
        path = expand(event.value)
        if not path.exists():
            self._say(error=f"There is no file or folder at {path}; check the path (tab completes).")
            return
        self.dismiss(str(path))

    def action_cancel(self) -> None:
        self.dismiss(None)
