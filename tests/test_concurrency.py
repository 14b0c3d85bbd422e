"""Two processes writing at once never lose each other's writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import StateStore

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

WRITER = """
import sys
from pathlib import Path
from reader.store import StateStore
path, tag, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = StateStore(path)          # held open for the whole run, like a TUI
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()              # start together
for i in range(n):
    bm = store.add_bookmark(f"{tag}-art{i % 17}", i, f"{tag} quote {i}", note=f"{tag}{i}")
    if i % 10 == 0:
        store.set_note(bm.id, f"{tag}{i} edited")
        store.set_read(f"{tag}-art{i % 17}")
        store.set_setting(f"{tag}-count", i)
store.close()
"""


def _race(path: Path, n: int, tags=("p1", "p2")) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), tag, str(n)], cwd=ROOT, text=True,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for tag in tags
    ]
    for p in procs:
        assert p.stdout.readline() == "ready\n", p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err


@pytest.mark.parametrize("shards", [16, 1])
def test_two_processes_add_500_bookmarks_each(tmp_path, shards):
    path = tmp_path / "state.json"
    StateStore(path, shards=shards).close()  # shards=1: every write goes to the same file
    _race(path, 500)
    store = StateStore(path)
    marks = store.bookmarks()
    assert len(marks) == 1000
    assert len({b.id for b in marks}) == 1000
    for tag in ("p1", "p2"):
        mine = [b for b in marks if b.quote.startswith(tag)]
        assert [b.quote for b in mine] == [f"{tag} quote {i}" for i in range(500)]  # each one's order kept
        assert sum(b.note.endswith("edited") for b in mine) == 50
        assert store.get_setting(f"{tag}-count") == 490
    assert len(store.read_ids()) == 34
    for f in [path, *store.folder.glob("*.json")]:
        json.loads(f.read_bytes())
    assert not list(tmp_path.rglob(".*.tmp"))
