"""Plain data types shared by every layer: Article, Entity, Anchor, Bookmark.

No behaviour beyond (de)serialisation lives here, so every module can import it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Paragraph kinds. Everything that is not ordinary prose is marked so the
#: reading pane can set it off (an embedded tweet is a "quote").
TEXT, QUOTE, HEADING, CAPTION = "text", "quote", "heading", "caption"
#: The summary line under the headline (news sites' "standfirst"): shown, not a numbered paragraph.
STANDFIRST = "standfirst"

ENTITY_TYPES = ("person", "organization", "place", "date")
#: Entity.role of the article's bylined authors and its publisher (listed apart from the text's entities).
BYLINE_ROLES = ("author", "publisher")


@dataclass
class Entity:
    """One real-world entity in one article, with every surface form seen."""

    name: str
    type: str  # one of ENTITY_TYPES
    aliases: list[str] = field(default_factory=list)
    count: int = 0
    #: [paragraph index, start, end] offsets into the paragraph text.
    mentions: list[list[int]] = field(default_factory=list)
    #: Normalised value for dates ("2023-06-20", "2023-06", "2023"), else None.
    value: str | None = None
    #: "author" or "publisher" when the article's byline names this entity (BYLINE_ROLES), else None.
    role: str | None = None

    @property
    def byline_only(self) -> bool:
        """Named by the byline but never in the text: listed apart, and never with a count."""
        return self.role is not None and not self.mentions and not self.count

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
        }
        if not self.byline_only:  # a byline-only author has no count: it is not found in the text
            d["count"] = self.count
        d["mentions"] = [list(m) for m in self.mentions]
        if self.value is not None:
            d["value"] = self.value
        if self.role is not None:
            d["role"] = self.role
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            name=d["name"],
            type=d["type"],
            aliases=list(d.get("aliases") or []),
            count=int(d.get("count") or 0),
            mentions=[list(m) for m in d.get("mentions") or []],
            value=d.get("value"),
            role=d.get("role") if d.get("role") in BYLINE_ROLES else None,
        )


@dataclass
class Article:
    """A parsed article. Missing metadata is None, never guessed."""

    id: str
    title: str | None
    paragraphs: list[str]
    #: Same length as paragraphs: TEXT, QUOTE, HEADING, CAPTION or STANDFIRST.
    kinds: list[str] = field(default_factory=list)
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    #: The article's own date line, "YYYY-MM-DD", or None.
    date: str | None = None
    #: A date printed on the page that is not the article's (e.g. "Friday, 17 May 2024").
    page_date: str | None = None
    url: str | None = None
    language: str | None = None
    entities: list[Entity] = field(default_factory=list)
    #: Where it was imported from, and when (ISO date-time, UTC); set by the library.
    source: str | None = None
    added: str | None = None
    #: Tags from front matter, feed categories and the user (user changes live in the state store).
    tags: list[str] = field(default_factory=list)
    #: When a web page or feed item was fetched (ISO date-time, UTC); citations give it as "accessed".
    accessed: str | None = None
    #: The id of the feed it came from, if any.
    feed: str | None = None

    def __post_init__(self) -> None:
        if not self.kinds:
            self.kinds = [TEXT] * len(self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def inspect_dict(self) -> dict[str, Any]:
        """The `reader inspect --json` contract (plus `kinds`)."""
        return {
            "id": self.id,
            "title": self.title,
            "section": self.section,
            "authors": list(self.authors) or None,  # no byline: null, as the contract says
            "publisher": self.publisher,
            "date": self.date,
            "url": self.url,
            "language": self.language,
            "paragraphs": list(self.paragraphs),
            "kinds": list(self.kinds),
            "entities": [e.to_dict() for e in self.entities],
        }

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["entities"] = [e.to_dict() for e in self.entities]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        kw["entities"] = [Entity.from_dict(e) for e in d.get("entities") or []]
        kw["authors"] = list(d.get("authors") or [])
        kw["tags"] = [str(t) for t in d.get("tags") or []]
        return cls(**kw)


#: The longest quote a bookmark keeps (characters). A longer passage keeps its first QUOTE_LIMIT
#: characters, its offsets (start, end: the whole passage) and its context, so a bookmark of a
#: 10 MB paragraph costs a few kilobytes, and is found again by its start, context and length.
QUOTE_LIMIT = 2000
@dataclass(frozen=True)
class Anchor:
    """Where a passage is: its paragraph (0-based), the quoted text, some text around it, its offsets.

    Built by reader.services.anchor.anchor_of; Library.add_bookmark stores it as a Bookmark.
    """

    paragraph: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Bookmark:
    """A kept passage, anchored on its text (quote + context), not only on a number."""

    id: str
    article_id: str
    paragraph: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    #: Character offsets of the quote in the paragraph when it was made.
    start: int = 0
    end: int = 0
    note: str = ""
    created: str = ""
    updated: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Bookmark:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})
