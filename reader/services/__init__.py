"""Services over the library: search, citations, clipboard, export, safe terminal text."""
