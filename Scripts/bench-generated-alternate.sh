#!/usr/bin/env bash
# Two folders of generated Swift (two versions of the generator, or of its output) compiled as
# a debug build does (-Onone -g, one module), alternately in one run, so that the machine's noise
# moves both alike. Prints "A|B seconds peak-KB" per round.
#   Scripts/bench-generated-alternate.sh DIR_A DIR_B [rounds]     (after a debug `swift build`)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
modules="$repo/.build/debug/Modules"
run() { local dir=$1 out=$(mktemp -d); /usr/bin/time -f "%e %M" swiftc -c -Onone -g -swift-version 6 -parse-as-library -module-name Generated -I "$modules" "$dir"/*.swift -o "$out/x.o" 2>&1 >/dev/null | tail -1; rm -rf "$out"; }
for i in $(seq 1 ${3:-3}); do
  echo "A $(run $1)"; echo "B $(run $2)"
done
