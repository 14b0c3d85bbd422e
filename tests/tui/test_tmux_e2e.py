"""Runs tests/tui/tmux_e2e.sh: the real app in a real terminal (skipped without tmux)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("tmux_e2e.sh")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_tmux_end_to_end():
    res = subprocess.run(
        ["bash", str(SCRIPT)], env={**os.environ, "PYTHON": sys.executable}, capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0 and "tmux e2e: ok" in res.stdout, res.stdout + res.stderr
