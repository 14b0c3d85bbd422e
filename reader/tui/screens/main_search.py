"""The main screen's search: `/` searches the full text as you type (ranked, a snippet under each
title), and ctrl+f finds a query inside the open article (every match marked, n/N step, "3/17").

Searching runs in a thread worker after a short pause in typing; each answer carries the number of
the keystroke it answers, and answers to older keystrokes are dropped. The query language is
reader.search's, shared with `reader search`.
"""

from __future__ import annotations

import time
from typing import Any

from textual import work
from textual.content import Content
from textual.timer import Timer

from reader.errors import ReaderError
from reader.search import Query, QueryError, parse
from reader.search.query import as_you_type
from reader.services.search import filter_summaries, sort_summaries
from reader.services.snippets import snippet
from reader.tui.textkit import one_line

#: Seconds of quiet typing before a search starts (keeps keystrokes cheap, answers within 100 ms).
DEBOUNCE = 0.025
#: Ranked results shown in the list; snippets computed in the worker for the first few.
LIMIT = 2000
SNIPPETS_FIRST = 24


class SearchMode:
    """Mixed into MainScreen (which supplies library, listing, article_list, pane, the filters, app, notify)."""

    library: Any
    pane: Any
    article_list: Any
    _search_seq: int = 0
    _search_timer: Timer | None = None
    _search_answer: Any = None  # the SearchResults shown, or None
    _search_error: str | None = None
    _find_query: Query | None = None
    search_shown: int = 0
    search_delay: float = 0.0
    _typed_at: float = 0.0

    # -- the list: full-text search ------------------------------------------------------------
    def prepare_search(self) -> None:
        """At start: a missing, stale or older index is rebuilt in a background thread, and said so."""
        keeper = self.library.search_index
        try:
            state = keeper.ensure(background=True)
        except (ReaderError, OSError) as exc:
            self.notify(f"The search index cannot be built ({exc}); searching metadata only.", severity="warning")
            return
        if state == "unavailable":
            from reader.search.keeper import UNAVAILABLE

            self.notify(UNAVAILABLE, severity="warning", timeout=8)
        elif state != "current":
            self.notify("Building the search index in the background; search answers from what is indexed so far.", timeout=5)

    def searching(self) -> bool:
        return bool(self.filter_text.strip())

    def _search_changed(self) -> None:
        """The filter text changed: search after a short pause (or leave search mode)."""
        self._search_seq += 1
        self._typed_at = time.perf_counter()
        if self._search_timer is not None:
            self._search_timer.stop()
        if not self.searching():
            self._search_answer, self._search_error = None, None
            self.article_list.show_snippets(None)
            return
        seq, text = self._search_seq, self.filter_text
        self._search_timer = self.set_timer(DEBOUNCE, lambda: self._run_search(seq, text))

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, seq: int, text: str) -> None:
        if seq != self._search_seq:
            return
        try:
            results = self.library.search(as_you_type(text), limit=LIMIT)
        except QueryError as exc:
            self.app.call_from_thread(self._search_done, seq, None, str(exc))
            return
        except (ReaderError, OSError) as exc:
            self.app.call_from_thread(self._search_done, seq, None, f"Search failed: {exc}")
            return
        # The ranked titles first; then the snippets of the rows on screen (the list keeps the
        # previous snippets of articles still listed until then).
        self.app.call_from_thread(self._search_done, seq, results, None)
        first = {}
        try:
            for h in results.hits[:SNIPPETS_FIRST]:
                if seq != self._search_seq:
                    return
                first[h.id] = snippet(self.library.get(h.id), results.query)
        except (ReaderError, OSError):
            pass
        self.app.call_from_thread(self._snippets_done, seq, first)

    def _search_done(self, seq: int, results: Any, error: str | None) -> None:
        if seq != self._search_seq:
            return  # an answer to an older keystroke
        self._search_error = one_line(error) if error else None  # it quotes the query: never raw
        if results is not None:
            self._search_answer = results
            self.article_list.show_snippets(self.article_list.snippets_shown(), None)
        self._refilter()
        self.search_shown = seq  # (the benchmark waits on these two)
        self.search_delay = time.perf_counter() - self._typed_at

    def _snippets_done(self, seq: int, snippets: dict) -> None:
        if seq == self._search_seq:
            self.article_list.show_snippets(snippets, self._snippet_of)

    def _snippet_of(self, article_id: str) -> Any:
        answer = self._search_answer
        if answer is None:
            return None
        try:
            return snippet(self.library.get(article_id), answer.query)
        except (ReaderError, OSError):
            return None

    def search_rows(self, sort_key: str, **filters: Any) -> tuple[list[Any], list[str]]:
        """The rows of the current search (best first, or by date/title if that sort is chosen) with the
        list's toggles applied, and the list's subtitle flags."""
        answer = self._search_answer
        by = sort_key if sort_key in ("date", "title") else "relevance"
        flags = [f"by {by}"]
        if self._search_error:
            flags = [self._search_error]
        elif answer is None:
            flags = ["searching\u2026"]
        else:
            if answer.total > len(answer.hits):
                flags.append(f"best {len(answer.hits):,} of {answer.total:,}")
            if answer.notice:
                flags.append(answer.notice)
        rows = [h.summary for h in answer.hits] if answer is not None else []
        rows = filter_summaries(rows, **filters)
        return (sort_summaries(rows, by) if by != "relevance" else rows), flags

    # -- in the article: find ---------------------------------------------------------------------
    def action_find(self) -> None:
        from reader.tui.screens.find_dialog import FindDialog

        if self._document_or_hint() is None:
            return
        start = self._find_query.text if self._find_query else self.filter_text.strip()

        def done(text: str | None) -> None:
            if text is None:
                return
            if not text.strip():
                self.clear_find()
                return
            try:
                self.apply_find(parse(text))
            except QueryError as exc:
                self.notify(str(exc), severity="warning", timeout=6)
                return
            self.step_find(1)
            self.pane.focus()

        self.app.push_screen(FindDialog(start), done)

    def apply_find(self, query: Query | None) -> int:
        self._find_query = query
        n = self.pane.set_find(query.highlight_terms() if query else None)
        self._show_find()
        return n

    def clear_find(self) -> None:
        self.apply_find(None)

    def step_find(self, step: int) -> bool:
        """n/N while a find is active: go to the next/previous match. False when no find is active."""
        if self._find_query is None:
            return False
        if not self.pane.find_count:
            self.notify(f"No match for {self._find_query.text!r} in this article.", severity="warning", timeout=3)
            return True
        self.pane.step_find(step)
        self._show_find()
        return True

    def _show_find(self) -> None:
        q = self._find_query
        if q is None:
            self.pane.border_subtitle = ""
            return
        i, n = self.pane.find_position, self.pane.find_count
        where = f"{i + 1}/{n}" if i >= 0 else f"{n} match{'es' * (n != 1)}"
        text = one_line(q.text)
        self.pane.border_subtitle = Content(f"find: {text}  {where}" if n else f"find: {text}  no match")
