"""The measured requirement: `reader inspect --json` on ../shared/corpus matches the gold metadata exactly."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata

import pytest

from conftest import CORPUS, ROOT, corpus_files, needs_corpus

FIELDS = ("title", "section", "authors", "publisher", "date")
FURNITURE = ("Home »", "You may also like", "Leave a Comment", "to download the video file click here")


def _gold(path):
    return json.loads((CORPUS / "gold" / (path.stem + ".json")).read_text("utf-8"))["metadata"]


@pytest.fixture(scope="module")
def inspected():
    """`reader inspect FILE --json` for each corpus file, through the real command line."""
    out = {}
    for path in corpus_files():
        proc = subprocess.run(
            [sys.executable, "-m", "reader", "inspect", str(path), "--json"],
            cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        out[path.name] = json.loads(proc.stdout)
    return out


@needs_corpus
def test_corpus_has_five_files():
    assert len(corpus_files()) == 5


@needs_corpus
@pytest.mark.parametrize("name", [p.name for p in corpus_files()] or ["-"])
def test_metadata_equals_gold(inspected, name):
    got, gold = inspected[name], _gold(CORPUS / name)
    # Exactly the gold, null included (a byline-less article has authors null, not []).
    assert {k: got[k] for k in FIELDS} == {k: gold[k] for k in FIELDS}


@needs_corpus
@pytest.mark.parametrize("name", [p.name for p in corpus_files()] or ["-"])
def test_body_has_no_site_furniture(inspected, name):
    paras = inspected[name]["paragraphs"]
    assert len(paras) == len(inspected[name]["kinds"]) > 5
    for p in paras:
        for junk in FURNITURE:
            assert junk.casefold() not in p.casefold()
        assert not p.startswith(("By ", "Written by ")), p
        assert p.strip() != "0"
    assert inspected[name]["title"] not in paras


@needs_corpus
def test_every_line_of_article_text_is_kept(inspected):
    """Apart from furniture, title and byline, each source line is a paragraph or inside one."""
    for path in corpus_files():
        got = inspected[path.name]
        body = "\n".join(got["paragraphs"])
        for line in path.read_text("utf-8").splitlines():
            line = " ".join(unicodedata.normalize("NFC", line).split())
            if not line or line.isdigit() or line in (got["title"],) or "»" in line:
                continue
            if line.casefold().rstrip(":") in {f.casefold() for f in FURNITURE}:
                continue
            if line.startswith(("By ", "Written by ")):
                continue
            if re.fullmatch(r"[A-Z][a-z]+day ?, \d{1,2} [A-Z][a-z]+ \d{4}", line):
                continue  # the page banner date
            assert line in body, line[:80]


@needs_corpus
def test_embedded_tweets_are_single_quote_paragraphs(inspected):
    for name, got in inspected.items():
        for p, k in zip(got["paragraphs"], got["kinds"]):
            if "pic.twitter.com" in p or "(@" in p:
                assert k == "quote", p[:80]
                assert "(@" in p  # the attribution travels with the tweet
            assert not p.startswith("—"), "a tweet attribution was left on its own"


@needs_corpus
def test_persian_text_survives(inspected):
    for path in corpus_files():
        raw = path.read_text("utf-8")
        persian = [" ".join(unicodedata.normalize("NFC", ln).split()) for ln in raw.splitlines()
                   if any("\u0600" <= ch <= "\u06ff" for ch in ln)]
        body = "\n".join(inspected[path.name]["paragraphs"])
        for line in persian:
            assert line in body
            assert unicodedata.is_normalized("NFC", body)


@needs_corpus
def test_captions_are_marked(inspected):
    for got in inspected.values():
        caps = [p for p, k in zip(got["paragraphs"], got["kinds"]) if k == "caption"]
        assert caps, got["title"]
        assert got["kinds"][0] == "caption"  # each corpus article opens with its image caption
