"""The App (placeholder until the TUI issue lands)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from reader.library import Library


def styles_dir() -> Path:
    """styles/ beside the package in a checkout; reader/styles inside an installed wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "styles", here.parent / "styles"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("reader's styles folder is missing; reinstall reader.")


class ReaderApp(App[None]):
    TITLE = "reader"

    def __init__(self, library: Library) -> None:
        self.CSS_PATH = [str(p) for p in sorted(styles_dir().glob("*.tcss"))]
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{len(self.library)} articles", id="placeholder")
        yield Footer()


def build_app(library: Library) -> ReaderApp:
    return ReaderApp(library)
