#!/usr/bin/env bash
# The meetings recompile of two checkouts, alternately in one run (the noise of this kind of machine
# moves both alike): the exact swiftc command SwiftPM runs for the target, after touching Generated/.
#   Scripts/bench-recompile-alternate.sh OLD_CHECKOUT NEW_CHECKOUT [rounds]   (each built once first)
set -euo pipefail
seconds() { local start=$(date +%s%N); "$@" >/dev/null 2>&1; echo "scale=3; ($(date +%s%N) - $start) / 1000000000" | bc; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -A drv
for r in "$1" "$2"; do
  cd "$r"; touch Generated/*.swift
  drv[$r]=$(swift build --target RealtimeKitMeetings -v 2>&1 | grep -E '^[^ ]*swiftc -module-name RealtimeKitMeetings ' | head -1)
done
a=() b=()
for _ in $(seq 1 ${3:-11}); do
  cd "$1"; touch Generated/*.swift; a+=("$(seconds bash -c "${drv[$1]}")")
  cd "$2"; touch Generated/*.swift; b+=("$(seconds bash -c "${drv[$2]}")")
done
ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median)
echo "old $ma s  new $mb s  new/old $(echo "scale=3; $mb / $ma" | bc)"
