"""Untrusted text on its way to a terminal: strip control sequences.

API CONTRACT:
    clean(text) -> str       # remove ESC sequences (CSI, OSC, ...), C0/C1 controls except \\n and \\t,
                             # and bidi override/isolate controls
    escape_json(json_text) -> str   # (extension) escape, as \\uXXXX, the C1 and bidi controls that
                             # json.dumps(ensure_ascii=False) leaves raw: same data, inert on a terminal
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

import re

_ST = r"(?:\x1b\\|\x9c|\x07)"
_ESC_SEQ = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    rf"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x1b\x07\x9c\n]*{_ST}?"  # OSC/DCS/SOS/PM/APC ... ST
    r"|\x1b[ -/]+[0-~]"  # ESC with intermediates: ESC ( B, ESC # 8, ESC % G
    r"|\x1b[0-~]"  # two-byte escapes: ESC 7, ESC c, ESC M ...
)
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    text = _ESC_SEQ.sub("", text)
    text = _NEWLINES.sub("\n", text)
    return _CONTROLS.sub("", text)


_JSON_RAW = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_json(json_text: str) -> str:
    """JSON text (from json.dumps) with the controls json.dumps leaves raw written as \\uXXXX escapes.

    Valid only for JSON text: such characters can only occur inside strings, where the escape
    means the same character, so json.loads gives back exactly the same data.
    """
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
