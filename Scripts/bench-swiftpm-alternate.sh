#!/usr/bin/env bash
# Two folders of generated Swift built as `swift build` builds a plugin user's target (batch mode,
# incremental dependency tracking, indexing), alternately in one package, so that the machine's
# noise moves both alike. A plain `swiftc -c` (bench-generated-alternate.sh) leaves the dependency
# tracking out. Object files are removed before each build, so LLVM always runs. Prints
# "A|B seconds peak-MB exit" per build (peak: the largest compiler process).
#   Scripts/bench-swiftpm-alternate.sh DIR_A DIR_B [rounds]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
a=$(cd "$1" && pwd); b=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$repo/Scripts/generated-package.sh"
generated_package "$work" "$repo"
(cd "$work" && swift build -q --target APIGenRuntime)
for i in $(seq 1 "${3:-2}"); do
  for side in A B; do
    dir=$a; [ "$side" = B ] && dir=$b
    rm -f "$work/Sources/Generated"/*.swift
    cp "$dir"/*.swift "$work/Sources/Generated/"
    find "$work/.build" -path '*Generated.build/*.o' -delete 2>/dev/null || true
    python3 - "$work" "$side" <<'PY'
import resource, subprocess, sys, time
start = time.time()
result = subprocess.run(["swift", "build", "--target", "Generated"], cwd=sys.argv[1], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{sys.argv[2]} {time.time() - start:.1f} s {peak:.0f} MB exit {result.returncode}", flush=True)
PY
  done
done
