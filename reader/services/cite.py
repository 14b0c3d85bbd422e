"""Citations (placeholder until the citation issue lands; the API below is the contract).

API CONTRACT:
    STYLES: tuple of style names: apa, mla, chicago, harvard, ieee, bibtex, ris, csl-json
    DEFAULT_STYLE = "apa"    (the user's default is the store setting "citation_style")
    csl_item(article) -> dict                         # CSL-JSON item
    format_reference(article, style) -> str           # the bibliography entry / data record
    format_quotation(article, style, passage) -> str  # "passage" + in-text citation + reference
"""

from __future__ import annotations

from reader.errors import CitationError
from reader.models import Article

STYLES = ("apa", "mla", "chicago", "harvard", "ieee", "bibtex", "ris", "csl-json")
DEFAULT_STYLE = "apa"


def csl_item(article: Article) -> dict:
    return {"id": article.id, "type": "article-newspaper", "title": article.title}


def format_reference(article: Article, style: str = DEFAULT_STYLE) -> str:
    if style not in STYLES:
        raise CitationError(f"Unknown citation style {style!r}; choose one of {', '.join(STYLES)}.")
    who = ", ".join(article.authors) or article.publisher or "Anon."
    return f"{who} ({(article.date or 'n.d.')[:4]}). {article.title}. {article.publisher or ''}".strip()


def format_quotation(article: Article, style: str, passage: str) -> str:
    return f"\u201c{passage}\u201d\n\n{format_reference(article, style)}"
