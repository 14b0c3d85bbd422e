"""Entry points of the ingest layer (placeholder until the ingest issue lands)."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.errors import IngestError
from reader.models import Article

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}


def article_id(paragraphs: list[str], title: str | None) -> str:
    norm = re.sub(r"\s+", " ", " ".join([title or "", *paragraphs])).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def iter_article_files(paths: Iterable[os.PathLike[str] | str]) -> Iterator[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if sub.is_file() and not any(part.startswith(".") for part in sub.relative_to(p).parts):
                    yield sub
        else:
            yield p


def parse_text(text: str, fmt: str = "text", source: str | None = None) -> Article:
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    if not paras:
        raise IngestError("the file has no text")
    title = paras[0]
    body = paras[1:]
    return Article(id=article_id(body, title), title=title, paragraphs=body, source=source)


def parse_file(path: os.PathLike[str] | str) -> Article:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror})") from exc
    return parse_text(data.decode("utf-8", errors="replace"), source=str(p))
