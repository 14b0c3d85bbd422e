"""Every binding of the reader, by place, for the help screen, the command palette and
`reader config keys`. Every binding has an id; the user's keymap (the [keys] table of the config file)
maps ids to other keys, and everything that shows a key shows the remapped one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

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
    "period": ".",
    "comma": ",",
    "semicolon": ";",
    "colon": ":",
    "minus": "-",
    "plus": "+",
    "equals_sign": "=",
    "exclamation_mark": "!",
    "number_sign": "#",
    "apostrophe": "'",
    "quotation_mark": '"',
    "asterisk": "*",
}


def effective_keys(binding: Binding, keymap: Mapping[str, str] | None = None) -> str:
    """The keys a binding answers to: the user's remapping of its id, else its own."""
    return (keymap or {}).get(binding.id or "", binding.key)


def key_label(keys: str) -> str:
    return ", ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def sections() -> list[tuple[str, type]]:
    from reader.tui.app import ReaderApp
    from reader.tui.screens.bookmarks import BookmarksScreen
    from reader.tui.screens.entities import EntitiesScreen
    from reader.tui.screens.main import MainScreen
    from reader.tui.screens.meta_editor import MetaEditor
    from reader.tui.screens.note_conflict import NoteConflictDialog
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
        ("Entities screen", EntitiesScreen),
        ("Note editor", NoteEditor),
        ("Note changed on two devices", NoteConflictDialog),
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
    "Entities screen": [("type", "Filter by name or alias")],
    "Article list": [("after /", "Full-text search as you type (esc clears)")],
    "Reading pane": [("n, N after ctrl+f", "Next, previous match (3/17 shown)")],
    "Bookmarks screen": [("j, k, up, down", "Move"), ("g, G", "First, last")],
    "Note changed on two devices": [("tab, enter, click", "Keep the version of the focused button")],
}


def all_bindings() -> list[tuple[str, Binding]]:
    """(place, binding) for every binding of the app, dialogs included (for `reader config keys`)."""
    from reader.tui.screens.citation_view import CitationView
    from reader.tui.screens.dialogs import ImportDialog, StyleChooser
    from reader.tui.screens.help import HelpScreen
    from reader.tui.widgets.bookmark_list import BookmarkList
    from reader.tui.widgets.filter_input import FilterInput

    places = [*sections(), ("Bookmarks screen", BookmarkList), ("Filter", FilterInput), ("Help", HelpScreen),
              ("Dialogs", ImportDialog), ("Dialogs", StyleChooser), ("Citation not copied", CitationView)]
    try:
        from reader.tui.screens.sources_dialogs import ConfirmDialog, SourcesPicker, TagDialog

        places += [("Confirm", ConfirmDialog), ("Dialogs", TagDialog), ("Dialogs", SourcesPicker)]
        from reader.tui.screens.entities import EntitiesScreen
        from reader.tui.screens.entity_dialogs import EntityDialog

        places += [("Entities screen", EntitiesScreen), ("Entity correction", EntityDialog)]
    except ImportError:  # pragma: no cover - a build without the sources screens
        pass
    return [(title, b) for title, cls in places for b in bindings_of(cls)]


def help_rows(keymap: Mapping[str, str] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for title, cls in sections():
        rows = [(key_label(effective_keys(b, keymap)), b.description or b.action) for b in bindings_of(cls)]
        if title == "Bookmarks screen":  # its list's moving keys, remapped like any other
            from reader.tui.widgets.bookmark_list import BookmarkList

            rows += [(key_label(effective_keys(b, keymap)), b.description or b.action) for b in bindings_of(BookmarkList)]
        rows += EXTRA.get(title, [])
        out.append((title, rows))
    from reader.search.query import SYNTAX

    out.append(("Search language (/, ctrl+f, reader search)", list(SYNTAX)))
    return out
