"""Small fixed articles for the TUI tests (written here, not copied from any corpus)."""

from __future__ import annotations

from pathlib import Path

from reader.library import Library
from reader.models import CAPTION, HEADING, QUOTE, TEXT, Article, Entity

HOSTILE_TITLE = "[bold red]x[/] [/] [link=file:///etc/passwd]click[/link]\x1b[31mRED\x1b]52;c;aGk=\x07"


def _mention(paragraphs: list[str], p: int, surface: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = paragraphs[p].index(surface, start + 1)
    return [p, start, start + len(surface)]


def geneva() -> Article:
    paras = [
        "Maria Lopez said on Tuesday that talks in Geneva would resume next week. Delegates were cautious. "
        "The United Nations offered to host them.",
        "The second round",
        "\u201cWe are ready to listen,\u201d one delegate wrote on social media.",
        "Analysts said the agreement could still collapse. Markets were calm. Maria Lopez declined to comment further.",
        "Photo: the conference hall in Geneva.",
        "Officials from the United Nations will publish a summary on Friday.",
    ]
    kinds = [TEXT, HEADING, QUOTE, TEXT, CAPTION, TEXT]
    ents = [
        Entity("Maria Lopez", "person", ["Maria Lopez", "Lopez"], 2,
               [_mention(paras, 0, "Maria Lopez"), _mention(paras, 3, "Maria Lopez")]),
        Entity("United Nations", "organization", ["United Nations", "UN"], 2,
               [_mention(paras, 0, "United Nations"), _mention(paras, 5, "United Nations")]),
        Entity("Geneva", "place", ["Geneva"], 2, [_mention(paras, 0, "Geneva"), _mention(paras, 4, "Geneva")]),
        Entity("Tuesday", "date", ["Tuesday"], 1, [_mention(paras, 0, "Tuesday")]),
    ]
    return Article(id="a1geneva00000001", title="Talks resume in Geneva", paragraphs=paras, kinds=kinds,
                   authors=["Maria Lopez"], publisher="Harbour Times", date="2024-03-01", section="World",
                   language="en", entities=ents, added="2024-03-02T08:00:00+00:00")


def budget() -> Article:
    paras = [
        "Parliament debated the budget until late at night. Protesters gathered outside.",
        "John Carter of the World Bank said the plan was sound. Maria Lopez disagreed.",
        "The vote is expected next month.",
    ]
    ents = [
        Entity("John Carter", "person", ["John Carter"], 1, [_mention(paras, 1, "John Carter")]),
        Entity("Maria Lopez", "person", ["Maria Lopez"], 1, [_mention(paras, 1, "Maria Lopez")]),
        Entity("World Bank", "organization", ["World Bank"], 1, [_mention(paras, 1, "World Bank")]),
    ]
    return Article(id="b2budget00000002", title="Budget debate runs late", paragraphs=paras,
                   authors=["John Carter"], publisher="Northern Post", date="2023-11-15", language="en",
                   entities=ents, added="2024-03-05T08:00:00+00:00")


def persian() -> Article:
    paras = [
        "\u06af\u0641\u062a\u06af\u0648\u0647\u0627 \u062f\u0631 \u062a\u0647\u0631\u0627\u0646 \u0627\u062f\u0627\u0645\u0647 \u06cc\u0627\u0641\u062a.",
        "\u0645\u0642\u0627\u0645\u0627\u062a \u06af\u0641\u062a\u0646\u062f \u06a9\u0647 \u0646\u062a\u06cc\u062c\u0647 \u0647\u0641\u062a\u0647 \u0622\u06cc\u0646\u062f\u0647 \u0627\u0639\u0644\u0627\u0645 \u0645\u06cc\u200c\u0634\u0648\u062f.",
    ]
    ents = [Entity("\u062a\u0647\u0631\u0627\u0646", "place", ["\u062a\u0647\u0631\u0627\u0646"], 1,
                   [_mention(paras, 0, "\u062a\u0647\u0631\u0627\u0646")])]
    return Article(id="c3persian0000003", title="\u06af\u0641\u062a\u06af\u0648\u0647\u0627 \u062f\u0631 \u062a\u0647\u0631\u0627\u0646",
                   paragraphs=paras, authors=[], publisher="Atlas Wire", date="2022-05-20", language="fa",
                   entities=ents, added="2024-03-01T08:00:00+00:00")


def hostile() -> Article:
    paras = [
        "Markup [bold red]x[/] and [/] and [link=file:///etc/passwd]link[/link] stay literal.",
        "Escapes \x1b[2J\x1b[31mred\x1b[0m and OSC \x1b]52;c;aGVsbG8=\x07 and bell \x07 and bidi \u202eevil\u202c go.",
    ]
    ents = [Entity("[b]Evil[/b] Corp", "organization", ["[b]Evil[/b] Corp"], 1, [[0, 0, 6]])]
    return Article(id="d4hostile000004", title=HOSTILE_TITLE, paragraphs=paras, authors=["[i]Mallory[/i]"],
                   publisher="[blink]Press[/blink]", date="2021-01-01", language="en", entities=ents,
                   added="2024-02-20T08:00:00+00:00")


def articles() -> list[Article]:
    return [geneva(), budget(), persian(), hostile()]


def build(root: Path) -> Library:
    lib = Library(Path(root))
    for a in articles():
        lib.add_article(a)
    return lib
