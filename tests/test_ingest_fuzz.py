"""Whatever the text, parsing gives a well-formed Article or an IngestError, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import IngestError
from reader.ingest import parse_text
from reader.ingest.decode import decode_bytes

PIECES = st.sampled_from([
    "Home » Section » A title", "A title", "By Ann Lee – example.com", "Written by Bo Ek – Newsdesk",
    "— Someone (@handle) June 1, 2023", "pic.twitter.com/abc", "You may also like", "Leave a Comment", "0",
    "Friday , 17 May 2024", "Al-Monitor — Text follows here.", "[Photo/AFP]", "(Photo by X / AFP)",
    "کتاب‌ها", "---", "title: x", "# Heading", "> quote", "", " ", "\u00a0", "1. Item",
    "A normal sentence of prose that goes on for a while, as articles do.",
])
DOCS = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=25).map("\n".join)


def check(article) -> None:
    assert article.paragraphs and len(article.kinds) == len(article.paragraphs)
    assert set(article.kinds) <= {"text", "quote", "heading", "caption", "standfirst"}
    assert all(p.strip() == p and p for p in article.paragraphs)
    assert article.date is None or len(article.date) == 10
    assert isinstance(article.authors, list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.sampled_from(["text", "markdown"]))
def test_parse_text_never_crashes(doc, fmt):
    try:
        check(parse_text(doc, fmt))
    except IngestError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_decode_never_crashes(data):
    try:
        text = decode_bytes(data)
    except IngestError as exc:
        assert "\n" not in str(exc)
    else:
        assert text.strip() and "\x00" not in text and "\x1b" not in text
