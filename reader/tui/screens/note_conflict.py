"""A note edited on two devices without seeing each other (reader.sync): the dialog that shows every
version (device, time, text) and lets the user keep one or write a merged note, and the flow around it
that the bookmarks screen and the main screen share (`choose_note_version`).

Keeping a version and saving a merged note call the same core functions as `reader note ID --keep
VERSION` and `reader note ID TEXT` (Library.set_note_version / set_merged_note); the versions shown are
the ones resolved, so a version that arrives from another device while the dialog is open stays in
conflict rather than being hidden unseen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Static

from reader.models import Bookmark
from reader.tui.textkit import one_line, safe
from reader.wording import count

if TYPE_CHECKING:
    from reader.library import Library
    from reader.sync.store import NoteHead

#: How many versions have a number key (1, 2, 3); more are kept with their buttons.
NUMBER_KEYS = 3


def when_label(when: str) -> str:
    """'2026-12-01T10:32:05+00:00' -> '2026-12-01 10:32 UTC' (the store's stamps are UTC)."""
    when = one_line(when)
    if len(when) >= 16 and when[10] == "T":
        return f"{when[:10]} {when[11:16]} UTC"
    return when or "(time unknown)"


def version_header(n: int, head: NoteHead, newest: bool) -> Text:
    label = Text(f"{n}  ", style="bold", end="")
    label.append(one_line(head.device) or "(unknown device)", style="bold")
    label.append(f"  {when_label(head.when)}  version {one_line(head.version)[:8]}")
    if newest:
        label.append("  (shown now)")
    return label


class NoteConflictDialog(ModalScreen["NoteConflictDialog.Result | None"]):
    """Every version of a note in conflict; returns which to keep, or that the user will merge them."""

    AUTO_FOCUS = "#keep-0"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(i + 1), f"keep({i})", f"Keep version {i + 1}", id=f"conflict.keep-{i + 1}")
          for i in range(NUMBER_KEYS)),
        Binding("m", "merge", "Write a merged note", id="conflict.merge"),
        Binding("escape", "cancel", "Cancel (choose later)", id="conflict.cancel"),
    ]

    @dataclass
    class Result:
        #: the index of the version to keep, or None to write a merged note
        keep: int | None = None

    def __init__(self, quote: str, heads: list[NoteHead]) -> None:
        super().__init__()
        self.quote = quote
        self.heads = list(heads)

    def compose(self) -> ComposeResult:
        key = self.app.key_for
        with Vertical(id="conflict-dialog", classes="dialog"):
            yield Label(Text(f"This note was changed on {count(len(self.heads), 'device')} without either seeing "
                             "the other"), classes="dialog-title")
            yield Static(safe("\u201c" + _snippet(self.quote) + "\u201d"), id="conflict-quote")
            with VerticalScroll(id="conflict-versions"):
                for i, head in enumerate(self.heads):
                    with Vertical(classes="conflict-version"):
                        yield Static(version_header(i + 1, head, i == len(self.heads) - 1), classes="conflict-head")
                        text = head.text.strip()
                        body = safe(text) if text else Text("(the note was deleted on this device)", style="italic")
                        yield Static(body, classes="conflict-text")
                        hint = f" ({key(f'conflict.keep-{i + 1}', str(i + 1))})" if i < NUMBER_KEYS else ""
                        yield Button(f"Keep version {i + 1}{hint}", id=f"keep-{i}", compact=True,
                                     classes="conflict-keep")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"Write a merged note ({key('conflict.merge', 'm')})", id="merge", compact=True,
                             variant="primary")
                yield Button(f"Cancel ({key('conflict.cancel', 'esc')})", id="cancel", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = event.button.id or ""
        if name.startswith("keep-"):
            self.action_keep(int(name[5:]))
        elif name == "merge":
            self.action_merge()
        else:
            self.action_cancel()

    def action_keep(self, index: int) -> None:
        if 0 <= index < len(self.heads):
            self.dismiss(self.Result(keep=index))

    def action_merge(self) -> None:
        self.dismiss(self.Result(keep=None))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _snippet(text: str, limit: int = 160) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def conflict_counts(app: Any, library: Library) -> dict[str, int]:
    """Bookmark id -> how many versions its note has, for every note in conflict (guarded)."""
    found = app.guard(library.note_conflicts) or {}
    return {bid: len(heads) for bid, heads in found.items()}


#: How often the running app looks for conflicts a sync tool brought in meanwhile (seconds).
WATCH_SECONDS = 30.0


class ConflictWatch:
    """Says so when notes in conflict appear while the app runs (a sync tool delivered another
    device's edit): once at start, then again only when there are more than last said."""

    def __init__(self, app: Any, library: Library) -> None:
        self.app, self.library, self.said = app, library, 0

    def check(self) -> int:
        n = len(conflict_counts(self.app, self.library))
        if n > self.said:
            announce_conflicts(self.app, self.library, n)
        self.said = n
        return n


def announce_conflicts(app: Any, library: Library, n: int | None = None) -> int:
    """A notification when notes wait for the user's choice; returns how many."""
    n = len(conflict_counts(app, library)) if n is None else n
    if n:
        app.notify(f"{count(n, 'note')} changed on different devices without seeing each other: press "
                   f"{app.key_for('bookmarks', 'B')} for Bookmarks, then {app.key_for('bookmarks.note-conflict', 'v')} "
                   "to choose.", title="Sync", severity="warning", timeout=15)
    return n


def choose_note_version(screen: Screen[Any], library: Library, bm: Bookmark, after: Callable[[], None],
                        undo_id: str = "undo") -> bool:
    """Open the conflict dialog for this bookmark's note; keep a version or write a merged note, then
    call `after` (to reload what the screen shows). False when the note is not in conflict.

    The choice goes on the screen's undo stack (reader.tui.undo, when it has one) like a deletion: the
    undo key (binding `undo_id`) brings every version back, in conflict as before."""
    from reader.sync.note_choice import merged_draft
    from reader.tui.screens.note_editor import NoteEditor

    app = screen.app
    heads = app.guard(library.note_conflict, bm.id) or []
    if not heads:
        return False

    def still_open() -> str:
        left = app.guard(library.note_conflict, bm.id) or []
        stack = getattr(screen, "undo_stack", None)
        if stack is not None:
            stack.push(f"the note's {len(heads)} versions", lambda: library.restore_note_conflict(bm.id, heads))
        undo = f" Press {app.key_for(undo_id, 'U')} to undo." if stack is not None else ""
        return (" Another version arrived meanwhile: it is still in conflict." if left
                else " Every device has it after the next sync.") + undo

    def merged(result: NoteEditor.Result | None) -> None:
        if result is None:  # escape in the editor: back to the versions, one step
            app.push_screen(NoteConflictDialog(bm.quote, heads), chosen)
            return
        text = "" if result.delete else result.text
        if app.save(library.set_merged_note, bm.id, text, heads):
            app.notify(("Note deleted." if result.delete else "Merged note saved.") + still_open(), timeout=5)
        after()

    def chosen(result: NoteConflictDialog.Result | None) -> None:
        if result is None:
            return
        if result.keep is None:
            title = f"Merged note: {count(len(heads), 'version')} below, edit them into one"
            app.push_screen(NoteEditor(bm.quote, merged_draft(heads), title=title), merged)
            return
        head = heads[result.keep]
        if app.save(library.set_note_version, bm.id, head.version, heads):
            app.notify(f"Kept version {result.keep + 1} (from {one_line(head.device)})." + still_open(), timeout=5)
        after()

    app.push_screen(NoteConflictDialog(bm.quote, heads), chosen)
    return True
