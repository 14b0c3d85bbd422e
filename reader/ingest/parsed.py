"""What a format parser (plain text, Markdown, HTML) hands to the api before it becomes an Article."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Parsed:
    """What a format parser hands to the api: metadata as found (raw outlet) plus the body."""

    title: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    #: The outlet is a name as the page writes it ('By Euronews with AP'), not a domain to render.
    outlet_written: bool = False
    #: The outlet named by the page's title line ('Title | Harbour Gazette'): the publisher when no byline,
    #: source line or dateline names one.
    site: str | None = None
    date: str | None = None
    page_date: str | None = None
    url: str | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
