"""Entities: Article -> list[Entity] (people, organisations, places, dates), alias-linked.

API CONTRACT:
    extract_entities(article, backend="rules") -> list[Entity]
        Uses article.title, article.paragraphs, article.authors and article.publisher.
        Mentions are [paragraph, start, end] into article.paragraphs; mentions in the title
        use paragraph index -1. Sorted most mentioned first.
    entity_key(surface) -> str   # normalised key for matching an alias across articles
"""

from reader.entities.api import entity_key, extract_entities

__all__ = ["entity_key", "extract_entities"]
