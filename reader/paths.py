"""Where the library lives: --library DIR, else $READER_LIBRARY, else the platform data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reader"
ENV_LIBRARY = "READER_LIBRARY"


def default_library_dir() -> Path:
    env = os.environ.get(ENV_LIBRARY)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def resolve_library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    return Path(explicit).expanduser() if explicit else default_library_dir()
