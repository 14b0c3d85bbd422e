"""The CPU part of bringing in a page: decode, extract (trafilatura), find entities.

A plain function of plain data so it can run in a process pool (`reader refresh` on many feeds uses
both cores) as well as in a thread.

    extract_page(body, charset, content_type, url, accessed, backend) -> (article dict, original text)
    raises IngestError (no article text, binary...)
"""

from __future__ import annotations

from typing import Any

from reader.entities import extract_entities
from reader.sources.http import Fetched
from reader.sources.web import page_article


def extract_page(body: bytes, charset: str | None, content_type: str, url: str, accessed: str,
                 backend: str = "rules") -> tuple[dict[str, Any], str]:
    fetched = Fetched(url, url, 200, body, content_type, charset)
    article, text = page_article(fetched, accessed)
    article.entities = extract_entities(article, backend=backend)
    return article.to_dict(), text


def with_entities(article_dict: dict[str, Any], backend: str = "rules") -> dict[str, Any]:
    from reader.models import Article

    article = Article.from_dict(article_dict)
    article.entities = extract_entities(article, backend=backend)
    return article.to_dict()
