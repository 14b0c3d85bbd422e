"""Build reader's BibTeX export with real TeX tools and check what they print (issue 15).

    python tools/check_bibtex_latex.py [--keep DIR]

Needs TeX Live with biblatex, biblatex-apa and biber, plus pdftotext, e.g. on Debian:
    apt-get install --no-install-recommends texlive-latex-base texlive-latex-recommended \\
        texlive-latex-extra texlive-bibtex-extra biber poppler-utils
Exits 0 with a note where they are missing (it is not part of the test suite, which checks the same
entries with pybtex and pandoc).

For a small library (an article whose title has proper nouns, an acronym and straight quotes, one
with an organisation as second author, one undated without a URL) it exports `bibtex` and
`biblatex-apa`, then typesets the references three ways and prints each as text:
    1. bibtex with plain.bst (the `bibtex` export),
    2. biber + biblatex, style authoryear (the `bibtex` export),
    3. biber + biblatex-apa (the `biblatex-apa` export),
and checks: proper nouns and acronyms keep their capitals, no "[newspaper]", curly quotes, the
undated article gets no year taken from the access date, and APA shows the full date.
Persian titles are left out: pdflatex cannot typeset them without extra fonts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.library import Library  # noqa: E402
from reader.models import Article  # noqa: E402
from reader.services.export import export_notes  # noqa: E402

ARTICLES = [
    Article(id="a" * 16, title='Iran says MEK "terrorists" must leave Albania for Europe', paragraphs=["One.", "Two."],
            authors=["Maziar Motamedi", "{Reuters Staff}"], publisher="Al Jazeera", date="2023-06-20",
            url="https://example.org/news/2023/6/20/iran", language="en", added="2024-05-17T09:30:00+00:00"),
    Article(id="b" * 16, title="The U.S. and NATO weigh a plan for Kyiv", paragraphs=["One."], authors=["Anna Keller"],
            publisher="Harbour Times", date="2022-03", added="2024-01-02T00:00:00+00:00"),
    Article(id="c" * 16, title="Undated report on Albania", paragraphs=["Only."], authors=["Rehan Kamal"],
            publisher="Daily Sun", added="2024-02-03T00:00:00+00:00"),
]

# Type 1 fonts (OT1) and glyphtounicode: pdftotext reads ligatures and quotation marks back; no hyphenation.
PREAMBLE = r"""\documentclass{article}\input{glyphtounicode}\pdfgentounicode=1
\usepackage[utf8]{inputenc}\hyphenpenalty=10000\exhyphenpenalty=10000\sloppy"""
PLAIN = PREAMBLE + r"""
\begin{document}\nocite{*}\bibliographystyle{plain}\bibliography{refs}\end{document}
"""
BIBLATEX = PREAMBLE + r"""\usepackage[american]{babel}\usepackage{csquotes}
\usepackage[style=%s,backend=biber]{biblatex}\addbibresource{refs.bib}
\begin{document}\nocite{*}\printbibliography\end{document}
"""
NEEDED = ("pdflatex", "bibtex", "biber", "pdftotext", "kpsewhich")


def run(cmd: list[str], cwd: Path) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr)[-1500:]
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{tail}")


def typeset(folder: Path, tex: str, bib: str, backend: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "refs.bib").write_text(bib, "utf-8")
    (folder / "doc.tex").write_text(tex, "utf-8")
    run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], folder)
    run([backend, "doc"], folder)
    run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], folder)
    run(["pdflatex", "-interaction=nonstopmode", "doc.tex"], folder)
    run(["pdftotext", "-layout", "doc.pdf", "doc.txt"], folder)
    return " ".join((folder / "doc.txt").read_text("utf-8").split())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="Build in this folder and keep it.")
    args = ap.parse_args(argv)
    missing = [t for t in NEEDED if shutil.which(t) is None]
    if missing:
        print(f"skipped: {', '.join(missing)} not installed (see the module doc for the packages).")
        return 0
    for sty in ("biblatex.sty", "apa.bbx", "csquotes.sty"):
        if not subprocess.run(["kpsewhich", sty], capture_output=True, text=True).stdout.strip():
            print(f"skipped: {sty} not installed (texlive-bibtex-extra, texlive-latex-extra).")
            return 0

    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        lib = Library.open(work / "lib", seed=False)
        for a in ARTICLES:
            lib.add_article(a)
            lib.state.add_bookmark(a.id, 0, a.paragraphs[0], note="n")
        bib, apa_bib = export_notes(lib, "bibtex"), export_notes(lib, "biblatex-apa")
        lib.close()
        outputs = {
            "bibtex + plain.bst": typeset(work / "plain", PLAIN, bib, "bibtex"),
            "biblatex authoryear": typeset(work / "authoryear", BIBLATEX % "authoryear", bib, "biber"),
            "biblatex-apa": typeset(work / "apa", BIBLATEX % "apa", apa_bib, "biber"),
        }
    failures = 0
    for name, text in outputs.items():
        print(f"== {name}\n{text}\n")
        checks = {
            "proper nouns and acronyms keep their capitals": all(
                w in text for w in ("Iran", "MEK", "Albania", "Europe", "U.S.", "NATO", "Kyiv")
            ),
            "no [newspaper]": "[newspaper]" not in text and "newspaper" not in text.lower(),
            "curly quotes around terrorists": "\u201cterrorists\u201d" in text or "\u2018terrorists\u2019" in text,
            "no year taken from the access date for the undated article": "Kamal 2024" not in text
            and "Kamal, R. (2024" not in text,
        }
        if name == "biblatex-apa":
            checks["APA shows the full date"] = "2023, June 20" in text
            checks["APA: no retrieval date for a dated article"] = "Retrieved May 17, 2024" not in text
            checks["APA: comma before & with an organisation second"] = "Motamedi, M., & Reuters Staff" in text
        for label, ok in checks.items():
            print(f"  {'ok  ' if ok else 'FAIL'} {label}")
            failures += not ok
    print(f"{failures} checks failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
