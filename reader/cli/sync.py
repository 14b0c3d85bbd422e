"""CLI commands about sync between machines:

    reader sync status [--json]    devices seen, each one's last change, pending conflicts
    reader sync compact            fold the entries every device has seen (tombstones kept)
"""

from __future__ import annotations

from typing import Annotated

import typer

from reader.cli.common import friendly, library_session, out, out_json


def register(app: typer.Typer) -> None:
    sync = typer.Typer(name="sync", help="Sync between machines (through Syncthing, git, ...): status and compaction.",
                       no_args_is_help=True)
    app.add_typer(sync)

    @sync.command("status")
    @friendly
    def status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
        """The devices seen, each one's last change, and pending conflicts."""
        with library_session() as lib:
            info = lib.sync_status()
        if as_json:
            out_json(info)
            return
        out(f"this device: {info['device']}")
        for d in info["devices"]:
            out(f"  {d['device']}{' (this device)' if d['this'] else ''}  last change: {d['last_change'] or 'none'}")
        n = len(info["note_conflicts"])
        out(f"{n} note{'s' if n != 1 else ''} in conflict" + (" (see `reader bookmark list`)" if n else "") + ".")
        for c in info["note_conflicts"]:
            out(f"  {c['bookmark']}: " + " | ".join(f"{t['device']}: {t['text'][:60]}" for t in c["texts"]))
        files = info["conflict_files"]
        out(f"{len(files)} sync-conflict file{'s' if len(files) != 1 else ''} waiting for their device to merge them.")
        for f in files:
            out(f"  {f}")

    @sync.command("compact")
    @friendly
    def compact() -> None:
        """Drop this device's entries that every device has seen superseded (tombstones are kept)."""
        with library_session() as lib:
            done = lib.sync_compact()
        out(f"compacted: {done['dropped']} entries dropped, {done['tombstones_shrunk']} tombstones shrunk.")
