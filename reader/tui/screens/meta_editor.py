"""Correcting an article's metadata (stored as corrections, used by every later citation)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from reader.models import Article
from reader.tui.textkit import one_line

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def valid_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day."""
    if not DATE.match(text):
        return False
    parts = text.split("-") + ["01", "01"]
    try:
        date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return False
    return True
FIELDS = (
    ("title", "Title"),
    ("authors", "Authors (separated by ;)"),
    ("publisher", "Publisher"),
    ("date", "Date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("url", "URL"),
    ("section", "Section"),
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
        Binding("ctrl+s", "save", "Save corrections", priority=True),
        Binding("escape", "cancel", "Cancel"),
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
        when = self.query_one("#meta-date", Input).value.strip()
        if when and not valid_date(when):
            self.query_one("#meta-error", Label).update(
                Content(f"The date {when!r} is not YYYY, YYYY-MM or YYYY-MM-DD; correct it or leave it empty.")
            )
            return
        self.dismiss(self.changes())

    def action_cancel(self) -> None:
        self.dismiss(None)
