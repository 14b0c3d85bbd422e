"""A fetched web page -> Article: decoded (declared charset checked against the bytes), extracted with
trafilatura through reader.ingest, and stamped with its canonical URL and access date.

    decode_page(body, declared_charset) -> str      # IngestError for binary or empty bodies
    page_article(fetched, accessed) -> Article      # IngestError when no article text is found
    article_from_html(html, url, accessed) -> Article   # the same, offline (re-extraction of an original)
"""

from __future__ import annotations

import codecs
import re

from reader.errors import IngestError
from reader.ingest import parse_text
from reader.ingest.decode import decode_bytes
from reader.models import Article
from reader.sources.http import Fetched
from reader.sources.urls import canonical, is_web

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _known(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def decode_page(body: bytes, declared: str | None = None) -> str:
    """Bytes of a page -> text. Valid UTF-8 is UTF-8 whatever the server claims (a false
    'charset=iso-8859-1' on a UTF-8 page is common); otherwise the declared charset (header, then
    <meta>) when the bytes decode with it, else reader's usual guess (cp1252, charset-normalizer)."""
    if not body:
        raise IngestError("the page is empty; there is nothing to import.")
    try:
        body.decode("utf-8")
        return decode_bytes(body)
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(body[:4096])
    for cs in (_known(declared), _known(m.group(1).decode("ascii", "replace")) if m else None):
        if cs and cs not in ("utf-8", "utf-16", "utf-32"):
            try:
                return decode_bytes(body.decode(cs).encode("utf-8"))
            except (UnicodeDecodeError, LookupError):
                continue
    return decode_bytes(body)


def article_from_html(text: str, url: str, accessed: str | None, fmt: str = "html") -> Article:
    article = parse_text(text, fmt, source=url)
    page_url = article.url if is_web(article.url) else None
    article.url = canonical(page_url or url)
    article.source = url
    article.accessed = accessed
    return article


def page_article(fetched: Fetched, accessed: str) -> tuple[Article, str]:
    """The article and the decoded page text (kept compressed as the original)."""
    text = decode_page(fetched.body, fetched.charset)
    mime = fetched.content_type.split(";")[0].strip().lower()
    fmt = "text" if mime == "text/plain" else "html"
    return article_from_html(text, fetched.url, accessed, fmt), text
