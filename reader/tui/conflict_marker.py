"""The words that mark a note edited on two devices (reader.sync) wherever the TUI shows it: a text
marker, so it is seen without colour (NO_COLOR, 16 colours) too."""

from __future__ import annotations


def conflict_marker(versions: int) -> str:
    return f"! CONFLICT, {versions} versions"


__all__ = ["conflict_marker"]
