"""The main screen's citation actions: copy the article's citation (c) or the passage as a
quotation (C) in the chosen style, formatted in a worker thread (pandoc), copied by the
clipboard service, with a notification naming the route; and the style chooser (y)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from reader.errors import ReaderError
from reader.library import Library
from reader.models import Article
from reader.numbering import number_of
from reader.services import cite, clipboard, preferences
from reader.services.safe_text import clean

if TYPE_CHECKING:  # the widgets import nothing from here; the guard only keeps start-up imports lean
    from reader.tui.app import ReaderApp
    from reader.tui.widgets.reading_pane import Document, Passage, ReadingPane


class CiteActions:
    """Mixed into MainScreen (which supplies library, document, pane, app, notify, Failed)."""

    library: Library
    document: Document | None
    pane: ReadingPane
    app: ReaderApp

    @dataclass
    class Copied(Message):
        what: str
        style: str
        route: str
        ok: bool
        message: str
        text: str = ""

    @property
    def style(self) -> str:
        return self.app.guard(preferences.citation_style, self.library) or cite.DEFAULT_STYLE

    # -- the open article and passage, or a hint when there is none ---------------------------------
    def _document_or_hint(self) -> Document | None:
        """The open article's document, else None after telling the user to open one."""
        if self.document is None:
            self.notify("Open an article first (enter on the list).", severity="warning")
        return self.document

    def _passage_or_hint(self) -> Passage | None:
        """The passage under the cursor of the open article, else None after the same hint."""
        passage = self.pane.passage() if self.document is not None else None
        if passage is None:
            self.notify("Open an article first (enter on the list).", severity="warning")
        return passage

    # -- citations ------------------------------------------------------------------------------
    def action_copy_citation(self) -> None:
        if self._document_or_hint() is None:
            return
        self._copy(self.document.article, self.style, None)

    def action_copy_quotation(self) -> None:
        passage = self._passage_or_hint()
        if passage is None:
            return
        article = self.document.article
        self._copy(article, self.style, clean(passage.text), number_of(article, passage.paragraph))

    @work(thread=True, exclusive=True, group="copy")
    def _copy(self, article: Article, style: str, passage: str | None, paragraph: int | None = None) -> None:
        try:
            if passage is None:
                text = cite.format_reference(article, style)
            else:
                text = cite.format_quotation(article, style, passage, paragraph=paragraph)  # cites "para. N"
        except ReaderError as exc:
            self.post_message(self.Failed(str(exc)))
            return
        text = clean(text)
        result = clipboard.copy_text(text, osc52=lambda t: self.app.call_from_thread(self.app.copy_to_clipboard, t))
        what = "citation" if passage is None else "quotation"
        self.post_message(self.Copied(what, style, result.route, result.ok, result.message, text))

    def on_cite_actions_copied(self, event: CiteActions.Copied) -> None:
        if event.ok:
            self.notify(f"Copied the {event.style.upper()} {event.what}: {event.message} (route: {event.route}).", timeout=4)
        else:  # not copied: show it, so the user still has it
            from reader.tui.screens.citation_view import CitationView

            self.notify(f"Could not copy the {event.what}: {event.message}.", severity="warning", timeout=8)
            self.app.push_screen(CitationView(f"The {event.style.upper()} {event.what}", event.text, event.message))

    def action_choose_style(self) -> None:
        from reader.tui.screens.dialogs import StyleChooser

        self.app.push_screen(StyleChooser(self.style), self.set_style)

    def set_style(self, style: str | None) -> None:
        if style is None or style not in cite.STYLES:
            return
        if not self.app.save(preferences.set_citation_style, self.library, style):
            return
        self.notify(f"Citation style: {style}.", timeout=3)

