#!/usr/bin/env bash
# Fuzzes with libFuzzer and AddressSanitizer (leaks checked too).
#   Scripts/fuzz.sh [document|config|runtime] [seconds, default 600]
#   document: the whole pipeline on arbitrary bytes, seeded from the repository's documents
#   config:   the apigen.yaml reader, seeded from Tests/FuzzSeeds/config
#   runtime:  the runtime's decoding of server bytes (field reader, ISO 8601, open enums),
#             seeded from Tests/FuzzSeeds/runtime
# Crashes and hangs are saved under Scripts/fuzz-out/; reproduce one with a plain build:
#   APIGEN_FUZZ_TARGET=TARGET swift run apigen-fuzz Scripts/fuzz-out/crash-…
set -euo pipefail
target=${1:-document}
seconds=${2:-600}
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
product=apigen-fuzz
swift build -c debug --product "$product" --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
corpus=.build-fuzz/corpus-$target
mkdir -p "$corpus" Scripts/fuzz-out
case "$target" in
    document)
        i=0
        for seed in schema/*.yaml Tests/Golden/*/input.yaml Tests/BadInputs/* Tests/MessyInputs/*.yaml Examples/MeetingsConsumer/Sources/*/*.yaml; do
            [ -f "$seed" ] && [ "$(basename "$seed")" != expected.txt ] || continue
            cp "$seed" "$corpus/seed-$i"
            i=$((i + 1))
        done ;;
    config) cp Tests/FuzzSeeds/config/* "$corpus/" ;;
    runtime) cp Tests/FuzzSeeds/runtime/* "$corpus/" ;;
    *) echo "unknown target '$target' (document, config or runtime)" >&2; exit 2 ;;
esac
export APIGEN_FUZZ_TARGET="$target"
export LSAN_OPTIONS="suppressions=$repo/Scripts/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
".build-fuzz/debug/$product" "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 \
    -max_len=65536 -artifact_prefix=Scripts/fuzz-out/ -print_final_stats=1
