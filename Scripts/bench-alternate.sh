#!/usr/bin/env bash
# Times two apigen binaries alternately on one document (so machine noise falls on both alike)
# and prints each one's mean and the ratio new ÷ old.
#   Scripts/bench-alternate.sh OLD_APIGEN NEW_APIGEN DOCUMENT [ROUNDS]
# To compare with a commit: build it in a worktree (git worktree add /tmp/old <commit> &&
# (cd /tmp/old && swift build -c release --product apigen)) and pass /tmp/old/.build/release/apigen.
set -euo pipefail
old=$1 new=$2 doc=$3 rounds=${4:-10}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run() { local s e; s=$(date +%s%N); "$1" generate "$doc" --output "$out/$2" --quiet; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
run "$old" old >/dev/null; run "$new" new >/dev/null   # warm the file cache
total_old=0 total_new=0
for _ in $(seq "$rounds"); do
  total_old=$(( total_old + $(run "$old" old) ))
  total_new=$(( total_new + $(run "$new" new) ))
done
awk -v o="$total_old" -v n="$total_new" -v r="$rounds" -v d="$(basename "$doc")" \
  'BEGIN { printf "%s, %d rounds alternately: old %.0f ms, new %.0f ms, new/old %.2f\n", d, r, o / r, n / r, n / o }'
