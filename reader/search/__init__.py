"""Full-text search: the query language, the index (tantivy, per machine), and keeping it in step.

API CONTRACT:
    parse(text) -> Query                    # one parser for the CLI and the TUI; QueryError: one line
    HELP                                    # the language in one line (the ? screen and --help)
    Library.search(text, limit=None, sort="relevance"|"date") -> SearchResults  (hits, total, notice)
    Library.search_index: IndexKeeper       # state(), ensure(background=...), rebuild(progress=...)
    find_matches(text, terms) -> [(start, end)]   # reader.search.highlight: marks in any text
"""

from reader.search.query import HELP, Clause, Query, QueryError, Term, parse

__all__ = ["HELP", "Clause", "Query", "QueryError", "Term", "parse"]
