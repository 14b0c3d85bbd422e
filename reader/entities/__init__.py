"""Entities: Article -> list[Entity] (people, organisations, places, dates), alias-linked.

API CONTRACT:
    extract_entities(article, backend="rules", nlp=None) -> list[Entity]
        Uses article.title, article.paragraphs, article.authors and article.publisher.
        Mentions are [paragraph, start, end] into article.paragraphs; mentions in the title
        use paragraph index -1. Sorted most mentioned first. Authors become person entities and
        the publisher an organisation entity, marked with role "author" / "publisher"; one the text
        never names has no mentions (Entity.byline_only: listed apart, never with a count).
        Dates carry value "YYYY-MM-DD" / "YYYY-MM" / "YYYY" when the year is known, else None.
        backend="spacy" uses spaCy (model from READER_SPACY_MODEL, default en_core_web_sm; or `nlp`,
        a loaded pipeline or a factory) with the same alias linking; ReaderError if unavailable.
        The gazetteer is loaded on the first call, never at import.
    entity_key(surface) -> str   # normalised key for matching an alias across articles
"""

from reader.entities.api import entity_key, extract_entities

__all__ = ["entity_key", "extract_entities"]
