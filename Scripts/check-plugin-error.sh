#!/usr/bin/env bash
# Proves that a broken OpenAPI document fails a plugin user's `swift build` with the error
# located in the document (file:line:column), as an IDE shows it. Works on a throwaway copy of
# Examples/MeetingsConsumer; the repository is not changed.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. "$repo/Scripts/consumer-copy.sh"
consumer_copy "$work" "$repo"

# Break the document: a $ref with a typo.
doc="$work/Consumer/Sources/MeetingsAPI/openapi.yaml"
sed -i.bak "s|items: {\$ref: '#/components/schemas/Meeting'}|items: {\$ref: '#/components/schemas/Meetin'}|" "$doc"
line=$(grep -n "schemas/Meetin'" "$doc" | cut -d: -f1)
column=$(grep "schemas/Meetin'" "$doc" | awk '{ print index($0, "'"'"'#/") }')
expected="$doc:$line:$column: error: \$ref '#/components/schemas/Meetin' does not resolve"

if (cd "$work/Consumer" && swift build --target MeetingsAPI >"$work/build.log" 2>&1); then
    echo "FAIL: swift build succeeded with a broken document"
    exit 1
fi
if grep -qF "$expected" "$work/build.log"; then
    echo "OK: swift build failed with: $expected"
else
    echo "FAIL: swift build failed, but without the located message: $expected"
    cat "$work/build.log"
    exit 1
fi
