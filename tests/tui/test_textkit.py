"""Text helpers behind the reading pane: wrap by cells, sentences, offsets through clean()."""

from __future__ import annotations

import random

from rich.cells import cell_len

from reader.tui.textkit import CleanPara, is_rtl, safe, sentences, wrap_offsets


def test_wrap_keeps_every_word_and_respects_the_width():
    rng = random.Random(7)
    for _ in range(500):
        words = ["w" * rng.randint(1, 12) for _ in range(rng.randint(1, 30))]
        text, width = " ".join(words), rng.randint(3, 25)
        lines = wrap_offsets(text, width)
        assert all(cell_len(text[s:e].rstrip()) <= width for s, e in lines)
        assert " ".join(text[s:e] for s, e in lines).split() == text.split() or any(len(w) > width for w in words)


def test_wrap_measures_wide_characters_by_cells():
    text = "\u4e2d\u6587" * 10  # 20 characters, 40 cells
    lines = wrap_offsets(text, 10)
    assert all(cell_len(text[s:e]) <= 10 for s, e in lines)
    assert "".join(text[s:e] for s, e in lines) == text


def test_sentences_split_on_stops_including_persian():
    text = "One here. Two there! Three? \u06cc\u06a9\u061f \u062f\u0648."
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["One here.", "Two there!", "Three?", "\u06cc\u06a9\u061f", "\u062f\u0648."]
    assert sentences("no stop at all") == [(0, 14)]


def test_clean_para_maps_offsets_past_removed_sequences():
    original = "a\x1b[31mred\x1b[0m word"
    cp = CleanPara.of(original)
    assert cp.text == "ared word"
    start = original.index("word")
    assert cp.text[cp.pos(start) : cp.pos(start + 4)] == "word"


def test_safe_never_parses_markup_and_strips_controls():
    text = safe("[bold red]x[/] \x1b]52;c;aGk=\x07[link=file:///etc/passwd]y")
    assert text.plain == "[bold red]x[/] [link=file:///etc/passwd]y"
    assert text.spans == []


def test_is_rtl_uses_the_first_strong_character():
    assert is_rtl("\u06af\u0641\u062a\u06af\u0648 abc")
    assert not is_rtl("abc \u06af\u0641\u062a")
    assert not is_rtl("123 ...")
