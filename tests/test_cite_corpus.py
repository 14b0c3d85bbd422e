"""Citations for the real scraped articles (../shared/corpus), built from their gold metadata."""

from __future__ import annotations

import json

import pytest

from reader.models import Article
from reader.services import cite
from reader.services.csl_item import csl_item
from tests.conftest import CORPUS, corpus_files, needs_corpus


def _gold_articles() -> list[Article]:
    out = []
    for path in corpus_files():
        gold = CORPUS / "gold" / (path.stem + ".json")
        if not gold.exists():
            continue
        meta = json.loads(gold.read_text("utf-8"))["metadata"]
        out.append(Article(id=path.stem, title=meta.get("title"), paragraphs=["p"], authors=meta.get("authors") or [],
                           publisher=meta.get("publisher"), date=meta.get("date"), page_date=meta.get("page_date"),
                           language=meta.get("language"), added="2024-05-17T09:30:00+00:00"))
    return out


@needs_corpus
def test_gold_bylines_become_persons_and_page_dates_are_never_the_date():
    articles = _gold_articles()
    assert articles
    for a in articles:
        item = csl_item(a)
        for name, byline in zip(item.get("author", []), a.authors):
            assert "literal" not in name, byline
            assert name["family"] == byline.split()[-1]
        if a.date is None:
            assert "issued" not in item  # a page date ("Friday, 17 May 2024") is not the article's date


@needs_corpus
@pytest.mark.parametrize("style", cite.STYLES)
def test_every_corpus_article_cites_in_every_style(style):
    refs = cite.format_references(_gold_articles(), style)
    for a in _gold_articles():
        text = refs[a.id]
        assert text.strip() and "\x1b" not in text
        if style == "apa" and a.date is None:
            assert "(n.d.)" in text
        if style in cite.FORMATTED and a.publisher:
            assert a.publisher in text
