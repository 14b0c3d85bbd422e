"""Shared pieces of the metadata rule tests (issue 14): a made-up headline and body in the shape of a real
page (none of a real page's words), and the five metadata fields of a parsed text."""

from __future__ import annotations

from reader.ingest import parse_text

T = "Harbour town votes to build a new sea wall"
BODY2 = ("The regional council approved the new harbour wall on Monday after a two-year review, "
         "officials said, and work is due to start in the spring.\n\n"
         "Residents had asked for the wall after three winters of flooding in the old town.\n")
BODY = BODY2 + "\nThe mayor said the cost would be shared with the national government over five years.\n"


def meta(text: str):
    """(title, section, authors, publisher, date) as `reader inspect` reads them."""
    a = parse_text(text)
    return a.title, a.section, a.authors, a.publisher, a.date
