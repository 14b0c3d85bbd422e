"""Our citations equal citeproc-js's (Zotero's processor) for every fixture article and style.

Runs only where citeproc-js is installed: set CITEPROC_JS_MODULES to a node_modules folder holding the
npm package "citeproc", and CSL_LOCALES to a folder of official CSL locale files (see
tools/compare_citeproc_js.py for the commands). Skipped otherwise (CI has no node modules).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

MODULES = os.environ.get("CITEPROC_JS_MODULES", "")
LOCALES = os.environ.get("CSL_LOCALES", "")


@pytest.mark.skipif(
    not (shutil.which("node") and MODULES and (Path(MODULES) / "citeproc").is_dir()
         and LOCALES and (Path(LOCALES) / "locales-en-GB.xml").is_file()),
    reason="citeproc-js not available (set CITEPROC_JS_MODULES and CSL_LOCALES)",
)
def test_equal_to_citeproc_js():
    from tools.compare_citeproc_js import compare

    rows, diffs = compare(MODULES, LOCALES)
    assert not diffs, "\n".join(diffs)
    assert {r[0] for r in rows} == {"apa", "mla", "chicago", "harvard", "ieee"}
    assert all(r[3] == r[4] == 36 for r in rows)
