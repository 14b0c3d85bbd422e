from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (CI, /work/main); a worktree one level deeper finds it further up.
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def user_config_dir(tmp_path, monkeypatch):
    """Every test gets its own empty user config folder, never the user's own settings."""
    d = tmp_path / "user-config"
    monkeypatch.setenv("READER_CONFIG_DIR", str(d))
    for var in ("READER_THEME", "READER_CITATION_STYLE", "READER_ENTITIES"):
        monkeypatch.delenv(var, raising=False)
    return d


@pytest.fixture(autouse=True)
def _search_cache(tmp_path_factory, monkeypatch):
    """Search indexes (derived data, normally in the user's cache folder) go to a temp folder."""
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _device(monkeypatch):
    """A fixed device id (reader.sync.device), so no test writes one into the user's config folder."""
    monkeypatch.setenv("READER_DEVICE", "testdevice")


@pytest.fixture
def library_dir(tmp_path, monkeypatch):
    """An empty library folder, also set as READER_LIBRARY so nothing touches the user's data."""
    d = tmp_path / "lib"
    monkeypatch.setenv("READER_LIBRARY", str(d))
    return d


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
