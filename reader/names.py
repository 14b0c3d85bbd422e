"""People's and organisations' names as a person reads them, for every list, pane and printout.

Stored authors keep the forms citations need: "{Al-Monitor Staff}" (braces: an organisation, taken
literally) and "Kamal, Rehan" (family name first). Shown to a reader they are "Al-Monitor Staff" and
"Rehan Kamal".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv phd md".split())


def display_name(name: str) -> str:
    """'{Reuters Staff}' -> 'Reuters Staff'; 'Kamal, Rehan' -> 'Rehan Kamal'; others unchanged."""
    name = " ".join(name.split())
    if len(name) >= 2 and name.startswith("{") and name.endswith("}"):
        return name[1:-1].strip()
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(parts) and parts[1].casefold() not in _SUFFIXES:
        return f"{parts[1]} {parts[0]}"
    if len(parts) == 3 and all(parts) and parts[2].casefold() in _SUFFIXES | {"jr", "sr"}:
        return f"{parts[1]} {parts[0]}, {parts[2]}"  # "King, Martin Luther, Jr." -> "Martin Luther King, Jr."
    return name


def display_authors(authors: Iterable[str], sep: str = ", ") -> str:
    """The authors as a person reads them, joined: 'Ayesha Siddiqui, Rehan Kamal'."""
    return sep.join(display_name(a) for a in authors if a and a.strip())


def split_authors(value: str) -> list[str]:
    """One author string -> names. ';', '&' and 'and' always separate; commas separate names unless
    they make a "Family, Given" pair of single words: 'Ayesha Siddiqui, Kamal, Rehan' is two people,
    kept as 'Ayesha Siddiqui' and 'Kamal, Rehan'."""
    out: list[str] = []
    for chunk in re.split(r"\s*(?:;|&|\band\b)\s*", value):
        items = [c.strip() for c in chunk.split(",") if c.strip()]
        if len(items) == 2 and all(len(i.split()) == 1 for i in items) and items[1].casefold() not in _SUFFIXES:
            out.append(f"{items[0]}, {items[1]}")  # "Kamal, Rehan": one person, family name first
            continue
        i = 0
        while i < len(items):
            a = items[i]
            b = items[i + 1] if i + 1 < len(items) else None
            if b is not None and len(a.split()) == 1 and len(b.split()) == 1 and b.casefold() not in _SUFFIXES:
                out.append(f"{a}, {b}")
                i += 2
            elif b is not None and b.casefold().rstrip(".") in {"jr", "sr", "ii", "iii", "iv"}:
                out.append(f"{a}, {b}")
                i += 2
            else:
                out.append(a)
                i += 1
    return out
