"""Counting words, once: "1 article", "2 articles", "1 article mentions", "2 articles mention".

Every message that counts something (CLI and TUI) says it through these, so the number and the
words always agree.
"""

from __future__ import annotations

#: Nouns whose plural is not noun + "s".
IRREGULAR = {"entry": "entries", "reply": "replies", "match": "matches", "analysis": "analyses", "is": "are",
             "was": "were", "has": "have"}


def plural(noun: str, n: int) -> str:
    """The noun for n things: plural('article', 2) == 'articles'."""
    if n == 1:
        return noun
    return IRREGULAR.get(noun, noun + "s")


def count(n: int, noun: str) -> str:
    """"1 article", "3 articles", "1200 articles" (no separators: scripts read these lines)."""
    return f"{n} {plural(noun, n)}"


def verb(n: int, singular: str, plural_form: str | None = None) -> str:
    """The verb agreeing with n things: verb(1, 'mentions', 'mention') == 'mentions'.

    Without plural_form: 'is'/'are', 'was'/'were', 'has'/'have', else the singular without its final s."""
    if n == 1:
        return singular
    if plural_form is not None:
        return plural_form
    return IRREGULAR.get(singular, singular[:-1] if singular.endswith("s") else singular)


def counted(n: int, noun: str, singular_verb: str, plural_verb: str | None = None) -> str:
    """'1 article mentions', '2 articles mention', '1 article is', '3 articles are'."""
    return f"{count(n, noun)} {verb(n, singular_verb, plural_verb)}"
