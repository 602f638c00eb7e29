#!/usr/bin/env bash
# Generates a client from an OpenAPI document into a throwaway package, builds it in debug, fails
# on any error or on a warning in the generated code, and prints output lines, wall time and
# peak memory of the build.
#   Scripts/compile-generated.sh ../shared/specs/cloudflare/realtime-kit.yaml
#   Scripts/compile-generated.sh ../shared/specs/cloudflare/cloudflare-2024-08.json 8   # 8 shards
#   APIGEN_CONFIG=apigen.yaml Scripts/compile-generated.sh DOC   # with a configuration (a filter)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
document=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shards=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. "$repo/Scripts/generated-package.sh"
generated_package "$work" "$repo"

(cd "$repo" && swift build -q --product apigen)
config=()
if [ -n "${APIGEN_CONFIG:-}" ]; then config=(--config "$(cd "$(dirname "$APIGEN_CONFIG")" && pwd)/$(basename "$APIGEN_CONFIG")"); fi
"$repo/.build/debug/apigen" generate "$document" "${config[@]}" --output "$work/Sources/Generated" --shards "$shards" --quiet
files=$(ls "$work/Sources/Generated" | wc -l)
lines=$(cat "$work/Sources/Generated"/*.swift | wc -l)

# Build the runtime first, so the figures are the generated code's alone.
(cd "$work" && swift build -q --target APIGenRuntime)
python3 - "$work" <<'PY'
import resource, subprocess, sys, time
work = sys.argv[1]
start = time.time()
result = subprocess.run(["swift", "build", "--target", "Generated"], cwd=work, capture_output=True, text=True)
wall = time.time() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
output = result.stdout + result.stderr
problems = [line for line in output.splitlines() if ("error:" in line or "warning:" in line) and "Sources/Generated" in line or line.startswith("error:")]
open(f"{work}/figures.txt", "w").write(f"{wall:.1f} {peak:.0f} {result.returncode} {len(problems)}\n")
if problems or result.returncode != 0:
    print(output[-20000:])
PY
read -r wall peak status problems < "$work/figures.txt"
echo "compile-generated: $(basename "$document"): $files files, $lines lines; debug build ${wall} s wall, peak ${peak} MB (largest compiler process), exit $status, $problems errors/warnings in generated code"
[ "$status" = 0 ] && [ "$problems" = 0 ]
