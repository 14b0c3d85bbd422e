#!/usr/bin/env bash
# End-to-end check of the real TUI in a real terminal (tmux, 80x24):
# start `python -m reader --library TMP`, open an article, bookmark a passage, open the help,
# quit, and check the screen and the store. Usage: tests/tui/tmux_e2e.sh   (PYTHON=... to choose)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=${PYTHON:-python3}
LIB=$(mktemp -d)
S="reader-e2e-$$"
trap 'tmux kill-session -t "$S" 2>/dev/null || true; rm -rf "$LIB"' EXIT

screen() { tmux capture-pane -p -t "$S"; }
wait_for() {  # wait_for TEXT: poll the pane for up to 20 s
    for _ in $(seq 1 100); do
        if screen | grep -qF -- "$1"; then return 0; fi
        sleep 0.2
    done
    echo "FAIL: '$1' never appeared; the screen was:" >&2
    screen >&2
    exit 1
}

(cd "$ROOT" && "$PY" -m reader --library "$LIB" add reader/sample >/dev/null)  # a named library starts empty
tmux new-session -d -s "$S" -x 80 -y 24 "cd '$ROOT' && TERM=xterm-256color '$PY' -m reader --library '$LIB'"
wait_for "Articles "
wait_for "^p palette"
tmux send-keys -t "$S" Enter           # open the first article
wait_for "words"                        # the title block's metadata line
tmux send-keys -t "$S" j j b            # past the caption and the standfirst, bookmark the first paragraph
wait_for "Bookmarked paragraph 1."
wait_for "★"                            # the list marks the article
tmux send-keys -t "$S" '?'
wait_for "Main screen"
tmux send-keys -t "$S" Escape
sleep 0.3
tmux send-keys -t "$S" q
for _ in $(seq 1 50); do tmux has-session -t "$S" 2>/dev/null || break; sleep 0.2; done
count=$(cd "$ROOT" && "$PY" -m reader --library "$LIB" bookmark list --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$count" = 1 ] || { echo "FAIL: expected 1 bookmark in the store, found $count" >&2; exit 1; }
echo "tmux e2e: ok"
