"""The state store: read state, reading position, bookmarks, notes, metadata corrections, settings."""

from reader.store.state import StateStore

__all__ = ["StateStore"]
