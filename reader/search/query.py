"""The search language, parsed once for the CLI, the TUI and the index (one parser, one rule).

    words            every word must match (anywhere: title, authors, text, entities, tags...)
    "exact phrase"   the words in this order
    prefix*          words starting with "prefix"
    a OR b           either (binds the two terms either side of OR)
    -word -"phrase"  must not match
    title: author: publisher: section: tag: feed: entity:   only in that field (title:"a b" too)
    date:2023  date:2023-06  date:2023-06-01..2023-07-15  date:2023-06..  date:..2023
    is:unread  is:read  is:bookmarked  has:note

parse(text) -> Query, or raises QueryError with one line saying what is wrong.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from reader.errors import ReaderError
from reader.search.text import words

FIELDS = ("title", "author", "publisher", "section", "tag", "feed", "entity")
FIELD_ALIASES = {"authors": "author", "by": "author", "tags": "tag", "source": "feed", "pub": "publisher"}
STATES = {("is", "unread"), ("is", "read"), ("is", "bookmarked"), ("has", "note"), ("has", "bookmark")}
#: The language, one (syntax, meaning) row each: the `?` screen shows them.
SYNTAX = [
    ("word word", "every word must match, anywhere"),
    ('"exact phrase"', "these words in this order"),
    ("tehr*", "words starting so"),
    ("iran OR iraq", "either"),
    ('-word -"a phrase"', "must not match"),
    ("title: author:", 'in that field: author:"Ali Rezaei"'),
    ("publisher: section:", "in that field"),
    ("tag: feed:", "in that field"),
    ("entity:Rahimi", "an extracted entity, by name or alias"),
    ("date:2023-06", "a year, month or day"),
    ("date:2023-06-01..2023-07", "a range (either end may be left open)"),
    ("is:unread is:read", "read state"),
    ("is:bookmarked has:note", "with bookmarks, with notes"),
    ("Zurich, zürich", "same: case and accents do not matter"),
]
HELP = (
    'words (all must match) · "exact phrase" · prefix* · a OR b · -exclude · title: author: publisher: '
    "section: tag: feed: entity: · date:2023-06 or date:2023-06-01..2023-07-15 · is:unread is:read "
    "is:bookmarked has:note"
)


class QueryError(ReaderError):
    """A malformed query; the message is one line for the user."""


@dataclass(frozen=True)
class Term:
    """One thing to match: a word, a prefix or a phrase (folded words), maybe in one field."""

    words: tuple[str, ...]
    field: str | None = None
    prefix: bool = False
    raw: str = ""

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True)
class Clause:
    """Terms of which at least one must match (one term unless joined with OR); negated: none may."""

    terms: tuple[Term, ...]
    negated: bool = False


@dataclass(frozen=True)
class Query:
    text: str = ""
    clauses: tuple[Clause, ...] = ()
    #: ISO date bounds, inclusive ("2023-06-01", "2023-07-31"), either may be None.
    date_from: str | None = None
    date_to: str | None = None
    #: "unread", "read", "bookmarked", "note" (each must hold).
    states: frozenset[str] = field(default_factory=frozenset)

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def empty(self) -> bool:
        return not self.clauses and not self.date_from and not self.date_to and not self.states

    def highlight_terms(self, field: str | None = None) -> list[Term]:
        """The terms worth marking in text of `field` (None: the article text)."""
        out = []
        for c in self.positive:
            for t in c.terms:
                if t.field == "entity" and field is None:  # the entity's names, as phrases in the text
                    out += [Term(ws, None, False, w) for w in t.words if (ws := tuple(words(w)))]
                elif t.field == field or t.field is None:
                    out.append(t)
        return out


# A token: -? (name:)? ("phrase" | bare-run); bare runs stop at whitespace and quotes.
_TOKEN = re.compile(r'\s*(-)?(?:([^\s:"]+):)?(?:"([^"]*)("?)|([^\s"]+))?')
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _date_bound(text: str, upper: bool) -> str:
    m = _DATE.match(text)
    if not m:
        raise QueryError(f"date:{text} is not a date; write date:2023, date:2023-06 or date:2023-06-01..2023-07-15.")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    mo_i = int(mo) if mo else (12 if upper else 1)
    if not 1 <= mo_i <= 12:
        raise QueryError(f"date:{text} has no month {mo_i}; months are 01 to 12.")
    last = calendar.monthrange(y, mo_i)[1]
    d_i = int(d) if d else (last if upper else 1)
    if not 1 <= d_i <= last:
        raise QueryError(f"date:{text} has no day {d_i}; that month has {last} days.")
    return f"{y:04d}-{mo_i:02d}-{d_i:02d}"


def _date_range(value: str) -> tuple[str | None, str | None]:
    if ".." in value:
        lo, _, hi = value.partition("..")
        if not lo and not hi:
            raise QueryError("date:.. needs a start or an end, e.g. date:2023-06-01..2023-07-15.")
        a = _date_bound(lo, False) if lo else None
        b = _date_bound(hi, True) if hi else None
        if a and b and a > b:
            raise QueryError(f"date:{value} ends before it starts.")
        return a, b
    return _date_bound(value, False), _date_bound(value, True)


def _term(raw: str, fld: str | None, quoted: bool) -> Term | None:
    prefix = not quoted and raw.endswith("*")
    core = raw.rstrip("*") if prefix else raw
    ws = tuple(words(core))
    if not ws:
        if prefix and not core:
            raise QueryError("A lone * matches nothing; put it after the start of a word, e.g. tehr*.")
        return None
    if fld == "entity":
        return Term((core.strip(),), fld, False, raw)  # matched by entity key, not by words
    return Term(ws, fld, prefix, raw)


def parse(text: str) -> Query:
    """Parse a query (see the module doc); raise QueryError with one line if it is malformed."""
    clauses: list[Clause] = []
    date_from = date_to = None
    states: set[str] = set()
    pending_or = False
    pos, n = 0, len(text)
    if text.count('"') % 2:
        raise QueryError('A phrase is not closed: every " needs its closing ".')
    while pos < n:
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            pos += 1
            continue
        pos = m.end()
        neg, name, phrase, _close, bare = m.groups()
        if name is None and phrase is None and bare is None:
            if neg:
                raise QueryError("A lone - excludes nothing; put it right before a word: -sport.")
            continue
        if name is not None and phrase is None and bare is None:
            raise QueryError(f"{name}: needs something after it, e.g. {name}:word (no space).")
        if name is None and phrase is None and bare == "OR":
            if not clauses or pending_or:
                raise QueryError("OR needs a word on each side: iran OR iraq.")
            pending_or = True
            continue
        fld = None
        if name is not None:
            key = name.casefold()
            key = FIELD_ALIASES.get(key, key)
            value = phrase if phrase is not None else bare
            if key == "date":
                if neg or pending_or:
                    raise QueryError("date: cannot be excluded or OR-ed; give the range you want.")
                date_from, date_to = _date_range(value)
                continue
            if key in ("is", "has"):
                if (key, value.casefold()) not in STATES:
                    raise QueryError(f"{name}:{value} is not known; use is:unread, is:read, is:bookmarked or has:note.")
                if neg or pending_or:
                    raise QueryError(f"{name}:{value} cannot be excluded or OR-ed; use its opposite (is:read, is:unread).")
                states.add({"bookmark": "bookmarked", "note": "note"}.get(value.casefold(), value.casefold()))
                continue
            if key not in FIELDS:
                raise QueryError(
                    f"{name}: is not a field; use title: author: publisher: section: tag: feed: entity: date: is: or has:."
                )
            fld = key
        term = _term(phrase if phrase is not None else bare, fld, phrase is not None)
        if term is None:
            continue
        if pending_or:
            last = clauses.pop()
            if last.negated or neg:
                raise QueryError("OR cannot join an excluded term; write -a -b to exclude both.")
            clauses.append(Clause(last.terms + (term,)))
            pending_or = False
        else:
            clauses.append(Clause((term,), bool(neg)))
    if pending_or:
        raise QueryError("OR needs a word on each side: iran OR iraq.")
    if states >= {"read", "unread"}:
        raise QueryError("is:read and is:unread together match nothing; keep one.")
    return Query(text, tuple(clauses), date_from, date_to, frozenset(states))


_TYPING = re.compile(r'(?:^|\s)((?:[^\s:"-][^\s:"]*:)?[^\s:"*-][^\s:"*]{2,})$')


def as_you_type(text: str) -> str:
    """The query while it is being typed: the word under the cursor (3+ letters) is a prefix.

    "rotter" finds Rotterdam before the word is finished; a finished word (a space after it), a
    phrase, an exclusion or a date/is:/has: filter are left as they are.
    """
    m = _TYPING.search(text)
    if not m or m.group(1) == "OR" or m.group(1).split(":")[0].casefold() in ("date", "is", "has", "entity"):
        return text
    return text + "*"
