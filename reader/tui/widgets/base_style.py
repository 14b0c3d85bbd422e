"""A Line-API widget's base Rich style, computed once per style change instead of once per line,
and its component styles as layers that only carry what the component sets."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class CachedBaseStyle:
    """Mix into a ScrollView before it: `self.base_style` for render_line, refreshed on style updates.

    Widget.rich_style walks every ancestor, which costs more than drawing a line of text.
    """

    _base: Style | None = None
    _layers: dict[str, Style] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._base is None:
            self._base = self.rich_style  # type: ignore[attr-defined]
        return super().render_lines(crop)  # type: ignore[misc]

    def notify_style_update(self) -> None:
        self._base = None
        self._layers = None
        super().notify_style_update()  # type: ignore[misc]

    @property
    def base_style(self) -> Style:
        return self._base or self.rich_style  # type: ignore[attr-defined]

    def component_layer(self, component: str) -> Style:
        """A component's style to add on top of another (the cursor's row, a selection...).

        Only what the component's CSS sets: its colours as Textual resolves them (a `$primary 50%`
        blended over the widget's background), its text style. A component without a background
        leaves the background below it alone, so a span ending mid-line cannot take the cursor's
        background with it, and one without a colour keeps the text's colour.
        """
        if self._layers is None:
            self._layers = {}
        style = self._layers.get(component)
        if style is None:
            full = self.get_component_rich_style(component)  # type: ignore[attr-defined]
            part = self.get_component_rich_style(component, partial=True)  # type: ignore[attr-defined]
            colours = Style(color=full.color if part.color else None, bgcolor=full.bgcolor if part.bgcolor else None)
            style = self._layers[component] = colours + part.without_color
        return style
