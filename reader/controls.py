"""The one cleaner of untrusted text (terminal control sequences), below every layer.

reader.services.safe_text is its public face (see its docstring for exactly what clean() removes);
it lives here, outside the layers, so that the store, the library and ingest, which sit below the
services, clean what they keep with the same function (the store never holds a control sequence).
"""


from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

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


_ANY = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def has_controls(text: str) -> bool:
    """True when clean() would change text (cheap: one regex search, no substitution)."""
    return _ANY.search(text) is not None


def clean_str(text: str) -> str:
    """clean(), with a fast path for the usual text that holds nothing to remove."""
    return clean(text) if _ANY.search(text) else text


def clean_value(value: Any) -> Any:
    """Every string inside value (dict keys and values, list items) cleaned; other values as they are."""
    if isinstance(value, str):
        return clean_str(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(v) for v in value)
    return value


_SHOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]")


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch == "\\":
        return "\\\\"
    return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch) or (
        f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
    )


def shown_name(name: object) -> str:
    """A file name or path for one line of output: controls and newlines written as escapes (\\n, \\x1b,
    \\u202e), so a name can neither forge an output line nor reach the terminal as a sequence.
    A name without such characters is shown exactly as it is."""
    text = str(name)
    if not _SHOWN.search(text):
        return text
    return _SHOWN.sub(_escape, text)


def offset_map(original: str, shown: str) -> Callable[[int], int]:
    """Map offsets in `original` to offsets in `shown` (clean() only drops or replaces characters)."""
    table = [0] * (len(original) + 1)
    ops = difflib.SequenceMatcher(None, original, shown, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        for k in range(i1, i2 + 1):
            table[k] = j1 + (k - i1) if tag == "equal" else (j1 if k == i1 else j2)
    table[len(original)] = len(shown)
    return lambda i: table[max(0, min(i, len(original)))]
