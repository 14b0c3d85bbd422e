"""Where a query's terms occur in a text: (start, end) offsets for highlights and snippets.

Uses the same words and folding as the index (reader.search.text), so what is marked is what
matched: "Zürich" is marked for zurich, a phrase only where its words follow each other,
"tehr*" on every word starting so.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.search.query import Term
from reader.search.text import WORD, fold


def find_matches(text: str, terms: Iterable[Term]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) of every occurrence of any of `terms` in `text`."""
    terms = [t for t in terms if t.field != "entity"]
    if not text or not terms:
        return []
    # Cheap first pass (C-speed findall, cached folding): most paragraphs hold no term at all.
    folded = list(map(fold, WORD.findall(text)))
    firsts = {t.words[0] for t in terms if not (t.prefix and len(t.words) == 1)}
    prefixes = tuple(t.words[0] for t in terms if t.prefix and len(t.words) == 1)
    candidates = [i for i, w in enumerate(folded) if w in firsts or (prefixes and w.startswith(prefixes))]
    if not candidates:
        return []
    where = [(m.start(), m.end()) for m in WORD.finditer(text)]
    found: list[tuple[int, int]] = []
    for i in candidates:
        w = folded[i]
        for t in terms:
            n = len(t.words)
            if n == 1:
                ok = w == t.words[0] or (t.prefix and w.startswith(t.words[0]))
            else:
                if i + n > len(folded) or w != t.words[0]:
                    continue
                ok = all(folded[i + j] == t.words[j] for j in range(1, n - 1))
                end = folded[i + n - 1]
                ok = ok and (end == t.words[-1] or (t.prefix and end.startswith(t.words[-1])))
            if ok:
                found.append((where[i][0], where[i + n - 1][1]))
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
