"""End to end: two real Syncthing instances on 127.0.0.1 (discovery, relays, NAT, upgrades and usage
reporting off) keep two library folders in step while the reader CLI writes on each side; both end
with every change. Skipped, saying why, when syncthing is missing or cannot start."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import reader
from reader.sync.store import SyncedStore

SYNCTHING = shutil.which("syncthing")
pytestmark = pytest.mark.skipif(SYNCTHING is None, reason="syncthing is not installed (Debian package `syncthing`)")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _set(parent: ET.Element, tag: str, text: str) -> None:
    el = parent.find(tag)
    if el is None:
        el = ET.SubElement(parent, tag)
    el.text = text


def _configure(home: Path, me: str, other: str, listen: int, other_listen: int, gui: int, folder: Path) -> None:
    tree = ET.parse(home / "config.xml")
    root = tree.getroot()
    for f in root.findall("folder"):
        root.remove(f)
    g = root.find("gui")
    assert g is not None
    _set(g, "address", f"127.0.0.1:{gui}")
    _set(g, "apikey", secrets.token_hex(16))
    opts = root.find("options")
    assert opts is not None
    for el in opts.findall("listenAddress"):
        opts.remove(el)
    _set(opts, "listenAddress", f"tcp://127.0.0.1:{listen}")
    for tag, value in (("globalAnnounceEnabled", "false"), ("localAnnounceEnabled", "false"), ("relaysEnabled", "false"),
                       ("natEnabled", "false"), ("urAccepted", "-1"), ("autoUpgradeIntervalH", "0"),
                       ("crashReportingEnabled", "false"), ("startBrowser", "false")):
        _set(opts, tag, value)
    dev = ET.SubElement(root, "device", {"id": other, "name": "peer", "compression": "metadata", "introducer": "false"})
    ET.SubElement(dev, "address").text = f"tcp://127.0.0.1:{other_listen}"
    fold = ET.Element("folder", {"id": "reader-lib", "label": "lib", "path": str(folder), "type": "sendreceive",
                                 "rescanIntervalS": "2", "fsWatcherEnabled": "true", "fsWatcherDelayS": "1"})
    ET.SubElement(fold, "device", {"id": me})
    ET.SubElement(fold, "device", {"id": other})
    root.insert(0, fold)
    tree.write(home / "config.xml")


def _reader(lib: Path, device: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_DEVICE": device, "READER_LIBRARY": str(lib)}
    return subprocess.run([sys.executable, "-m", "reader", *args], env=env, capture_output=True, text=True, timeout=120)


def _wait(cond, timeout: float = 90.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.5)
    return False


def test_two_syncthing_instances_keep_two_libraries_in_step(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1"}
    homes, ids, libs = [tmp_path / "st-a", tmp_path / "st-b"], [], [tmp_path / "lib-a", tmp_path / "lib-b"]
    for home in homes:
        out = subprocess.run([SYNCTHING, "generate", f"--home={home}", "--no-default-folder"], env=env,
                             capture_output=True, text=True, timeout=60)
        m = re.search(r"Device ID: ([A-Z0-9-]+)", out.stdout + out.stderr)
        if out.returncode != 0 or not m:
            pytest.skip(f"`syncthing generate` failed: {(out.stderr or out.stdout)[-200:]}")
        ids.append(m.group(1))
    # both libraries exist (each with the sample articles imported) before syncing starts
    samples = [str(p) for p in sorted((Path(reader.__file__).parent / "sample").iterdir()) if p.suffix in (".txt", ".md", ".html")]
    for lib, dev in zip(libs, ("alpha", "beta")):
        assert _reader(lib, dev, "add", *samples).returncode == 0
        (lib / ".stfolder").mkdir(exist_ok=True)
    ports = [_port() for _ in range(4)]
    _configure(homes[0], ids[0], ids[1], ports[0], ports[1], ports[2], libs[0])
    _configure(homes[1], ids[1], ids[0], ports[1], ports[0], ports[3], libs[1])
    procs = []
    try:
        for home in homes:
            procs.append(subprocess.Popen(
                [SYNCTHING, "serve", f"--home={home}", "--no-browser", "--no-restart", "--no-upgrade",
                 f"--logfile={home / 'log.txt'}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1.0)
        if any(p.poll() is not None for p in procs):
            pytest.skip("syncthing could not start: " + " | ".join(
                (h / "log.txt").read_text(errors="replace")[-300:] for h in homes if (h / "log.txt").exists()))
        arts = json.loads(_reader(libs[0], "alpha", "list", "--json").stdout)
        first, second = arts[0]["id"], arts[1]["id"]
        # the CLI writes on each side while Syncthing runs
        assert _reader(libs[0], "alpha", "bookmark", "add", first, "--paragraph", "1", "--note", "alpha note").returncode == 0
        assert _reader(libs[1], "beta", "bookmark", "add", second, "--paragraph", "1", "--note", "beta note").returncode == 0
        assert _reader(libs[1], "beta", "mark-read", first).returncode == 0
        assert _reader(libs[0], "alpha", "mark-read", second).returncode == 0

        def converged() -> bool:
            states = []
            for lib, dev in zip(libs, ("alpha", "beta")):
                s = SyncedStore(lib, device=dev)
                states.append((sorted(b.note for b in s.bookmarks()), sorted(s.read_ids())))
                s.close()
            return states[0] == states[1] and states[0][0] == ["alpha note", "beta note"] and \
                set(states[0][1]) >= {first, second}

        if not _wait(converged):
            logs = " | ".join((h / "log.txt").read_text(errors="replace")[-400:] for h in homes if (h / "log.txt").exists())
            pytest.fail(f"the two libraries did not converge within 90 s; syncthing logs: {logs}")
        listed = _reader(libs[1], "beta", "bookmark", "list")
        assert "alpha note" in listed.stdout and "beta note" in listed.stdout
        assert not list((libs[0] / "articles").glob("*sync-conflict*"))  # set aside, never shadowing
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
