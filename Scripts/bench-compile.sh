#!/usr/bin/env bash
# What users of big APIs wait for, in one run (debug builds, this machine): the clean build of
# the generated target for all of RealtimeKit (one file, and the 4 shards the build plugin makes), and for the full Cloudflare document filtered to
# one product's paths (the 2024-08 document has no RealtimeKit paths, so Workers: 56
# operations), then the meetings recompile figures of bench-build.sh.
#   Scripts/bench-compile.sh           # about two minutes
#   Scripts/bench-compile.sh --full    # also the whole Cloudflare client (about ten minutes more)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
specs="$repo/../shared/specs/cloudflare"
if [ ! -d "$specs" ]; then
  echo "bench-compile: $specs is absent; nothing to measure" >&2
  exit 0
fi
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
printf 'operations:\n  include: {paths: ["/accounts/{account_id}/workers"]}\n' > "$config/apigen.yaml"

"$repo/Scripts/compile-generated.sh" "$specs/realtime-kit.yaml" | tail -1
# The build plugin splits a document of this size (0.24 MB) into 4 shards: what its users build.
"$repo/Scripts/compile-generated.sh" "$specs/realtime-kit.yaml" 4 | tail -1
APIGEN_CONFIG="$config/apigen.yaml" "$repo/Scripts/compile-generated.sh" "$specs/cloudflare-2024-08.json" | tail -1 | sed 's/cloudflare-2024-08.json/cloudflare-2024-08.json filtered to \/accounts\/{account_id}\/workers/'
"$repo/Scripts/bench-build.sh"
if [ "${1:-}" = "--full" ]; then
  "$repo/Scripts/compile-generated.sh" "$specs/cloudflare-2024-08.json" 8 | tail -1
fi
