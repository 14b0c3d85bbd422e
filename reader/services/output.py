"""Writing a command's output to the path a user gave (`-o PATH`), never destroying what is there.

API CONTRACT (every `-o`/`--output` option uses it: export today, feed export and others later):
    write_output(path: str, text: str) -> str     # returns how it was written, for the user's line:
        ""  or only spaces    -> OutputError: one line asking for a file name (or - for stdout)
        "-"                   -> written to standard output (a stream)
        a symlink             -> followed (the whole chain) and its target written as below;
                                 the link itself stays a link
        absent / regular file -> written atomically: a temp file in the same folder, fsync, rename
                                 over, fsync the folder; an existing file keeps its mode (and its
                                 owner, where we may set it); a new one gets 0666 less the umask.
                                 A failure (full disk, no permission) leaves the old file whole
                                 and no temp file behind.
        a character device, FIFO or other non-regular file that is not a folder
                              -> opened for writing and written as a stream (/dev/null stays a
                                 device, a FIFO's reader gets the text); nothing is replaced
        a folder              -> OutputError
    Errors are OutputError (a ReaderError) with one line naming the path (controls escaped).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from reader.controls import shown_name
from reader.errors import ReaderError
from reader.store.atomic import fsync_dir


class OutputError(ReaderError):
    """The output path cannot be written."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fail(path: str, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write {shown_name(path)} ({exc.strerror or exc}); nothing was written there. "
        "Choose another --output, or free some disk space."
    )


def _stream(target: str, data: bytes) -> None:
    # No O_TRUNC, no O_CREAT: the path exists and is not a regular file (a device, a FIFO...).
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
    finally:
        os.close(fd)


def _regular(target: str, data: bytes, existing: os.stat_result | None) -> None:
    """Temp file in the same folder (mode and owner set first), written, fsynced, renamed over."""
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
    path = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        if existing is not None and hasattr(os, "fchown"):
            try:
                os.fchown(fd, existing.st_uid, existing.st_gid)
            except OSError:
                pass  # not ours to give away: the file keeps our ownership, its mode is kept
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _unlink(tmp)
        raise
    os.close(fd)
    try:
        os.replace(tmp, target)
    except BaseException:
        _unlink(tmp)
        raise
    fsync_dir(path.parent)


def _unlink(p: str) -> None:
    try:
        os.unlink(p)
    except OSError:
        pass


def write_output(path: str | os.PathLike[str], text: str) -> str:
    raw = os.fspath(path)
    if not raw.strip():
        raise OutputError("the output path is empty; give a file name, or - to write to standard output.")
    data = text.encode("utf-8")
    if raw == "-":
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is not None:
            out.write(data)
            out.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        return "standard output"
    target = os.path.realpath(raw)  # a symlink (or a chain of them) is followed to what it points at
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _fail(raw, exc) from None
    try:
        if st is None or stat.S_ISREG(st.st_mode):
            _regular(target, data, st)
            return "file"
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{shown_name(raw)} is a folder; give a file name inside it, e.g. {shown_name(os.path.join(raw, 'notes.md'))}.")
        _stream(target, data)
        return "stream"
    except OutputError:
        raise
    except OSError as exc:
        raise _fail(raw, exc) from None


__all__ = ["OutputError", "write_output"]
