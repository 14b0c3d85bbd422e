"""The search language over bookmarks: the note, the quoted passage and the article's title.

Bare words look in all three; title: in the title only; note: is not a field of the library
search, so notes are searched as plain words here. Other fields and filters match nothing.
"""

from __future__ import annotations

from reader.search.fallback import term_in
from reader.search.query import Query
from reader.search.text import words


def bookmark_fields(quote: str, note: str, title: str | None) -> dict[str, list[str]]:
    """Fold once per bookmark (then every keystroke only compares words)."""
    return {"note": words(note), "quote": words(quote), "title": words(title or "")}


def bookmark_matches(q: Query, fields: dict[str, list[str]]) -> bool:
    for clause in q.clauses:
        hit = False
        for t in clause.terms:
            if t.field in (None, "title"):
                names = ["title"] if t.field == "title" else ["note", "quote", "title"]
                hit = any(term_in(t, fields[n]) for n in names)
            if hit:
                break
        if hit == clause.negated:
            return False
    return True
