#!/bin/sh
# Records what real iex (Elixir 1.14 on OTP 25) prints for the console's session scripts.
#
#   conformance/iex/record.sh              every src/test/resources/iex/sessions/*.exs
#   conformance/iex/record.sh NAME...      only these sessions
#
# The Servy modules (conformance/iex/servy/servy.ex, written from the course chapter) are
# compiled, then each session is piped into `iex` RUNS times (default 4): the servers' lines
# print as they happen, so their order against the values races. Every distinct run (pids and
# pledge ids aside) is kept: NAME.iex, NAME.2.iex, ... in src/test/resources/iex/recorded/.
# IexSessionsTest replays each session through the console and compares it with them
# (IexTranscript). Tests never need Elixir; only this script does.
#
# The logger is off (iex's GenServer crash reports), except for the sessions named in
# logger-sessions.txt (a server crashing on a call nobody handles): there the [error] report iex's
# default logger prints is part of what the console must print; its time of day is masked when
# runs are compared.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
sessions="$root/src/test/resources/iex/sessions"
recorded="$root/src/test/resources/iex/recorded"
runs=${RUNS:-4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$recorded" "$tmp/ebin"
elixirc -o "$tmp/ebin" "$here/servy/servy.ex" >/dev/null
if [ $# -eq 0 ]; then
    set -- "$sessions"/*.exs
fi
for arg in "$@"; do
    name=$(basename "$arg" .exs)
    script="$sessions/$name.exs"
    [ -f "$script" ] || { echo "record.sh: no such session: $script" >&2; exit 2; }
    rm -f "$recorded/$name".iex "$recorded/$name".*.iex
    kept=0
    run=1
    while [ "$run" -le "$runs" ]; do
        out="$tmp/$name.$run.iex"
        # iex halts at the end of its input (after the shell died and restarted it does not: the
        # timeout ends it); TERM=dumb keeps ANSI colours out; the logger is off
        # (GenServer crash reports: the console does not print them either)
        level="-kernel logger_level none"
        if grep -qx "$name" "$here/logger-sessions.txt"; then level=""; fi
        (cd "$tmp" && TERM=dumb timeout 20 iex --erl "$level" -pa "$tmp/ebin" < "$script" > "$out" 2>&1) || true
        sed -E -e 's/^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} \[error\]/[error]/' -e 's/#PID<[0-9]+\.[0-9]+\.[0-9]+>/#PID<>/g' -e 's/#Reference<[0-9.]+>/#Reference<>/g' -e 's/"pledge-[0-9]+"/"pledge-N"/g' \
            "$out" > "$out.norm"
        same=""
        for k in $(seq 1 "$kept"); do
            if cmp -s "$out.norm" "$tmp/$name.kept$k"; then same=yes; fi
        done
        if [ -z "$same" ]; then
            kept=$((kept + 1))
            cp "$out.norm" "$tmp/$name.kept$kept"
            if [ "$kept" -eq 1 ]; then dest="$recorded/$name.iex"; else dest="$recorded/$name.$kept.iex"; fi
            cp "$out" "$dest"
        fi
        run=$((run + 1))
    done
    echo "$name: $runs runs, $kept distinct"
done
