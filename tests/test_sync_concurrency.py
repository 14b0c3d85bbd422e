"""Two processes of one machine (same device) writing to a synced library at once lose nothing, and
a second device's files arriving meanwhile are merged."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from reader.sync.store import SyncedStore


def _writer(root: str, tag: str, n: int) -> None:
    s = SyncedStore(Path(root), device="laptop")
    for i in range(n):
        bm = s.add_bookmark(f"art-{tag}", i, f"{tag} quote {i}")
        if i % 5 == 0:
            s.set_note(bm.id, f"{tag} note {i}")
        s.set_read(f"{tag}-{i % 7}")
    s.close()


def test_two_processes_of_one_device_lose_nothing(tmp_path):
    root = tmp_path / "lib"
    SyncedStore(root, device="laptop").close()
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(root), tag, 60)) for tag in ("p1", "p2")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
        assert p.exitcode == 0
    s = SyncedStore(root, device="laptop")
    marks = s.bookmarks()
    assert len(marks) == 120 and len({b.id for b in marks}) == 120
    for tag in ("p1", "p2"):
        mine = [b for b in marks if b.quote.startswith(tag)]
        assert [b.quote for b in mine] == [f"{tag} quote {i}" for i in range(60)]  # each one's order kept
        assert sum(b.note.startswith(f"{tag} note") for b in mine) == 12
    assert len(s.read_ids()) == 14 and s.conflicts() == {}
