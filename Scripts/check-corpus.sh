#!/usr/bin/env bash
# The real-world corpus: every OpenAPI document under ../shared/specs must generate (exit 0, no
# crash), and the generated clients of Box, Twilio, Spotify and Train Travel must compile without a warning.
#   Scripts/check-corpus.sh            # generate all, compile Box, Twilio, Spotify, Train Travel
#   Scripts/check-corpus.sh --no-compile
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
specs="$repo/../shared/specs"
if [ ! -d "$specs" ]; then
    echo "skipped: $specs is absent (the real-world corpus lives beside the repository, never in it)"
    exit 0
fi
(cd "$repo" && swift build -q --product apigen)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
while IFS= read -r document; do
    out="$work/out"
    rm -rf "$out"
    status=0
    "$repo/.build/debug/apigen" generate "$document" --output "$out" --shards 4 2> "$work/stderr" || status=$?
    warnings=$(grep -c ': warning: ' "$work/stderr" || true)
    if [ "$status" != 0 ]; then
        echo "FAIL ${document#"$specs"/}: exit $status"
        grep -E 'error:|fatal|Fatal' "$work/stderr" | head -20 || true
        failed=1
    else
        echo "ok   ${document#"$specs"/}: $(cat "$out"/*.swift | wc -l) lines, $warnings warnings"
    fi
done < <(find "$specs" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | sort)
[ "$failed" = 0 ] || exit 1

[ "${1:-}" = "--no-compile" ] && exit 0
for document in public/box-openapi.json public/twilio_api_v2010.yaml public/spotify-web-api.yaml public/train-travel.yaml; do
    if [ -f "$specs/$document" ]; then
        "$repo/Scripts/compile-generated.sh" "$specs/$document" 4
    else
        echo "skipped: $specs/$document is absent"
    fi
done
