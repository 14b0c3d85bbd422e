"""The same query language over the metadata alone (title, authors, publisher, section, tags, feed,
entities, date): used where the full-text index cannot be had, and to check the index in tests."""

from __future__ import annotations

from typing import Any

from reader.entities import entity_key
from reader.search.query import Query, Term
from reader.search.text import words


def _value(summary: Any, name: str) -> str:
    value = getattr(summary, name, None)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(str(v) for k, v in value.items() if k in ("title", "name", "url") and v)
    return " ".join(str(v) for v in value)


def fields_of(summary: Any) -> dict[str, list[str]]:
    return {
        "title": words(_value(summary, "title")),
        "author": words(_value(summary, "authors")),
        "publisher": words(_value(summary, "publisher")),
        "section": words(_value(summary, "section")),
        "tag": words(_value(summary, "tags")),
        "feed": words(_value(summary, "feed")),
    }


def term_in(term: Term, ws: list[str]) -> bool:
    n = len(term.words)
    for i in range(len(ws) - n + 1):
        if all(ws[i + j] == term.words[j] for j in range(n - 1)):
            last = ws[i + n - 1]
            if last == term.words[-1] or (term.prefix and last.startswith(term.words[-1])):
                return True
    return False


def matches(summary: Any, q: Query, fields: dict[str, list[str]] | None = None) -> bool:
    fields = fields if fields is not None else fields_of(summary)
    for clause in q.clauses:
        hit = False
        for t in clause.terms:
            if t.field == "entity":
                keys = getattr(summary, "entity_keys", None) or ()
                hit = any(entity_key(w) in keys for w in t.words)
            elif t.field:
                hit = term_in(t, fields.get(t.field, []))
            else:
                hit = any(term_in(t, ws) for ws in fields.values())
            if hit:
                break
        if hit == clause.negated:
            return False
    d = (summary.date or "")[:10]
    if q.date_from and (not d or d < q.date_from[: len(d)]):
        return False
    if q.date_to and (not d or d > q.date_to):
        return False
    return True
