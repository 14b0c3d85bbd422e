"""All bookmarks across the library, with their notes; enter jumps to the passage."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Label

from reader.errors import ReaderError
from reader.library import Library
from reader.models import Article, Bookmark
from reader.numbering import label
from reader.services.anchor import located_number
from reader.tui.textkit import one_line
from reader.tui.widgets.bookmark_list import BookmarkList, BookmarkRow


def row_of(b: Bookmark, title: str | None, number: int | None = None) -> BookmarkRow:
    return BookmarkRow(
        one_line(title) or "(article not in the library)",
        f"  {label(number)} \u201c{one_line(b.quote)}\u201d",
        f"  \u270e {one_line(b.note)}" if b.note.strip() else "",
    )


class BookmarksScreen(Screen[Bookmark | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Go to passage", id="bookmarks.open"),
        Binding("a,e", "edit_note", "Edit note", id="bookmarks.edit-note"),
        Binding("d,delete", "delete", "Delete bookmark", id="bookmarks.delete"),
        Binding("escape,B", "close", "Back", id="bookmarks.close"),
    ]

    def __init__(self, library: Library, titles: dict[str, str | None]) -> None:
        super().__init__()
        self.library = library
        self.titles = titles
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
        articles: dict[str, Article | None] = {}
        for b in found:
            if b.article_id not in articles:
                try:
                    articles[b.article_id] = self.library.get(b.article_id)
                except ReaderError:  # an article no longer in the library: its row says so
                    articles[b.article_id] = None

        def number(b: Bookmark) -> int | None:
            article = articles.get(b.article_id)
            return located_number(b, article) if article is not None else None

        self.bookmark_list.set_rows([row_of(b, self.titles.get(b.article_id), number(b)) for b in found], keep)
        label = f"Bookmarks: {len(found):,}" if found else f"No bookmarks yet: press {self.app.key_for('bookmark', 'b')} on a passage to keep it."
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
                self.notify("Note deleted." if result.delete else "Note saved.", timeout=3)
            self._load(index)

        self.app.push_screen(NoteEditor(bm.quote, bm.note), done)

    def action_delete(self) -> None:
        bm = self.current
        if bm is None:
            return
        index = self.bookmark_list.cursor
        if self.app.save(self.library.remove_bookmark, bm.id):
            self.notify("Bookmark deleted.", timeout=3)
        self._load(index)

    def action_close(self) -> None:
        self.dismiss(None)
