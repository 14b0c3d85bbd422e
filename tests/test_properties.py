"""Bad input everywhere (hypothesis): the importer imports or refuses with a message, never a traceback;
the entity extractor never raises and its offsets are always inside the text they point into."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.entities import extract_entities
from reader.errors import IngestError
from reader.ingest import parse_text
from reader.models import ENTITY_TYPES, Article

# Text that looks like articles some of the time: words, capitalised names, dates, markup, junk.
WORDS = st.sampled_from([
    "the", "said", "on", "Tuesday", "Paris", "Maria Lopez", "United Nations", "Dr.", "Mr", "Jan.", "2023",
    "12 March 2024", "By", "Reuters", "—", "\n", "\n\n", "#", "*", "<p>", "</p>", "<script>", "&amp;", "[x](y)",
    "Photo:", "Advertisement", "Published", "Updated", "\t", "\r\n", "\x1b[31m", "\u202e", "é", "ß", "İ", "ﬁ",
    "東京", "محمد", "О", "\x00", "\ufeff", "'s", "’s", "U.S.", "St.", "Jr.", "(", ")", "\"", "“", "”",
])
TEXTISH = st.one_of(
    st.text(),
    st.lists(WORDS, max_size=80).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=60).map("".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_article(a: Article) -> None:
    assert isinstance(a.id, str) and a.id
    assert all(isinstance(p, str) for p in a.paragraphs)
    assert len(a.kinds) == len(a.paragraphs)
    assert a.title is None or isinstance(a.title, str)


@SETTINGS
@given(TEXTISH, st.sampled_from(["text", "markdown", "html"]))
def test_any_string_imports_or_is_refused_with_a_message(text, fmt):
    try:
        article = parse_text(text, fmt=fmt)
    except IngestError as exc:
        msg = str(exc)
        assert msg.strip() and "\n" not in msg and "Traceback" not in msg
        return
    _check_article(article)


@SETTINGS
@given(st.one_of(st.none(), TEXTISH), st.lists(TEXTISH, max_size=6), st.lists(st.text(max_size=20), max_size=2))
def test_entities_never_raise_and_mentions_are_inside_the_text(title, paragraphs, authors):
    article = Article(id="x" * 16, title=title, paragraphs=paragraphs, authors=authors, publisher=None)
    entities = extract_entities(article)
    for e in entities:
        assert e.type in ENTITY_TYPES and isinstance(e.name, str)
        for m in e.mentions:
            assert len(m) == 3
            p, start, end = m
            text = (title or "") if p == -1 else paragraphs[p]
            assert -1 <= p < len(paragraphs)
            assert 0 <= start < end <= len(text), (m, text)


@settings(max_examples=60, deadline=None)
@given(TEXTISH)
def test_imported_text_then_entities_is_consistent(text):
    try:
        article = parse_text(text)
    except IngestError:
        return
    for e in extract_entities(article):
        for p, start, end in e.mentions:
            target = (article.title or "") if p == -1 else article.paragraphs[p]
            assert 0 <= start < end <= len(target)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(st.binary(max_size=400), TEXTISH.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.sampled_from([".txt", ".md", ".html"]),
)
def test_any_file_bytes_import_or_are_refused(tmp_path, data, suffix):
    from reader.ingest import parse_file

    path = tmp_path / f"in{suffix}"
    path.write_bytes(data)
    try:
        article = parse_file(path)
    except IngestError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    _check_article(article)
