from __future__ import annotations

import pytest

from tests.tui.fixtures import build


@pytest.fixture
def lib(tmp_path, monkeypatch):
    """The fixture library in tmp_path; no system clipboard and no tmux, so copies go by the app's OSC 52
    whatever terminal the tests run in."""
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        monkeypatch.delenv(var, raising=False)
    library = build(tmp_path / "lib")
    yield library
    library.close()
