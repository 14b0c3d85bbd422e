"""Every binding of the reader, by place, for the help screen and the command palette."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "esc",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "space": "space",
}


def key_label(keys: str) -> str:
    return ", ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def sections() -> list[tuple[str, type]]:
    from reader.tui.app import ReaderApp
    from reader.tui.screens.bookmarks import BookmarksScreen
    from reader.tui.screens.main import MainScreen
    from reader.tui.screens.meta_editor import MetaEditor
    from reader.tui.screens.note_editor import NoteEditor
    from reader.tui.widgets.article_list import ArticleList
    from reader.tui.widgets.entity_panel import EntityPanel
    from reader.tui.widgets.reading_pane import ReadingPane

    return [
        ("Everywhere", ReaderApp),
        ("Main screen", MainScreen),
        ("Article list", ArticleList),
        ("Reading pane", ReadingPane),
        ("Entity panel", EntityPanel),
        ("Bookmarks screen", BookmarksScreen),
        ("Note editor", NoteEditor),
        ("Metadata editor", MetaEditor),
    ]


def bindings_of(cls: type) -> Iterator[Binding]:
    for b in cls.__dict__.get("BINDINGS", ()):
        if isinstance(b, Binding):
            yield b
        else:
            yield Binding(*b)


EXTRA = {
    "Everywhere": [("ctrl+p", "Command palette: every action, themes, styles"), ("tab", "Next panel")],
    "Entity panel": [("enter", "Highlight this entity's mentions"), ("up, down", "Move")],
    "Article list": [("after /", "Full-text search as you type (esc clears)")],
    "Reading pane": [("n, N after ctrl+f", "Next, previous match (3/17 shown)")],
    "Bookmarks screen": [("j, k, up, down", "Move"), ("g, G", "First, last")],
}


def help_rows() -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for title, cls in sections():
        rows = [(key_label(b.key), b.description or b.action) for b in bindings_of(cls)]
        rows += EXTRA.get(title, [])
        out.append((title, rows))
    from reader.search.query import SYNTAX

    out.append(("Search language (/, ctrl+f, reader search)", list(SYNTAX)))
    return out
