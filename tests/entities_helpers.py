"""Shared helpers for the entity tests: fixture loading and the corpus / scorer location."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from reader.models import Article

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "entities"


def shared_dir() -> Path | None:
    """../shared next to the repo (CI), or next to the worktrees folder (a developer's worktree)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        d = base / "shared"
        if (d / "corpus").is_dir():
            return d
    return None


def load_scorer():
    d = shared_dir()
    path = d / "tools" / "score_entities.py" if d else None
    if path is None or not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("score_entities", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.json"))


def fixture_article(path: Path) -> tuple[Article, dict]:
    d = json.loads(path.read_text(encoding="utf-8"))
    a = Article(id=path.stem, title=d.get("title"), paragraphs=d["paragraphs"], authors=d.get("authors") or [],
                publisher=d.get("publisher"), date=d.get("date"))
    return a, d
