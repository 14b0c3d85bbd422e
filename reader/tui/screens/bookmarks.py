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
from reader.tui.screens.bookmarks_conflicts import BookmarkConflicts
from reader.tui.conflict_marker import conflict_marker
from reader.tui.textkit import one_line
from reader.search import QueryError, parse
from reader.search.notes import bookmark_fields, bookmark_matches
from reader.tui.undo import UndoStack, undo_latest
from reader.tui.widgets.bookmark_list import BookmarkList, BookmarkRow
from reader.tui.widgets.filter_input import FilterInput


def row_of(b: Bookmark, title: str | None, number: int | None = None, versions: int = 0) -> BookmarkRow:
    if versions:  # a note edited on two devices: said in words, not only in colour
        return BookmarkRow(one_line(title) or "(article not in the library)",
                           f"  {label(number)} \u201c{one_line(b.quote)}\u201d",
                           f"  {conflict_marker(versions)} \u270e {one_line(b.note)}", conflict=True)
    return BookmarkRow(
        one_line(title) or "(article not in the library)",
        f"  {label(number)} \u201c{one_line(b.quote)}\u201d",
        f"  \u270e {one_line(b.note)}" if b.note.strip() else "",
    )


class BookmarksScreen(BookmarkConflicts, Screen[Bookmark | None]):
    AUTO_FOCUS = "#bookmark-list"  # not the search box: the screen's letter keys (a, e, d) must work at once
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Go to passage", id="bookmarks.open"),
        Binding("v", "note_conflict", "Choose version", id="bookmarks.note-conflict"),  # only while a conflict waits
        Binding("a,e", "edit_note", "Edit note", id="bookmarks.edit-note"),
        Binding("d,delete", "delete", "Delete bookmark", id="bookmarks.delete"),
        Binding("U,ctrl+z", "undo", "Undo", show=False, id="bookmarks.undo"),
        Binding("escape,B", "close", "Back", id="bookmarks.close"),
        Binding("slash", "search", "Search notes", id="bookmarks.search"),
    ]

    def __init__(self, library: Library, titles: dict[str, str | None], undo_stack: UndoStack | None = None) -> None:
        super().__init__()
        self.library = library
        self.titles = titles
        self.undo_stack = undo_stack if undo_stack is not None else UndoStack()
        self._bookmarks: list[Bookmark] = []
        self._search = ""
        self._folded: dict[str, dict[str, list[str]]] = {}

    def compose(self) -> ComposeResult:
        yield Label("", id="bookmarks-title")
        yield FilterInput(placeholder="Search notes, passages and titles\u2026", id="bookmark-search")
        self.bookmark_list = BookmarkList(id="bookmark-list")
        yield self.bookmark_list
        yield Footer()

    def on_mount(self) -> None:
        self._load()
        self.bookmark_list.focus()

    def _load(self, keep: int = 0) -> None:
        found = self.app.guard(self.library.bookmarks) or []
        total = len(found)
        found, problem = self._filtered(found)
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

        versions = self.load_conflicts()
        self.bookmark_list.set_rows([row_of(b, self.titles.get(b.article_id), number(b), versions.get(b.id, 0))
                                     for b in found], keep)
        label = f"Bookmarks: {len(found):,}" if found else f"No bookmarks yet: press {self.app.key_for('bookmark', 'b')} on a passage to keep it."
        if self._search.strip():
            label = f"Bookmarks: {len(found):,} of {total:,} match {one_line(self._search)!r}"
            if problem:
                label += f" \u2014 {one_line(problem)}"
        self.query_one("#bookmarks-title", Label).update(Text(label + self.conflicts_label()))

    def _filtered(self, found: list[Bookmark]) -> tuple[list[Bookmark], str | None]:
        """The bookmarks matching the search box (the library's query language), and a problem line."""
        if not self._search.strip():
            return found, None
        try:
            q = parse(self._search)
        except QueryError as exc:
            return found, str(exc)
        out = []
        for b in found:
            fields = self._folded.get(b.id)
            if fields is None or fields.get("_note") != [b.note]:
                fields = self._folded[b.id] = bookmark_fields(b.quote, b.note, self.titles.get(b.article_id))
                fields["_note"] = [b.note]
            if bookmark_matches(q, fields):
                out.append(b)
        return out, None

    def action_search(self) -> None:
        from reader.tui.key_routing import focus_now

        self.add_class("-searching")
        focus_now(self.query_one(FilterInput))  # at once: the keys typed right after / are the search's

    def on_input_changed(self, event: FilterInput.Changed) -> None:
        self._search = event.value
        self._load()

    def on_input_submitted(self, event: FilterInput.Submitted) -> None:
        self.bookmark_list.focus()

    def on_filter_input_cancelled(self) -> None:
        self._search = ""
        self.remove_class("-searching")
        self._load()
        self.bookmark_list.focus()

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
        if bm is None or self.open_conflict(bm):  # a note in conflict: its versions first
            return
        index = self.bookmark_list.cursor

        def done(result: NoteEditor.Result | None) -> None:
            if result is None:
                return
            note = "" if result.delete else result.text
            if self.app.save(self.library.set_note, bm.id, note):
                if bm.note.strip() and not note.strip():
                    self.undo_stack.push("the note", lambda: self.library.set_note(bm.id, bm.note))
                    self.notify(f"Note deleted \u2014 press {self.app.key_for('bookmarks.undo', 'U')} to undo.", timeout=6)
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
                self.undo_stack.push(f"the bookmark {self._where(bm)}", lambda: self.library.restore_bookmark(bm))
                self.notify(f"Bookmark deleted \u2014 press {self.app.key_for('bookmarks.undo', 'U')} to undo.", timeout=6)
            self._load(index)

        if bm.note.strip():
            question = "Delete this bookmark and its note?"
            self.app.push_screen(ConfirmDialog(question, "\u270e " + one_line(bm.note)[:300], yes="Delete"), lambda yes: yes and delete())
        else:
            delete()

    def _where(self, bm: Bookmark) -> str:
        """'\u00b63 of "Title"': the bookmark's paragraph (the one numbering) and its article, for the undo message."""
        try:
            article = self.library.get(bm.article_id)
        except ReaderError:
            article = None
        number = located_number(bm, article) if article is not None else None
        title = one_line(self.titles.get(bm.article_id)) or "(untitled)"
        return f"{label(number)} of \u201c{title[:60]}\u201d"

    def action_undo(self) -> None:
        undo_latest(self, self.undo_stack)
        self._load(self.bookmark_list.cursor)

    def action_close(self) -> None:
        self.dismiss(None)
