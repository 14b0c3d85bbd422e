"""Citations: references, in-text citations and quotations in five styles, plus three data formats.

API CONTRACT:
    STYLES: tuple of style names: apa, mla, chicago, harvard, ieee, bibtex, ris, csl-json
    DEFAULT_STYLE = "apa"    (the user's default is the store setting "citation_style")
    csl_item(article) -> dict                         # CSL-JSON item
    data_item(article) -> dict                        # (issue 15) the same plus "section", for RIS/CSL-JSON
    format_reference(article, style) -> str           # the bibliography entry / data record
    format_quotation(article, style, passage) -> str  # "passage" + in-text citation + reference
  Extensions (added by the citation issue; the calls above are unchanged):
    FORMATTED = ("apa", "mla", "chicago", "harvard", "ieee"); DATA_FORMATS = ("bibtex", "ris", "csl-json")
    SETTING = "citation_style"
    check_style(style) -> str                          # normalised name, or CitationError
    format_quotation(article, style, passage, paragraph=None)   # paragraph: 1-based, cited as the
                                                       # CSL locator "paragraph" ("para. 5")
    format_citation(article, style, paragraph=None) -> str      # in-text citation only
    format_references(articles, style) -> {article id: text}    # one processor run for many
    quote(passage, style) -> str                       # the passage in the style's quotation marks

Formatted styles come from pandoc's citeproc over the official CSL files (see csl_engine); each call
runs pandoc once (~50 ms) unless cached, so the TUI calls these from a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.errors import CitationError
from reader.models import Article
from reader.services import csl_engine
from reader.services.csl_item import csl_item as _csl_item
from reader.services.data_formats import DATA_FORMATS, render_data

FORMATTED = tuple(csl_engine.CSL_STYLES)
STYLES = (*FORMATTED, *DATA_FORMATS)
DEFAULT_STYLE = "apa"
SETTING = "citation_style"
_ALIASES = {"csljson": "csl-json", "csl": "csl-json", "json": "csl-json", "bib": "bibtex", "chicago-author-date": "chicago"}


def check_style(style: str | None) -> str:
    name = (style or DEFAULT_STYLE).strip().lower()
    name = _ALIASES.get(name, name)
    if name not in STYLES:
        raise CitationError(f"Unknown citation style {style!r}; choose one of {', '.join(STYLES)}.")
    return name


def csl_item(article: Article) -> dict:
    return _csl_item(article)


def data_item(article: Article) -> dict:
    """The CSL-JSON item for the data formats (RIS, CSL-JSON): with the site's section, which the
    formatted styles leave out (see csl_item)."""
    item = _csl_item(article)
    if article.section and article.section.strip():
        item["section"] = " ".join(article.section.split())
    return item


def format_reference(article: Article, style: str = DEFAULT_STYLE) -> str:
    return format_references([article], style)[article.id]


def format_references(articles: Sequence[Article], style: str = DEFAULT_STYLE) -> dict[str, str]:
    style = check_style(style)
    if style in DATA_FORMATS:
        return {a.id: render_data([data_item(a)], style).strip() for a in articles}
    return csl_engine.render([_csl_item(a) for a in articles], style).references


def format_citation(article: Article, style: str = DEFAULT_STYLE, paragraph: int | None = None) -> str:
    style = check_style(style)
    if style in DATA_FORMATS:
        raise CitationError(f"{style} is a data format, not a citation style; choose one of {', '.join(FORMATTED)}.")
    return csl_engine.render([_csl_item(article)], style, [("c", article.id, paragraph)]).citations["c"]


#: (open, close, inner open, inner close) quotation marks: British usage for Cite Them Right.
_MARKS = {"en-US": ("\u201c", "\u201d", "\u2018", "\u2019"), "en-GB": ("\u2018", "\u2019", "\u201c", "\u201d")}


def quote(passage: str, style: str = DEFAULT_STYLE) -> str:
    """The passage in quotation marks; quotation marks inside it become the inner kind."""
    style = check_style(style)
    locale = csl_engine.CSL_STYLES.get(style, ("", "en-US"))[1]
    o, c, io, ic = _MARKS.get(locale, _MARKS["en-US"])
    text = " ".join(passage.split())
    if len(text) >= 2 and text[0] in "\"\u201c\u2018'" and text[-1] in "\"\u201d\u2019'":
        text = text[1:-1].strip()  # already quoted as a whole
    inner, opened = [], False
    for ch in text:
        if ch == '"':  # straight double quotes pair up as inner quotation marks
            ch = ic if opened else io
            opened = not opened
        elif ch in "\u201c\u201d" and o == "\u201c":  # double inside double becomes single
            ch = io if ch == "\u201c" else ic
        inner.append(ch)
    return f"{o}{''.join(inner)}{c}"


def format_quotation(article: Article, style: str, passage: str, paragraph: int | None = None) -> str:
    """The passage as a quotation with its in-text citation, a blank line, then the reference."""
    style = check_style(style)
    if style in DATA_FORMATS:
        return f"{quote(passage, style)}\n\n{render_data([data_item(article)], style).strip()}"
    item = _csl_item(article)
    out = csl_engine.render([item], style, [("c", article.id, paragraph)])
    return f"{quote(passage, style)} {out.citations['c']}\n\n{out.references[article.id]}"
