#!/usr/bin/env bash
# Fuzzes the whole pipeline with libFuzzer and AddressSanitizer, seeded from the repository's
# documents.  Scripts/fuzz.sh [seconds, default 600]
# Crashes and hangs are saved under Scripts/fuzz-out/; reproduce one with
#   swift run apigen-fuzz Scripts/fuzz-out/crash-…
set -euo pipefail
seconds=${1:-600}
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
swift build -c debug --product apigen-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
corpus=.build-fuzz/corpus
mkdir -p "$corpus" Scripts/fuzz-out
i=0
for seed in schema/*.yaml Tests/Golden/*/input.yaml Tests/BadInputs/* Examples/MeetingsConsumer/Sources/*/*.yaml; do
    [ -f "$seed" ] && [ "$(basename "$seed")" != expected.txt ] || continue
    cp "$seed" "$corpus/seed-$i"
    i=$((i + 1))
done
.build-fuzz/debug/apigen-fuzz "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 \
    -max_len=65536 -artifact_prefix=Scripts/fuzz-out/ -print_final_stats=1
