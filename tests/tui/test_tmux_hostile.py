"""Issue 9 as a user meets it: a hostile front-matter file and a hostile notes file are imported,
then the real app runs in tmux with `set-clipboard on`, where any OSC 52 sequence that reaches the
terminal becomes a tmux paste buffer. Opening the app, the article, the metadata editor (e), the note
editor (a) and the bookmarks screen (B) must leave `tmux list-buffers` empty and the screen drawn."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

FRONT = '''---
title: "Clip\\e]52;c;aGk=\\a board \\e[2J \\x9b2J \\u202e end"
author: "Mal\\e]8;;http://x\\e\\\\lory"
publisher: "Press\\e]52;c;cHduZWQ=\\e\\\\"
url: "https://example.org/\\e]52;c;aGk=\\a"
section: "World\\e[2J"
---

The first paragraph of a hostile article, long enough to be a real paragraph of text for the reader.

The second paragraph says more about the matter at hand, with further detail for the reader.
'''
NOTE = "pwn \x1b]52;c;aGk=\x07 clear \x1b[2J link \x1b]8;;http://x\x1b\\click\x1b]8;;\x1b\\ c1 \x9b2J bidi \u202eevil"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_hostile_text_never_reaches_the_terminal_in_tmux(tmp_path):
    lib = tmp_path / "lib"
    env = {**os.environ, "READER_LIBRARY": str(lib)}
    env.pop("TMUX", None)

    def reader(*args: str) -> str:
        res = subprocess.run([sys.executable, "-m", "reader", *args], env=env, capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stdout + res.stderr
        return res.stdout

    (tmp_path / "hostile.md").write_text(FRONT, "utf-8")
    reader("add", str(tmp_path / "hostile.md"))
    aid = next(r["id"] for r in json.loads(reader("list", "--json")) if "Clip" in (r["title"] or ""))
    doc = {"format": "reader-notes", "version": 1, "articles": [{
        "id": aid, "corrections": {"date": "2024\x1b]52;c;aGk=\x07\x1b[2J", "section": "\x1b]52;c;aGk=\x07x"},
        "bookmarks": [{"quote": "The first paragraph of a hostile article, long enough to be a real paragraph of text "
                                "for the reader.", "paragraph": 0, "note": NOTE}],
    }]}
    (tmp_path / "notes.json").write_text(json.dumps(doc), "utf-8")
    reader("import-notes", str(tmp_path / "notes.json"))

    sock = f"reader-hostile-{os.getpid()}"

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True, timeout=30).stdout

    def screen() -> str:
        return tmux("capture-pane", "-p", "-t", "h")

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 30
        while text not in screen():
            assert time.monotonic() < deadline, f"{text!r} never appeared:\n{screen()}"
            time.sleep(0.2)

    cmd = f"cd {tmp_path} && TERM=xterm-256color READER_LIBRARY={lib} {sys.executable} -m reader"
    try:
        subprocess.run(["tmux", "-L", sock, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30", "-s", "h",
                        "sh", "-c", f"{cmd}; sleep 30"], check=True, env=env, timeout=30)
        tmux("set", "-g", "set-clipboard", "on")
        wait_for("Articles ")
        wait_for("Clip board end")
        wait_for("2024 \u00b7 Press")  # the corrected date, in the list at start, with no key pressed
        assert tmux("list-buffers") == ""
        steps = [(["G", "Enter"], "35 words"), (["e"], "Correct the metadata"), (["Escape"], None),
                 (["a"], "Note on this passage"), (["Escape"], None), (["B"], "Bookmarks"), (["a"], "Note on this passage")]
        for keys, expect in steps:
            tmux("send-keys", "-t", "h", *keys)
            if expect:
                wait_for(expect)
            else:
                time.sleep(0.5)
            assert tmux("list-buffers") == "", (keys, tmux("list-buffers"))
        shown = screen()
        assert "pwn  clear  link click c1  bidi evil" in shown or "pwn clear link click c1 bidi evil" in shown
        assert "\x1b" not in shown
    finally:
        tmux("kill-server")
