"""Optional spaCy backend: spaCy finds and types the names, our alias linking groups them.

Selected by extract_entities(article, backend="spacy") / `reader --entities spacy`. The model name comes
from the READER_SPACY_MODEL environment variable (default "en_core_web_sm") or configure(model=...).
spaCy is not a required dependency (pip install 'reader[spacy]' and a model).
"""

from __future__ import annotations

import os
import threading
from typing import Any

from reader.entities.candidates import Span
from reader.entities.classify import Mention
from reader.entities.gazetteer import Gazetteer
from reader.entities.normalize import entity_key, strip_possessive
from reader.errors import ReaderError

LABELS = {"PERSON": "P", "PER": "P", "ORG": "O", "NORP": None, "GPE": "L", "LOC": "L", "FAC": "L"}
DEFAULT_MODEL = "en_core_web_sm"

_lock = threading.Lock()
_models: dict[str, Any] = {}
_configured: dict[str, str] = {}


def configure(model: str | None = None) -> None:
    """Set the spaCy model name used by the backend (None: back to the default)."""
    if model:
        _configured["model"] = model
    else:
        _configured.pop("model", None)


def model_name() -> str:
    return _configured.get("model") or os.environ.get("READER_SPACY_MODEL") or DEFAULT_MODEL


def load(nlp: Any = None) -> Any:
    """A spaCy pipeline: `nlp` itself, the result of calling a factory, or the configured model."""
    if nlp is not None:
        return nlp if hasattr(nlp, "pipe") else nlp()
    name = model_name()
    with _lock:
        if name in _models:
            return _models[name]
        try:
            import spacy
        except ImportError:
            raise ReaderError("the spaCy entity extractor needs spaCy: pip install 'reader[spacy]', "
                              "or use --entities rules.") from None
        try:
            model = spacy.load(name)
        except OSError:
            raise ReaderError(f"the spaCy model {name!r} is not installed: run 'python -m spacy download "
                              f"{name}' or set READER_SPACY_MODEL, or use --entities rules.") from None
        _models[name] = model
        return model


def spacy_mentions(texts: dict[int, str], g: Gazetteer, nlp: Any = None
                   ) -> tuple[list[Mention], list[Span]]:
    """Mentions from spaCy's entities (PERSON/ORG/GPE/LOC/FAC), with the same evidence scale as the rules."""
    pipeline = load(nlp)
    paras = list(texts)
    out: list[Mention] = []
    for para, doc in zip(paras, pipeline.pipe([texts[p] for p in paras])):
        text = texts[para]
        for ent in doc.ents:
            t = LABELS.get(ent.label_)
            if t is None:
                continue
            start, end = ent.start_char, ent.end_char
            surface = text[start:end]
            if surface.lower().startswith("the "):
                start += 4
            surface = strip_possessive(text[start:end].rstrip())
            end = start + len(surface)
            if len(surface) < 2 or start >= end:
                continue
            words = surface.split()
            m = Mention(para, start, end, surface, entity_key(surface), words)
            m.acronym = len(words) == 1 and surface.replace(".", "").isupper() and len(surface) > 1
            m.place = g.place(surface)
            m.add(t, 3)
            if m.place:
                m.add("L", 1)
            out.append(m)
    return out, []


__all__: list[str] = ["configure", "load", "model_name", "spacy_mentions"]
