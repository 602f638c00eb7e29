#!/usr/bin/env bash
# Build-time figures (debug, this machine): what a plugin user waits for, and what an edit costs.
#   1. a cold build of the apigen tool in a fresh build folder (the build plugin compiles it);
#   2. the generated meetings client recompiled after its files are touched (median of 11, with the
#      range and the middle half, because a lone figure swings by half on this kind of machine):
#      - the compiler alone: the exact `swiftc` command SwiftPM runs for the target (from `-v`);
#      - the same with the target's object files removed first, as after a real schema edit: when
#        the code it generates is unchanged, the compiler skips LLVM and keeps the object file;
#      - `swift build` of the target, and SwiftPM's own share: a build with nothing to do.
#   Scripts/bench-build.sh --instructions   # also each compiler job's instruction count (valgrind);
#                                           # these do not drift with the machine's load
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# "median (middle half q1–q3, all min–max)" of the figures on standard input.
spread() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f s (middle half %.2f–%.2f s, all %.2f–%.2f s)", v[int((NR + 1) / 2)], v[int((NR + 3) / 4)], v[NR + 1 - int((NR + 3) / 4)], v[1], v[NR] }'; }
seconds() { local start=$(date +%s%N); "$@" >/dev/null 2>&1; echo "scale=3; ($(date +%s%N) - $start) / 1000000000" | bc; }

cold=$(seconds swift build --product apigen --scratch-path "$scratch")

swift build --target RealtimeKitMeetings >/dev/null 2>&1
touch Generated/*.swift
verbose=$(swift build --target RealtimeKitMeetings -v 2>&1)
driver=$(grep -E '^[^ ]*swiftc -module-name RealtimeKitMeetings ' <<<"$verbose" | head -1)
[ -n "$driver" ] || { echo "bench-build: could not find the swiftc command of RealtimeKitMeetings in 'swift build -v'" >&2; exit 1; }

objects="$(swift build --show-bin-path)/RealtimeKitMeetings.build"
build=() compiler=() edited=() noop=()
for _ in $(seq 1 11); do
    touch Generated/*.swift
    compiler+=("$(seconds bash -c "$driver")")
    touch Generated/*.swift
    rm -f "$objects"/*.o
    edited+=("$(seconds bash -c "$driver")")
    touch Generated/*.swift
    build+=("$(seconds swift build --target RealtimeKitMeetings)")
    noop+=("$(seconds swift build --target RealtimeKitMeetings)")
done

printf 'apigen cold debug build (fresh scratch path): %.1f s (target ≤ 20 s)\n' "$cold"
printf 'meetings client recompile after touching Generated/ (debug, median of 11):\n'
printf '  compiler (the swiftc command SwiftPM runs):   %s (target ≤ 1.5 s)\n' "$(printf '%s\n' "${compiler[@]}" | spread)"
printf '  the same, object files removed (as an edit):  %.2f s\n' "$(printf '%s\n' "${edited[@]}" | median)"
printf '  swift build --target RealtimeKitMeetings:     %.2f s\n' "$(printf '%s\n' "${build[@]}" | median)"
printf '  of which SwiftPM alone (nothing to rebuild):  %.2f s\n' "$(printf '%s\n' "${noop[@]}" | median)"

if [ "${1:-}" = "--instructions" ]; then
    command -v valgrind >/dev/null || { echo "bench-build: --instructions needs valgrind" >&2; exit 1; }
    touch Generated/*.swift
    grep -E '^[^ ]*swift-frontend -frontend' <<<"$(swift build --target RealtimeKitMeetings -v 2>&1)" | while read -r job; do
        name=$(grep -oE -- '-emit-module |-primary-file [^ ]+' <<<"$job" | head -1 | sed 's#-primary-file .*/#compile #; s#-emit-module #emit-module#')
        count=$(eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null $job" 2>&1 >/dev/null | awk '/Collected/ { print $4 }')
        printf '  %-22s %6.2f billion instructions\n' "$name" "$(echo "scale=2; $count / 1000000000" | bc)"
    done
fi
