from __future__ import annotations

import pytest

from tests.tui.fixtures import build


@pytest.fixture
def lib(tmp_path, monkeypatch):
    """The fixture library in tmp_path; the system clipboard is unavailable (copies go by OSC 52)."""
    import pyperclip

    def no_clipboard(text):
        raise pyperclip.PyperclipException("no clipboard in tests")

    monkeypatch.setattr(pyperclip, "copy", no_clipboard)
    library = build(tmp_path / "lib")
    yield library
    library.close()
