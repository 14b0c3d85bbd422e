"""Metadata exact-match accuracy (title, section, authors, publisher, date) on any set of articles with gold.

    python benchmarks/metadata_accuracy.py [--set SET] [--subprocess] [--quiet]

SET is a folder holding the articles and a gold/ subfolder of JSON files in the corpus gold schema
(/work/shared/corpus/gold/SCHEMA.md): a path (`--set /work/shared/corpus`, `--set tests/fixtures/realmeta/dev`)
or a name under tests/fixtures (`--set realnews/dev`). Default: the shared corpus. Metadata-only sets
(gold with "metadata_only": true and no entities) are read the same way: only "doc" and "metadata" are used.

Each article is parsed as `reader inspect FILE --json` parses it (in-process: reader.ingest.parse_file +
the entity pass + Article.inspect_dict, as benchmarks/heldout_entities.py does; with --subprocess:
`python -m reader inspect FILE --json` with a throw-away library). Fields are compared with
heldout_entities.meta_equal (exact, and "lenient" after the scorer's normalisation of case, quotes,
dashes and 'the'); the figures are the exact ones. Prints one line per field, the overall line
"metadata exact <k>/<n> fields (<ratio>)", the documents with all five fields exact, and every miss
as expected vs got.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from the repository root
    sys.path.insert(0, str(ROOT))

from benchmarks.heldout_entities import (  # noqa: E402  (after the path set-up)
    META_FIELDS,
    inspect_in_process,
    inspect_subprocess,
    load_scorer,
    meta_equal,
)

#: The shared corpus (../shared/corpus from the main checkout, ../../shared/corpus from a worktree).
DEFAULT_SET = next((base / "shared" / "corpus" for base in (ROOT.parent, ROOT.parent.parent)
                    if (base / "shared" / "corpus" / "gold").is_dir()), ROOT.parent / "shared" / "corpus")


def resolve_set(name: str) -> Path:
    """A set folder from a path, or from a name under tests/fixtures."""
    for cand in (Path(name), ROOT / name, ROOT / "tests" / "fixtures" / name):
        if (cand / "gold").is_dir():
            return cand.resolve()
    raise SystemExit(f"no gold/ folder for set {name!r} (a path, or a name under tests/fixtures)")


def gold_files(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / "gold").glob("*.json"))


def compare(gold_meta: dict, pred: dict, norm) -> list[tuple[str, bool, bool, object, object]]:
    """(field, exact, lenient, expected, got) for each metadata field."""
    rows = []
    for field in META_FIELDS:
        expected, got = gold_meta.get(field), pred.get(field)
        ex, le = meta_equal(expected, got, norm)
        rows.append((field, ex, le, expected, got))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default=str(DEFAULT_SET),
                    help="a folder with gold/ (path, or a name under tests/fixtures); default the shared corpus")
    ap.add_argument("--subprocess", action="store_true", help="run `python -m reader inspect --json` per file")
    ap.add_argument("--quiet", action="store_true", help="only the figures, not the misses")
    args = ap.parse_args(argv)
    scorer, _ = load_scorer()
    folder = resolve_set(args.set)
    golds = gold_files(folder)
    if not golds:
        raise SystemExit(f"no gold files in {folder / 'gold'}")
    exact: Counter = Counter()
    lenient: Counter = Counter()
    misses: list[str] = []
    perfect = 0
    with tempfile.TemporaryDirectory() as lib:
        for gpath in golds:
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            doc = gold.get("doc") or gpath.stem
            fpath = folder / doc
            if not fpath.exists():
                found = sorted(p for p in folder.glob(gpath.stem + ".*") if p.is_file())
                if not found:
                    raise SystemExit(f"{gpath.name}: no article {doc!r} in {folder}")
                fpath = found[0]
            pred = inspect_subprocess(fpath, "rules", lib) if args.subprocess else inspect_in_process(fpath, "rules")
            rows = compare(gold["metadata"], pred, scorer.norm)
            perfect += all(ex for _, ex, *_ in rows)
            for field, ex, le, expected, got in rows:
                exact[field] += ex
                lenient[field] += le
                if not ex:
                    misses.append(f"  {fpath.name}: {field}: expected {expected!r} got {got!r}"
                                  + (" (equal after normalisation)" if le else ""))
    n = len(golds)
    print(f"set: {folder} ({n} documents; {'subprocess' if args.subprocess else 'in-process'})")
    for field in META_FIELDS:
        print(f"  {field:>10}: {exact[field]}/{n} exact, {lenient[field]}/{n} lenient")
    total = sum(exact[f] for f in META_FIELDS)
    fields = n * len(META_FIELDS)
    print(f"metadata exact {total}/{fields} fields ({total / fields:.3f}); "
          f"{perfect}/{n} documents with all five fields exact")
    if misses and not args.quiet:
        print("misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
