"""Re-locating bookmarks by their text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.models import Bookmark
from reader.services.anchor import locate, make_anchor, sentence_span

PARAS = [
    "Officials met in Paris on Tuesday.",
    "The talks would continue, the minister said, despite objections from the region.",
    "Analysts warned that the agreement could collapse if sanctions were renewed.",
    "Protesters gathered outside parliament demanding answers about the budget.",
]


def bm_for(paragraphs, p, start=None, end=None) -> Bookmark:
    quote, prefix, suffix, s, e = make_anchor(paragraphs, p, start, end)
    return Bookmark(id="b", article_id="a", paragraph=p, quote=quote, prefix=prefix, suffix=suffix, start=s, end=e)


def test_make_anchor_whole_paragraph_takes_context_from_neighbours():
    quote, prefix, suffix, s, e = make_anchor(PARAS, 1)
    assert quote == PARAS[1] and (s, e) == (0, len(PARAS[1]))
    assert prefix == PARAS[0][-32:] and suffix == PARAS[2][:32]


def test_make_anchor_span_takes_context_from_the_paragraph():
    start = PARAS[2].index("the agreement")
    quote, prefix, suffix, s, e = make_anchor(PARAS, 2, start, start + len("the agreement"))
    assert quote == "the agreement" and prefix == PARAS[2][:start][-32:] and suffix.startswith(" could collapse")


def test_exact_in_hinted_paragraph():
    assert locate(bm_for(PARAS, 2), PARAS) == (2, 0, len(PARAS[2]))


def test_exact_anywhere_after_paragraphs_moved():
    bm = bm_for(PARAS, 2)
    moved = ["A new first paragraph.", "And another.", *PARAS]
    assert locate(bm, moved) == (4, 0, len(PARAS[2]))


def test_repeated_quote_prefers_matching_context_then_hint():
    paras = ["He said no. Then he said no again.", "Later: no."]
    start = paras[0].index("no again")
    bm = bm_for(paras, 0, start, start + 2)
    assert locate(bm, paras) == (0, start, start + 2)  # not the first "no" of the paragraph
    bm.paragraph = 5  # a hint out of range still finds it
    assert locate(bm, paras) == (0, start, start + 2)


def test_edited_quote_found_between_its_context():
    start = PARAS[2].index("the agreement could collapse")
    bm = bm_for(PARAS, 2, start, start + len("the agreement could collapse"))
    edited = list(PARAS)
    edited[2] = PARAS[2].replace("the agreement could collapse", "the deal might fall apart entirely")
    p, s, e = locate(bm, edited)
    assert p == 2 and edited[2][s:e] == "the deal might fall apart entirely"


def test_edited_whole_paragraph_found_between_neighbours():
    bm = bm_for(PARAS, 2)
    edited = list(PARAS)
    edited[2] = "Something else entirely was written here by the editors."
    assert locate(bm, edited) == (2, 0, len(edited[2]))


def test_fuzzy_match_after_small_edits():
    bm = bm_for(PARAS, 1)
    bm.prefix = bm.suffix = ""  # no usable context
    edited = ["Intro.", PARAS[0], PARAS[1].replace("minister", "ministre").replace(",", ""), PARAS[3]]
    assert locate(bm, edited) == (2, 0, len(edited[2]))


def test_fuzzy_inside_a_longer_paragraph():
    start = PARAS[2].index("Analysts")
    bm = bm_for(PARAS, 2, start, start + 40)
    bm.prefix = bm.suffix = ""
    text = "New lead-in sentence. " + PARAS[2][:40].replace("warned", "warn") + " and more text after it."
    p, s, e = locate(bm, [text])
    assert p == 0 and "Analysts warn that" in text[s:e]


def test_nothing_close_enough():
    bm = bm_for(PARAS, 2)
    assert locate(bm, ["Completely unrelated words about cooking pasta.", "And gardening."]) is None
    assert locate(bm, []) is None


def test_sentence_span():
    text = "First one. Second one? Third!"
    assert [text[slice(*sentence_span(text, i))] for i in range(3)] == ["First one.", "Second one?", "Third!"]
    assert sentence_span(text, 3) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=6), st.data())
def test_locate_finds_any_anchor_in_unchanged_text(paragraphs, data):
    p = data.draw(st.integers(0, len(paragraphs) - 1))
    n = len(paragraphs[p])
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    bm = bm_for(paragraphs, p, start, end)
    found = locate(bm, paragraphs)
    if not bm.quote:
        assert found is None
    else:
        fp, fs, fe = found
        assert paragraphs[fp][fs:fe] == bm.quote
