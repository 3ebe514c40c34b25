#!/bin/sh
# Records what real iex (Elixir 1.14 on OTP 25) prints for `h KEY`, for every KEY in doc-keys.txt
# (the Elixir modules and functions the console runs), into the console's bundled docs:
# src/main/resources/dev/kaboom/console/iex-docs.txt, one "=== KEY" line before each text.
# Elixir's documentation is Apache License 2.0 (https://github.com/elixir-lang/elixir).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/src/main/resources/dev/kaboom/console/iex-docs.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
sed 's/^/h /' "$here/doc-keys.txt" > "$tmp/docs.exs"
(cd "$tmp" && TERM=dumb timeout 60 iex --erl "-kernel logger_level none" < docs.exs > docs.out 2>&1) || true
{
    echo "# What iex 1.14.0 (Elixir 1.14.0, OTP 25) prints for h KEY, recorded by conformance/iex/record-docs.sh."
    echo "# Elixir's documentation, Apache License 2.0 (https://github.com/elixir-lang/elixir)."
    awk -v keys="$here/doc-keys.txt" '
        BEGIN { n = 0; while ((getline k < keys) > 0) key[++n] = k; i = 0 }
        /^iex\([0-9]+\)> / {
            i++
            if (i > n) exit
            print "=== " key[i]
            sub(/^iex\([0-9]+\)> /, "")
            if ($0 == "") next
        }
        i >= 1 { print }
    ' "$tmp/docs.out"
} > "$out"
echo "$(grep -c '^=== ' "$out") docs recorded in $out"
