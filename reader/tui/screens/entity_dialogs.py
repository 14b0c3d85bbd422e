"""The small dialog of every entity correction: rename, change type, hide, merge, add.

One modal for all five: a name field (rename; add, prefilled with the selected text for the user
to trim), a type choice (type, add), a list of the other entities to merge with (filtered as you
type), and the scope (this article or the whole library). It returns an EntityEdit; the screen
that opened it calls the Library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, RadioButton, RadioSet
from textual.widgets.option_list import Option

from reader.models import ENTITY_TYPES
from reader.tui.textkit import one_line

TITLES = {
    "rename": "Rename {name}",
    "type": "Change the type of {name}",
    "hide": "Hide {name}: it is not an entity",
    "merge": "Merge another entity into {name} (its name is kept)",
    "add": "Add an entity the extractor missed",
}
TYPE_LABELS = {"person": "person", "organization": "organisation", "place": "place", "date": "date"}


class Choice(RadioButton):
    """A radio button that shows which one is on by its glyph, "(•)" or "( )", not by colour alone
    (NO_COLOR and monochrome terminals)."""

    @property
    def _button(self) -> Content:
        return Content.styled("(\u2022)", "bold") if self.value else Content("( )")


@dataclass
class EntityEdit:
    op: str
    #: the new name (rename), the words of the entity (add), the other entity (merge), else ""
    value: str = ""
    type: str | None = None
    #: True: this article only; False: the whole library
    article_only: bool = False


class EntityDialog(ModalScreen[EntityEdit | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Apply", priority=True, id="entity_dialog.apply"),
        Binding("escape", "cancel", "Cancel", id="entity_dialog.cancel"),
    ]

    def __init__(
        self,
        op: str,
        name: str = "",
        *,
        text: str = "",
        kind: str | None = None,
        candidates: list[tuple[str, str]] | None = None,
        scope_choice: bool = True,
        article_only: bool = False,
        apply: Callable[[EntityEdit], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.op, self.entity_name, self.text, self.kind = op, name, text, kind
        #: (label shown, name passed to the library) of each entity one may merge with
        self.candidates = candidates or []
        self.scope_choice = scope_choice
        self.article_only = article_only
        #: called with the edit before the dialog closes; a returned message keeps it open and shows it
        self.apply = apply

    # -- layout ------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="entity-dialog", classes="dialog"):
            yield Label(Content(TITLES[self.op].format(name=one_line(self.entity_name))), classes="dialog-title")
            if self.op in ("rename", "add"):
                hint = ("Trim to the entity's words (ctrl+\u2190/\u2192 move by word, ctrl+u/ctrl+k delete "
                        "all left/right of the cursor)") if self.op == "add" else "New name"
                yield Label(hint, classes="field-label")
                yield Input(one_line(self.text), id="entity-name", compact=True, select_on_focus=False)
            if self.op == "merge":
                yield Input(placeholder="Filter\u2026", id="entity-filter", compact=True)
                yield OptionList(id="entity-candidates", compact=True, markup=False)
            if self.op in ("type", "add"):
                with RadioSet(id="entity-type", compact=True):
                    for t in ENTITY_TYPES:
                        yield Choice(TYPE_LABELS[t], value=t == (self.kind or "person"), id=f"type-{t}", compact=True)
            if self.scope_choice:
                with RadioSet(id="entity-scope", compact=True):
                    yield Choice("This article", value=self.article_only, id="scope-article", compact=True)
                    yield Choice("Whole library", value=not self.article_only, id="scope-library", compact=True)
            yield Label("", id="entity-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply (ctrl+s)", id="apply", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        if self.op == "merge":
            self._fill("")
            self.query_one("#entity-filter", Input).focus()
        elif self.op in ("rename", "add"):
            field = self.query_one("#entity-name", Input)
            field.focus()
            field.cursor_position = 0 if self.op == "add" else len(field.value)
        elif self.op == "type":
            self.query_one("#entity-type", RadioSet).focus()
        else:
            self.query_one("#apply", Button).focus()

    def _fill(self, needle: str) -> None:
        options = self.query_one("#entity-candidates", OptionList)
        options.clear_options()
        needle = needle.casefold().strip()
        shown = [(i, label) for i, (label, _name) in enumerate(self.candidates) if needle in label.casefold()][:200]
        options.add_options([Option(Text(one_line(label)), id=str(i)) for i, label in shown])
        if shown:
            options.highlighted = 0

    # -- events --------------------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "entity-filter":
            self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "apply" else self.action_cancel()

    # -- the result -------------------------------------------------------------------------------------
    def _error(self, message: str) -> None:
        self.query_one("#entity-error", Label).update(Content(message))

    def result(self) -> EntityEdit | None:
        edit = EntityEdit(self.op)
        if self.scope_choice:
            pressed = self.query_one("#entity-scope", RadioSet).pressed_button
            edit.article_only = pressed is not None and pressed.id == "scope-article"
        else:
            edit.article_only = self.article_only
        if self.op in ("rename", "add"):
            edit.value = one_line(self.query_one("#entity-name", Input).value)
            if not edit.value:
                self._error("Type the name first." if self.op == "rename" else "Keep the entity's words.")
                return None
        if self.op in ("type", "add"):
            pressed = self.query_one("#entity-type", RadioSet).pressed_button
            edit.type = pressed.id.removeprefix("type-") if pressed is not None and pressed.id else None
            if edit.type is None:
                self._error("Choose a type.")
                return None
        if self.op == "merge":
            option = self.query_one("#entity-candidates", OptionList).highlighted_option
            if option is None or option.id is None:
                self._error("Choose the entity to merge into this one.")
                return None
            edit.value = self.candidates[int(option.id)][1]
        return edit

    def action_save(self) -> None:
        edit = self.result()
        if edit is None:
            return
        error = self.apply(edit) if self.apply is not None else None
        if error:
            self._error(error)
        else:
            self.dismiss(edit)

    def action_cancel(self) -> None:
        self.dismiss(None)

