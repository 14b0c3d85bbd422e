"""Runs tests/tui/tmux_e2e.sh: the real app in a real terminal (skipped without tmux)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("tmux_e2e.sh")


MODES = {"256": {}, "16": {"E2E_TERM": "screen"}, "NO_COLOR": {"E2E_NO_COLOR": "1"}}


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("mode", MODES)
def test_tmux_end_to_end(mode):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "E2E_TERM", "E2E_NO_COLOR")}
    res = subprocess.run(
        ["bash", str(SCRIPT)], env={**env, "PYTHON": sys.executable, **MODES[mode]}, capture_output=True, text=True,
        timeout=180,
    )
    assert res.returncode == 0 and "tmux e2e: ok" in res.stdout, res.stdout + res.stderr
