"""The device id of this machine: made once, kept in the user's config folder; READER_DEVICE overrides it."""

from __future__ import annotations

import os
import re
import secrets
import socket
from pathlib import Path

import platformdirs

ENV_DEVICE = "READER_DEVICE"
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def clean_device(name: str) -> str:
    """A device id usable as a folder name on every system (letters, digits, - and _; at most 40)."""
    return _SAFE.sub("-", name).strip("-")[:40]


def config_dir() -> Path:
    """The user's config folder (READER_CONFIG_DIR moves it, as for the config file)."""
    env = os.environ.get("READER_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir("reader", appauthor=False))


def device_id() -> str:
    env = clean_device(os.environ.get(ENV_DEVICE, ""))
    if env:
        return env
    path = config_dir() / "device-id"
    try:
        existing = clean_device(path.read_text("utf-8").strip())
        if existing:
            return existing
    except OSError:
        pass
    host = clean_device(socket.gethostname().split(".")[0].lower())[:24] or "device"
    new = f"{host}-{secrets.token_hex(3)}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".device-id.{os.getpid()}.tmp")
        tmp.write_text(new + "\n", "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable config folder: this run uses a fresh id (its files stay valid)
    return new
