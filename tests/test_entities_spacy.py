"""The spaCy backend with a blank pipeline and an entity ruler (no model download)."""

from __future__ import annotations

import sys

import pytest

from reader.entities import extract_entities
from reader.entities import spacy_backend
from reader.errors import ReaderError
from reader.models import Article

spacy = pytest.importorskip("spacy")


def _nlp():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "William Ruto"},
        {"label": "PERSON", "pattern": "Ruto"},
        {"label": "ORG", "pattern": "Kenya Revenue Authority"},
        {"label": "ORG", "pattern": "KRA"},
        {"label": "GPE", "pattern": "Nairobi"},
        {"label": "NORP", "pattern": "Kenyan"},
    ])
    return nlp


ARTICLE = Article(id="k", title="Ruto visits Nairobi tax office", paragraphs=[
    "Kenyan President William Ruto met the Kenya Revenue Authority (KRA) in Nairobi on June 3, 2024.",
    "Ruto said the KRA would publish its figures.",
])


def test_spacy_entities_get_the_same_alias_linking():
    ents = {e.name: e for e in extract_entities(ARTICLE, backend="spacy", nlp=_nlp())}
    assert ents["William Ruto"].type == "person" and set(ents["William Ruto"].aliases) == {"Ruto", "William Ruto"}
    assert ents["Kenya Revenue Authority"].type == "organization"
    assert "KRA" in ents["Kenya Revenue Authority"].aliases and ents["Kenya Revenue Authority"].count == 3
    assert ents["Nairobi"].type == "place"
    assert "Kenyan" not in ents
    assert ents["June 3, 2024"].value == "2024-06-03"


def test_spacy_backend_accepts_a_factory():
    ents = extract_entities(ARTICLE, backend="spacy", nlp=_nlp)
    assert any(e.name == "William Ruto" for e in ents)


def test_missing_model_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("READER_SPACY_MODEL", "no_such_model_xyz")
    with pytest.raises(ReaderError, match="no_such_model_xyz"):
        extract_entities(ARTICLE, backend="spacy")


def test_missing_spacy_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setattr(spacy_backend, "_models", {})
    with pytest.raises(ReaderError, match="needs spaCy"):
        extract_entities(ARTICLE, backend="spacy")


def test_configured_model_name(monkeypatch):
    monkeypatch.delenv("READER_SPACY_MODEL", raising=False)
    assert spacy_backend.model_name() == "en_core_web_sm"
    spacy_backend.configure(model="xx_custom")
    try:
        assert spacy_backend.model_name() == "xx_custom"
    finally:
        spacy_backend.configure(None)
