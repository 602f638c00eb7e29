#!/usr/bin/env bash
# Build-time figures (debug, this machine): what a plugin user waits for, and what an edit costs.
#   1. a cold build of the apigen tool in a fresh build folder (the build plugin compiles it);
#   2. the generated meetings client recompiled after its files are touched (median of 5).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
start=$(date +%s.%N)
swift build --product apigen --scratch-path "$scratch" >/dev/null 2>&1
cold=$(echo "$(date +%s.%N) - $start" | bc)
swift build --target RealtimeKitMeetings >/dev/null 2>&1
times=()
for _ in 1 2 3 4 5; do
    touch Generated/*.swift
    start=$(date +%s.%N)
    swift build --target RealtimeKitMeetings >/dev/null 2>&1
    times+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
printf 'apigen cold debug build (fresh scratch path): %.1f s (target ≤ 20 s)\n' "$cold"
printf 'meetings client recompile after touching Generated/ (debug, median of 5): %.2f s (target ≤ 1.5 s)\n' "$median"
