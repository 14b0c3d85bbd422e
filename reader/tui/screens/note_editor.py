"""The note editor: a modal with a multi-line TextArea for the note on a passage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from reader.services.safe_text import clean
from reader.tui.textkit import one_line, safe


class NoteEditor(ModalScreen["NoteEditor.Result | None"]):
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: ctrl+s then waits in the editor's queue behind the keys typed before it, so
        # what is saved is all that was typed, however fast the keys came (a paste, tmux send-keys).
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("ctrl+d", "delete", "Delete note", priority=True, id="note.delete"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    @dataclass
    class Result:
        text: str
        delete: bool = False

    #: The editor's cursor blinks; tests that take pictures of it turn this off before the app starts.
    CURSOR_BLINK = True

    def __init__(self, quote: str, note: str = "") -> None:
        super().__init__()
        self.quote = quote
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Label("Note on this passage", classes="dialog-title")
            yield Static(safe(_snippet(self.quote)), id="note-quote", markup=False)
            # A TextArea sends its text to the terminal as it is: never a control sequence.
            area = TextArea(clean(self.note), id="note-text", soft_wrap=True, tab_behavior="focus")
            area.cursor_blink = self.CURSOR_BLINK
            yield area
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Delete note (ctrl+d)", id="delete", variant="error", disabled=not self.note)
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)  # continue an existing note
        area.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"save": self.action_save, "delete": self.action_delete, "cancel": self.action_cancel}[event.button.id]()

    def action_save(self) -> None:
        self.dismiss(self.Result(clean(self.query_one(TextArea).text).rstrip()))

    def action_delete(self) -> None:
        self.dismiss(self.Result("", delete=True))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _snippet(text: str, limit: int = 240) -> str:
    text = one_line(text)
    return "\u201c" + (text if len(text) <= limit else text[: limit - 1] + "\u2026") + "\u201d"
