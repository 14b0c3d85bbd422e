"""The help screen: every binding of every place, generated from the BINDINGS themselves."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from reader.tui.keys import help_rows


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
        Binding("j,down", "scroll(1)", "Scroll", show=False, id="help.scroll-down"),
        Binding("k,up", "scroll(-1)", "Scroll", show=False, id="help.scroll-up"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Label("reader \u2014 keys (escape closes)", classes="dialog-title")
            for title, rows in help_rows(getattr(self.app, "user_keymap", None)):
                table = Table(title=title, title_justify="left", show_header=False, box=None, expand=True, padding=(0, 1))
                table.add_column("key", style="bold", no_wrap=True, width=16)
                table.add_column("action", ratio=1)
                for key, description in rows:
                    table.add_row(Text(key), Text(description))
                yield Static(table, classes="help-section")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=step * 3, animate=False)
