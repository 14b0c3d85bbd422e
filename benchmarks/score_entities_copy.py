#!/usr/bin/env python3
# Copy of ../shared/tools/score_entities.py, used by benchmarks/heldout_entities.py only when the shared tools are absent.
"""Score an entity extractor's output against gold annotations.

Usage:
  score_entities.py GOLD.json PREDICTED.json [GOLD2.json PRED2.json ...]

PREDICTED.json is what `reader inspect FILE --json` prints (an object with an
"entities" list) or a bare list of entities. Each predicted entity needs
"name", "type" and optionally "aliases". Types are compared after mapping:
person -> PERSON, organization/org -> ORG, place/location/gpe/loc -> PLACE;
other types (dates, ...) are not scored.

A predicted entity matches a gold entity of the same type when any of its
names or aliases equals any of the gold aliases after normalisation (case,
quotes, a leading "the", a trailing possessive, dots in acronyms).
Each gold entity can be matched once; a second predicted entity that matches
an already matched gold entity counts as a false positive (a split).
Predictions that match a gold "ignore" form, or a gold entity of another
type, are counted separately as ignorable/type errors.

Prints per document and overall precision, recall and F1 (micro-averaged),
and, last, one line: "entity F1 <value>".
"""
import json
import re
import sys
import unicodedata

TYPES = {
    "person": "PERSON", "per": "PERSON",
    "organization": "ORG", "organisation": "ORG", "org": "ORG",
    "place": "PLACE", "location": "PLACE", "loc": "PLACE", "gpe": "PLACE", "fac": "PLACE",
}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    s = s.strip().strip('"').strip()
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    s = re.sub(r"(?<=\b[A-Za-z])\.", "", s)  # U.S. -> US
    s = re.sub(r"\s+", " ", s)
    return s.lower()


def forms(ent: dict) -> set:
    out = {norm(ent.get("name", ""))}
    for a in ent.get("aliases", []) or []:
        out.add(norm(a))
    out.discard("")
    return out


def score(gold: dict, pred) -> tuple:
    if isinstance(pred, dict):
        pred = pred.get("entities", [])
    golds = [(g["type"], forms(g) | {norm(g["name"])}) for g in gold["entities"]]
    ignore = {norm(x) for x in gold.get("ignore", [])}
    matched = [False] * len(golds)
    tp = fp = split = ign = typeerr = 0
    misses = []
    wrong = []
    for p in pred:
        t = TYPES.get(str(p.get("type", "")).lower())
        if t is None:
            continue
        pf = forms(p)
        hit = None
        for i, (gt, gf) in enumerate(golds):
            if gt == t and pf & gf:
                hit = i
                if not matched[i]:
                    break
        if hit is not None and not matched[hit]:
            matched[hit] = True
            tp += 1
        elif hit is not None:
            split += 1
            fp += 1
            wrong.append(f"split:{p.get('name')}")
        elif pf & ignore:
            ign += 1
        elif any(pf & gf for _, gf in golds):
            typeerr += 1
            fp += 1
            wrong.append(f"type:{p.get('name')}/{t}")
        else:
            fp += 1
            wrong.append(f"fp:{p.get('name')}/{t}")
    fn = matched.count(False)
    for i, m in enumerate(matched):
        if not m:
            misses.append(sorted(golds[i][1])[0] + "/" + golds[i][0])
    return tp, fp, fn, split, typeerr, ign, misses, wrong


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__)
        return 2
    T = [0, 0, 0]
    for g, p in zip(argv[0::2], argv[1::2]):
        gold = json.load(open(g, encoding="utf-8"))
        pred = json.load(open(p, encoding="utf-8"))
        tp, fp, fn, split, typeerr, ign, misses, wrong = score(gold, pred)
        T[0] += tp; T[1] += fp; T[2] += fn
        P, R, F = prf(tp, fp, fn)
        print(f"{gold.get('doc', g)}: P={P:.3f} R={R:.3f} F1={F:.3f} tp={tp} fp={fp} fn={fn} splits={split} type_errors={typeerr} ignorable={ign}")
        if misses:
            print("  missed:", "; ".join(misses))
        if wrong:
            print("  wrong:", "; ".join(wrong))
    P, R, F = prf(*T)
    print(f"overall: P={P:.3f} R={R:.3f} F1={F:.3f}")
    print(f"entity F1 {F:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
