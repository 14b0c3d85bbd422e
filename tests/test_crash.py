"""SIGKILL a writing process at random moments: the store always loads and keeps every acknowledged write.

The CI run does CRASH_ITERATIONS kills (default 40, ~20 s); the full 200-kill run with printed
figures is `python -m benchmarks.crash_loop --iterations 200`.
"""

from __future__ import annotations

import os
import sys

import pytest

from benchmarks.crash_loop import run

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def test_sigkill_loop_loses_no_acknowledged_write(tmp_path):
    iterations = int(os.environ.get("CRASH_ITERATIONS", "40"))
    figures = run(iterations, seed=7, folder=tmp_path)
    assert figures.failures == []
    assert figures.iterations == iterations
    assert figures.acknowledged > iterations  # the children really were writing when killed
    assert figures.bookmarks > 0
