"""All bookmarks across the library, with their notes; enter jumps to the passage."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Label

from reader.library import Library
from reader.models import Bookmark
from reader.tui.textkit import one_line
from reader.tui.undo import UndoStack
from reader.tui.widgets.bookmark_list import BookmarkList, BookmarkRow


def row_of(b: Bookmark, title: str | None) -> BookmarkRow:
    return BookmarkRow(
        one_line(title) or "(article not in the library)",
        f"  \u00b6{b.paragraph + 1} \u201c{one_line(b.quote)}\u201d",
        f"  \u270e {one_line(b.note)}" if b.note.strip() else "",
    )


class BookmarksScreen(Screen[Bookmark | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Go to passage"),
        Binding("a,e", "edit_note", "Edit note"),
        Binding("d,delete", "delete", "Delete bookmark"),
        Binding("U,ctrl+z", "undo", "Undo", show=False),
        Binding("escape,B", "close", "Back"),
    ]

    def __init__(self, library: Library, titles: dict[str, str | None], undo_stack: UndoStack | None = None) -> None:
        super().__init__()
        self.library = library
        self.titles = titles
        self.undo_stack = undo_stack if undo_stack is not None else UndoStack()
        self._bookmarks: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="bookmarks-title")
        self.bookmark_list = BookmarkList(id="bookmark-list")
        yield self.bookmark_list
        yield Footer()

    def on_mount(self) -> None:
        self._load()
        self.bookmark_list.focus()

    def _load(self, keep: int = 0) -> None:
        found = self.app.guard(self.library.bookmarks) or []
        key = {aid: one_line(t).casefold() for aid, t in self.titles.items()}
        found.sort(key=lambda b: (key.get(b.article_id, "\uffff"), b.paragraph, b.start))
        self._bookmarks = found
        self.bookmark_list.set_rows([row_of(b, self.titles.get(b.article_id)) for b in found], keep)
        label = f"Bookmarks: {len(found):,}" if found else "No bookmarks yet: press b on a passage to keep it."
        self.query_one("#bookmarks-title", Label).update(Text(label))

    @property
    def current(self) -> Bookmark | None:
        index = self.bookmark_list.cursor
        return self._bookmarks[index] if 0 <= index < len(self._bookmarks) else None

    def on_bookmark_list_chosen(self, event: BookmarkList.Chosen) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        if self.current is not None:
            self.dismiss(self.current)

    def action_edit_note(self) -> None:
        from reader.tui.screens.note_editor import NoteEditor

        bm = self.current
        if bm is None:
            return
        index = self.bookmark_list.cursor

        def done(result: NoteEditor.Result | None) -> None:
            if result is None:
                return
            note = "" if result.delete else result.text
            if self.app.save(self.library.set_note, bm.id, note):
                if bm.note.strip() and not note.strip():
                    self.undo_stack.push("the note", lambda: self.library.set_note(bm.id, bm.note))
                    self.notify("Note deleted \u2014 press U to undo.", timeout=6)
                else:
                    self.notify("Note saved.", timeout=3)
            self._load(index)

        self.app.push_screen(NoteEditor(bm.quote, bm.note), done)

    def action_delete(self) -> None:
        from reader.tui.screens.confirm import ConfirmDialog

        bm = self.current
        if bm is None:
            return
        index = self.bookmark_list.cursor

        def delete() -> None:
            if self.app.save(self.library.remove_bookmark, bm.id):
                self.undo_stack.push(f"the bookmark on paragraph {bm.paragraph + 1}", lambda: self.library.restore_bookmark(bm))
                self.notify("Bookmark deleted \u2014 press U to undo.", timeout=6)
            self._load(index)

        if bm.note.strip():
            question = "Delete this bookmark and its note?"
            self.app.push_screen(ConfirmDialog(question, "\u270e " + one_line(bm.note)[:300], yes="Delete"), lambda yes: yes and delete())
        else:
            delete()

    def action_undo(self) -> None:
        item = self.undo_stack.pop()
        if item is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        if self.app.save(item.restore):
            self.notify(f"Restored {item.label}.", timeout=3)
        self._load(self.bookmark_list.cursor)

    def action_close(self) -> None:
        self.dismiss(None)
