from __future__ import annotations

import pytest

from tests.tui.fixtures import build


@pytest.fixture(autouse=True)
def truecolor_terminal(monkeypatch):
    """The app picks attributes over colours in 16 colours or with NO_COLOR (styles/app.tcss): the tests run as in
    a truecolor terminal whatever terminal runs them; tests/tui/test_colours.py sets the others."""
    monkeypatch.setattr("textual.constants.COLOR_SYSTEM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(autouse=True)
def slow_read_mark(monkeypatch):
    """An article whose end is in view is marked read after END_SEEN seconds: long here, so no test (nor snapshot)
    depends on how fast the machine is; the tests of that rule set their own."""
    monkeypatch.setattr("reader.tui.widgets.reading_pane.END_SEEN", 600.0)


@pytest.fixture
def lib(tmp_path, monkeypatch):
    """The fixture library in tmp_path; no system clipboard and no tmux, so copies go by the app's OSC 52
    whatever terminal the tests run in."""
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        monkeypatch.delenv(var, raising=False)
    library = build(tmp_path / "lib")
    yield library
    library.close()
