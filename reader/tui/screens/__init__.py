"""Screens of the reader: main, note editor, bookmarks, help and small dialogs."""
