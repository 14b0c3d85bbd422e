"""The CSL processor: pandoc's citeproc over the official CSL style files in csl_styles/.

Why pandoc: the citations must equal what citeproc-js (Zotero's processor) gives. citeproc-py gets all
five styles wrong (e.g. APA "Europe?." double punctuation, MLA and Chicago initialised given names,
a stray "Edition." in Chicago); pandoc's citeproc (a Haskell port of the same CSL semantics, shipped
as a binary in the pypandoc-binary wheel) agrees with citeproc-js; see tools/compare_citeproc_js.py.

API CONTRACT:
    CSL_STYLES: {style name: (file in csl_styles/, locale)}
    render(items, style, cites=()) -> Rendered
        items: CSL-JSON items (ids any strings); cites: (key, item_id, paragraph | None) triples,
        each an in-text citation (paragraph: 1-based, formatted with the CSL locator "paragraph").
        Every item gets a reference; one pandoc run per call (~50 ms), results cached in memory.
    Rendered(references: {item_id: text}, citations: {key: text})
    pandoc_path() -> str      # cached; CitationError if pandoc cannot be found
Thread-safe (the TUI calls it from a worker thread); raises CitationError with one clear sentence.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.errors import CitationError

HERE = Path(__file__).resolve().parent
STYLE_DIR = HERE / "csl_styles"
FILTER = HERE / "csl_split.lua"

#: style -> (official CSL file, locale). Cite Them Right is a British guide: its own examples use
#: day-month dates and single quotation marks, which is what the en-GB locale gives.
CSL_STYLES: dict[str, tuple[str, str]] = {
    "apa": ("apa.csl", "en-US"),
    "mla": ("modern-language-association.csl", "en-US"),
    "chicago": ("chicago-author-date-17th-edition.csl", "en-US"),
    "harvard": ("harvard-cite-them-right.csl", "en-GB"),
    "ieee": ("ieee.csl", "en-US"),
}
TIMEOUT = 60

#: Title case (MLA, Chicago): both processors keep stop words in lower case inside a title, but
#: pandoc's list is the CSL specification's short one, while citeproc-js (and the style guides:
#: CMOS 8.159, MLA 1.2 "prepositions, regardless of length") also keep longer prepositions such as
#: "after", "between", "without" in lower case. These single words, when written in lower case in
#: the middle of a title, are passed to pandoc as <span class="nocase"> (CSL rich text), which
#: leaves them as written. Only the processor's input changes; csl_item() and the data formats don't.
_PANDOC_STOP = {
    "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto",
    "or", "over", "so", "the", "till", "to", "up", "via", "with", "yet",
}
_CITEPROC_JS_STOP = {
    "about", "above", "across", "afore", "after", "against", "al", "along", "alongside", "amid", "amidst",
    "among", "amongst", "anenst", "apropos", "apud", "around", "as", "aside", "astride", "at", "athwart",
    "atop", "barring", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but",
    "by", "circa", "despite", "down", "during", "et", "except", "for", "forenenst", "from", "given", "in",
    "inside", "into", "lest", "like", "modulo", "near", "next", "notwithstanding", "of", "off", "on", "onto",
    "out", "over", "per", "plus", "pro", "qua", "sans", "since", "than", "through", "thru", "throughout",
    "thruout", "till", "to", "toward", "towards", "under", "underneath", "until", "unto", "up", "upon",
    "versus", "vs.", "v.", "vs", "v", "via", "vis-à-vis", "with", "within", "without", "or", "yet", "so",
    "and", "nor", "a", "an", "the", "de", "d'", "von", "van", "c", "ca",
}
_PROTECT = _CITEPROC_JS_STOP - _PANDOC_STOP


@dataclass
class Rendered:
    references: dict[str, str] = field(default_factory=dict)
    citations: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The pandoc binary: the one inside the pypandoc-binary wheel, else pypandoc's own search."""
    spec = importlib.util.find_spec("pypandoc")
    if spec and spec.origin:
        for name in ("pandoc", "pandoc.exe"):
            candidate = Path(spec.origin).parent / "files" / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except Exception:  # pypandoc raises OSError or its own errors when pandoc is absent
        found = shutil.which("pandoc")
        if found:
            return found
    raise CitationError("pandoc is missing, so citations cannot be formatted; reinstall reader (pip install pypandoc-binary).")


def style_file(style: str) -> Path:
    try:
        name, _ = CSL_STYLES[style]
    except KeyError:
        raise CitationError(f"Unknown citation style {style!r}; choose one of {', '.join(CSL_STYLES)}.") from None
    return STYLE_DIR / name


