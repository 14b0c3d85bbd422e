"""Shared CLI plumbing: options, the library handle, safe output, one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

import typer

from reader.errors import Ambiguous, ReaderError
from reader.library import Library
from reader.services import preferences, user_config
from reader.services.safe_text import clean, escape_json, shown_name

F = TypeVar("F", bound=Callable[..., Any])
#: How many of the articles an ambiguous reference matches are listed.
AMBIGUOUS_SHOWN = 10


@dataclass
class Options:
    """The global options; None means: the user config (READER_* variables over the config file)."""

    library: str | None = None
    entities: str | None = None

    @property
    def backend(self) -> str:
        return self.entities or user_config.load().get("entities") or "rules"


OPTIONS = Options()


def open_library(seed: bool = True) -> Library:
    config = user_config.load()
    if config.warning:
        out(f"reader: warning: {config.warning}", err=True)
    library = OPTIONS.library or config.get("library")
    lib = Library.open(library, seed=seed, backend=OPTIONS.entities or config.get("entities") or "rules")
    preferences.adopt_library_settings(lib)
    return lib


def out(text: str = "", *, err: bool = False) -> None:
    """Print untrusted text: control sequences stripped, never parsed as markup."""
    stream = sys.stderr if err else sys.stdout
    stream.write(clean(text) + "\n")


def out_json(obj: Any) -> None:
    # json.dumps escapes C0 controls (ESC, BEL...) but leaves C1 and bidi controls raw: escape_json does those.
    sys.stdout.write(escape_json(json.dumps(obj, ensure_ascii=False, indent=2)) + "\n")


def fail(message: str, code: int = 1) -> typer.Exit:
    out(f"reader: {message}", err=True)
    return typer.Exit(code)


def friendly(fn: F) -> F:
    """Turn ReaderError (and a few OS errors) into one line on stderr and exit code 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Ambiguous as exc:
            exit_ = fail(str(exc))
            shown = exc.choices[:AMBIGUOUS_SHOWN]
            for aid, title in shown:
                out(f"  {aid[:10]}  {title or '(untitled)'}", err=True)
            if len(exc.choices) > len(shown):
                out(f"  ... and {len(exc.choices) - len(shown)} more", err=True)
            raise exit_ from None
        except ReaderError as exc:
            raise fail(str(exc)) from None
        except OSError as exc:  # the last guard: a file system error is one line, never a traceback
            where = f" ({shown_name(exc.filename)})" if exc.filename else ""
            raise fail(
                f"a file could not be read or written{where}: {exc.strerror or exc}; "
                "check the disk space and the permissions of the library folder."
            ) from None
        except KeyboardInterrupt:
            raise fail("interrupted.", 130) from None

    return wrapper  # type: ignore[return-value]


def report_warnings(lib: Library) -> None:
    """Damage found so far (store files, index rows, article files): one line each on stderr, once."""
    for line in lib.take_warnings():
        out(f"reader: warning: {line}", err=True)


@contextmanager
def library_session(seed: bool = True) -> Iterator[Library]:
    lib = open_library(seed=seed)
    try:
        lib.check_store()  # read every store file now, so damage anywhere is reported at once
        report_warnings(lib)
        yield lib
    finally:
        try:
            report_warnings(lib)  # damage found while the command ran (an article file, an index row)
        finally:
            lib.close()
