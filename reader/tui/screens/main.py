"""The main screen: list, reading pane and entity panel; owns the bindings and message routing.

State lives in this screen's reactives and is pushed down to the widgets with data_bind;
widgets report back with messages. Store writes go through App.guard, so a store that
cannot be written gives a notification, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Static

from reader.errors import ReaderError
from reader.library import ImportReport, Library, Summary
from reader.models import Bookmark, Entity
from reader.numbering import describe, numbered_count
from reader.services.anchor import anchor_of
from reader.services.list_query import EntityFilter, ListQuery
from reader.tui.listing import Listing
from reader.tui.screens.main_cite import CiteActions
from reader.tui.screens.main_entities import EntityActions
from reader.tui.screens.main_search import SearchMode
from reader.tui.screens.main_conflicts import NoteConflictActions, choose_note_version
from reader.tui.screens.main_sources import SourcesActions
from reader.tui.textkit import one_line
from reader.tui.key_routing import focus_now
from reader.tui.undo import UndoStack, undo_latest
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.entity_panel import EntityPanel
from reader.tui.widgets.filter_input import FilterInput
from reader.tui.widgets.reading_pane import Document, ReadingPane
from reader.wording import count, counted

POSITION_DELAY = 0.4


class MainScreen(EntityActions, CiteActions, SearchMode, SourcesActions, NoteConflictActions, Screen[None]):
    # Not the hidden search box (Textual's default, the first focusable widget): keys typed while the app
    # starts went into the search box instead of the list.
    AUTO_FOCUS = "#articles"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Help", id="help"),  # first, so narrow footers still show it
        Binding("slash", "filter", "Search", id="filter"),
        Binding("ctrl+f", "find", "Find in article", show=False, id="find"),
        Binding("s", "sort", "Sort", id="sort"),
        Binding("u", "unread_only", "Unread only", show=False, id="unread-only"),
        Binding("o", "bookmarked_only", "Bookmarked only", show=False, id="bookmarked-only"),
        Binding("m", "toggle_read", "Read/unread", show=False, id="toggle-read"),
        Binding("b", "bookmark", "Bookmark", id="bookmark"),
        Binding("a", "note", "Note", id="note"),
        Binding("c", "copy_citation", "Cite", id="cite"),
        Binding("C", "copy_quotation", "Quote", id="quote"),
        Binding("y", "choose_style", "Citation style", show=False, id="citation-style"),
        Binding("h", "toggle_mentions", "Highlight entities", show=False, id="highlight-entities"),
        Binding("n", "mention(1)", "Next mention or find match", show=False, id="next-mention"),
        Binding("N", "mention(-1)", "Previous mention or find match", show=False, id="previous-mention"),
        Binding("f", "filter_entity", "Articles with entity", show=False, id="articles-with-entity"),
        Binding("F", "clear_entity_filter", "Clear entity filter", show=False, id="clear-entity-filter"),
        Binding("E", "entities", "All entities", show=False, id="main.entities"),
        Binding("plus", "add_entity", "Add a missed entity (from the selection)", show=False, id="main.add_entity"),
        Binding("B", "bookmarks", "Bookmarks", id="bookmarks"),
        Binding("U,ctrl+z", "undo", "Undo", show=False, id="undo"),
        Binding("e", "edit_meta", "Correct metadata", show=False, id="edit-metadata"),
        Binding("i", "import", "Import", show=False, id="import"),
        Binding("r", "refresh", "Refresh feeds", show=False, id="refresh-feeds"),
        Binding("S", "sources", "Sources (feeds, tags)", show=False, id="sources"),
        Binding("t", "tag", "Tags", show=False, id="tags"),
        Binding("d", "delete", "Delete article", show=False, id="delete-article"),
        Binding("z", "undo_delete", "Undo delete", show=False, id="undo-delete"),
        Binding("left_square_bracket", "toggle_list", "Toggle list", show=False, id="toggle-list"),
        Binding("right_square_bracket", "toggle_entities", "Toggle entities", show=False, id="toggle-entities"),
    ]

    rows: reactive[list[Summary]] = reactive(list, always_update=True)
    read_ids: reactive[frozenset[str]] = reactive(frozenset, always_update=True)
    bookmarked_ids: reactive[frozenset[str]] = reactive(frozenset, always_update=True)
    document: reactive[Document | None] = reactive(None, always_update=True)
    article_bookmarks: reactive[list[Bookmark]] = reactive(list, always_update=True)
    entity: reactive[Entity | None] = reactive(None, always_update=True)
    show_mentions: reactive[bool] = reactive(False)
    # What the list shows, one immutable value (a key replaces it); computed once in on_mount,
    # then watch_list_query reacts to changes.
    list_query: reactive[ListQuery] = reactive(ListQuery, init=False)

    @dataclass
    class Failed(Message):
        message: str

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.listing = Listing()
        self._mention_index = -1
        self._pending_position: tuple[str, int] | None = None
        self._position_timer: Timer | None = None
        #: The user's deletions (bookmarks, notes, articles) that `U` puts back while the app runs.
        self.undo_stack = UndoStack()

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield FilterInput(placeholder="Filter\u2026", id="filter")
                self.article_list = ArticleList(id="articles").data_bind(
                    MainScreen.rows, MainScreen.read_ids, MainScreen.bookmarked_ids
                )
                yield self.article_list
            self.pane = ReadingPane(id="reading").data_bind(
                MainScreen.document,
                bookmarks=MainScreen.article_bookmarks,
                entity=MainScreen.entity,
                show_mentions=MainScreen.show_mentions,
            )
            yield self.pane
            self.entity_panel = EntityPanel(id="entities").data_bind(MainScreen.document)
            yield self.entity_panel
        status = Static("", id="refresh-status")
        status.display = False
        yield status
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.app.guard(self.library.check_store)  # damage anywhere in the store is reported at once
        self.entity_panel.border_title = "Entities"
        self.pane.border_title = "Reading"
        self.read_ids = frozenset(self.app.guard(self.library.read_ids) or ())
        self.bookmarked_ids = frozenset(self.app.guard(self.library.bookmarked_ids) or ())
        self.listing.load(self._source_rows())
        last = self._restore_session()
        self._refilter()
        focus_now(self.article_list)
        self.prepare_search()
        if self.searching():
            self._search_changed()  # the search the last run left in the box, run again
        if last and self.open_article(last):
            self.article_list.select_id(last)
            focus_now(self.pane)
            self._mark_restored_search = self.searching()  # once the search answers, its words are marked again

    def _search_done(self, seq: int, results: Any, error: str | None) -> None:
        super()._search_done(seq, results, error)
        if getattr(self, "_mark_restored_search", False) and results is not None and seq == self._search_seq:
            self._mark_restored_search = False
            if self.document is not None and self._find_query is None and results.query.highlight_terms():
                self.apply_find(results.query)

    # -- where the reader was, between runs (reader/tui/session.py) -------------------------------
    def _restore_session(self) -> str | None:
        """The list's sort and filters as the last run left them; returns the article that was open."""
        from reader.tui.session import load_session

        session = self.app.guard(load_session, self.library)
        if session is None:
            return None
        entity = None
        if session.entity_name and session.entity_aliases:
            ids = {i for alias in session.entity_aliases for i in self.app.guard(self.library.articles_mentioning, alias) or ()}
            entity = EntityFilter(session.entity_name, frozenset(ids), session.entity_aliases)
        query = ListQuery(text=session.filter_text, sort=session.sort, unread_only=session.unread_only,
                          bookmarked_only=session.bookmarked_only, entity=entity)
        self.set_reactive(MainScreen.list_query, query)  # on_mount refilters (and searches) once
        if session.filter_text:
            self.query_one(FilterInput).value = session.filter_text
            self.add_class("-filtering")
        return session.article_id

    def _save_session(self) -> None:
        from reader.tui.session import Session, save_session

        q, ef = self.list_query, self.list_query.entity
        session = Session(self.article_id, q.sort, q.text, q.unread_only, q.bookmarked_only,
                          ef.name if ef else None, ef.aliases if ef else ())
        try:
            save_session(self.library, session)
        except (ReaderError, OSError):
            pass  # a store that cannot be written says so on the writes that matter, not on every article opened

    # -- the list ---------------------------------------------------------------------------
    def _refilter(self) -> None:
        q = self.list_query
        listed = q.changed(text="")  # the typed text is a full-text search (main_search.py), not a filter
        flags = listed.flags()
        if self.searching():  # ranked rows with the toggles applied
            self.rows, search_flags = self.search_rows(
                q.sort, unread_only=q.unread_only, bookmarked_only=q.bookmarked_only, read_ids=self.read_ids,
                bookmarked_ids=self.bookmarked_ids, ids=set(q.entity.ids) if q.entity else None,
            )
            flags = search_flags + flags[1:]
        else:
            self.rows = self.listing.run(listed, self.read_ids, self.bookmarked_ids)
        pane = self.query_one("#list-pane")
        pane.border_title = f"Articles {len(self.rows):,}/{len(self.listing):,}"
        if self.source_flag():
            flags.append(self.source_flag())
        pane.border_subtitle = Content(" \u00b7 ".join(flags))  # holds an entity name: never markup
        key = self.app.key_for
        self.pane.set_hint(
            f"No articles yet: {key('import', 'i')} imports files; {key('help', '?')} lists keys." if not len(self.listing)
            else f"{key('list.open', 'enter')} opens an article; {key('help', '?')} lists every key."
        )

    @property
    def filter_text(self) -> str:
        """The search box's text (SearchMode reads it)."""
        return self.list_query.text

    @filter_text.setter
    def filter_text(self, text: str) -> None:
        self.list_query = self.list_query.changed(text=text)

    def watch_list_query(self, old: ListQuery, new: ListQuery) -> None:
        if old.text != new.text:
            self._search_changed()
        self._refilter()
        if old.changed(text=new.text) != new:
            self._save_session()  # the sort and filters are kept for the next run (the typed text at exit)

    @on(FilterInput.Changed)
    def _filter_changed(self, event: FilterInput.Changed) -> None:
        self.list_query = self.list_query.changed(text=event.value)

    @on(FilterInput.Submitted)
    def _filter_submitted(self) -> None:
        self.article_list.focus()

    @on(FilterInput.Cancelled)
    def _filter_cancelled(self) -> None:
        self.list_query = self.list_query.changed(text="")
        self.remove_class("-filtering")
        self.article_list.focus()

    def action_filter(self) -> None:
        self.add_class("-filtering")
        focus_now(self.query_one(FilterInput))  # at once: the keys typed right after / are the search's

    def action_sort(self) -> None:
        self.list_query = self.list_query.next_sort()
        self.notify(f"Sorted by {self.list_query.sort}.", timeout=2)

    def action_unread_only(self) -> None:
        self.list_query = self.list_query.changed(unread_only=not self.list_query.unread_only)

    def action_bookmarked_only(self) -> None:
        self.list_query = self.list_query.changed(bookmarked_only=not self.list_query.bookmarked_only)

    # -- opening an article -------------------------------------------------------------------
    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.article_id)
        self.pane.focus()

    def open_article(self, article_id: str, *, position: int | None = None) -> bool:
        self._flush_position()
        article = self.app.guard(self.library.get, article_id)
        if article is None:
            return False
        if position is None:
            position = self.app.guard(self.library.position, article_id) or 0
        self.entity = None
        self._mention_index = -1
        self.set_reactive(MainScreen.article_bookmarks, self.app.guard(self.library.bookmarks, article_id) or [])
        self.pane.set_reactive(ReadingPane.bookmarks, self.article_bookmarks)
        self._load_note_conflicts(reindex=False)  # the new document indexes them
        self.document = Document(article, position)
        self.pane.border_title = Content(one_line(article.title) or "(untitled)")  # never markup
        answer = self._search_answer if self.searching() else None
        words = answer is not None and answer.query.highlight_terms()
        self.apply_find(answer.query if words else None)  # the list's search, marked in the text
        self._save_session()
        return True

    def _show_find(self) -> None:
        """The pane's subtitle: the find's matches while a find is active, else the paragraph number."""
        if self._find_query is None:
            self._show_paragraph_number(self.pane.cursor)
        else:
            super()._show_find()

    def _show_paragraph_number(self, index: int) -> None:
        """The cursor's paragraph number (the one citations and `reader show` use) under the pane."""
        article = self.document.article if self.document else None
        if article is None or not article.paragraphs:
            self.pane.border_subtitle = ""
            return
        where = describe(article, index)
        self.pane.border_subtitle = f"{where} of {numbered_count(article)}" if where.startswith("paragraph") else where

    @property
    def article_id(self) -> str | None:
        return self.document.article.id if self.document else None

    def _reload_bookmarks(self) -> None:
        if self.article_id:
            self.article_bookmarks = self.app.guard(self.library.bookmarks, self.article_id) or []
        self._load_note_conflicts(reindex=True)
        self.bookmarked_ids = frozenset(self.app.guard(self.library.bookmarked_ids) or ())
        if self.list_query.needs_bookmarks:
            self._refilter()

    # -- reading position and read state --------------------------------------------------------
    @on(ReadingPane.CursorMoved)
    def _cursor_moved(self, event: ReadingPane.CursorMoved) -> None:
        self._pending_position = (event.article_id, event.paragraph)
        if self._find_query is None:  # a find's "3/17" stays until the find is cleared
            self._show_paragraph_number(event.paragraph)
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self._flush_position)

    def _flush_position(self) -> None:
        pending, self._pending_position = self._pending_position, None
        if pending is not None:
            self.app.guard(self.library.set_position, *pending)

    def on_unmount(self) -> None:
        self._flush_position()
        self._save_session()

    @on(ReadingPane.EndReached)
    def _end_reached(self, event: ReadingPane.EndReached) -> None:
        if event.article_id not in self.read_ids:
            self._set_read(event.article_id, True)

    def _set_read(self, article_id: str, read: bool) -> None:
        if not self.app.save(self.library.set_read, article_id, read):
            return
        ids = set(self.read_ids)
        (ids.add if read else ids.discard)(article_id)
        self.read_ids = frozenset(ids)
        if self.list_query.needs_read_state:
            self._refilter()

    def action_toggle_read(self) -> None:
        target = self.article_id
        if self.article_list.has_focus or target is None:
            current = self.article_list.current
            target = current.id if current else None
        if target is None:
            return
        read = target not in self.read_ids
        self._set_read(target, read)
        if (target in self.read_ids) == read:
            self.notify("Marked as read." if read else "Marked as unread.", timeout=2)

    # -- bookmarks and notes ---------------------------------------------------------------------
    def action_bookmark(self) -> None:
        from reader.tui.screens.confirm import ConfirmDialog

        passage = self._passage_or_hint()
        if passage is None:
            return
        existing = self.pane.bookmark_at_cursor()
        if existing is None:
            if self._add_bookmark(passage) is not None:
                self.notify(f"Bookmarked {describe(self.document.article, passage.paragraph)}.", timeout=3)
            self._reload_bookmarks()
        elif existing.note.strip():
            question = f"Remove the bookmark on {describe(self.document.article, passage.paragraph)} and its note?"

            def answered(yes: bool | None) -> None:
                if yes:
                    self.remove_bookmark(existing, passage.paragraph)

            self.app.push_screen(ConfirmDialog(question, "\u270e " + one_line(existing.note)[:300]), answered)
        else:
            self.remove_bookmark(existing, passage.paragraph)

    def remove_bookmark(self, bookmark: Bookmark, paragraph: int) -> None:
        """Remove a bookmark (and its note); U puts it back."""
        if not self.app.save(self.library.remove_bookmark, bookmark.id):
            return
        where = describe(self.document.article, paragraph) if self.document else f"paragraph {paragraph + 1}"
        self.undo_stack.push(f"the bookmark on {where}", lambda: self.library.restore_bookmark(bookmark))
        self.notify(f"Bookmark removed ({where}) \u2014 press {self.app.key_for('undo', 'U')} to undo.", timeout=6)
        self._reload_bookmarks()

    def action_undo(self) -> None:
        undo_latest(self, self.undo_stack)
        self._reload_bookmarks()

    def _add_bookmark(self, passage, note: str = "") -> Bookmark | None:
        article = self.document.article
        anchor = anchor_of(article.paragraphs, passage.paragraph, passage.start, passage.end)
        return self.app.guard(self.library.add_bookmark, article.id, anchor, note)

    def action_note(self) -> None:
        from reader.tui.screens.note_editor import NoteEditor

        passage = self._passage_or_hint()
        if passage is None:
            return
        existing = self.pane.bookmark_at_cursor()
        if existing is not None and choose_note_version(self, self.library, existing, self._reload_bookmarks):
            return  # a note edited on two devices: its versions first

        def done(result: NoteEditor.Result | None) -> None:
            if result is None:
                return
            if existing is None:
                if result.delete or not result.text.strip():
                    return
                if self._add_bookmark(passage, result.text) is not None:
                    self.notify("Bookmarked with a note.", timeout=3)
            elif result.delete or (existing.note.strip() and not result.text.strip()):
                if self.app.guard(self.library.set_note, existing.id, "") is not None:
                    self.undo_stack.push("the note", lambda: self.library.set_note(existing.id, existing.note))
                    self.notify(f"Note deleted \u2014 press {self.app.key_for('undo', 'U')} to undo.", timeout=6)
            elif self.app.guard(self.library.set_note, existing.id, result.text) is not None:
                self.notify("Note saved.", timeout=3)
            self._reload_bookmarks()

        quote = existing.quote if existing else passage.text
        self.app.push_screen(NoteEditor(quote, existing.note if existing else ""), done)

    def action_bookmarks(self) -> None:
        from reader.tui.screens.bookmarks import BookmarksScreen

        def done(result: Bookmark | None) -> None:
            self._reload_bookmarks()
            if result is not None and self.open_article(result.article_id, position=result.paragraph):
                self.article_list.select_id(result.article_id)
                self.pane.jump_to(result.paragraph, result.start, result.end)
                self.pane.focus()

        self.app.push_screen(BookmarksScreen(self.library, self.listing.titles(), self.undo_stack), done)

    # -- entities ---------------------------------------------------------------------------------
    @on(EntityPanel.Chosen)
    def _entity_chosen(self, event: EntityPanel.Chosen) -> None:
        self.entity = event.entity
        self._mention_index = -1
        if event.entity is not None:
            n = len(event.entity.mentions)
            key = self.app.key_for
            self.notify(
                f"{one_line(event.entity.name)}: {count(n, 'mention')}; {key('next-mention', 'n')}/"
                f"{key('previous-mention', 'N')} to jump, {key('articles-with-entity', 'f')} for articles, "
                f"{key('entity_panel.rename', 'r')}/{key('entity_panel.type', 't')}/{key('entity_panel.hide', 'x')}/"
                f"{key('entity_panel.merge', 'M')} to correct.",
                timeout=3,
            )

    def action_toggle_mentions(self) -> None:
        self.show_mentions = not self.show_mentions

    def action_mention(self, step: int) -> None:
        if self.step_find(step):  # a find in the article is active: n/N step through its matches
            return
        ent = self.entity
        if ent is None or not ent.mentions:
            self.notify("Choose an entity in the entity panel first (enter).", severity="warning")
            return
        mentions = sorted(ent.mentions)
        if self._mention_index < 0:
            here = self.pane.cursor
            after = [i for i, m in enumerate(mentions) if m[0] >= here]
            self._mention_index = (after[0] if after else 0) if step > 0 else (
                [i for i, m in enumerate(mentions) if m[0] <= here] or [len(mentions) - 1])[-1]
        else:
            self._mention_index = (self._mention_index + step) % len(mentions)
        p, s, e = mentions[self._mention_index]
        if p < 0:
            self.pane.jump_to(0)
            self.pane.scroll_home(animate=False, immediate=True)
        else:
            self.pane.jump_to(p, s, e)
        self.notify(f"Mention {self._mention_index + 1} of {len(mentions)}.", timeout=2)

    def action_filter_entity(self) -> None:
        ent = self.entity
        if ent is None:
            highlighted = self.entity_panel.highlighted
            option = self.entity_panel.highlighted_option
            if highlighted is not None and option is not None and option.id is not None:
                ent = self.entity_panel.entities[int(option.id)]
        if ent is None:
            self.notify("Choose an entity in the entity panel first (enter).", severity="warning")
            return
        ids: set[str] = set()
        for alias in {ent.name, *ent.aliases}:
            ids.update(self.library.articles_mentioning(alias))
        self.list_query = self.list_query.changed(
            entity=EntityFilter(one_line(ent.name), frozenset(ids), tuple(sorted({ent.name, *ent.aliases}))))
        self.notify(f"{counted(len(ids), 'article', 'mentions')} {one_line(ent.name)}; "
                    f"{self.app.key_for('clear-entity-filter', 'F')} clears.", timeout=3)

    def action_clear_entity_filter(self) -> None:
        self.list_query = self.list_query.changed(entity=None)

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self.notify(event.message, severity="error", timeout=8)

    def action_edit_meta(self) -> None:
        from reader.tui.screens.meta_editor import MetaEditor

        if self._document_or_hint() is None:
            return
        article = self.document.article

        def done(fields: dict | None) -> None:
            if not fields or not self.app.save(self.library.set_meta, article.id, fields):
                return
            self.listing.load(self._source_rows())
            self.article_list.forget_labels()
            self._refilter()
            self.open_article(article.id, position=self.pane.cursor)
            self.notify(f"Corrected {', '.join(fields)}; citations use the corrections.", timeout=4)

        self.app.push_screen(MetaEditor(article), done)

    # -- panels and import --------------------------------------------------------------------------
    def action_toggle_list(self) -> None:
        if self.has_class("-narrow") and self.entity_panel.display:
            # one side panel at a time on a narrow screen: the list comes back in place of the entities
            self.set_class(True, "-hide-entities")
            self.set_class(False, "-show-entities", "-hide-list")
            return
        self.toggle_class("-hide-list")

    def action_toggle_entities(self) -> None:
        shown = self.entity_panel.display
        self.set_class(shown, "-hide-entities")
        self.set_class(not shown, "-show-entities")

    def action_import(self) -> None:
        from reader.tui.screens.dialogs import ImportDialog

        self.app.push_screen(ImportDialog(), self._import)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, path: str | None) -> None:
        if not path:
            return
        try:
            report = self.library.import_paths([path])
        except (ReaderError, OSError) as exc:
            self.post_message(self.Failed(f"Import failed: {exc}"))
            return
        self.app.call_from_thread(self._imported, path, report)

    def _imported(self, path: str, report: ImportReport) -> None:
        from reader.tui.import_summary import import_summary

        self.listing.load(self._source_rows())
        self._refilter()
        message, severity = import_summary(path, report)
        self.notify(message, severity=severity, timeout=10 if severity != "information" else 5)
