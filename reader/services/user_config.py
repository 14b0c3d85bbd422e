"""The user's own settings: a TOML file in the platform's config folder, READER_* environment
variables over it, command-line options over both.

    ~/.config/reader/config.toml   (platformdirs.user_config_dir; READER_CONFIG_DIR moves it)

        library = "~/research/library"   # the library `reader` opens without --library
        entities = "rules"               # entity extractor: rules or spacy
        theme = "nord"                   # the app's theme (the user's, not each library's)
        citation-style = "chicago"       # apa, mla, chicago, harvard, ieee, bibtex, ris, csl-json

        [keys]                           # remap any key of the app by its binding id
        bookmark = "x"                   # (`reader config keys` lists every id)
        quit = "q,ctrl+q"

Reading uses tomllib (strict, in the standard library). Writing (`reader config NAME VALUE`) goes
through tomlkit, which edits the one value in place and keeps the user's comments, order and layout;
tomli-w would rewrite the whole file and drop every comment. Writes are atomic (temp file, rename).
A file that is not valid TOML is never overwritten: reader says which line is wrong and carries on
with the defaults.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
import tomlkit

from reader.errors import ReaderError
from reader.paths import APP_NAME, ENV_LIBRARY
from reader.services import cite
from reader.store.atomic import atomic_write_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_CONFIG_DIR = "READER_CONFIG_DIR"
FILE_NAME = "config.toml"
KEYS_TABLE = "keys"
ENTITY_BACKENDS = ("rules", "spacy")


class ConfigError(ReaderError):
    """The config file or a value for it is wrong (one sentence saying what to do)."""


def _check_backend(value: str) -> str:
    name = value.strip().lower()
    if name not in ENTITY_BACKENDS:
        raise ConfigError(f"Unknown entity extractor {value!r}; choose one of {', '.join(ENTITY_BACKENDS)}.")
    return name


def _check_style(value: str) -> str:
    try:
        return cite.check_style(value)
    except ReaderError as exc:
        raise ConfigError(str(exc)) from None


def _check_text(value: str) -> str:
    value = value.strip()
    if not value or any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ConfigError(f"{value!r} is not a usable value; give a plain name.")
    return value


def _check_library(value: str) -> str:
    """A folder path, made absolute (a relative one is taken from where `reader config` runs)."""
    return str(Path(_check_text(value)).expanduser().absolute())


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    help: str
    check: Callable[[str], str]
    default: str | None = None


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("library", ENV_LIBRARY, "the library folder reader opens (default: the platform data folder)", _check_library),
        Setting("entities", "READER_ENTITIES", "entity extractor: rules or spacy", _check_backend, "rules"),
        Setting("theme", "READER_THEME", "the app's theme (ctrl+p, then 'theme', lists them)", _check_text),
        Setting("citation-style", "READER_CITATION_STYLE", f"default citation style: {', '.join(cite.STYLES)}",
                _check_style, cite.DEFAULT_STYLE),
    )
}


def config_dir() -> Path:
    env = os.environ.get(ENV_CONFIG_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    return config_dir() / FILE_NAME


@dataclass
class UserConfig:
    path: Path
    data: dict[str, Any] = field(default_factory=dict)
    #: What is wrong with the file when it could not be read ("The config file X is not valid TOML (...)"), else None.
    problem: str | None = None

    @property
    def warning(self) -> str | None:
        """One line for the user when the file could not be read: the defaults are in use."""
        return None if self.problem is None else f"{self.problem}; fix or delete it. Using the default settings."

    # -- reading -------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None) -> UserConfig:
        path = config_path() if path is None else Path(path)
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError) as exc:
            return cls(path, problem=f"The config file {path} is unreadable ({getattr(exc, 'strerror', None) or exc})")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            return cls(path, problem=f"The config file {path} is not valid TOML ({exc})")
        return cls(path, data)

    def file_value(self, name: str) -> str | None:
        value = self.data.get(name)
        return value if isinstance(value, str) and value.strip() else None

    def lookup(self, name: str) -> tuple[str | None, str]:
        """(value, where it comes from: "READER_X", "config file" or "default") of one setting.

        A value that fails its check (a hand edit, an old name) is skipped, as if unset."""
        s = SETTINGS[name]
        for source, raw in ((s.env, os.environ.get(s.env)), ("config file", self.file_value(name))):
            if raw:
                try:
                    return s.check(raw), source
                except ConfigError:
                    continue
        return s.default, "default"

    def get(self, name: str) -> str | None:
        return self.lookup(name)[0]

    def keymap(self) -> dict[str, str]:
        """Binding id -> keys ("x" or "q,ctrl+q") from the [keys] table; bad entries are skipped."""
        table = self.data.get(KEYS_TABLE)
        if not isinstance(table, Mapping):
            return {}
        out = {}
        for binding_id, keys in table.items():
            if isinstance(keys, list):
                keys = ",".join(k for k in keys if isinstance(k, str))
            if isinstance(binding_id, str) and isinstance(keys, str) and keys.strip():
                out[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
        return out

    # -- writing ---------------------------------------------------------------------------------
    def _document(self) -> tomlkit.TOMLDocument:
        if self.problem is not None:
            raise ConfigError(f"{self.problem}; fix it first. Nothing was changed.")
        try:
            return tomlkit.parse(self.path.read_text("utf-8"))
        except FileNotFoundError:
            doc = tomlkit.document()
            doc.add(tomlkit.comment("reader settings: `reader config` shows them, `reader config NAME VALUE` sets one."))
            return doc

    def _save(self, doc: tomlkit.TOMLDocument) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, tomlkit.dumps(doc))
        except OSError as exc:
            raise ConfigError(
                f"Cannot write the config file {self.path} ({exc.strerror or exc}); check its folder's permissions "
                f"or set {ENV_CONFIG_DIR}."
            ) from exc
        self.data = tomllib.loads(tomlkit.dumps(doc))

    def set(self, name: str, value: str | None) -> str | None:
        """Check and store one setting (None removes it); returns the stored value."""
        if name not in SETTINGS:
            raise ConfigError(f"Unknown setting {name!r}; use one of {', '.join(SETTINGS)}.")
        checked = None if value is None or not value.strip() else SETTINGS[name].check(value)
        doc = self._document()
        if checked is None:
            doc.pop(name, None)
        else:
            doc[name] = checked  # tomlkit keeps a new top-level key above the [keys] table
        self._save(doc)
        return checked

    def set_key(self, binding_id: str, keys: str | None) -> None:
        """Remap one binding (None or "" restores its default key)."""
        doc = self._document()
        table = doc.get(KEYS_TABLE)
        if table is None:
            if not keys:
                return
            table = tomlkit.table()
            doc[KEYS_TABLE] = table
        if not isinstance(table, dict):
            raise ConfigError(f"'{KEYS_TABLE}' in {self.path} is not a [keys] table; fix it first. Nothing was changed.")
        if keys:
            table[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
        else:
            table.pop(binding_id, None)
        self._save(doc)


def load() -> UserConfig:
    return UserConfig.load()
