"""Hostile strings for the issue-9 tests, and a way to plant them in a library as an older reader
(or a hand edit) could have left them: straight into the store files, bypassing every cleaner."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

#: OSC 52 clipboard write, clear screen, OSC 8 hyperlink, 8-bit CSI clear, right-to-left override.
HOSTILE = ["\x1b]52;c;aGk=\x07", "\x1b[2J", "\x1b]8;;http://x\x1b\\", "\x9b2J", "\u202e"]
DIRTY = "Evil " + " ".join(HOSTILE) + " end"
#: What clean(DIRTY) leaves.
CLEANED = "Evil" + " " * 6 + "end"
#: Raw controls a terminal would act on (TAB and LF are fine).
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: The same controls written as JSON escapes (inert, but the store must not keep them either).
ESCAPED = re.compile(r"\\u00(?:0[0-8bcdef]|1[0-9a-f]|7f|[89][0-9a-f])|\\u202[a-e]|\\u206[6-9]", re.I)


def assert_clean(text: str, where: str = "") -> None:
    m = RAW.search(text)
    assert m is None, f"raw control {m.group()!r} in {where}: ...{text[max(0, m.start() - 40) : m.end() + 40]!r}..."


def assert_store_clean(root: Path) -> None:
    """No file of the library holds a control sequence, raw or JSON-escaped."""
    for f in [*Path(root).rglob("*.json"), *Path(root).rglob("*.jsonl")]:  # the store files and the journals
        text = f.read_text("utf-8")
        assert_clean(text, str(f))
        m = ESCAPED.search(text)
        assert m is None, f"escaped control {m.group()} kept in {f}"


def plant_meta(lib: Any, aid: str, fields: dict[str, Any]) -> None:
    """Corrections written as they are, past the store's cleaning (an old library)."""
    st = lib.state
    st.own.put_row("meta", aid, {"v": {f"fields.{k}": v for k, v in fields.items()},
                                 "h": {f"fields.{k}": 1 for k in fields}, "d": st.device})


def plant_bookmark(lib: Any, aid: str, paragraph: int, quote: str, note: str, bid: str = "dirtybm00001") -> str:
    st = lib.state
    fields = {"article_id": aid, "paragraph": paragraph, "quote": quote, "prefix": "", "suffix": "",
              "start": 0, "end": len(quote), "created": "2024-01-01T00:00:00+00:00", "seq": 1}
    with st.batch():
        st.own.put_row("marks", bid, {"v": fields, "h": dict.fromkeys(fields, 1), "d": st.device})
        if note:
            st.own.put_row("notes", "n" + bid, {"v": {"b": bid, "t": note, "p": []}, "h": {"b": 1, "t": 1, "p": 1}, "d": st.device})
    return bid


def plant_article_title(root: Path, aid: str, title: str) -> None:
    """An article file and its index row holding a dirty title."""
    path = Path(root) / "articles" / f"{aid}.json"
    d = json.loads(path.read_text("utf-8"))
    d["title"] = title
    d["publisher"] = title
    path.write_text(json.dumps(d), "utf-8")
    index = Path(root) / "index.json"
    doc = json.loads(index.read_text("utf-8"))
    for row in doc["articles"]:
        if row["id"] == aid:
            row["title"] = row["publisher"] = title
    index.write_text(json.dumps(doc), "utf-8")
