"""The filter box above the article list: typing filters, enter keeps it, escape clears it."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Clear filter", id="filter.clear")]

    class Cancelled(Message):
        """The user cleared the filter with escape."""

    def action_cancel(self) -> None:
        self.value = ""
        self.post_message(self.Cancelled())
