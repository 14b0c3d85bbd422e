"""Undo while the app runs: a small stack of the user's last deletions, each with the call that puts it back.

A screen owns one (MainScreen.undo_stack, shared with the screens it opens); whatever deletes something
(a bookmark, a note, an article) pushes how to restore it, and the undo key pops the latest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.screen import Screen

LIMIT = 50


@dataclass(frozen=True)
class Undoable:
    #: What was deleted, as the confirmation says it: "the bookmark on paragraph 4".
    label: str
    #: Puts it back; raises ReaderError/OSError when it cannot (the caller reports it).
    restore: Callable[[], Any]


class UndoStack:
    def __init__(self, limit: int = LIMIT) -> None:
        self._items: list[Undoable] = []
        self.limit = limit

    def push(self, label: str, restore: Callable[[], Any]) -> None:
        self._items.append(Undoable(label, restore))
        del self._items[: -self.limit]

    def pop(self) -> Undoable | None:
        return self._items.pop() if self._items else None

    def __len__(self) -> int:
        return len(self._items)


def undo_latest(screen: Screen[Any], stack: UndoStack) -> None:
    """The undo key of any screen: put back the latest deletion and say so (or that there is none);
    a restore that fails is reported by App.save. The caller reloads what it shows."""
    item = stack.pop()
    if item is None:
        screen.notify("Nothing to undo.", timeout=2)
        return
    if screen.app.save(item.restore):  # type: ignore[attr-defined]
        screen.notify(f"Restored {item.label}.", timeout=3)
