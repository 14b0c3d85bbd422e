"""The settings that shape how reader behaves for its user: the default citation style and the theme.

One implementation of each setting: the CLI (`reader config`, `reader cite`, `reader export`) and the
TUI (`y`, `c`, `C`, the theme picker) all read and write them here.
"""

from __future__ import annotations

from reader.library import Library
from reader.services import cite

THEME = "theme"


def citation_style(library: Library) -> str:
    """The default citation style in force (a name in cite.STYLES); apa when unset or unknown."""
    style = library.setting(cite.SETTING, cite.DEFAULT_STYLE)
    return style if isinstance(style, str) and style in cite.STYLES else cite.DEFAULT_STYLE


def set_citation_style(library: Library, style: str) -> str:
    """Check and keep the default citation style; returns its normalised name (CitationError if unknown)."""
    name = cite.check_style(style)
    library.set_setting(cite.SETTING, name)
    return name


def theme(library: Library) -> str | None:
    """The user's theme name, or None for the app's default."""
    name = library.setting(THEME)
    return name if isinstance(name, str) and name else None


def set_theme(library: Library, name: str) -> None:
    library.set_setting(THEME, name)
