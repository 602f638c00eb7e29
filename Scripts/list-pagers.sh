#!/usr/bin/env bash
# Lists the operations of OpenAPI documents that get a `…Pages` method, with the style each
# pages in, and counts them per document (the table in docs/paging.md).
#   Scripts/list-pagers.sh ../shared/specs/public/box-openapi.json [more documents…]
#   Scripts/list-pagers.sh --counts DOC…    # only the counts
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
counts_only=false
if [ "${1:-}" = "--counts" ]; then counts_only=true; shift; fi
(cd "$repo" && swift build -q --product apigen)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for document in "$@"; do
    if [ ! -f "$document" ]; then echo "skipped: $document is absent"; continue; fi
    rm -rf "$work/out"
    "$repo/.build/debug/apigen" generate "$document" --output "$work/out" --quiet
    python3 - "$document" "$work/out" "$counts_only" <<'PY'
import collections, glob, re, sys
document, folder, counts_only = sys.argv[1], sys.argv[2], sys.argv[3] == "true"
source = "".join(open(f).read() for f in sorted(glob.glob(folder + "/*.swift")))
styles = {"firstPage": "page", "firstOffset": "offset", "cursor": "cursor", "link": "link"}
found = [(name, styles[label]) for name, label in re.findall(r"func (\w+)Pages\((?:(?!\bfunc ).)*?PageSequence\(\s*(\w+):", source, re.S)]
counts = collections.Counter(style for _, style in found)
print(f"{document}: {len(found)} pagers (" + ", ".join(f"{counts[s]} {s}" for s in ["page", "offset", "cursor", "link"] if counts[s]) + ")")
if not counts_only:
    for name, style in found:
        print(f"  {style:7} {name}")
PY
done
