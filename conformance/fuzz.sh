#!/usr/bin/env bash
# Differential fuzzing: random scenarios through real OTP (otp/run.sh) and through `bin/kaboom
# trace`, compared after canonicalization. Needs Erlang/OTP (apt-get install -y erlang-base).
#   conformance/fuzz.sh FROM_SEED TO_SEED [OUT_DIR]
# Prints one line per seed (ok / DIFF / error); a differing seed keeps its files in OUT_DIR.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/.." && pwd)"
from=${1:?from seed}; to=${2:?to seed}; out=${3:-$(mktemp -d)}
mkdir -p "$out"
fails=0
runaways=0
for s in $(seq "$from" "$to"); do
  sc="$out/fuzz_$s.json"
  python3 "$here/random_scenario.py" "$s" > "$sc"
  "$top/bin/kaboom" trace "$sc" > "$out/fuzz_$s.kaboom" 2> "$out/fuzz_$s.err"; rc=$?
  if [ "$rc" -eq 3 ]; then
    # a run that never ends (the runaway guard stopped it): OTP would not finish it either, so
    # there is nothing to compare; counted apart, the generator should not make these
    echo "seed $s: runaway (kaboom exit 3, not compared): $(head -1 "$out/fuzz_$s.err")"; runaways=$((runaways + 1)); continue
  elif [ "$rc" -ne 0 ]; then
    echo "seed $s: kaboom failed: $(head -1 "$out/fuzz_$s.err")"; fails=$((fails + 1)); continue
  fi
  if ! timeout 120 "$here/otp/run.sh" "$sc" > "$out/fuzz_$s.otp" 2>> "$out/fuzz_$s.err"; then
    echo "seed $s: oracle failed"; fails=$((fails + 1)); continue
  fi
  if python3 "$here/canon.py" "$out/fuzz_$s.otp" > "$out/a" && python3 "$here/canon.py" "$out/fuzz_$s.kaboom" > "$out/b" \
     && diff -u "$out/a" "$out/b" > "$out/fuzz_$s.diff"; then
    echo "seed $s: ok"; rm -f "$out/fuzz_$s".*
  else
    echo "seed $s: DIFF (see $out/fuzz_$s.diff)"; fails=$((fails + 1))
  fi
done
rm -f "$out/a" "$out/b"
echo "$fails of $((to - from + 1)) seeds differ or failed; $runaways runaways not compared"
[ "$fails" -eq 0 ]
