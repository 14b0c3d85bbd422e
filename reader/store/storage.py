"""AtomicJSONStorage: a TinyDB storage that never leaves a half-written file.

TinyDB's own JSONStorage truncates the file and rewrites it in place, so a crash (or a
full disk) mid-write leaves a broken store. This storage instead

* writes a temp file in the same folder, fsyncs it, keeps the previous file as ``<name>.bak``
  (a hard link: no copy, microseconds) and ``os.replace``-s the temp file over the old one,
  then fsyncs the folder;
* re-reads the file only when it changed on disk (inode, size, mtime_ns and ctime_ns); it keeps
  the file it last read open so that inode cannot be freed and re-used by a newer version;
* inside a transaction (``hold()``), keeps writes in memory and writes once at the end.

It does no locking itself: callers (reader.store.state.StateStore) hold the cross-process lock
around every read-modify-write, so two processes never lose each other's writes.

Damage handling (invalid JSON, wrong shape, undecodable bytes) is delegated to
reader.store.backup.recover, called with the lock held.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

try:
    import orjson as _orjson
except ImportError:  # optional speed-up only
    _orjson = None

from reader.controls import shown_name
from reader.errors import StoreDamaged, StoreError, StoreReadOnly
from reader.store.atomic import atomic_write_bytes

Data = dict[str, dict[str, dict[str, Any]]]
#: Keep the last file open (see the module doc). Not on Windows, where an open file cannot be replaced.
KEEP_OPEN = os.name != "nt"
Signature = tuple[int, int, int, int]


def signature(st: os.stat_result) -> Signature:
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def stat_signature(path: Path) -> Signature | None:
    try:
        return signature(os.stat(path))
    except FileNotFoundError:
        return None


def check_shape(data: Any) -> Data:
    """TinyDB's layout: {table: {doc_id: {field: value}}}; raise ValueError otherwise."""
    if not isinstance(data, dict):
        raise ValueError("the top level is not a JSON object")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"table {name!r} is not a JSON object")
        for doc_id, doc in table.items():
            if not isinstance(doc, dict) or not str(doc_id).isdigit():
                raise ValueError(f"table {name!r} has a malformed row {doc_id!r}")
    return data


def parse(raw: bytes) -> Data:
    """Bytes of a store file -> its data; ValueError if damaged or empty (we never write an empty
    file, so an empty one was cut short; backup.recover treats it as an empty store if no backup).
    orjson when installed (3-4x faster: every device's files are read at start); whatever it refuses
    is read again by json, so both accept exactly the same files."""
    if not raw.strip():
        raise ValueError("the file is empty")
    if _orjson is not None:
        try:
            return check_shape(_orjson.loads(raw))
        except ValueError:
            pass
    return check_shape(json.loads(raw.decode("utf-8")))


