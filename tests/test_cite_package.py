"""The official CSL style files ship inside the package (and so in the wheel), licence headers intact."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest

from reader.services import csl_engine
from tests.conftest import ROOT

NS = "{http://purl.org/net/xbiblio/csl}"


@pytest.mark.parametrize("style", sorted(csl_engine.CSL_STYLES))
def test_style_file_is_the_official_independent_style(style):
    path = csl_engine.style_file(style)
    info = ET.parse(path).getroot().find(f"{NS}info")
    assert info.find(f"{NS}rights").get("license") == "http://creativecommons.org/licenses/by-sa/3.0/"
    assert info.find(f"{NS}id").text.startswith("http://www.zotero.org/styles/")
    assert not [link for link in info.findall(f"{NS}link") if link.get("rel") == "independent-parent"]


def test_style_titles_are_the_editions_asked_for():
    titles = {s: ET.parse(csl_engine.style_file(s)).getroot().find(f"{NS}info/{NS}title").text for s in csl_engine.CSL_STYLES}
    assert titles["apa"] == "APA Style 7th edition"
    assert titles["mla"].startswith("MLA Handbook 9th edition")
    assert titles["chicago"] == "Chicago Manual of Style 17th edition (author-date)"
    assert titles["harvard"].startswith("Cite Them Right")
    assert titles["ieee"].startswith("IEEE Reference Guide")


@pytest.mark.skipif(importlib.util.find_spec("hatchling") is None, reason="hatchling is not installed here")
def test_wheel_contains_the_styles_and_the_filter(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", str(ROOT),
                    "-w", str(tmp_path)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("reader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for style in csl_engine.CSL_STYLES:
        assert f"reader/services/csl_styles/{csl_engine.CSL_STYLES[style][0]}" in names
    assert "reader/services/csl_split.lua" in names
