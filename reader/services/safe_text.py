"""Untrusted text on its way to a terminal: strip control sequences.

API CONTRACT:
    clean(text) -> str       # remove ESC sequences (CSI, OSC, ...), C0/C1 controls except \\n and \\t,
                             # and bidi override/isolate controls
    escape_json(json_text) -> str   # (extension) escape, as \\uXXXX, the C1 and bidi controls that
                             # json.dumps(ensure_ascii=False) leaves raw: same data, inert on a terminal
    clean_value(obj) -> obj  # (issue 9) every string in a dict/list cleaned (what the store keeps)
    clean_str(text) -> str   # clean() with a fast path; has_controls(text) -> bool
    shown_name(path) -> str  # (issue 9) a file name for one output line: controls/newlines as \\n, \\x1b...
The implementation lives in reader/controls.py, below every layer, so the store, the library and
ingest use this same cleaner on what they keep.
Rich/Textual markup is never parsed from article text: build rich.text.Text objects
(Text(s), Text.assemble) instead of markup strings; print with markup=False in the CLI.

What clean() does, precisely:
* Whole escape sequences are removed, payload included: CSI (ESC [ ... final byte), OSC (ESC ] ...
  ended by BEL or ST: window titles, OSC 8 hyperlinks, OSC 52 clipboard writes), DCS / SOS / PM /
  APC strings (ESC P, X, ^, _ ... ST), two- and three-byte escapes (ESC 7, ESC ( B, ESC # 8 ...),
  and their 8-bit C1 forms (U+009B CSI, U+009D OSC, U+0090 DCS, U+0098/U+009E/U+009F, ended by
  U+009C ST or BEL). An unterminated string sequence is cut at the end of its line, so it cannot
  swallow the rest of the text.
* Line endings: CRLF and lone CR become LF (a CR can never overwrite a line); VT, FF, NEL (U+0085),
  LINE SEPARATOR and PARAGRAPH SEPARATOR become LF too.
* Every other C0 control (NUL, BEL, BS, ESC alone, ...), DEL and C1 control is removed. TAB stays.
* Bidi embedding/override/isolate controls (U+202A-U+202E, U+2066-U+2069), which can reorder what
  is displayed ("Trojan Source"), are removed. The bidi *marks* U+200E LRM, U+200F RLM and U+061C
  ALM are kept: they are invisible, cannot reorder other text, and real RTL text (Persian, Arabic,
  Hebrew) uses them, as it uses ZWNJ U+200C (kept).
"""

from __future__ import annotations

from reader.controls import clean, clean_str, clean_value, escape_json, has_controls, offset_map, shown_name

__all__ = ["clean", "clean_str", "clean_value", "escape_json", "has_controls", "offset_map", "shown_name"]
