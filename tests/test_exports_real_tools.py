"""The exports read back right in the tools their users rely on (issue 15): markdown-it-py and pandoc
for the Markdown, PyYAML for its front matter, pybtex and pandoc for BibTeX, rispy for RIS, the
official CSL-JSON schema (vendored in tests/fixtures/csl_schema) for CSL-JSON.

The fixture library's titles, authors, quotes and notes hold every character that broke an export
(Markdown block markers, fences, rules, TeX specials, straight quotes, braces), Persian text and
terminal escape sequences; each article and each passage and note must come back whole, in its place.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jsonschema
import pypandoc
import pytest
import rispy
import yaml
from markdown_it import MarkdownIt
from pybtex.backends.plaintext import Backend
from pybtex.database import parse_string
from pybtex.style.formatting.plain import Style

from reader.library import Library
from reader.models import Article
from reader.services import cite
from reader.services.export import export_notes
from reader.services.safe_text import clean

SCHEMA = Path(__file__).parent / "fixtures" / "csl_schema" / "csl-data.json"
ESC = "\x1b]52;c;aGk=\x07\x1b[2J"
PERSIAN = "ایران و اروپا: «گفت‌وگو» ادامه دارد"
SPECIAL_LINES = [
    "* a list item", "# a heading", "## an article heading", "text above a rule", "---", "```", "~~~python",
    "    indented code", "> a quote", "1. one", "2) two", "+ plus", "<div>html</div>", "[ref]: https://e.org/x",
    "%%an Obsidian comment%%", "| a | table |", "===", "<!-- comment", "[link](https://e.org) and [[wiki link]]",
    "\\ backslash & &amp; $math$ {braces} _under_ ~tilde~ ^caret %", PERSIAN, f"escape {ESC}here", "",
]
ARTICLES = [
    Article(
        id="a" * 16, title='Iran says MEK "terrorists" must leave Albania & pay 100% $ # _ {now}',
        paragraphs=["First para.", "# Not a heading * star", "Third `code` para."],
        authors=["Maziar Motamedi", "{Reuters Staff}"], publisher="Al Jazeera", date="2023-06-20",
        url="https://example.org/news/2023/6/20/iran_mek", section="Middle East", language="en",
        added="2024-05-17T09:30:00+00:00",
    ),
    Article(
        id="b" * 16, title=f"{PERSIAN} {ESC}", paragraphs=["---", PERSIAN + ESC, "```"],
        authors=["Rehan Kamal"], publisher="BBC Persian", date="2021", section=f"World{ESC}", language="fa",
        added="2024-01-02T00:00:00+00:00",
    ),
    Article(id="c" * 16, title="# Undated *and* without a URL", paragraphs=["Only one."], authors=["Anna Keller"],
            publisher="Harbour Times", added="2024-02-03T00:00:00+00:00"),
]
NOTES = [
    ("a" * 16, 0, "First para.", "\n".join(SPECIAL_LINES)),
    ("a" * 16, 1, "# Not a heading * star", "---"),
    ("a" * 16, 2, "Third `code` para.", "```\nunclosed fence\n\n## still a note"),
    ("b" * 16, 0, "---", f"{PERSIAN}\n{ESC}"),
    ("b" * 16, 1, PERSIAN + ESC, ""),
    ("b" * 16, 2, "```", "* only a list marker"),
    ("c" * 16, 0, "Only one.", "   \n  leading blank lines and trailing spaces   \n\n"),
]


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    library = Library.open(tmp_path_factory.mktemp("lib"), seed=False)
    for a in ARTICLES:
        library.add_article(a)
    for aid, para, quote, note in NOTES:
        library.state.add_bookmark(aid, para, quote, note=note)
    yield library
    library.close()


def one_line(text: str) -> str:
    return " ".join(clean(text).split())


def note_lines(note: str) -> str:
    return "\n".join(" ".join(line.split()) for line in clean(note).strip().split("\n"))


def expected_structure(lib) -> list[tuple]:
    refs = cite.format_references([lib.get(a.id) for a in ARTICLES], "apa")
    out: list[tuple] = []
    for a in ARTICLES:
        out += [("heading", one_line(a.title)), ("paragraph", one_line(refs[a.id]))]
        for aid, _para, quote, note in NOTES:
            if aid == a.id:
                out.append(("quote", one_line(quote)))
                if note.strip():
                    out.append(("note", note_lines(note)))
    return out


# -- Markdown ---------------------------------------------------------------------------------------
def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("hardbreak", "softbreak"):
            parts.append("\n")
    return "".join(parts)


def markdown_structure(text: str) -> list[tuple]:
    """The top-level blocks as markdown-it-py reads them; fails on any block a note must not make."""
    tokens = MarkdownIt("commonmark").parse(text.split("---\n", 2)[2])
    out: list[tuple] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        assert t.level == 0, f"unexpected nesting at {t.type}"
        if t.type == "heading_open":
            out.append(("heading", _inline_text(tokens[i + 1])))
            i += 3
        elif t.type == "paragraph_open":
            children = tokens[i + 1].children or []
            if len(children) > 2 and children[1].type == "strong_open" and children[2].content == "Note:":
                out.append(("note", _inline_text(tokens[i + 1])[len("Note:"):].lstrip(" ")))
            else:
                out.append(("paragraph", _inline_text(tokens[i + 1])))
            i += 3
        elif t.type == "blockquote_open":
            j = i + 1
            paras = []
            while tokens[j].type != "blockquote_close" or tokens[j].level != 0:
                assert tokens[j].type in ("paragraph_open", "inline", "paragraph_close"), tokens[j].type
                if tokens[j].type == "inline":
                    paras.append(_inline_text(tokens[j]))
                j += 1
            assert len(paras) == 2 and paras[1].startswith("— (")  # the passage, then its citation
            out.append(("quote", paras[0]))
            i = j + 1
        else:
            raise AssertionError(f"a block a note or title must not make: {t.type} {t.content!r}")
    return out


def test_markdown_blocks_are_exactly_the_articles_passages_and_notes(lib):
    text = export_notes(lib, "markdown")
    assert markdown_structure(text) == expected_structure(lib)
    headings = [b for b in markdown_structure(text) if b[0] == "heading"]
    assert len(headings) == len(ARTICLES)
    assert sum(1 for b in markdown_structure(text) if b[0] == "quote") == len(NOTES)


def test_markdown_front_matter_reads_in_pyyaml(lib):
    text = export_notes(lib, "markdown")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["articles"] == 3 and front["bookmarks"] == len(NOTES) and front["citation_style"] == "apa"


def test_markdown_reads_the_same_in_pandoc(lib):
    ast = json.loads(pypandoc.convert_text(export_notes(lib, "markdown"), "json", format="commonmark_x"))
    kinds = [b["t"] for b in ast["blocks"]]
    assert kinds.count("Header") == len(ARTICLES) and kinds.count("BlockQuote") == len(NOTES)
    assert set(kinds) == {"Header", "Para", "BlockQuote"}
    assert ast["meta"]["title"]["c"][0]["c"] == "Reader"


@pytest.mark.parametrize("fmt", ["markdown", "bibtex", "biblatex-apa", "ris", "csl-json", "json"])
def test_no_export_holds_a_control_sequence(lib, fmt):
    text = export_notes(lib, fmt)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", text)
    if fmt == "json":  # JSON may escape them instead; what it decodes to must be clean too
        assert "\\u001b" not in text


# -- BibTeX ------------------------------------------------------------------------------------------
def _pandoc_items(text: str, fmt: str) -> dict[str, dict]:
    items = json.loads(pypandoc.convert_text(text, "csljson", format=fmt))
    return {i["title"]: i for i in items}


def _nocase(text: str) -> str:
    return re.sub(r"</?span[^>]*>", "", text)


def _curly(text: str) -> str:
    return text.replace(' "', " \u201c").replace('" ', "\u201d ")


@pytest.mark.parametrize("fmt", ["biblatex", "bibtex"])
def test_pandoc_reads_the_bibtex_entries_right(lib, fmt):
    items = {_nocase(k): v for k, v in _pandoc_items(export_notes(lib, "bibtex"), fmt).items()}
    first = items[_curly(ARTICLES[0].title)]
    assert first["type"] == "article-newspaper"
    assert first["author"] == [{"family": "Motamedi", "given": "Maziar"}, {"literal": "Reuters Staff"}]
    assert first["container-title"] == "Al Jazeera" and first["issued"] == {"date-parts": [[2023, 6, 20]]}
    assert first["URL"] == ARTICLES[0].url and first["accessed"] == {"date-parts": [[2024, 5, 17]]}
    persian = items[one_line(ARTICLES[1].title)]
    assert persian["issued"] == {"date-parts": [[2021]]} and persian["type"] == "article-newspaper"
    assert "accessed" not in persian and "URL" not in persian  # urldate only with a url
    undated = items[one_line(ARTICLES[2].title)]
    assert "issued" not in undated and "accessed" not in undated  # no import year taken for the date


def test_urldate_only_with_a_url(lib):
    text = export_notes(lib, "bibtex")
    entries = parse_string(text, "bibtex").entries
    with_url = [e for e in entries.values() if "url" in e.fields]
    assert len(entries) == 3 and len(with_url) == 1
    assert all(("urldate" in e.fields) == ("url" in e.fields) for e in entries.values())


def test_pybtex_reads_names_and_keeps_proper_nouns_capitalised(lib):
    data = parse_string(export_notes(lib, "bibtex"), "bibtex")
    first = data.entries["motamedi2023iran"]
    persons = first.persons["author"]
    assert [str(p) for p in persons] == ["Motamedi, Maziar", "{Reuters Staff}"]
    assert first.fields["journal"] == "Al Jazeera" and first.fields["month"] == "June"
    # plain style re-cases titles (as plain.bst does): the braced proper nouns and acronyms survive.
    (formatted,) = Style().format_entries([first])
    mine = formatted.text.render(Backend())
    assert "Iran says MEK \u201cterrorists\u201d must leave Albania" in mine


def test_straight_double_quotes_become_curly_quotes(lib):
    text = export_notes(lib, "bibtex")
    assert '\u201cterrorists\u201d' in text and '"terrorists"' not in text


def test_biblatex_apa_flavour(lib):
    apa = export_notes(lib, "biblatex-apa")
    std = export_notes(lib, "bibtex")
    assert apa.count("entrysubtype = {nonacademic}") == 3 and "newspaper" not in apa
    # No retrieval date for a dated article (APA 7); nothing else differs.
    assert "urldate = {2024-05-17}" in std and "urldate" not in apa
    assert apa.replace("nonacademic", "newspaper") == std.replace("  urldate = {2024-05-17},\n", "")
    # Why two flavours: pandoc reads a nonacademic article as a journal article (APA then drops the day).
    assert {i["type"] for i in _pandoc_items(apa, "biblatex").values()} == {"article-journal"}


# -- RIS -----------------------------------------------------------------------------------------------
def _notes_of(n1: str) -> tuple[str, str, str]:
    m = re.fullmatch(r"<blockquote><p>(.*?)</p></blockquote><p>(.*?)</p>(?:<p>(.*)</p>)?", n1)
    assert m, n1
    quote, citation, note = m.group(1), m.group(2), m.group(3) or ""
    return html.unescape(quote), html.unescape(citation), html.unescape(note.replace("<br>", "\n"))


def test_rispy_reads_every_record_note_and_section(lib):
    text = export_notes(lib, "ris")
    assert text.count("\nER  - \n") == 3 and "ER  -\n" not in text
    records = rispy.loads(text)
    assert [r["title"] for r in records] == [one_line(a.title) for a in ARTICLES]
    assert records[0]["section"] == "Middle East" and records[1]["section"] == "World"
    assert records[0]["authors"] == ["Motamedi, Maziar", "Reuters Staff"]
    for record, article in zip(records, ARTICLES):
        expected = [(one_line(q), note_lines(n)) for aid, _p, q, n in NOTES if aid == article.id]
        got = [_notes_of(n1) for n1 in record["notes"]]
        assert [(q, n) for q, _c, n in got] == expected
        assert all(c.startswith("(") for _q, c, _n in got)


# -- CSL-JSON --------------------------------------------------------------------------------------------
def test_csl_json_is_valid_and_carries_section_passages_and_notes(lib):
    items = json.loads(export_notes(lib, "csl-json"))
    jsonschema.validate(items, json.loads(SCHEMA.read_text("utf-8")))
    assert [i["title"] for i in items] == [one_line(a.title) for a in ARTICLES]
    assert items[0]["section"] == "Middle East" and items[1]["section"] == "World"
    for item, article in zip(items, ARTICLES):
        marks = item["custom"]["reader-bookmarks"]
        expected = [(q, clean(n)) for aid, _p, q, n in NOTES if aid == article.id]
        assert [(clean(m["quote"]), m["note"]) for m in marks] == [(clean(q), n) for q, n in expected]
        for m in marks:
            assert f"\u201c{one_line(m['quote'])}\u201d" in item["note"]
    assert items[0]["custom"]["reader-bookmarks"][1]["paragraph"] == 2  # 1-based, as cited


def test_csl_json_reads_in_pandoc(lib):
    items = json.loads(pypandoc.convert_text(export_notes(lib, "csl-json"), "csljson", format="csljson"))
    assert {i["type"] for i in items} == {"article-newspaper"} and len(items) == 3


def test_the_schema_refuses_what_is_not_csl():
    schema = json.loads(SCHEMA.read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "article-newspaper", "sektion": "typo"}], schema)


# -- APA with an organisation as the second author (issue 15, item 7) ------------------------------------
def test_apa_puts_a_comma_before_the_ampersand_with_an_organisation_second(lib):
    """APA 7 (Publication Manual, 9.8): a comma separates the first author's initials from the
    next name even with two authors: "Motamedi, M., & Reuters Staff." pandoc's citeproc does that;
    citeproc-js drops the comma when the last name is a literal (its open issue #248:
    delimiter-precedes-last="always" ignored for literal names), the one known difference."""
    ref = cite.format_reference(lib.get("a" * 16), "apa")
    assert ref.startswith("Motamedi, M., & Reuters Staff. (2023, June 20).")


# -- JSON, back through import-notes ---------------------------------------------------------------------
def test_json_round_trip_keeps_every_passage_and_note_with_its_id(lib, tmp_path):
    from reader.services.export import import_notes

    other = Library.open(tmp_path / "other", seed=False)
    for a in ARTICLES:
        other.add_article(a)
    report = import_notes(other, export_notes(lib, "json"))
    assert (report.added, report.refused) == (len(NOTES), [])
    mine = {b.id: (b.article_id, b.paragraph, clean(b.quote), clean(b.note)) for b in lib.state.bookmarks()}
    theirs = {b.id: (b.article_id, b.paragraph, b.quote, b.note) for b in other.state.bookmarks()}
    assert theirs == mine
    assert import_notes(other, export_notes(other, "json")).duplicates == len(NOTES)
    other.close()


# -- TeX: bibtex (plain.bst), biber + biblatex, biblatex-apa ------------------------------------------------
def _tex_missing() -> str | None:
    import shutil
    import subprocess

    from tools.check_bibtex_latex import NEEDED

    missing = [t for t in NEEDED if shutil.which(t) is None]
    if missing:
        return f"TeX Live not installed ({', '.join(missing)} missing; see tools/check_bibtex_latex.py)"
    for sty in ("biblatex.sty", "apa.bbx", "csquotes.sty"):
        if not subprocess.run(["kpsewhich", sty], capture_output=True, text=True).stdout.strip():
            return f"{sty} not installed (texlive-bibtex-extra, texlive-latex-extra)"
    return None


@pytest.mark.slow
@pytest.mark.skipif(_tex_missing() is not None, reason=str(_tex_missing()))
def test_tex_prints_the_bibtex_export_right(capsys):
    from tools.check_bibtex_latex import main

    assert main([]) == 0, capsys.readouterr().out
    assert "all checks passed" in capsys.readouterr().out


def test_a_control_sequence_leaves_no_stray_space_in_the_reference(lib):
    """The title ends in an escape sequence after a space: cleaned before spaces are collapsed."""
    ref = cite.format_reference(lib.get("b" * 16), "apa")
    assert ref == f"Kamal, R. (2021). {PERSIAN}. BBC Persian."
