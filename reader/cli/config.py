"""`reader config`: show and change the user's settings (reader.services.user_config).

    reader config                          every setting, its value and where it comes from
    reader config NAME                     one value (e.g. `reader config citation-style`)
    reader config NAME VALUE               set it in the config file
    reader config NAME --unset             remove it from the config file (back to the default)
    reader config keys                     every key binding: id, keys now, default keys
    reader config keys ID KEYS             remap one ("x", "ctrl+b", "q,ctrl+q"); --unset restores it
    reader config path                     the config file's path
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from reader.cli.common import fail, friendly, out
from reader.services import user_config
from reader.services.user_config import SETTINGS


def _keys(binding_id: str | None, keys: str | None, unset: bool) -> None:
    from reader.tui.keys import all_bindings, key_label

    config = user_config.load()
    bindings = all_bindings()
    if binding_id is None:
        keymap = config.keymap()
        unknown = sorted(set(keymap) - {b.id for _place, b in bindings})
        width = max(len(b.id or "") for _place, b in bindings)
        seen: set[str] = set()
        for place, b in bindings:
            if b.id in seen:
                continue
            seen.add(b.id or "")
            now = keymap.get(b.id or "", b.key)
            mark = f"   (default {key_label(b.key)})" if now != b.key else ""
            out(f"{b.id:<{width}}  {key_label(now):<14}  {place}: {b.description or b.action}{mark}")
        for name in unknown:
            out(f"reader: warning: [keys] {name} in {config.path} is not a binding id; it is ignored.", err=True)
        return
    ids = {b.id for _place, b in bindings}
    if binding_id not in ids:
        raise fail(f"no key binding {binding_id!r}; `reader config keys` lists them.", 2)
    if keys is None and not unset:
        out(key_label(config.keymap().get(binding_id) or next(b.key for _p, b in bindings if b.id == binding_id)))
        return
    config.set_key(binding_id, None if unset else keys)
    out(f"{binding_id}: {'default keys restored' if unset else key_label(keys or '')} (in {config.path}).")


NAMES = ", ".join(SETTINGS)


def register(app: typer.Typer) -> None:
    @app.command("config")
    @friendly
    def config(
        name: Annotated[
            Optional[str], typer.Argument(help=f"One of {NAMES}; or keys; or path. Omit to show all.")
        ] = None,
        value: Annotated[Optional[str], typer.Argument(help="Set NAME to this value.")] = None,
        keys: Annotated[
            Optional[str], typer.Argument(help="With keys ID: the new keys, e.g. x or q,ctrl+q.")
        ] = None,
        unset: Annotated[bool, typer.Option("--unset", help="Remove NAME (or keys ID) from the config file.")] = False,
    ) -> None:
        """Show or change your settings: the default library, entity extractor, theme, citation style, keys.

        They live in a TOML file in your config folder (`reader config path`; READER_CONFIG_DIR moves it);
        READER_LIBRARY, READER_ENTITIES, READER_THEME and READER_CITATION_STYLE override it."""
        if name == "keys":
            _keys(value, keys, unset)
            return
        if keys is not None:
            raise fail("too many values; e.g. reader config theme nord.", 2)
        cfg = user_config.load()
        if name == "path":
            out(str(cfg.path))
            return
        if cfg.warning:
            out(f"reader: warning: {cfg.warning}", err=True)
        if name is None:
            out(f"# {cfg.path}{'' if cfg.path.exists() else ' (not created yet)'}")
            for setting in SETTINGS.values():
                current, source = cfg.lookup(setting.name)
                shown = current if current is not None else "-"
                out(f"{setting.name:<15} {shown:<24} ({source})   {setting.help}")
            n = len(cfg.keymap())
            out(f"{'keys':<15} {n} remapped{'':<14} `reader config keys` lists them")
            return
        if name not in SETTINGS:
            raise fail(f"unknown setting {name!r}; use one of {NAMES}, keys or path.", 2)
        if value is None and not unset:
            current, source = cfg.lookup(name)
            out(current if current is not None else "-")
            return
        stored = cfg.set(name, None if unset else value)
        current, source = cfg.lookup(name)
        if unset:
            out(f"{name} removed from {cfg.path}; now {current or '-'} ({source}).")
        else:
            out(f"{name}: {stored} (in {cfg.path}).")
            if source != "config file":
                out(f"reader: note: {source} is set and takes precedence ({current}).", err=True)
