"""A Line-API widget's base Rich style, computed once per style change instead of once per line."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class CachedBaseStyle:
    """Mix into a ScrollView before it: `self.base_style` for render_line, refreshed on style updates.

    Widget.rich_style walks every ancestor, which costs more than drawing a line of text.
    """

    _base: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._base is None:
            self._base = self.rich_style  # type: ignore[attr-defined]
        return super().render_lines(crop)  # type: ignore[misc]

    def notify_style_update(self) -> None:
        self._base = None
        super().notify_style_update()  # type: ignore[misc]

    @property
    def base_style(self) -> Style:
        return self._base or self.rich_style  # type: ignore[attr-defined]
