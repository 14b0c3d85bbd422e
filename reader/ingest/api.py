"""Entry points of the ingest layer: files and text -> Article.

A file's format comes from its suffix (.txt/.text, .md/.markdown, .html/.htm); a file without a
suffix is sniffed (HTML, Markdown front matter, else plain text). Every refusal is an IngestError
with a one-line reason.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from reader.controls import clean_str
from reader.errors import IngestError
from reader.ingest.decode import read_text
from reader.ingest.language import detect_language
from reader.ingest.parsed import Parsed
from reader.ingest.plaintext import parse_plaintext
from reader.ingest.publisher import outlet_name
from reader.models import Article

FORMATS = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
SUFFIXES = {s for s in FORMATS if s}


def article_id(paragraphs: list[str], title: str | None) -> str:
    """Stable id: the same title and text (whitespace and case aside) give the same id."""
    norm = re.sub(r"\s+", " ", " ".join([title or "", *paragraphs])).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def _importable(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def _leaves(link: Path, top: Path) -> Path | None:
    """Where a symlink inside the folder `top` (resolved) points, when that is outside the folder."""
    try:
        target = link.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return link
    return None if target == top or top in target.parents else target


def iter_article_files(
    paths: Iterable[os.PathLike[str] | str], skipped: Callable[[Path, str], None] | None = None
) -> Iterator[Path]:
    """Each path as given; folders expanded recursively (sorted) to their article files.

    Inside a folder, hidden files and folders are skipped, and so are files whose suffix is not
    an article format (images, PDFs, README...): a folder of mixed files imports its articles
    quietly. A symlink inside a folder that points outside it (a link to ~/.bashrc) is not read:
    skipped(path, reason) is told. Symlinked folders are not followed. A file named explicitly
    is always yielded (a suffix-less one is read if it is text), so an unsupported one gets a reason.
    """
    for p in map(Path, paths):
        if not p.is_dir():
            yield p
            continue
        top = p.resolve()
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                sub = Path(root) / name
                if name.startswith(".") or not _importable(sub):
                    continue
                if sub.is_symlink():
                    outside = _leaves(sub, top)
                    if outside is not None:
                        if skipped is not None:
                            skipped(sub, f"a link to {outside}, outside the folder; not imported (import that file by its own name if you mean it)")
                        continue
                yield sub


def sniff_format(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "<" == head[:1]):
        return "html"
    if text.lstrip("\ufeff").startswith("---\n"):
        return "markdown"
    return "text"


def _language_tag(value: str | None) -> str | None:
    """'en-GB' / 'EN_us' -> 'en'; anything that is not a language tag is kept as written."""
    if not value:
        return None
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*", value.strip())
    return m.group(1).lower() if m else value.strip()


def _parse(text: str, fmt: str) -> Parsed:
    if fmt == "text":
        return parse_plaintext(text)
    if fmt == "markdown":
        from reader.ingest.markdown import parse_markdown

        return parse_markdown(text)
    if fmt == "html":
        from reader.ingest.html import parse_html

        return parse_html(text)
    raise IngestError(f"unknown format {fmt!r}; use text, markdown or html.")


def _clean_parsed(p: Parsed) -> Parsed:
    """Every field without terminal control sequences (an HTML entity such as &#27;, a YAML "\\e" in
    front matter... decode to them after decode_bytes ran); paragraphs left empty are dropped."""

    def one(value: str | None) -> str | None:
        if value is None:
            return None
        return " ".join(clean_str(str(value)).split()) or None

    kept = [(clean_str(t).strip(), k) for t, k in zip(p.paragraphs, p.kinds or [""] * len(p.paragraphs))]
    kept = [(t, k) for t, k in kept if t]
    return replace(  # replace, not a new Parsed: fields added later (outlet_written...) carry over
        p, title=one(p.title), section=one(p.section),
        authors=[a for a in (one(a) for a in p.authors) if a],
        outlet=one(p.outlet), date=one(p.date), page_date=one(p.page_date), url=one(p.url), language=one(p.language),
        paragraphs=[t for t, _ in kept], kinds=[k for _, k in kept] if p.kinds else [],
    )


def parse_text(text: str, fmt: str = "text", source: str | None = None) -> Article:
    """Parse article text in the given format ("text", "markdown" or "html")."""
    if not text or not text.strip():
        raise IngestError("the file contains only whitespace; there is nothing to import.")
    parsed = _clean_parsed(_parse(text, fmt))
    if not parsed.paragraphs:
        raise IngestError("no article text was found in the file.")
    body_text = "\n".join(parsed.paragraphs)
    language = _language_tag(parsed.language) or detect_language(parsed.paragraphs)
    return Article(
        id=article_id(parsed.paragraphs, parsed.title),
        title=parsed.title,
        paragraphs=parsed.paragraphs,
        kinds=parsed.kinds,
        section=parsed.section,
        authors=parsed.authors,
        publisher=parsed.outlet if parsed.outlet_written else outlet_name(parsed.outlet, body_text),
        date=parsed.date,
        page_date=parsed.page_date,
        url=parsed.url,
        language=language,
        source=source,
        tags=list(parsed.tags),
    )


def parse_file(path: os.PathLike[str] | str) -> Article:
    """Read, decode and parse one article file. Raises IngestError with a one-line reason."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in FORMATS and not p.is_dir() and p.exists():
        raise IngestError(
            f"unsupported file type {suffix!r}; reader imports .txt, .md and .html articles."
        )
    text = read_text(p)
    fmt = FORMATS.get(suffix, "text")
    if suffix == "":
        fmt = sniff_format(text)
    return parse_text(text, fmt, source=str(p.absolute()))
