"""What a terminal shows of the app's screen in a given colour system: each cell's character and attributes.

Textual draws in truecolor and the terminal driver lowers the colours to what the terminal has (rich's
Color.downgrade); with NO_COLOR set the app itself turns colours to greys (its Monochrome filter). These helpers
apply the same lowering to the compositor's strips, so a test can ask whether two rows look different in
256 or 16 colours, not only in the truecolor of the screenshot.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color, ColorSystem
from textual.app import App

SYSTEMS = {"truecolor": ColorSystem.TRUECOLOR, "256": ColorSystem.EIGHT_BIT, "16": ColorSystem.STANDARD}


@dataclass(frozen=True)
class Look:
    """How one cell looks in a terminal (the character aside)."""

    fg: object
    bg: object
    reverse: bool
    bold: bool
    underline: bool
    italic: bool

    @property
    def shown_bg(self) -> object:
        """The background the eye sees (reverse video swaps the colours)."""
        return self.fg if self.reverse else self.bg


def _lower(color: Color | None, system: ColorSystem) -> object:
    if color is None or color.is_default:
        return "default"
    low = color.downgrade(system)
    return low.triplet if system == ColorSystem.TRUECOLOR else low.number


def screen_cells(app: App, system: str) -> list[list[tuple[str, Look]]]:
    """Each row of the screen as (character, Look) cells, colours lowered to `system` (truecolor, 256, 16)."""
    target = SYSTEMS[system]
    rows = []
    for strip in app.screen._compositor.render_strips():
        row = []
        for seg in strip:
            st = seg.style
            look = (
                Look("default", "default", False, False, False, False)
                if st is None
                else Look(_lower(st.color, target), _lower(st.bgcolor, target), bool(st.reverse), bool(st.bold),
                          bool(st.underline), bool(st.italic))
            )
            row.extend((ch, look) for ch in seg.text)
        rows.append(row)
    return rows


def region_cells(app: App, widget, system: str) -> list[list[tuple[str, Look]]]:
    """The cells of a widget's content region (screen coordinates)."""
    r = widget.content_region
    rows = screen_cells(app, system)
    return [row[r.x : r.x + r.width] for row in rows[r.y : r.y + r.height]]


def backgrounds(row: list[tuple[str, Look]]) -> list[object]:
    """What the eye sees as each cell's background (the colour under the text, reverse video included)."""
    return [(look.shown_bg, look.reverse) for _ch, look in row]
