"""Untrusted text never reaches the terminal as control sequences or markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.models import Article
from reader.services.safe_text import clean

ESC = "\x1b"
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

ATTACKS = {
    "csi colour": (f"{ESC}[31;1mred{ESC}[0m", "red"),
    "csi clear screen": (f"a{ESC}[2J{ESC}[Hb", "ab"),
    "osc 52 clipboard": (f"x{ESC}]52;c;cm0gLXJmIH4=\x07y", "xy"),
    "osc 52 with ST": (f"x{ESC}]52;c;cm0gLXJmIH4={ESC}\\y", "xy"),
    "osc 8 hyperlink": (f"{ESC}]8;;file:///etc/passwd{ESC}\\click{ESC}]8;;{ESC}\\", "click"),
    "osc title": (f"{ESC}]0;pwned\x07text", "text"),
    "dcs": (f"{ESC}Pq#0;2;0;0;0#0~~{ESC}\\after", "after"),
    "apc": (f"{ESC}_Gf=100;AAAA{ESC}\\after", "after"),
    "pm and sos": (f"{ESC}^secret{ESC}\\a{ESC}Xsos{ESC}\\b", "ab"),
    "charset escape": (f"{ESC}(0lqk{ESC}(B", "lqk"),
    "two-byte escapes": (f"{ESC}7{ESC}cx{ESC}8", "x"),
    "bel": ("ding\x07dong", "dingdong"),
    "backspace overwrite": ("safe\x08\x08\x08\x08evil", "safeevil"),
    "nul and del": ("a\x00b\x7fc", "abc"),
    "8-bit csi": ("a\x9b31mb", "ab"),
    "8-bit osc": ("a\x9d52;c;AAAA\x9cb", "ab"),
    "8-bit dcs": ("a\x90qpayload\x9cb", "ab"),
    "other c1": ("a\x80\x8d\x8e\x99b", "ab"),
    "bidi override": ("abc\u202eevil\u202c", "abcevil"),
    "bidi isolates": ("\u2066a\u2067b\u2068c\u2069", "abc"),
    "bidi embeddings": ("\u202aa\u202bb\u202dc", "abc"),
    "cr overwrite": ("all good\rEVIL", "all good\nEVIL"),
    "crlf": ("one\r\ntwo", "one\ntwo"),
    "vt ff nel": ("a\x0bb\x0cc\x85d", "a\nb\nc\nd"),
    "unicode line separators": ("a\u2028b\u2029c", "a\nb\nc"),
    "unterminated osc stops at the line end": (f"a{ESC}]52;c;AAAA\nnext line", "a\nnext line"),
}


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_clean(name):
    dirty, expected = ATTACKS[name]
    assert clean(dirty) == expected


def test_legit_text_is_kept():
    persian = "من به\u200cزودی می\u200cآیم \u200fنسخه ۲\u200f و English."  # ZWNJ and RLM
    for text in [persian, "עברית \u200eLTR mark", "tabs\tand\nnewlines", "[bold red]x[/] [link=file:///etc/passwd]x[/link]",
                 "emoji 🙂 and café", "\u061c arabic letter mark"]:
        assert clean(text) == text


@given(st.text())
def test_clean_output_has_no_controls_and_is_stable(text):
    out = clean(text)
    assert not FORBIDDEN.search(out)
    assert ESC not in out
    assert clean(out) == out


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Zl", "Zp", "Cs"))))
def test_clean_keeps_ordinary_text(text):
    assert clean(text) == text


# -- in CLI output ---------------------------------------------------------------------------------
MARKUP_TITLES = ["[bold red]x[/]", "[/]", "[link=file:///etc/passwd]x[/link]"]
DIRTY = (
    f"{ESC}]52;c;cm0gLXJmIH4=\x07{ESC}[31mred{ESC}[0m \x9b2J\x9d8;;http://x\x9c "
    f"\u202eevil\u202c \x07bell\x07 \x85c1 line\rover {ESC}Pdcs{ESC}\\ {ESC}_apc{ESC}\\ [bold]b[/bold]"
)


def _control_free(output: str) -> None:
    assert ESC not in output
    bad = FORBIDDEN.search(output.replace("\n", ""))
    assert bad is None, repr(bad.group())


@pytest.fixture
def dirty_library(tmp_path):
    root = tmp_path / "lib"
    lib = Library(root)
    ids = []
    for i, title in enumerate([*MARKUP_TITLES, DIRTY]):
        a = Article(
            id=f"{i:016x}", title=title, paragraphs=[f"Body {i} {DIRTY}", f"Second {MARKUP_TITLES[i % 3]} para."],
            authors=["[i]A[/i] " + DIRTY], publisher="Pub\x1b[5m",
        )
        lib.add_article(a)
        ids.append(a.id)
        lib.state.add_bookmark(a.id, 0, a.paragraphs[0], note=f"note {DIRTY} {MARKUP_TITLES[i % 3]}")
    lib.close()
    return root, ids


def _run(root, *args):
    res = CliRunner().invoke(app, ["--library", str(root), *args])
    assert res.exit_code == 0, res.output
    return res.output


def test_list_shows_markup_literally_without_controls(dirty_library):
    root, _ = dirty_library
    output = _run(root, "list")
    for title in MARKUP_TITLES:
        assert title in output
    assert "[bold]b[/bold]" in output and "red" in output
    _control_free(output)


def test_show_shows_markup_literally_without_controls(dirty_library):
    root, ids = dirty_library
    for i, aid in enumerate(ids):
        output = _run(root, "show", aid)
        assert f"Second {MARKUP_TITLES[i % 3]} para." in output
        assert "[i]A[/i]" in output
        if i < 3:
            assert MARKUP_TITLES[i] in output
        _control_free(output)
    assert "all good" not in output and "line\nover" in output  # the CR became a line break


def test_bookmark_list_shows_markup_literally_without_controls(dirty_library):
    root, _ = dirty_library
    output = _run(root, "bookmark", "list")
    for title in MARKUP_TITLES:
        assert title in output  # titles, and notes
    assert output.count("note ") >= 4
    _control_free(output)


def test_json_output_is_control_free_too(dirty_library):
    root, ids = dirty_library
    for args in (["list", "--json"], ["show", ids[3], "--json"], ["bookmark", "list", "--json"]):
        output = _run(root, *args)
        _control_free(output)
        assert "\\u001b" not in output  # cleaned where it entered the library: nothing left to escape
    for f in root.rglob("*.json"):  # the library keeps no control sequence, not even escaped
        assert "\\u001b" not in f.read_text("utf-8") and "\x1b" not in f.read_text("utf-8"), f
