"""All bookmarks across the library, with their notes; enter jumps to the passage."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from reader.library import Library
from reader.models import Bookmark
from reader.tui.textkit import one_line

QUOTE_LIMIT = 160


class BookmarksScreen(Screen[Bookmark | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Go to passage"),
        Binding("a,e", "edit_note", "Edit note"),
        Binding("d,delete", "delete", "Delete bookmark"),
        Binding("escape,B", "close", "Back"),
        Binding("j", "down", "Down", show=False),
        Binding("k", "up", "Up", show=False),
    ]

    def __init__(self, library: Library, titles: dict[str, str | None]) -> None:
        super().__init__()
        self.library = library
        self.titles = titles
        self._bookmarks: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="bookmarks-title")
        yield OptionList(id="bookmark-list")
        yield Footer()

    def on_mount(self) -> None:
        self._load()
        self.query_one(OptionList).focus()

    def _load(self, keep: int = 0) -> None:
        found = self.app.guard(self.library.state.bookmarks) or []
        key = {aid: one_line(t).casefold() for aid, t in self.titles.items()}
        found.sort(key=lambda b: (key.get(b.article_id, "\uffff"), b.paragraph, b.start))
        self._bookmarks = found
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._prompt(b), id=str(i)) for i, b in enumerate(found)])
        if found:
            options.highlighted = min(keep, len(found) - 1)
        label = f"Bookmarks: {len(found):,}" if found else "No bookmarks yet: press b on a passage to keep it."
        self.query_one("#bookmarks-title", Label).update(Text(label))

    def _prompt(self, b: Bookmark) -> Text:
        title = one_line(self.titles.get(b.article_id)) or "(article not in the library)"
        quote = one_line(b.quote)
        if len(quote) > QUOTE_LIMIT:
            quote = quote[: QUOTE_LIMIT - 1] + "\u2026"
        text = Text(title, style="bold", end="")
        text.append(f"\n  \u00b6{b.paragraph + 1} \u201c{quote}\u201d")
        if b.note.strip():
            text.append("\n  \u270e " + one_line(b.note), style="italic")
        return text

    @property
    def current(self) -> Bookmark | None:
        index = self.query_one(OptionList).highlighted
        return self._bookmarks[index] if index is not None and index < len(self._bookmarks) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        if self.current is not None:
            self.dismiss(self.current)

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_edit_note(self) -> None:
        from reader.tui.screens.note_editor import NoteEditor

        bm = self.current
        if bm is None:
            return
        index = self.query_one(OptionList).highlighted or 0

        def done(result: NoteEditor.Result | None) -> None:
            if result is None:
                return
            note = "" if result.delete else result.text
            if self.app.save(self.library.state.set_note, bm.id, note):
                self.notify("Note deleted." if result.delete else "Note saved.", timeout=3)
            self._load(index)

        self.app.push_screen(NoteEditor(bm.quote, bm.note), done)

    def action_delete(self) -> None:
        bm = self.current
        if bm is None:
            return
        index = self.query_one(OptionList).highlighted or 0
        if self.app.save(self.library.state.remove_bookmark, bm.id):
            self.notify("Bookmark deleted.", timeout=3)
        self._load(index)

    def action_close(self) -> None:
        self.dismiss(None)
