"""Ingest: files -> Article. No entities here (reader.entities fills them).

API CONTRACT:
    parse_file(path) -> Article            # raises IngestError with a one-line reason
    parse_text(text, fmt="text"|"markdown"|"html", source=None) -> Article
    iter_article_files(paths) -> Iterator[Path]   # expands folders (recursively), skips hidden files
    article_id(paragraphs, title) -> str    # stable id: same article text -> same id
"""

from reader.ingest.api import article_id, iter_article_files, parse_file, parse_text

__all__ = ["article_id", "iter_article_files", "parse_file", "parse_text"]
