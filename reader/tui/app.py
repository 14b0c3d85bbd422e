"""The App: styles, theme, the command palette provider, store-error guard; screens do the rest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel

from reader.errors import ReaderError
from reader.library import Library
from reader.services import preferences, user_config
from reader.services.safe_text import clean
from reader.tui.commands import ReaderCommands

T = TypeVar("T")


def styles_dir() -> Path:
    """styles/ beside the package in a checkout; reader/styles inside an installed wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "styles", here.parent / "styles"):
        if candidate.is_dir() and any(candidate.glob("*.tcss")):
            return candidate
    raise FileNotFoundError("reader's styles folder is missing; reinstall reader.")


class ReaderApp(App[None]):
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (120, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", show=False, id="help"),
    ]

    def __init__(self, library: Library) -> None:
        self.CSS_PATH = [str(p) for p in sorted(styles_dir().glob("*.tcss"))]
        super().__init__()
        self.library = library
        config = user_config.load()
        self._config_warning = config.warning
        #: The user's remapped keys (binding id -> keys), from the [keys] table of the config file.
        self.user_keymap: dict[str, str] = config.keymap()
        self.set_keymap(self.user_keymap)

    def on_mount(self) -> None:
        from reader.tui.keys import all_bindings
        from reader.tui.screens.main import MainScreen

        # Where colours cannot tell the cursor or a highlight from the text around it (16 colours, NO_COLOR),
        # styles/*.tcss switches to attributes under this class: reverse video, underline, bold.
        self.set_class(self.no_color or self.console.color_system in (None, "standard", "windows"), "-few-colors")
        if self._config_warning:
            self.notify(self._config_warning, title="Settings", severity="warning", timeout=15)
        unknown = sorted(set(self.user_keymap) - {b.id for _place, b in all_bindings()})
        if unknown:
            self.notify(f"Unknown key ids in the config file: {', '.join(unknown)}; `reader config keys` lists them.",
                        title="Settings", severity="warning", timeout=10)
        self.guard(preferences.adopt_library_settings, self.library)
        theme = self.guard(preferences.theme, self.library)
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(MainScreen(self.library))

    def _remember_theme(self, theme: Any) -> None:
        self.guard(preferences.set_theme, self.library, theme.name)

    def key_for(self, binding_id: str, default: str) -> str:
        """The key the user presses for a binding (their remapping, else `default`), for messages."""
        from reader.tui.keys import key_label

        keys = self.user_keymap.get(binding_id)
        return key_label(keys.split(",")[0]) if keys else default

    def guard(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Call into the core; a ReaderError (store not writable, ...) becomes a notification."""
        try:
            return fn(*args, **kwargs)
        except ReaderError as exc:
            if str(exc) not in self.report_warnings():  # the same line is not said twice
                self.notify(str(exc), title="Not saved" if _is_write(fn) else "Problem", severity="error", timeout=8)
        except OSError as exc:
            self.notify(
                f"The library could not be written ({exc.strerror or exc}); check the disk and permissions.",
                title="Not saved",
                severity="error",
                timeout=8,
            )
        finally:
            self.report_warnings()
        return None

    def report_warnings(self) -> list[str]:
        """Damage found in the library (a store file, an index row, an article file): a notification
        each, at once, naming the file and what to do. Returns the lines shown."""
        try:
            lines = self.library.take_warnings()
        except Exception:  # never let the report itself break the app
            return []
        for line in lines:
            self.notify(line, title="Library damaged", severity="warning", timeout=20)
        return lines

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications carry names, notes and paths: never markup, never control sequences."""
        super().notify(clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False)

    def save(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """A store write through guard(): True when it was saved."""
        return self.guard(_returning_true(fn), *args, **kwargs) is True

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def _returning_true(fn: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        fn(*args, **kwargs)
        return True

    call.__name__ = getattr(fn, "__name__", "call")
    return call


def _is_write(fn: Callable[..., Any]) -> bool:
    name = getattr(fn, "__name__", "")
    return name.startswith(("set_", "add_", "remove_", "import_"))


def build_app(library: Library) -> ReaderApp:
    return ReaderApp(library)
