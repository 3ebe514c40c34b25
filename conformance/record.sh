#!/bin/sh
# Re-records the expected conformance traces on real Erlang/OTP 25.
#
#   conformance/record.sh              re-record every src/test/resources/conformance/*.json
#   conformance/record.sh NAME...      only these scenarios (NAME or path/to/NAME.json)
#
# Each scenario is run RUNS times (default 4, at least 4) with conformance/otp/run.sh; the
# canonical forms (conformance/canon.py) must all be identical, else the script fails loudly
# and leaves the old .trace untouched. The canonical form is written to NAME.trace next to
# NAME.json. Needs erl/erlc (OTP 25) and python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
dir="$root/src/test/resources/conformance"
runs=${RUNS:-4}
if [ "$runs" -lt 4 ]; then
    echo "record.sh: RUNS must be at least 4" >&2
    exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -eq 0 ]; then
    set -- "$dir"/*.json
fi
failed=0
count=0
for arg in "$@"; do
    case "$arg" in
        *.json) json=$arg ;;
        *) json="$dir/$arg.json" ;;
    esac
    if [ ! -f "$json" ]; then
        echo "record.sh: no such scenario: $json" >&2
        failed=$((failed + 1))
        continue
    fi
    name=$(basename "$json" .json)
    trace="${json%.json}.trace"
    outs=""
    ok=1
    i=1
    while [ "$i" -le "$runs" ]; do
        out="$tmp/$name.$i.trace"
        if ! "$here/otp/run.sh" "$json" > "$out"; then
            echo "record.sh: FAILED: $name: run $i exited non-zero" >&2
            ok=0
            break
        fi
        outs="$outs $out"
        i=$((i + 1))
    done
    if [ "$ok" = 1 ]; then
        # shellcheck disable=SC2086
        if ! python3 "$here/canon.py" --same $outs >&2; then
            echo "record.sh: FAILED: $name: canonical traces differ between runs (diff above)" >&2
            ok=0
        fi
    fi
    if [ "$ok" = 1 ]; then
        python3 "$here/canon.py" "$tmp/$name.1.trace" > "$tmp/$name.canon"
        mv "$tmp/$name.canon" "$trace"
        count=$((count + 1))
        echo "recorded $name ($runs identical runs)"
    else
        failed=$((failed + 1))
    fi
done
if [ "$failed" -ne 0 ]; then
    echo "record.sh: $failed scenario(s) FAILED, $count recorded" >&2
    exit 1
fi
echo "record.sh: $count scenario(s) recorded"
