"""The core never imports Textual (import-linter contracts in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint).exists():
        pytest.fail("import-linter is not installed; install the test extra: pip install '.[test]'")
    res = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_core_modules_do_not_import_textual_at_runtime():
    code = (
        "import sys, reader.library, reader.services.search, reader.services.safe_text, reader.ingest, reader.entities;"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert res.stdout.strip() == "False", res.stderr