def dump(data: Data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


class AtomicJSONStorage(Storage):
    """One TinyDB JSON file, written atomically, cached until it changes on disk."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backup: bool = True,
        on_damage: Callable[[AtomicJSONStorage, ValueError], Data] | None = None,
    ) -> None:
        self.path = Path(path)
        self.backup = backup
        self.on_damage = on_damage
        self.readonly: str | None = None  # the reason, when writes are refused
        self.warning: str | None = None  # one line for the user after damage (see backup.recover)
        self.generation = 0  # bumped each time the data is (re)loaded from disk
        self.version = 0  # bumped each time the data in memory changes (load or write)
        self._data: Data | None = None
        self._sig: Signature | None = None
        self._fd: int | None = None  # the file last read or written, kept open (see module doc)
        self._held = 0
        self._dirty = False
        self._sig_checked = False

    # -- reading -------------------------------------------------------------------------
    def changed(self) -> bool:
        """True when the file on disk is not the one in memory (cheap: one stat)."""
        return self._data is None or stat_signature(self.path) != self._sig

    def read(self) -> Data:
        if self._data is not None:
            if self._dirty or (self._held and self._sig_checked):
                return self._data
            if not self.changed():
                # Under the lock (held) nobody else can change the file: no need to stat again.
                self._sig_checked = self._held > 0
                return self._data
        self._load()
        assert self._data is not None
        return self._data

    def _load(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            self._set({}, None, None)
            return
        except OSError as exc:
            self._unreadable(exc)
            return
        try:
            sig = signature(os.fstat(fd))
            chunks = []
            try:
                while chunk := os.read(fd, 1 << 20):
                    chunks.append(chunk)
            except OSError as exc:  # a folder where the file should be, an I/O error...
                os.close(fd)
                self._unreadable(exc)
                return
            data = parse(b"".join(chunks))
        except (ValueError, UnicodeDecodeError) as exc:
            os.close(fd)
            if self.on_damage is None:
                raise StoreDamaged(f"The store {shown_name(self.path)} is damaged ({exc}).") from exc
            self._set(self.on_damage(self, ValueError(str(exc))), stat_signature(self.path), None)
            return
        except BaseException:
            os.close(fd)
            raise
        self.readonly = None  # a good file again (someone repaired it): writable again
        self._set(data, sig, fd)

    def _unreadable(self, exc: OSError) -> None:
        """A store file that cannot be read at all: empty and read-only, with one line saying why
        and what to do (the rest of the store keeps working)."""
        from reader.store.backup import read_only_message

        if isinstance(exc, IsADirectoryError) or self.path.is_dir():
            problem, todo = "it is a folder, not a file", f"; move that folder away (mv {shown_name(self.path)} {shown_name(self.path)}.moved)"
        else:
            problem, todo = f"it cannot be read: {exc.strerror or exc}", "; check its permissions"
        self.readonly = read_only_message(self.path, problem, todo)
        self.warning = str(StoreDamaged(self.readonly))
        self._set({}, stat_signature(self.path), None)

    def _set(self, data: Data, sig: Signature | None, fd: int | None) -> None:
        if self._fd is not None:
            os.close(self._fd)
        if fd is not None and not KEEP_OPEN:
            os.close(fd)
            fd = None
        self._data, self._sig, self._fd = data, sig, fd
        self._sig_checked = self._held > 0
        self.generation += 1
        self.version += 1

    # -- writing -------------------------------------------------------------------------
    def write(self, data: Data) -> None:
        if self.readonly:
            raise StoreReadOnly(self.readonly)
        self._data = data
        self._dirty = True
        self.version += 1
        if not self._held:
            self.flush()

    def flush(self) -> None:
        if not self._dirty:
            return
        assert self._data is not None
        try:
            self.replace_file(dump(self._data), keep_backup=self.backup)
        except BaseException:
            self.discard()
            raise

    def replace_file(self, payload: bytes, *, keep_backup: bool) -> None:
        """Atomically put payload at self.path (the caller holds the lock)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        before = None
        if keep_backup and self._sig is not None:
            before = self._link_backup

        try:
            fd = atomic_write_bytes(self.path, payload, before_replace=before, keep_open=KEEP_OPEN)
        except OSError as exc:
            raise StoreError(f"Cannot save the store {shown_name(self.path)} ({exc.strerror}); your last change was not saved.") from exc
        data = self._data if self._dirty else parse(payload)
        self._dirty = False
        if self._fd is not None:
            os.close(self._fd)
        self._fd = fd
        self._data = data
        self._sig = signature(os.fstat(fd)) if fd is not None else stat_signature(self.path)
        self.version += 1

    def _link_backup(self) -> None:
        """Keep the current file (the last good version) as <name>.bak before it is replaced."""
        bak = backup_path(self.path)
        tmp = bak.with_name(bak.name + ".new")
        try:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            os.link(self.path, tmp)
            os.replace(tmp, bak)
        except FileNotFoundError:
            pass
        except OSError:  # no hard links here (some network or FAT file systems): copy instead
            import shutil

            shutil.copy2(self.path, tmp)
            os.replace(tmp, bak)

    def discard(self) -> None:
        """Forget unsaved changes: the next read re-loads the file."""
        self._dirty = False
        self._data = None
        self._sig = None

    # -- transactions --------------------------------------------------------------------
    def hold(self) -> None:
        """Start (or nest) a transaction: writes stay in memory until release()."""
        if not self._held:
            self._sig_checked = False
        self._held += 1

    def release(self, commit: bool = True) -> None:
        self._held -= 1
        if self._held:
            return
        self._sig_checked = False
        if commit:
            self.flush()
        elif self._dirty:
            self.discard()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass
