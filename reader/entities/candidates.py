"""Candidate finding: capitalised spans, acronyms and numbered names in one paragraph.

One precompiled regular expression finds every run of capitalised words (with small connectors such as
"of" and particles such as "al-"), acronyms ("MEK", "U.S."), and trailing numbers ("Ashraf 3",
"Ashraf III"). Python work is per span, never per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.entities.cues import CONNECTORS, MONTH_WORDS, STOPWORDS
from reader.entities.normalize import LazyRe

def _upper_class() -> str:
    """Every upper- and title-case letter of the scripts news names use (Latin, Greek, Cyrillic...),
    as character-class ranges: 'Łódź' and 'Ōsaka' start names as well as 'Paris'."""
    out, start, prev = [], None, None
    for c in range(0x41, 0x2000):
        ok = chr(c).isupper() or chr(c).istitle()
        if ok and start is None:
            start = c
        if not ok and start is not None:
            out.append(chr(start) if prev == start else f"{chr(start)}-{chr(prev)}")
            start = None
        prev = c
    return "".join(out)




def _patterns() -> tuple[str, str]:
    U = _upper_class()
    part = r"(?:al|el|ad|ar|as|at|an|bin|ibn|abu|de|da|di|du|d|le|la|l|o|van|von|der|mc)"
    word = (rf"(?:{part}['’\-])?[{U}](?:[^\W_]|['’](?=[^\W\d_]))*(?:-[^\W_]+)*(?:(?<=s)['’](?= [{U}]))?"
            r"(?:\.(?:com|net|org|info|news|co\.uk|co|uk|tv|io)\b)?")
    acr_dot = rf"(?:[{U}]\.){{2,}}(?:[{U}]{{1,3}}(?![\w.]))?"  # "U.S.", "U.S.A", "I.N.D.IA"
    initial = rf"[{U}]\.(?= [{U}])"
    abbr = (rf"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Maj|Rev|St|Jr|Sr|Sens|Reps)\.(?= [{U}])")
    legal = r"(?:Corp|Inc|Ltd|Co|Bros|Pty)\.(?!\w)"  # "Pemberly Corp.", "Quillon Co."
    tok = rf"(?:{acr_dot}|{initial}|{abbr}|{legal}|{word})"
    conn = "|".join(c.replace(" ", r"\ ") for c in sorted(CONNECTORS, key=len, reverse=True))
    num = r"(?: (?:\d{1,3}|[IVX]{2,4})(?![\w,.%/:-]?\d)(?!\w))"
    span = rf"(?<![\w@#.&-])(?:{tok})(?:(?: (?:{conn}))? (?:{tok}))*(?: plc\b)?{num}?"
    token = rf"{tok}|\d+|[IVX]{{2,4}}|plc\b|(?:{conn})"
    return span, token


SPAN_RE = LazyRe(lambda: _patterns()[0])
TOKEN_RE = LazyRe(lambda: _patterns()[1])
_SENT_BEFORE = re.compile(r"(?:^|[.!?:;»|•\u2014\u2013]|\n)[\s\"“”‘’'(\[*\d.)-]*$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w’'-]*)\W{0,2}$")
_WORD_AFTER = re.compile(r"^(?:['’]s)?\W{0,2}([A-Za-z][\w’'-]*)")
MAX_TOKENS = 12
_URLISH = re.compile(r"[\w-]+\.[a-z]{2,}(?:/[^\s/]*)*/$")
_CONN_SET = frozenset(CONNECTORS) | {"the"}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_acronym(self) -> bool:
        t = self.text.replace(".", "")
        return len(t) >= 2 and t.isupper() and t.isalpha()


@dataclass
class Span:
    """A candidate name: tokens[0].start .. tokens[-1].end in paragraph `para` (title = -1)."""

    para: int
    tokens: list[Token]
    text: str  # the paragraph text
    sent_initial: bool = False
    titlecase: bool = False
    title_cue: bool = False
    #: indices into the surrounding span list this one was split from (for parenthesis linking)
    extra: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def surface(self) -> str:
        return self.text[self.start:self.end]

    def before(self, n: int = 40) -> str:
        return self.text[max(0, self.start - n):self.start]

    def after(self, n: int = 60) -> str:
        return self.text[self.end:self.end + n]

    def word_before(self) -> str:
        m = _WORD_BEFORE.search(self.text, max(0, self.start - 30), self.start)
        return m.group(1).lower() if m else ""

    def word_after(self) -> str:
        m = _WORD_AFTER.match(self.text[self.end:self.end + 30])
        if not m:
            return ""
        w = m.group(1)
        return w[:-2] if w.endswith(("’s", "'s")) else w


def is_titlecase_line(text: str) -> bool:
    """Headings and headlines where most words are capitalised ("Iran Conducts Special Lobbying")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 2 or len(words) > 20:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    small = sum(1 for w in words if w in _CONN_SET or w in ("a", "an", "to", "and", "in", "with", "by", "at",
                                                          "or", "on", "from", "is", "as"))
    if caps + small < len(words) or caps < 2:
        return False
    return caps >= 0.6 * len(words) or (len(words) <= 8 and not text.rstrip().endswith("."))


def is_sentence_start(text: str, pos: int) -> bool:
    return _SENT_BEFORE.search(text, max(0, pos - 12), pos) is not None


def find_spans(text: str, para: int, titlecase: bool | None = None) -> list[Span]:
    """Raw capitalised spans of one paragraph, split at months/weekdays and leading stop words."""
    if titlecase is None:
        titlecase = is_titlecase_line(text)
    upper_line = text.isupper()
    out: list[Span] = []
    for m in SPAN_RE.finditer(text):
        base = m.start()
        if base and text[base - 1] == "/" and _URLISH.search(text, max(0, base - 80), base):
            continue  # part of a link: pic.twitter.com/AbC
        word = m.group()
        if " " not in word:  # fast path: one word
            low = word.lower()
            if low in STOPWORDS and not (len(word) > 1 and word.isupper()) or word in MONTH_WORDS \
                    or len(word) == 1 or word[0].isdigit():
                continue
            sp = Span(para, [Token(word, base, m.end())], text, titlecase=titlecase)
            sp.sent_initial = is_sentence_start(text, base)
            out.append(sp)
            continue
        toks = [Token(t.group(), base + t.start(), base + t.end()) for t in TOKEN_RE.finditer(word)]
        # split at months, weekdays; drop leading stop words and trailing connectors
        run: list[Token] = []
        for tok in toks + [None]:
            if tok is None or tok.text in MONTH_WORDS:
                while run and ((run[0].text.lower().replace("’", "'") in STOPWORDS
                                and not (run[0].text.isupper() and len(run[0].text) > 1))
                               or run[0].text in _CONN_SET or run[0].text[0].isdigit()):
                    run.pop(0)
                while run and (run[-1].text.lower() in _CONN_SET):
                    run.pop()
                # no name is longer than MAX_TOKENS words: longer runs (lists, all-caps text) are cut,
                # which also bounds the work done per span
                for k in range(0, len(run), MAX_TOKENS):
                    part = run[k:k + MAX_TOKENS]
                    if part and not (len(part) == 1 and len(part[0].text) == 1):
                        sp = Span(para, part, text, titlecase=titlecase or (upper_line and len(part) > 1))
                        sp.sent_initial = is_sentence_start(text, part[0].start)
                        out.append(sp)
                run = []
            else:
                run.append(tok)
    return out
