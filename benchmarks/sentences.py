"""Sentence splitting: reader's rules (reader/services/sentences.py) against pysbd on real article text.

    python -m benchmarks.sentences [--show]

Splits every paragraph of the shared corpus (../shared/corpus), the bundled sample and the held-out test
articles with both, and prints the paragraphs and sentences seen, the boundaries where the two disagree
(--show prints each one to judge by eye) and the time each takes. pysbd is optional (pip install pysbd).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reader.ingest import iter_article_files, parse_file
from reader.services.sentences import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared")
SOURCES = [SHARED / "corpus", ROOT / "reader" / "sample", ROOT / "tests" / "fixtures" / "heldout",
           ROOT / "tests" / "fixtures" / "heldout2", ROOT / "tests" / "fixtures" / "realnews" / "dev"]  # not blind/: measured once, never tuned on


def paragraphs() -> list[str]:
    out = []
    for path in iter_article_files([s for s in SOURCES if s.is_dir()]):
        try:
            if path.stem.upper() != "README":
                out.extend(p for p in parse_file(path).paragraphs if p.strip())
        except Exception:  # noqa: BLE001 - a benchmark reads whatever parses
            continue
    return out


def ends(spans: list[tuple[int, int]]) -> set[int]:
    return {e for _, e in spans[:-1]}


def main() -> None:
    show = "--show" in sys.argv
    paras = paragraphs()
    t0 = time.perf_counter()
    ours = [sentence_spans(p) for p in paras]
    t_ours = time.perf_counter() - t0
    print(f"paragraphs: {len(paras)}, sentences (reader): {sum(map(len, ours))}")
    print(f"reader rules: {t_ours * 1000:.1f} ms ({t_ours / len(paras) * 1e6:.0f} us per paragraph)")
    try:
        import pysbd
    except ImportError:
        print("pysbd is not installed: pip install pysbd to compare")
        return
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    t0 = time.perf_counter()
    theirs = [[(s.start, s.start + len(s.sent.rstrip())) for s in seg.segment(p)] for p in paras]
    t_theirs = time.perf_counter() - t0
    print(f"pysbd (en):   {t_theirs * 1000:.1f} ms ({t_theirs / len(paras) * 1e6:.0f} us per paragraph)")
    only_ours = only_theirs = 0
    for p, a, b in zip(paras, ours, theirs):
        ea, eb = ends(a), ends(b)
        for e in sorted(ea ^ eb):
            who = "reader" if e in ea else "pysbd "
            if e in ea:
                only_ours += 1
            else:
                only_theirs += 1
            if show:
                print(f"  {who} splits: …{p[max(0, e - 50):e]} | {p[e:e + 40]}…")
    print(f"boundaries only reader makes: {only_ours}; only pysbd makes: {only_theirs}")


if __name__ == "__main__":
    main()
