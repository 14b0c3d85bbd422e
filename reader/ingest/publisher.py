"""Outlet names: 'middleeasteye.net' -> 'Middle East Eye', 'ft.com' -> 'Financial Times' (named in the body).

Rules, in order:
1. Drop 'www.', sub-domains and the top-level domain; under a country code the second-level label
   goes too ('SINDOnews.com' -> 'SINDOnews', 'abc.net.au' -> 'abc', 'bbc.co.uk' -> 'bbc').
2. A name with spaces ('Al Jazeera') or with inner capitals (a brand like 'SINDOnews') is kept as written.
3. Otherwise the article body is searched for the outlet's own name (the body never invents one):
   a. a capitalised phrase that spells the stem with its spaces, digits and punctuation removed
      ('Middle East Eye', 'France 24'); a 'The' that is part of the name mid-sentence
      ('told The Korea Herald') is kept;
   b. an acronym spelled by the stem followed by a media word ('ABC News');
   c. a whole capitalised name (not a part of a longer one) whose words, each by its initial or as
      a whole, spell the stem ('ft' ~ 'Financial Times', 'latimes' ~ 'Los Angeles Times'), or the
      stem less a trailing media word ('apnews' ~ 'Associated Press'); a leading 'The' is not part
      of an expansion. It is trusted only when it contains a media word (Times, Press,
      Broadcasting...) or, unless it is a place, the acronym itself occurs in the body ('[Name/AP]'):
      a person with the stem's initials is not the outlet. The most frequent, then longest, wins;
   d. the acronym alone ('BBC').
4. Without a body match the stem itself is rendered: letters split from digits ('france24' ->
   'France 24'); a short lower-case stem (<= 4 letters) is an acronym ('ft' -> 'FT'); a run-together
   name is split into English words by word frequency (wordninja), a short leading fragment before a
   media word being an acronym ('apnews' -> 'AP News'); a split into odd fragments is not trusted, and
   the name is only capitalised.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)/?$", re.I)
#: Second-level labels under a country code ('co.uk', 'com.au', 'org.il'...).
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news"}
#: Two-letter words a real outlet name may contain; other short fragments mean a bad split.
_SHORT_WORDS = {"al", "el", "of", "on", "in", "de", "la", "le", "my", "us"}
#: Generic media words that may follow an outlet's acronym in its domain or name ('apnews', 'ABC News').
_MEDIA_SUFFIXES = ("news", "times", "post", "tv", "daily", "online", "today", "radio", "media", "wire")
#: Words that mark a phrase as a media outlet's name rather than a person's, a place's or another body's
#: ('World Bank', 'Reconstruction Agency' have none).
_ORG_WORDS = frozenset(_MEDIA_SUFFIXES) | {
    "press", "journal", "herald", "tribune", "telegraph", "gazette", "chronicle", "guardian", "observer",
    "monitor", "express", "mail", "magazine", "television", "broadcasting", "broadcast", "broadcaster",
    "channel", "weekly", "voice", "reporter", "courier", "dispatch", "inquirer", "insider", "economist",
    "newspaper", "bulletin", "mirror",
}
#: Public name of the media words (a masthead line ends in one: 'Belfast Telegraph').
MEDIA_WORDS = _ORG_WORDS
#: Joining words allowed inside a name ('Voice of the People'), never its first or last word;
#: 'and' or 'on' join two names ('Reuters and the Financial Times') and end a name.
_CONNECTORS = {"of", "the", "&"}
#: Expansions are looked for in this much of the body: an article is rarely longer, and it bounds the work.
_EXPANSION_SCAN = 200_000
_SENTENCE_END = ".!?:;\"“”‘'([\n"


def strip_domain(name: str) -> str:
    """'www.middleeasteye.net' -> 'middleeasteye'; anything that is not a domain is returned as is."""
    name = name.strip()
    if re.match(r"^https?://", name, re.I):
        name = urlsplit(name).hostname or name
    m = _DOMAIN.match(name)
    if not m:
        return name
    labels = m.group("host").split(".")
    labels = labels[:-1]  # the TLD
    if len(labels) >= 2 and labels[-1].lower() in _SECOND_LEVEL and len(m.group("host").split(".")[-1]) == 2:
        labels = labels[:-1]
    return labels[-1] if labels else name


def _letters(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def _is_acronym(span: str) -> bool:
    letters = [ch for ch in span if ch.isalpha()]
    return 2 <= len(letters) <= 5 and " " not in span and all(ch.isupper() for ch in letters)


def _leading_the(text: str, spans: list[re.Match[str]]) -> str | None:
    """'The' as written when the body puts a capital 'The' before the name mid-sentence ('by The Korea
    Herald') at least as often as a lower-case 'the'; else None."""
    upper: Counter[str] = Counter()
    lower = 0
    for m in spans:
        before = text[max(0, m.start() - 80): m.start()]
        t = re.search(r"(?<!\w)(the)[ \t]+$", before, re.I)
        if not t:
            continue
        if t.group(1) == "the":
            lower += 1
            continue
        prev = before[: t.start()].rstrip(" \t")
        if prev and prev[-1] not in _SENTENCE_END:
            upper[t.group(1)] += 1
    if upper and sum(upper.values()) >= lower:
        return upper.most_common(1)[0][0]
    return None


def _exact_spans(target: str, text: str) -> list[re.Match[str]]:
    """Capitalised spans of `text` whose letters and digits, run together, spell `target`."""
    if not text or len(target) < 2:
        return []
    gap = r"[\s\-‐–’'.]*"
    pattern = re.compile(r"(?<!\w)" + gap.join(re.escape(ch) for ch in target) + r"(?!\w)", re.I)
    spans = [m for m in pattern.finditer(text) if m.group()[0].isupper() or m.group()[0].isdigit()]
    if len(target) < 3:  # 'FT' but not 'Ft.' (a street, a fort)
        spans = [m for m in spans if _is_acronym(m.group())]
    return spans


def _media_word_after(text: str, spans: list[re.Match[str]]) -> str | None:
    """'ABC News' when the body writes the acronym with a media word after it."""
    words = "|".join(w.capitalize() for w in _MEDIA_SUFFIXES) + "|TV"
    counts: Counter[str] = Counter()
    for m in spans:
        after = re.match(r"[ \t]+(" + words + r")(?!\w)", text[m.end():])
        if after:
            counts[m.group() + " " + after.group(1)] += 1
    return counts.most_common(1)[0][0] if counts else None


def _capitalised_runs(text: str) -> list[tuple[list[str], bool]]:
    """Runs of capitalised words (with inner connectors) not broken by punctuation or a line end,
    each with whether it opens a sentence (its first word may be capitalised only for that)."""
    runs: list[tuple[list[str], bool]] = []
    run: list[str] = []
    opens = sentence_start = True

    def close() -> None:
        nonlocal run
        if run:
            runs.append((run, opens))
            run = []

    for line in text.splitlines():
        sentence_start = True
        for token in re.split(r"[\s/]+", line):
            if not token:
                continue
            core = token.strip("([{“\"‘'")
            broken_before = core != token
            core = re.sub(r"['’]s?$", "", core.rstrip(".,;:!?)]}”\"’'"))
            broken_after = core != token.strip("([{“\"‘'")
            if broken_before:
                close()
            capitalised = bool(core) and core[0].isupper() and any(ch.isalpha() for ch in core)
            if capitalised or (run and core.lower() in _CONNECTORS):
                if not run:
                    opens = sentence_start
                run.append(core)
            else:
                close()
            if broken_after:
                close()
            sentence_start = bool(re.search(r"[.!?][)\]”\"’']*$", token))
        close()
    return runs


def _spells(stem: str, words: list[str]) -> bool:
    """True when the words, each by its initial or as a whole, spell `stem`; connectors ('of') may be
    skipped, and an acronym among the words ('NBC') counts as a whole only."""
    parts = [_letters(w) for w in words]
    connector = [w.lower() in _CONNECTORS for w in words]
    acronym = [_is_acronym(w) for w in words]
    stack, seen = [(0, 0)], set()
    while stack:
        pos, k = stack.pop()
        if (pos, k) in seen:
            continue
        seen.add((pos, k))
        if k == len(parts):
            if pos == len(stem):
                return True
            continue
        w = parts[k]
        if connector[k] or not w:
            stack.append((pos, k + 1))
        if w and not acronym[k] and stem.startswith(w[0], pos):
            stack.append((pos + 1, k + 1))
        if len(w) > 1 and stem.startswith(w, pos):
            stack.append((pos + len(w), k + 1))
    return False


def _expansions(stem: str, runs: list[tuple[list[str], bool]], text: str) -> list[str]:
    """Whole capitalised runs of the body (less a leading 'The') of two or more words that spell
    `stem` by initials or whole words, best first. A part of a run is never taken: 'Protection
    Agency' is not a name in 'Environmental Protection Agency'."""
    counts: Counter[str] = Counter()
    for whole, opens_sentence in runs:
        # a sentence's first word may be capitalised only for that ('A Financial Times analysis')
        for run in (whole, whole[1:]) if opens_sentence else (whole,):
            while run and run[0].lower() in _CONNECTORS:
                run = run[1:]
            while run and run[-1].lower() in _CONNECTORS:
                run = run[:-1]
            if sum(w.lower() not in _CONNECTORS for w in run) < 2 or len(run) > len(stem) * 2 + 2:
                continue
            if _spells(stem, run):
                counts[" ".join(run)] += 1
                break
    if not counts:
        return []
    acronym_used = re.search(r"(?<!\w)" + re.escape(stem.upper()) + r"(?!\w)", text) is not None

    def has_org_word(phrase: str) -> bool:
        return any(w.lower() in _ORG_WORDS for w in phrase.split())

    trusted = [p for p in counts if has_org_word(p) or (acronym_used and not _is_place(p))]
    return sorted(trusted, key=lambda p: (has_org_word(p), counts[p], len(p.split())), reverse=True)


def _is_place(phrase: str) -> bool:
    from reader.ingest.byline import place_names  # lazy: loads the place list

    return phrase.casefold() in place_names()


def _body_name(target: str, text: str) -> str | None:
    """The outlet's name as the body writes it (rule 3), or None."""
    spans = _exact_spans(target, text)
    words = [m for m in spans if not _is_acronym(m.group())]
    if words:
        spaced = [m for m in words if " " in m.group() or "-" in m.group()]
        # prefer 'Middle East Eye' to a run-together 'Middleeasteye'
        chosen = Counter(m.group() for m in (spaced or words)).most_common(1)[0][0]
        same = [m for m in words if m.group() == chosen]
        the = _leading_the(text, same)
        return f"{the} {chosen}" if the else chosen
    acronyms = [m for m in spans if _is_acronym(m.group())]
    with_media = _media_word_after(text, acronyms)
    if with_media:
        return with_media
    if not text:
        return None
    runs = _capitalised_runs(text[:_EXPANSION_SCAN])
    found = _expansions(target, runs, text)
    if found:
        return found[0]
    for suffix in _MEDIA_SUFFIXES:
        rest = target[: -len(suffix)]
        if target.endswith(suffix) and len(rest) >= 2:
            found = _expansions(rest, runs, text)
            if found:
                return found[0]
    return acronyms[0].group() if acronyms else None


@lru_cache(maxsize=1)
def _segmenter():
    import wordninja  # lazy: importing it loads its word list, which takes a moment

    return wordninja


def _is_vowelless(word: str) -> bool:
    return not any(ch in "aeiouy" for ch in word)


@lru_cache(maxsize=1024)
def _segment(name: str) -> list[str] | None:
    """English words for a run-together name; a short leading acronym before a media word is upper case."""
    words = [w.lower() for w in _segmenter().split(name.lower())]
    if len(words) < 2:
        return None
    if len(words) == 2 and words[1] in _MEDIA_SUFFIXES and len(words[0]) <= 4:
        head = words[0].upper() if len(words[0]) <= 2 or _is_vowelless(words[0]) else words[0].capitalize()
        return [head, words[1].capitalize()]  # 'AP News', 'LA Times', 'US News', 'CNN News', 'Fox News'
    if any(len(w) < 3 and w not in _SHORT_WORDS for w in words):
        return None
    return [w.upper() if _is_vowelless(w) else w.capitalize() for w in words]


def _render_part(part: str) -> str:
    """A word beside digits: a media word is a word ('9news' -> '9 News'), else as a stem ('abc7' -> 'ABC 7')."""
    if part.lower() in _MEDIA_SUFFIXES and part.lower() != "tv":
        return part.capitalize()
    return _render(part)


def _render(name: str) -> str:
    """The stem itself as a name (rule 4)."""
    parts = re.findall(r"[^\W\d_]+|\d+", name)
    if len(parts) > 1 and "".join(parts) == name:  # 'france24' -> 'France 24'
        return " ".join(p if p.isdigit() else _render_part(p) for p in parts)
    if name.isalpha() and name == name.lower() and len(name) <= 4:
        return name.upper()  # 'ft' -> 'FT', 'abc' -> 'ABC'
    if name.isalpha() and len(name) >= 6:
        words = _segment(name)
        if words:
            return " ".join(words)
    return name[0].upper() + name[1:]


def outlet_name(raw: str | None, text: str = "") -> str | None:
    """The outlet's name from a byline or source string; `text` is the article body, for the name as written."""
    if not raw:
        return None
    raw = re.sub(r"\s+", " ", raw).strip(" .,;:|–—-")
    if not raw:
        return None
    name = strip_domain(raw)
    if " " in name:
        return name
    if "-" in name and name == name.lower():  # 'middle-east-eye'
        return " ".join(part.capitalize() for part in name.split("-") if part)
    if any(ch.isupper() for ch in name[1:]):  # a brand: 'SINDOnews', 'Al-Monitor'
        return name
    found = _body_name(_letters(name), text)
    return found or _render(name)
