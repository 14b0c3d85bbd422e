"""The settings that shape how reader behaves for its user: the default citation style and the theme.

One implementation of each setting: the CLI (`reader config`, `reader cite`, `reader export`) and the
TUI (`y`, `c`, `C`, the theme picker) all read and write them here. They are the user's, kept in the
user config file (reader.services.user_config), not in each library; settings an older reader kept in
a library's state.json are adopted into the config file the first time that library is opened.
"""

from __future__ import annotations

from reader.errors import ReaderError
from reader.library import Library
from reader.services import cite
from reader.services.user_config import ConfigError, UserConfig

THEME = "theme"
STYLE = "citation-style"
#: Library settings an older reader kept per library -> the user config's names.
LEGACY = {"theme": THEME, cite.SETTING: STYLE}
MIGRATED = "settings_moved_to_user_config"


def citation_style(library: Library | None = None) -> str:
    """The default citation style in force (a name in cite.STYLES); apa when unset or unknown."""
    return UserConfig.load().get(STYLE) or cite.DEFAULT_STYLE


def set_citation_style(library: Library | None, style: str) -> str:
    """Check and keep the default citation style; returns its normalised name (ConfigError if unknown)."""
    return UserConfig.load().set(STYLE, style) or cite.DEFAULT_STYLE


def theme(library: Library | None = None) -> str | None:
    """The user's theme name, or None for the app's default."""
    return UserConfig.load().get(THEME)


def set_theme(library: Library | None, name: str) -> None:
    UserConfig.load().set(THEME, name)


def adopt_library_settings(library: Library) -> list[str]:
    """Move the theme and citation style an older reader kept in this library into the user config,
    unless the user already has them there. Once per library; returns the names adopted."""
    if library.setting(MIGRATED):
        return []
    config = UserConfig.load()
    if config.warning is not None:
        return []  # never write over a config file the user must fix first
    adopted = []
    try:
        for old, new in LEGACY.items():
            value = library.setting(old)
            if isinstance(value, str) and value and config.file_value(new) is None:
                try:
                    config.set(new, value)
                except ConfigError:
                    continue  # a value this reader no longer knows: leave it
                adopted.append(new)
        library.set_setting(MIGRATED, True)
    except ReaderError:  # a config file or store that cannot be written: try again next time
        return adopted
    return adopted
