"""Reading what the terminal would show, for assertions on the screen."""

from __future__ import annotations

from textual.app import App


def screen_text(app: App) -> str:
    """The current screen as plain text lines (what a user sees, without colours)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip).rstrip() for strip in strips)


def notifications(app: App) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def wait_until(pilot, condition, timeout: float = 10.0) -> None:
    """Pause until condition() holds (timers and workers run late on a busy machine)."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await pilot.pause(0.05)


def region_text(app: App, widget) -> str:
    """The text inside one widget's region (its border included), as plain lines."""
    r = widget.region
    lines = screen_text(app).splitlines()[r.y : r.y + r.height]
    return "\n".join(line[r.x : r.x + r.width] for line in lines)
