"""Bad input at the parse level: each refusal is an IngestError with one line of reason."""

from __future__ import annotations

import codecs
import os

import pytest

from reader.errors import IngestError
from reader.ingest import parse_file
from reader.ingest.decode import MAX_BYTES, decode_bytes

TEXT = ("Café owners in Zürich say the new rules are déjà vu\n\n"
        "The city council of Zürich voted on Tuesday to limit terrace hours, and owners of the café "
        "on the main square said they would appeal the decision in court.\n")


def refusal(path) -> str:
    with pytest.raises(IngestError) as info:
        parse_file(path)
    msg = str(info.value)
    assert "\n" not in msg and msg.strip() == msg and msg
    return msg


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert "empty" in refusal(tmp_path / "empty.txt")


def test_whitespace_only_file(tmp_path):
    (tmp_path / "blank.txt").write_text(" \n\t\n\u00a0\n  \n", "utf-8")
    assert "whitespace" in refusal(tmp_path / "blank.txt")


def test_binary_file_with_nul_bytes(tmp_path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 20)
    assert "binary" in refusal(tmp_path / "photo.txt")


def test_binary_file_without_nul_bytes(tmp_path):
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 50 + b"abc")
    assert "binary" in refusal(tmp_path / "noise.txt")


def test_huge_file_is_refused_from_its_size_without_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # a sparse 50 MB file: costs no disk space
        fh.truncate(50 * 1024 * 1024)

    def no_read(*a, **k):
        raise AssertionError("the file was read")

    monkeypatch.setattr("pathlib.Path.open", no_read)
    msg = refusal(big)
    assert "50.0 MB" in msg and "limit" in msg


def test_file_just_under_the_limit_is_read(tmp_path):
    ok = tmp_path / "long.txt"
    line = "The council met again today and talked about the harbour for a long time.\n"
    ok.write_text("Long meeting\n\n" + line * ((MAX_BYTES - 100) // len(line)), "utf-8")
    assert os.path.getsize(ok) <= MAX_BYTES
    assert parse_file(ok).title == "Long meeting"


def test_missing_path_and_folder(tmp_path):
    assert "no such file" in refusal(tmp_path / "nope.txt")
    assert "folder" in refusal(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(TEXT, "utf-8")
    p.chmod(0)
    assert "permission" in refusal(p)


def test_unsupported_suffix(tmp_path):
    (tmp_path / "table.csv").write_text("a,b\n1,2\n", "utf-8")
    assert "unsupported file type '.csv'" in refusal(tmp_path / "table.csv")


@pytest.mark.parametrize("encoding,bom", [
    ("latin-1", b""),
    ("cp1252", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
    ("utf-8", codecs.BOM_UTF8),
])
def test_encodings_decode_to_the_same_article(tmp_path, encoding, bom):
    reference = parse_file(_write(tmp_path / "ref.txt", TEXT.encode("utf-8")))
    a = parse_file(_write(tmp_path / f"x-{encoding}.txt", bom + TEXT.encode(encoding)))
    assert a.title == "Café owners in Zürich say the new rules are déjà vu"
    assert a.paragraphs == reference.paragraphs
    assert a.id == reference.id


def test_cp1252_curly_quotes_and_dashes():
    text = decode_bytes("\u201cWe stay\u201d \u2013 said the mayor of K\u00f6ln.".encode("cp1252"))
    assert text == "\u201cWe stay\u201d \u2013 said the mayor of K\u00f6ln."


def test_cyrillic_cp1251_goes_to_charset_detection():
    text = ("Городской совет проголосовал во вторник за ремонт старого моста через реку. "
            "Работы начнутся весной и продлятся около шести месяцев, сообщили в мэрии. ") * 3
    assert decode_bytes(text.encode("cp1251")) == text


def test_decoded_text_is_nfc_and_keeps_rtl_marks():
    decomposed = "Cafe\u0301 \u0622 \u200f\u0633\u0644\u0627\u0645\u200f"
    out = decode_bytes(decomposed.encode("utf-8"))
    assert out == "Caf\u00e9 \u0622 \u200f\u0633\u0644\u0627\u0645\u200f"


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_terminal_escape_sequences_are_removed_whole():
    raw = "Head\x1b[1mline\x1b[0m \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ end\x07\n".encode("utf-8")
    assert decode_bytes(raw) == "Headline link end\n"


def test_line_endings_and_separators_become_newlines():
    raw = "One\r\nTwo\rThree\u2028Four\u2029Five\x85Six".encode("utf-8")
    assert decode_bytes(raw) == "One\nTwo\nThree\nFour\n\nFive\nSix"


def test_utf8_with_a_stray_byte_stays_utf8():
    raw = "Café in Zürich, déjà vu — “quoted”".encode("utf-8") + b"\xff" + " and more text.".encode("utf-8")
    assert decode_bytes(raw) == "Café in Zürich, déjà vu — “quoted”\ufffd and more text."


def test_unreadable_file_gives_a_reason(tmp_path, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text(TEXT, "utf-8")

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("pathlib.Path.open", denied)
    assert refusal(p) == "permission denied; check that you may read this file."
