#!/usr/bin/env bash
# End-to-end check of the real TUI in a real terminal (tmux, 80x24):
# start `python -m reader --library TMP`, check that the list's cursor row looks different from the others
# (capture-pane -e: its background or reverse video) before and after `j`, open an article, bookmark a passage,
# write its note, answer the question `b` asks before removing a bookmark with a note (n keeps it, y removes it),
# undo the removal (U), open the help, quit, and check the screen and the store.
# Usage: tests/tui/tmux_e2e.sh   (PYTHON=... to choose; E2E_TERM=screen for 16 colours; E2E_NO_COLOR=1)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=${PYTHON:-python3}
TERM_IN=${E2E_TERM:-xterm-256color}
NOCOLOR=${E2E_NO_COLOR:+NO_COLOR=1}
LIB=$(mktemp -d)
S="reader-e2e-$$"
SOCK="reader-e2e-$$"
T() { tmux -L "$SOCK" "$@"; }
trap 'T kill-server 2>/dev/null || true; rm -rf "$LIB"' EXIT

screen() { T capture-pane -p -t "$S"; }
wait_for() {  # wait_for TEXT: poll the pane for up to 20 s
    for _ in $(seq 1 100); do
        if screen | grep -qF -- "$1"; then return 0; fi
        sleep 0.2
    done
    echo "FAIL: '$1' never appeared; the screen was:" >&2
    screen >&2
    exit 1
}
cursor_on() {  # cursor_on ROW OTHER_ROW (screen lines): the first looks different from the second (colours or reverse)
    for _ in $(seq 1 50); do
        T capture-pane -e -p -t "$S" > "$LIB/capture.txt"
        if "$PY" "$ROOT/tests/tui/tmux_look.py" "$LIB/capture.txt" "$1" "$2" > "$LIB/look.txt"; then return 0; fi
        sleep 0.2
    done
    echo "FAIL: the cursor row '$1' looks like '$2' ($TERM_IN ${NOCOLOR:-colours}):" >&2
    cat "$LIB/look.txt" >&2
    exit 1
}

(cd "$ROOT" && "$PY" -m reader --library "$LIB" add reader/sample >/dev/null)  # a named library starts empty
T new-session -d -s "$S" -x 80 -y 24 "cd '$ROOT' && env TERM=$TERM_IN $NOCOLOR '$PY' -m reader --library '$LIB'"
wait_for "Articles "
wait_for "^p palette"
# the list's rows are two lines each, from screen line 2: the first article on lines 2-3, the second on 4-5
cursor_on 2 4                            # the cursor starts on the first row (both its lines)
cursor_on 3 5
cursor_on 2 6
T send-keys -t "$S" j
cursor_on 4 2                            # j moves it: now the second row is the one that differs
cursor_on 5 3
T send-keys -t "$S" k Enter              # open the first article
wait_for "words"                         # the title block's metadata line
cursor_on 2 4                            # the list keeps showing its cursor while the reading pane has the focus
T send-keys -t "$S" j j b                # past the caption and the standfirst, bookmark the first paragraph
wait_for "Bookmarked paragraph 1."
wait_for "★"                             # the list marks the article
T send-keys -t "$S" a
wait_for "Note on this passage"
T send-keys -t "$S" -l "checked in tmux"
T send-keys -t "$S" C-s
wait_for "Note saved."
T send-keys -t "$S" b                    # the bookmark has a note: asked first
wait_for "Remove the bookmark on paragraph 1 and its note?"
T send-keys -t "$S" n                    # keep it
sleep 0.5
T send-keys -t "$S" b
wait_for "Remove the bookmark on paragraph 1 and its note?"
T send-keys -t "$S" y
wait_for "press U to undo"
T send-keys -t "$S" U
wait_for "Restored the"
T send-keys -t "$S" '?'
wait_for "Main screen"
T send-keys -t "$S" Escape
sleep 0.3
T send-keys -t "$S" q
for _ in $(seq 1 50); do T has-session -t "$S" 2>/dev/null || break; sleep 0.2; done
notes=$(cd "$ROOT" && "$PY" -m reader --library "$LIB" bookmark list --json | "$PY" -c 'import json,sys; print("|".join(b["note"] for b in json.load(sys.stdin)))')
[ "$notes" = "checked in tmux" ] || { echo "FAIL: expected one bookmark noted 'checked in tmux', found '$notes'" >&2; exit 1; }
echo "tmux e2e: ok"
