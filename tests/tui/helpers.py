"""Reading what the terminal would show, for assertions on the screen."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> str:
    """The current screen as plain text lines (what a user sees, without colours)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip).rstrip() for strip in strips)


def notifications(app: App) -> list[str]:
    return [str(n.message) for n in app._notifications]
