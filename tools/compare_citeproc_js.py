"""Compare reader's citations (pandoc citeproc) with citeproc-js, the processor behind Zotero.

Runs without network once the node package is installed, e.g.:

    mkdir -p /tmp/cjs && (cd /tmp/cjs && npm install citeproc)
    pip download --no-deps citeproc-py -d /tmp/cpy && (cd /tmp/cpy && unzip -oq citeproc_py-*.whl)
    python tools/compare_citeproc_js.py --node-modules /tmp/cjs/node_modules \\
        --locales /tmp/cpy/citeproc/data/locales [--show-all]

The locales are the official CSL locale files (any copy of the citation-style-language/locales
repository will do; citeproc-py's wheel carries a current one). For every fixture article in
tests/fixtures/cite/articles.json and every style, the reference, the in-text citation and the
citation with the locator "paragraph 5" are formatted by both processors, each item alone, with the
same CSL-JSON item, the same official .csl file and the same locale; whitespace is normalised
before comparing. Prints one row per style and the differing strings.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.models import Article  # noqa: E402
from reader.services import csl_engine  # noqa: E402
from reader.services.csl_item import csl_item  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "cite" / "articles.json"
FORMAT_JS = Path(__file__).resolve().parent / "citeproc_js" / "format.js"


def norm(text: str) -> str:
    return " ".join(text.split())


def citeproc_js(items: list[dict], style: str, locator: dict | None, args: argparse.Namespace) -> dict:
    name, locale = csl_engine.CSL_STYLES[style]
    request = {
        "style": str(csl_engine.STYLE_DIR / name),
        "locale": locale,
        "locales_dir": args.locales,
        "items": items,
        "locator": locator,
    }
    env = {**os.environ, "NODE_PATH": args.node_modules}
    proc = subprocess.run(["node", str(FORMAT_JS)], input=json.dumps(request), capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"node failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def compare(node_modules: str, locales: str, show_all: bool = False) -> tuple[list[tuple], list[str]]:
    """(rows: (style, file, locale, equal, total), lines describing each difference)."""
    args = argparse.Namespace(node_modules=node_modules, locales=locales)
    articles = [Article.from_dict(d) for d in json.loads(FIXTURE.read_text("utf-8"))]
    items = [csl_item(a) for a in articles]
    rows, diffs = [], []
    for style in csl_engine.CSL_STYLES:
        js_plain = citeproc_js(items, style, None, args)
        js_para = citeproc_js(items, style, {"label": "paragraph", "locator": "5"}, args)
        same = total = 0
        for item in items:
            ours = csl_engine.render([item], style, [("plain", item["id"], None), ("para", item["id"], 5)])
            pairs = [
                ("reference", ours.references[item["id"]], js_plain[item["id"]]["bibliography"]),
                ("citation", ours.citations["plain"], js_plain[item["id"]]["citation"]),
                ("citation, para. 5", ours.citations["para"], js_para[item["id"]]["citation"]),
            ]
            for what, mine, theirs in pairs:
                total += 1
                if norm(mine) == norm(theirs):
                    same += 1
                    if show_all:
                        diffs.append(f"  same  {style:8} {item['id']:10} {what}: {mine}")
                else:
                    diffs.append(
                        f"  DIFF  {style:8} {item['id']:10} {what}:\n        pandoc:      {mine}\n        citeproc-js: {theirs}"
                    )
        rows.append((style, csl_engine.CSL_STYLES[style][0], csl_engine.CSL_STYLES[style][1], same, total))
    return rows, diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--node-modules", required=True, help="node_modules folder holding the citeproc package")
    ap.add_argument("--locales", required=True, help="folder with locales-en-US.xml and locales-en-GB.xml")
    ap.add_argument("--show-all", action="store_true", help="print every string, not only differences")
    args = ap.parse_args()
    rows, diffs = compare(args.node_modules, args.locales, args.show_all)
    print(f"{'style':8} {'file':38} {'locale':6} {'equal':>9}")
    for style, name, locale, same, total in rows:
        print(f"{style:8} {name:38} {locale:6} {same:>4}/{total:<4}")
    if diffs:
        print()
        print("\n".join(diffs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
