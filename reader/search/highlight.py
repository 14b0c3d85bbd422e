"""Where a query's terms occur in a text: (start, end) offsets for highlights and snippets.

Uses the same words and folding as the index (reader.search.text), so what is marked is what
matched: "Zürich" is marked for zurich, a phrase only where its words follow each other,
"tehr*" on every word starting so.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.search.query import Term
from reader.search.text import spans


def find_matches(text: str, terms: Iterable[Term]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) of every occurrence of any of `terms` in `text`."""
    terms = [t for t in terms if t.field != "entity"]
    if not text or not terms:
        return []
    toks = list(spans(text))
    found: list[tuple[int, int]] = []
    for t in terms:
        n = len(t.words)
        first, last = t.words[0], t.words[-1]
        for i in range(len(toks) - n + 1):
            w = toks[i][2]
            if n == 1:
                ok = w == first or (t.prefix and w.startswith(first))
            else:
                ok = w == first and all(toks[i + j][2] == t.words[j] for j in range(1, n - 1))
                end = toks[i + n - 1][2]
                ok = ok and (end == last or (t.prefix and end.startswith(last)))
            if ok:
                found.append((toks[i][0], toks[i + n - 1][1]))
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
