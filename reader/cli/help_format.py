"""Readable `--help`: placeholders as people write them (REF, PATHS..., N, TEXT), not typer's raw
type names ({ref}, <list[Path]>, <str>). Applied once to typer's argument and option classes, so
every command, including ones added later, gets them without naming a metavar each time."""

from __future__ import annotations

import re
from typing import Any

from typer import core

#: typer's type label -> the placeholder shown.
PLACEHOLDERS = {"int": "N", "float": "NUMBER", "str": "TEXT", "Path": "PATH", "bool": "", "datetime": "DATE"}


def _placeholder(label: str | None) -> str | None:
    if not label or not label.startswith("<"):
        return label
    inner = label.strip("<>.")
    repeat = label.endswith("...") or inner.startswith("list[")
    inner = re.sub(r"^list\[(.*)\]$", r"\1", inner)
    if "|" in inner:  # choices: keep them, they are the placeholder
        return inner + ("..." if repeat else "")
    word = PLACEHOLDERS.get(inner, inner.upper())
    return (word + "..." if repeat else word) or None


def _argument_name(self: Any) -> str:
    name = self.metavar or (self.name or "").upper()
    return name + ("..." if self.nargs != 1 and not name.endswith("...") else "")


def _argument_usage(self: Any) -> str:
    name = _argument_name(self)
    return name if self.required else f"[{name}]"


def apply() -> None:
    """Patch typer's help rendering (idempotent; a typer without these hooks is left as it is)."""
    arg, opt = getattr(core, "TyperArgument", None), getattr(core, "TyperOption", None)
    if arg is None or opt is None or getattr(core, "_reader_help_format", False):
        return
    if hasattr(arg, "_usage_display_name"):
        arg._usage_display_name = _argument_usage
    if hasattr(arg, "_rich_display_name"):
        arg._rich_display_name = _argument_name
    if hasattr(arg, "display_type_rich"):
        arg.display_type_rich = lambda self, ctx: None  # the name (REF, PATHS...) says it
    original = getattr(opt, "display_type_rich", None)
    if original is not None:

        def readable(self: Any, ctx: Any) -> str | None:
            return self.metavar if self.metavar is not None else _placeholder(original(self, ctx))

        opt.display_type_rich = readable
    core._reader_help_format = True  # type: ignore[attr-defined]
