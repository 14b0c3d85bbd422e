"""How an article's entities are listed (entity panel, `reader show`, `reader inspect`): the byline apart.

The byline's authors and the publisher form a "byline" group of their own, without a count (the byline is
not the text); the entities found in the text follow by type, most mentioned first, each with its count.
An author or publisher the text also names is listed in both: in the byline, and in its type's group with
the count of its mentions in the text.
"""

from __future__ import annotations

from reader.models import ENTITY_TYPES, Entity

BYLINE = "byline"
GROUP_NAMES = {BYLINE: "Byline", "person": "People", "organization": "Organisations", "place": "Places",
               "date": "Dates"}


def role_of(e: Entity) -> str | None:
    """"author" or "publisher" for the byline's entities, else None. An article extracted before roles
    existed stored them as a person or organisation without any mention in the text."""
    if e.role:
        return e.role
    if not e.mentions and not e.count:
        return {"person": "author", "organization": "publisher"}.get(e.type)
    return None


def mention_count(e: Entity) -> int:
    return max(e.count, len(e.mentions))


def grouped(entities: list[Entity]) -> list[tuple[str, list[Entity]]]:
    """[(group, entities)]: the byline (authors in byline order, then the publisher), then the text's
    entities by type in a fixed order, each group sorted by mentions (most first), then name."""
    out: list[tuple[str, list[Entity]]] = []
    byline = [e for e in entities if role_of(e)]
    if byline:
        byline.sort(key=lambda e: role_of(e) != "author")  # stable sort
        out.append((BYLINE, byline))
    text = [e for e in entities if mention_count(e)]
    order = list(ENTITY_TYPES) + sorted({e.type for e in text} - set(ENTITY_TYPES))
    for kind in order:
        members = [e for e in text if e.type == kind]
        if members:
            members.sort(key=lambda e: (-mention_count(e), e.name.casefold()))
            out.append((kind, members))
    return out


def label(group: str, e: Entity) -> str:
    """What follows the name in a listing: the role in the byline group, else the count of mentions."""
    return (role_of(e) or "") if group == BYLINE else str(mention_count(e))


def summary_lines(entities: list[Entity]) -> list[str]:
    """One plain line per group ('Byline: Jane Roe (author), Daily Example (publisher)',
    'People: Ann Lee (3), ...') for text output."""
    return [f"{GROUP_NAMES.get(g, g.title())}: " + ", ".join(f"{e.name} ({label(g, e)})" for e in members)
            for g, members in grouped(entities)]
