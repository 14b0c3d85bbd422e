"""Untrusted text on its way to a terminal: strip control sequences.

API CONTRACT:
    clean(text) -> str       # remove ESC sequences (CSI, OSC, ...), C0/C1 controls except \n and \t,
                             # and bidi override/isolate controls
Rich/Textual markup is never parsed from article text: build rich.text.Text objects
(Text(s), Text.assemble) instead of markup strings; print with markup=False in the CLI.
"""

from __future__ import annotations

import re

_ESC_SEQ = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL/ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS/SOS/PM/APC ... ST
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit OSC
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    return _CONTROLS.sub("", _ESC_SEQ.sub("", text))
