"""Bytes -> clean text, refusing what is not an article file (empty, binary, too large, unreadable).

Every refusal is an IngestError whose message is one sentence a user can act on.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path

from reader.errors import IngestError

#: Largest file we read at all. Checked with stat() before reading, so a huge file costs nothing.
MAX_BYTES = 10 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, carriage return and form feed; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Terminal escape sequences (CSI, OSC, and two-byte ESC sequences), removed whole, not just their ESC.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
# Invisible junk that is never part of the text; U+200C/U+200D/U+200E/U+200F (ZWNJ, ZWJ,
# LRM, RLM) are deliberately NOT here: Persian and Arabic need them.
_STRAY = re.compile("[\ufeff\u00ad]")


def _human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _over_limit(n: int) -> str:
    """The size of a file above MAX_BYTES, never rounded to look like the limit itself."""
    mb = n / (1024 * 1024)
    for digits in (1, 2):
        shown = f"{mb:.{digits}f}"
        if float(shown) > MAX_BYTES / (1024 * 1024):
            return f"{shown} MB"
    return f"{n:,} bytes"


def _limit() -> str:
    return f"{MAX_BYTES / (1024 * 1024):g} MB ({MAX_BYTES:,} bytes)"


def read_bytes(path: os.PathLike[str] | str) -> bytes:
    """Read a file for import, refusing folders, missing files and files above MAX_BYTES."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise IngestError("no such file or folder; check the path.") from None
    except PermissionError:
        raise IngestError("permission denied; check that you may read this file.") from None
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror or exc}).") from None
    if p.is_dir():
        raise IngestError("this is a folder; pass it to `reader add` to import the files in it.")
    if not p.is_file():
        raise IngestError("not a regular file (a device, pipe or socket); only article files can be imported.")
    if st.st_size > MAX_BYTES:
        raise IngestError(
            f"the file is {_over_limit(st.st_size)}, above the {_limit()} limit for one article; "
            "check that it is an article, or split it."
        )
    if st.st_size == 0:
        raise IngestError("the file is empty; there is nothing to import.")
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except PermissionError:
        raise IngestError("permission denied; check that you may read this file.") from None
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror or exc}).") from None
    if len(data) > MAX_BYTES:  # it grew between stat() and read()
        raise IngestError(f"the file is above the {_limit()} limit for one article; check that it is an article, or split it.")
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit on one side of most ASCII characters."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even_nul = sum(1 for b in head[0::2] if b == 0)
    odd_nul = sum(1 for b in head[1::2] if b == 0)
    half = len(head) // 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (a bad copy-paste) stays UTF-8, the damage shown as U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return text if good >= 3 * bad else None


def _guess_8bit(data: bytes) -> str:
    """Decode text that is not UTF-8.

    Western text (a few accented letters among ASCII) is read as cp1252, the superset of
    Latin-1 that real files use; anything else goes to charset-normalizer's best guess.
    """
    text = data.decode("cp1252", errors="replace")
    letters = [c for c in text if c.isalpha()]
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    if letters and non_ascii / len(letters) < 0.3 and "\ufffd" not in text:
        return text
    import charset_normalizer  # lazy: only needed for unusual encodings

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("latin-1")


def decode_bytes(data: bytes) -> str:
    """Bytes -> text (BOM, UTF-8, UTF-16 without BOM, Latin-1/cp1252...), refusing binary data."""
    if not data:
        raise IngestError("the file is empty; there is nothing to import.")
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError:
                raise IngestError(f"the file starts with a {enc.upper()} mark but is not valid {enc.upper()}.") from None
            break
    if text is None and b"\x00" in data:
        enc = _utf16_without_bom(data)
        if enc is None:
            raise IngestError("the file looks binary (it contains NUL bytes); import text, Markdown or HTML files.")
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            raise IngestError("the file looks binary (it contains NUL bytes); import text, Markdown or HTML files.") from None
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _mostly_utf8(data) or _guess_8bit(data)
    if "\x00" in text:
        raise IngestError("the file looks binary (it contains NUL bytes); import text, Markdown or HTML files.")
    text = _ESCAPES.sub("", text)
    bad = len(_CONTROL.findall(text)) + text.count("\ufffd")
    if bad > max(16, len(text) // 50):
        raise IngestError("the file looks binary (it is mostly not text); import text, Markdown or HTML files.")
    text = clean_text(text)
    if not text.strip():
        raise IngestError("the file contains only whitespace; there is nothing to import.")
    return text


def clean_text(text: str) -> str:
    """Text entering the library from anywhere (a file, a feed field, a page): escape sequences and
    control characters removed, line endings unified, stray invisible characters dropped, NFC."""
    text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\x85", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    text = _STRAY.sub("", text)
    return unicodedata.normalize("NFC", text)


def read_text(path: os.PathLike[str] | str) -> str:
    return decode_bytes(read_bytes(path))
