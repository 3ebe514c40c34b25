#!/bin/sh
# Runs one Kaboom conformance scenario on real Erlang/OTP and prints its trace to stdout.
#   conformance/otp/run.sh SCENARIO.json
# Compiles kaboom_oracle.erl into conformance/otp/ebin/ (gitignored) when it is missing or stale.
set -eu
if [ $# -ne 1 ]; then
    echo "usage: $0 SCENARIO.json" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
ebin="$here/ebin"
src="$here/kaboom_oracle.erl"
beam="$ebin/kaboom_oracle.beam"
command -v erl >/dev/null 2>&1 || { echo "run.sh: erl not found (install Erlang/OTP 25, e.g. apt-get install erlang-base)" >&2; exit 2; }
if [ ! -f "$beam" ] || [ "$src" -nt "$beam" ]; then
    mkdir -p "$ebin"
    erlc -Werror -o "$ebin" "$src"
fi
# Dynamic supervisors are Elixir's real DynamicSupervisor: the Debian elixir package's ebin
# (override with ELIXIR_EBIN).
elixir_ebin=${ELIXIR_EBIN:-/usr/lib/elixir/lib/elixir/ebin}
[ -d "$elixir_ebin" ] || { echo "run.sh: no Elixir ebin at $elixir_ebin (apt-get install elixir, or set ELIXIR_EBIN)" >&2; exit 2; }
exec erl +S 1 -noshell -pa "$ebin" -pa "$elixir_ebin" -run kaboom_oracle main "$1"
