"""The styles ship in the wheel (reader/styles/*.tcss) and an installed reader finds and loads them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    res = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{res.stdout}\n{res.stderr}")
    [whl] = out.glob("reader-*.whl")
    return whl


def test_wheel_contains_every_stylesheet(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"reader/styles/{p.name}" for p in (ROOT / "styles").glob("*.tcss")}
    assert expected and expected <= names


def test_installed_layout_finds_and_loads_the_styles(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = textwrap.dedent(
        """
        import asyncio, sys, tempfile
        from pathlib import Path
        import reader.tui.app as tui
        from reader.library import Library
        site = Path(sys.argv[1]).resolve()
        found = tui.styles_dir().resolve()
        assert found == site / "reader" / "styles", found
        assert Path(tui.__file__).resolve().is_relative_to(site), tui.__file__

        async def main():
            lib = Library(Path(tempfile.mkdtemp()))
            app = tui.build_app(lib)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                # a rule only styles/main.tcss sets: the list pane's minimum width
                assert app.screen.query_one("#list-pane").styles.min_width.value == 26, "main.tcss not applied"
            lib.close()

        asyncio.run(main())
        print("ok")
        """
    )
    res = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.stdout.strip().endswith("ok"), res.stdout + res.stderr
