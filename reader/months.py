"""Month names, once: the English names and their abbreviations, for every layer that reads or writes
dates (ingest's date lines, entity dates, the BibTeX month macros, the entity cues)."""

from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
#: The three-letter abbreviations ("Jan" ... "Dec"), also BibTeX's month macros when lower-cased.
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)
#: Abbreviations used in news text beyond the three-letter ones.
EXTRA_ABBREVIATIONS = {"sept": 9}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Every lower-case month word (full name or abbreviation) -> month number 1-12.
MONTH_NUMBERS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)},
    **{abbr.lower(): i for i, abbr in enumerate(MONTH_ABBREVIATIONS, 1)},
    **EXTRA_ABBREVIATIONS,
}


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("June", "jun", "Sept."), else None."""
    return MONTH_NUMBERS.get(word.strip().rstrip(".").lower())
