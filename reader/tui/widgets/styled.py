"""One line of text as Rich segments: a base style with styled spans laid over it, in order."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style


def styled_segments(text: str, base: Style, spans: list[tuple[int, int, Style]]) -> list[Segment]:
    """`text` in `base`, each span's style added over its [start, end) (later spans on top).

    Every cell outside a span keeps exactly `base`: a span that ends mid-line leaves the rest of the line alone.
    """
    n = len(text)
    live = [(max(0, a), min(b, n), st) for a, b, st in spans if max(0, a) < min(b, n)]
    if not live:
        return [Segment(text, base)] if text else []
    cuts = sorted({0, n, *(a for a, _, _ in live), *(b for _, b, _ in live)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        style = base
        for sa, sb, st in live:
            if sa <= a and b <= sb:
                style = style + st
        out.append(Segment(text[a:b], style))
    return out
