"""Correcting an article's metadata (stored as corrections, used by every later citation)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from reader.models import Article
from reader.services.meta_fields import FieldError, check_corrections
from reader.tui.textkit import one_line

FIELDS = (
    ("title", "Title"),
    ("authors", "Authors (separated by ;)"),
    ("publisher", "Publisher"),
    ("date", "Date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("url", "URL"),
    ("section", "Section"),
    ("language", "Language (a tag such as en, fa or pt-BR)"),
)


def shown(article: Article, key: str) -> str:
    """The field as the editor shows it: one line, never a control sequence (an Input sends its
    text to the terminal as it is)."""
    value = getattr(article, key)
    if key == "authors":
        return "; ".join(one_line(a) for a in value)
    return one_line(value)


class MetaEditor(ModalScreen[dict[str, Any] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save corrections", priority=True, id="meta.save"),
        Binding("escape", "cancel", "Cancel", id="meta.cancel"),
    ]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        with Vertical(id="meta-dialog", classes="dialog"):
            yield Label("Correct the metadata (ctrl+s saves, escape cancels)", classes="dialog-title")
            for key, label in FIELDS:
                yield Label(label, classes="field-label")
                yield Input(shown(self.article, key), id=f"meta-{key}", classes="field", compact=True)
            yield Label("", id="meta-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#meta-title", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, _label in FIELDS:
            value = self.query_one(f"#meta-{key}", Input).value.strip()
            if value == shown(self.article, key):
                continue
            if key == "authors":
                out[key] = [a.strip() for a in value.split(";") if a.strip()]
            else:
                out[key] = value or None
        return out

    def action_save(self) -> None:
        try:
            fields = check_corrections(self.changes())
        except FieldError as exc:
            message = str(exc)
            self.query_one("#meta-error", Label).update(Content(message[:1].upper() + message[1:]))
            return
        self.dismiss(fields)

    def action_cancel(self) -> None:
        self.dismiss(None)
