"""Widgets of the reader: the article list, the reading pane and the entity panel."""
