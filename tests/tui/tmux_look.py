"""Read `tmux capture-pane -e -p` output as cells with attributes (for tests/tui/tmux_e2e.sh).

    python tests/tui/tmux_look.py FILE ROW OTHER_ROW [COLUMNS]

(ROW, OTHER_ROW: screen lines counted from 1) exits 0 when the two rows look different to the eye in their
first COLUMNS cells (default 24: the article list at 80 columns):
the background each cell shows (the foreground where reverse video swaps them) never agrees between the two rows.
Otherwise it prints both rows' backgrounds and exits 1.
"""

from __future__ import annotations

import re
import sys

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESC = re.compile(r"\x1b(\[[0-9;?]*[A-Za-ln-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z])")


def _apply(state: dict, params: str) -> None:
    codes = [int(c) if c.isdigit() else 0 for c in re.split("[;:]", params)] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg="default", bg="default", reverse=False)
        elif c == 7:
            state["reverse"] = True
        elif c == 27:
            state["reverse"] = False
        elif 30 <= c <= 37 or 90 <= c <= 97:
            state["fg"] = c
        elif 40 <= c <= 47 or 100 <= c <= 107:
            state["bg"] = c - 10
        elif c == 39:
            state["fg"] = "default"
        elif c == 49:
            state["bg"] = "default"
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = ("256", codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = tuple(codes[i + 2 : i + 5])
                i += 4
        i += 1


def cells(line: str) -> list[tuple[str, object]]:
    """Each character of a captured line with the background the eye sees under it."""
    state = {"fg": "default", "bg": "default", "reverse": False}
    out: list[tuple[str, object]] = []
    pos = 0
    line = OTHER_ESC.sub("", line)
    for m in SGR.finditer(line):
        out.extend((ch, state["fg"] if state["reverse"] else state["bg"]) for ch in line[pos : m.start()])
        _apply(state, m.group(1))
        pos = m.end()
    out.extend((ch, state["fg"] if state["reverse"] else state["bg"]) for ch in line[pos:])
    return out


def main() -> int:
    path, mark, other = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    columns = int(sys.argv[4]) if len(sys.argv) > 4 else 24
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    rows = [cells(lines[n - 1])[1:columns] for n in (mark, other)]
    a, b = ({bg for _ch, bg in row} for row in rows)
    if a.isdisjoint(b):
        return 0
    for n, row in zip((mark, other), rows):
        print(f"row {n}: {''.join(ch for ch, _ in row)!r} backgrounds {sorted(map(str, {bg for _, bg in row}))}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
