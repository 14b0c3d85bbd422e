"""Markdown (YAML front matter) and saved HTML (trafilatura), plus format sniffing and folder walking."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES
from reader.errors import IngestError
from reader.ingest import iter_article_files, parse_file, parse_text

ING = FIXTURES / "ingest"


def test_markdown_front_matter_metadata():
    a = parse_file(ING / "front_matter.md")
    assert (a.title, a.section, a.authors, a.publisher, a.date, a.url) == (
        "Glassworks reopen in Murano", "Craft", ["Giulia Romano", "Marco Bellini"], "Lagoon Post",
        "2022-09-14", "https://lagoonpost.example/glassworks")


def test_markdown_body_blocks_and_syntax_stripped():
    a = parse_file(ING / "front_matter.md")
    pairs = list(zip(a.kinds, a.paragraphs))
    assert pairs[0] == ("text", "After two years of closures, three historic glassworks on the island of Murano "
                                "have lit their furnaces again, the Venice Chamber of Commerce said.")
    assert ("quote", "We thought the fire would never come back. — Paolo Zanetti, glassmaker") in pairs
    assert ("heading", "Energy costs") in pairs
    assert ("text", "Gas prices had forced the Barovier workshop to close in 2022.") in pairs
    assert ("text", "\u2022 Two workshops now share one furnace.") in pairs  # list items keep their bullets
    assert pairs[-1] == ("caption", "A glassmaker shapes a vase at a furnace in Murano")
    assert a.title not in a.paragraphs  # the H1 repeating the front-matter title is dropped
    assert not any(ch in p for p in a.paragraphs for ch in "*[]#>")


def test_markdown_list_items_keep_bullets_and_numbers():
    md = (
        "Intro paragraph of the story.\n\n"
        "- first point\n- second *point*\n  - a nested point\n\n"
        "3. third step\n4. fourth step\n\n"
        "- a loose item\n\n  its second paragraph\n\n"
        "- Share\n- Tweet\n\nLast words.\n"
    )
    a = parse_text(md, "markdown")
    assert a.paragraphs == [
        "Intro paragraph of the story.",
        "\u2022 first point",
        "\u2022 second point",
        "\u25e6 a nested point",
        "3. third step",
        "4. fourth step",
        "\u2022 a loose item",
        "its second paragraph",  # the item's bullet goes on its first paragraph only
        "Last words.",  # share links are boilerplate, bullet or not
    ]
    assert set(a.kinds) == {"text"}


def test_markdown_without_front_matter_takes_h1_title_and_byline():
    a = parse_file(ING / "no_front_matter.md")
    assert (a.title, a.authors, a.publisher, a.date) == (
        "Lanterns over the old harbour", ["Keiko Tanaka"], "Harbour Lights Weekly", None)
    assert len(a.paragraphs) == 2 and not any(p.startswith("By ") for p in a.paragraphs)


def test_markdown_invalid_front_matter_is_refused_with_a_reason():
    with pytest.raises(IngestError, match="YAML front matter is not valid"):
        parse_text("---\ntitle: [unclosed\n---\n\nBody text here.\n", "markdown")


def test_markdown_author_list_of_dicts_and_date_string():
    a = parse_text("---\nauthors:\n  - name: Ana Ruiz\ndate: March 5, 2020\n---\nSome text.\n", "markdown")
    assert a.authors == ["Ana Ruiz"] and a.date == "2020-03-05" and a.title is None


def test_html_metadata_and_body():
    a = parse_file(ING / "saved_page.html")
    assert (a.title, a.authors, a.publisher, a.date, a.url, a.language) == (
        "Beekeepers count their losses after a cold spring", ["Owain Roberts"], "Hill Farm News",
        "2023-05-30", "https://hillfarm.example/bees-cold-spring", "en")
    assert a.kinds == ["text", "heading", "text", "quote", "text"]
    assert a.paragraphs[3].startswith("“I opened the hives")
    joined = " ".join(a.paragraphs)
    for junk in ("Home", "Farming", "You may also like", "©"):
        assert junk not in joined


def test_html_without_article_text_is_refused():
    with pytest.raises(IngestError):
        parse_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "html")


def test_suffixless_files_are_sniffed(tmp_path):
    shutil.copy(ING / "saved_page.html", tmp_path / "page")
    shutil.copy(ING / "front_matter.md", tmp_path / "post")
    shutil.copy(ING / "hard_wrapped.txt", tmp_path / "plain")
    assert parse_file(tmp_path / "page").publisher == "Hill Farm News"
    assert parse_file(tmp_path / "post").publisher == "Lagoon Post"
    assert parse_file(tmp_path / "plain").publisher == "Valley Courier"


def test_iter_article_files_walks_folders_skipping_hidden_and_non_articles(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("x")
    (tmp_path / "sub" / "c.HTML").write_text("x")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("x")
    explicit = tmp_path / "photo.jpg"
    got = [p.relative_to(tmp_path).as_posix() for p in iter_article_files([tmp_path, explicit])]
    assert got == ["a.txt", "sub/b.md", "sub/c.HTML", "photo.jpg"]


def test_sample_library_files_parse_well():
    from importlib import resources

    folder = resources.files("reader") / "sample"
    files = sorted(p for p in folder.iterdir() if p.name.endswith((".txt", ".md", ".html")))
    assert len(files) == 4
    langs = set()
    for f in files:
        a = parse_file(f)
        assert a.title, f.name
        assert a.publisher, f.name
        assert len(a.paragraphs) >= 5 and len(a.kinds) == len(a.paragraphs)
        langs.add(a.language)
        assert not any(j in p for p in a.paragraphs for j in ("You may also like", "Leave a Comment", "Home »"))
    assert langs == {"en"}
    persian = parse_file(folder / "tehran-book-fair.txt")
    assert any("\u200c" in p and "کتاب" in p for p in persian.paragraphs)


def test_declared_language_tags_are_reduced_to_the_language():
    assert parse_text("---\nlang: en-GB\n---\nShort text.\n", "markdown").language == "en"
    html = ("<html lang='fr-CA'><head><title>Le pont</title></head><body><article><p>"
            + "Le conseil a voté lundi pour la réparation du vieux pont de la ville. " * 5
            + "</p></article></body></html>")
    assert parse_text(html, "html").language == "fr"


BRIDGE = """<html lang="en"><head><title>Bridge opens</title><meta property="og:site_name" content="City Wire"></head>
<body><article><h1>Bridge opens</h1>
<p>The new bridge over the river Tamar opened on Monday after three years of work by Cornwall Council, officials said.</p>
<figure><img src="a.jpg" alt="The bridge at dawn"><figcaption>Mayor Jo Penrose cuts the ribbon [Sam Hart/City Wire]</figcaption></figure>
<p>Traffic was light in the morning, and cyclists were the first to cross the new span, followed by a bus.</p>
<blockquote class="twitter-tweet"><p lang="en">The bridge is open! Come and walk across with us today.</p>&mdash; Cornwall Council (@CornwallCouncil) <a href="https://twitter.com/x">May 6, 2024</a></blockquote>
<blockquote><p>First quoted paragraph of a letter.</p><p>Second quoted paragraph of the letter.</p></blockquote>
<p>The old ferry will keep running in the summer for tourists, the operator said in a statement on Tuesday.</p>
</article></body></html>"""


def test_html_figure_captions_and_embedded_tweets_are_kept():
    a = parse_text(BRIDGE, "html")
    pairs = list(zip(a.kinds, a.paragraphs))
    assert ("caption", "Mayor Jo Penrose cuts the ribbon [Sam Hart/City Wire]") in pairs
    assert ("quote", "The bridge is open! Come and walk across with us today. "
                     "— Cornwall Council (@CornwallCouncil) May 6, 2024") in pairs
    assert ("quote", "First quoted paragraph of a letter.") in pairs
    assert ("quote", "Second quoted paragraph of the letter.") in pairs
    assert a.publisher == "City Wire"


def test_markdown_converted_page_with_breadcrumb_and_by_prefix_in_front_matter():
    md = ("---\nauthor: By Ana Ruiz\nsource: https://www.theharbourtimes.com/a/1\n---\n"
          "Home » Ports » Cranes stay\n\n# Cranes stay\n\nThe Harbour Times reports the cranes will stay on the quay.\n")
    a = parse_text(md, "markdown")
    assert (a.title, a.section, a.authors, a.publisher) == ("Cranes stay", "Ports", ["Ana Ruiz"], "The Harbour Times")
    assert a.paragraphs == ["The Harbour Times reports the cranes will stay on the quay."]


def test_source_is_the_absolute_path(tmp_path, monkeypatch):
    shutil.copy(ING / "hard_wrapped.txt", tmp_path / "a.txt")
    monkeypatch.chdir(tmp_path)
    assert parse_file("a.txt").source == str(tmp_path / "a.txt")


def test_html_headline_repeated_as_a_paragraph_is_dropped():
    body = "The ferry to the island returned to service on Monday after repairs to its engine, the operator said. " * 3
    a = parse_text(f"<html><head><title>Ferry returns</title></head><body><article><p>Ferry returns</p><p>{body}</p></article></body></html>", "html")
    assert a.title == "Ferry returns" and a.paragraphs == [body.strip()]
