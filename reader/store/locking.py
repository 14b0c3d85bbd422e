"""StoreLock: one lock for a state store, across processes (filelock) and threads (RLock).

Every read-modify-write of the store runs under it, so a TUI and a CLI command (or two TUIs)
holding the same store open never lose each other's writes. Re-entrant in one thread.
A process killed while holding it (even by SIGKILL) releases it: the OS drops the flock.
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from reader.errors import StoreError

#: Seconds to wait for another reader process to finish its write before giving up.
LOCK_TIMEOUT = 15.0


class StoreLock:
    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._thread = threading.RLock()
        self._file = FileLock(str(self.path), thread_local=False)

    def acquire(self) -> None:
        self._thread.acquire()
        try:
            self._file.acquire(timeout=self.timeout, poll_interval=0.002)
        except Timeout:
            self._thread.release()
            raise StoreError(
                f"Another reader process has held the store lock {self.path} for over {self.timeout:.0f} s; "
                "close other reader windows or commands and try again."
            ) from None
        except BaseException:
            self._thread.release()
            raise

    def release(self) -> None:
        try:
            self._file.release()
        finally:
            self._thread.release()

    @property
    def held(self) -> bool:
        return self._file.is_locked

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