_cache: OrderedDict[str, Rendered] = OrderedDict()
_cache_lock = threading.Lock()
CACHE_SIZE = 256


def render(items: Sequence[dict], style: str, cites: Iterable[tuple[str, str, int | None]] = ()) -> Rendered:
    cites = [(str(k), str(i), p) for k, i, p in cites]
    key = json.dumps([style, list(items), cites], sort_keys=True, ensure_ascii=False)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            hit = _cache[key]
            return Rendered(dict(hit.references), dict(hit.citations))
    result = _run(list(items), style, cites)
    with _cache_lock:
        _cache[key] = result
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return Rendered(dict(result.references), dict(result.citations))


def _protect_stop_words(title: str) -> str:
    words = title.split(" ")
    for i in range(1, len(words) - 1):
        word = words[i]
        if word in _PROTECT and not words[i - 1].endswith((":", "?", "!", ".")):
            words[i] = f'<span class="nocase">{word}</span>'
    return " ".join(words)


def _engine_item(item: dict) -> dict:
    """The item as the processor gets it (see _PROTECT)."""
    lang = str(item.get("language") or "en").lower()
    if lang.startswith("en") and isinstance(item.get("title"), str):
        return {**item, "title": _protect_stop_words(item["title"])}
    return item


_IEEE_TITLE_END = re.compile(r"([?!])\u201d (?=[^\s,.;:])")


def _ieee_title_comma(reference: str, item: dict) -> str:
    """IEEE separates the title from what follows with a comma inside the quotes, also after a
    title ending in "?" or "!" (citeproc-js and Zotero: “Is this the end of Europe?,” Al Jazeera);
    pandoc's citeproc drops that comma. Restore it after the title (the first quotation) only."""
    title = str(item.get("title") or "").rstrip()
    if not title.endswith(("?", "!")):
        return reference
    return _IEEE_TITLE_END.sub(lambda m: m.group(1) + ",\u201d ", reference, count=1)


def _run(items: list[dict], style: str, cites: list[tuple[str, str, int | None]]) -> Rendered:
    csl = style_file(style)
    locale = CSL_STYLES[style][1]
    # Citation keys in the document are our own safe names (i0, i1, ...), so no id can break
    # pandoc's citation syntax; they are mapped back below.
    safe = {}
    refs = []
    for n, item in enumerate(items):
        safe[str(item["id"])] = f"i{n}"
        refs.append({**_engine_item(item), "id": f"i{n}"})
    back_items = {v: k for k, v in safe.items()}
    lines = ["---", "nocite: '@*'", "---", ""]
    back_cites = {}
    for n, (ckey, item_id, paragraph) in enumerate(cites):
        if item_id not in safe:
            raise CitationError(f"Internal error: citation of unknown item {item_id!r}.")
        locator = f", para. {int(paragraph)}" if paragraph is not None else ""
        lines += [f"::: {{#cite-c{n}}}", f"[@{safe[item_id]}{locator}]", ":::", ""]
        back_cites[f"c{n}"] = ckey
    with tempfile.TemporaryDirectory(prefix="reader-cite-") as tmp:
        bib = Path(tmp) / "items.json"
        bib.write_text(json.dumps(refs, ensure_ascii=False), "utf-8")
        cmd = [
            pandoc_path(), "--from", "markdown", "--to", "plain", "--wrap=none",
            "--citeproc", "--lua-filter", str(FILTER),  # the filter must come after --citeproc
            "--bibliography", str(bib), "--csl", str(csl), "--metadata", f"lang={locale}",
        ]
        try:
            proc = subprocess.run(
                cmd, input="\n".join(lines), capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CitationError(f"pandoc could not run ({exc}); reinstall reader (pip install pypandoc-binary).") from exc
    if proc.returncode != 0:
        detail = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise CitationError(f"pandoc failed to format the citation ({detail}); check the article's metadata with `reader meta ID --show`.")
    try:
        data = json.loads(proc.stdout)
    except ValueError as exc:
        raise CitationError("pandoc gave output reader cannot read; pandoc 3.1.1 or newer is needed.") from exc
    refs_out, cites_out = (d if isinstance(d, dict) else {} for d in (data.get("references"), data.get("citations")))
    references = {back_items[k]: v for k, v in refs_out.items() if k in back_items}
    if style == "ieee":
        by_id = {str(item["id"]): item for item in items}
        references = {k: _ieee_title_comma(v, by_id[k]) for k, v in references.items()}
    return Rendered(
        references=references,
        citations={back_cites[k]: v for k, v in cites_out.items() if k in back_cites},
    )
