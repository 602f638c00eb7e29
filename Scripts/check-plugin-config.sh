#!/usr/bin/env bash
# Proves that the build plugin honours the keys of a target's apigen.yaml that shape the
# generated files (`namespace:`, `shards:`, `outputs:`, and a document's own Name.openapi.yaml), from a clean
# build and incrementally, after an edit of the document and after edits of the configuration,
# and never compiles a stale file. SwiftPM asks a plugin for its files again only when the
# target's files change (swiftlang/swift-package-manager#7891): a `shards:` edited alone takes
# effect at the next planning, with a warning at the key until then.
# Works on a throwaway copy of Examples/MeetingsConsumer; the repository is not changed.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. "$repo/Scripts/consumer-copy.sh"
consumer_copy "$work" "$repo"
cd "$work/Consumer"
names=Sources/ConfiguredNamespace
shards=Sources/ConfiguredShards

build() {
    if ! swift build >"$work/build.log" 2>&1; then
        echo "FAIL: $1"
        cat "$work/build.log"
        exit 1
    fi
    if grep -E "warning: .*(apigen|openapi)" "$work/build.log"; then
        echo "FAIL: $1: warnings"
        exit 1
    fi
    echo "OK: $1"
}

build "clean build with namespace: Todos, shards: 3, outputs: [client, mock, server], and two named documents with shards: 2"
count=$(find .build -path '*ConfiguredShards*GeneratedSources*' -name 'APIGen.*.swift' | wc -l)
[ "$count" = 3 ] || { echo "FAIL: expected the protocol, mock and server files of outputs:, found $count"; exit 1; }

# The command plugin without --target leaves the build plugin's targets alone (writing into
# them would give the build two producers of one file), and says so.
touch "$work/before-command"
swift package --allow-writing-to-package-directory generate-api >"$work/command.log" 2>&1 || { echo "FAIL: generate-api"; cat "$work/command.log"; exit 1; }
grep -q "skipped target 'MeetingsAPI'" "$work/command.log" || { echo "FAIL: generate-api did not skip MeetingsAPI"; cat "$work/command.log"; exit 1; }
written=$(find Sources \( -newer "$work/before-command" -o -name '*APIGen.swift' -o -name 'Shard*.swift' -o -name '*APIGen.*.swift' \) -type f | head -1)
[ -z "$written" ] || { echo "FAIL: generate-api wrote $written"; exit 1; }
build "generate-api without --target skipped every build-plugin target; the build still works"

# The document changes: the new property must reach the compiled code.
for target in $names $shards; do
    sed -i.bak 's|        done: {type: boolean}|        done: {type: boolean}\n        priority: {type: integer}|' "$target/openapi.yaml"
done
echo 'public func priorities(_ todos: [Todos.Todo]) -> [Int?] { todos.map(\.priority) }' >"$names/Priorities.swift"
echo 'public func priorities(_ todos: [Todo]) -> [Int?] { todos.map(\.priority) }' >"$shards/Priorities.swift"
build "incremental build after an edit of the documents"

# The configuration changes, together with a new file (which makes SwiftPM plan again): the old
# files must not be compiled any more. A stale Shard03 would declare its types a second time; the
# old namespace must be gone (this file declares one of that name).
printf '# renamed\nnamespace: Tasks\n' >"$names/apigen.yaml"
sed -i.bak 's|Todos\.Todo|Tasks.Todo|' "$names/Titles.swift" "$names/Priorities.swift"
echo 'enum Todos {}' >"$names/Stale.swift"
printf 'shards: 2\n' >"$shards/apigen.yaml"
build "incremental build after namespace: Todos -> Tasks and shards: 3 -> 2"

# The namespace alone, written in a flow mapping: only the code changes, at once.
printf '{namespace: Lists}\n' >"$names/apigen.yaml"
sed -i.bak 's|Tasks\.Todo|Lists.Todo|' "$names/Titles.swift" "$names/Priorities.swift"
build "incremental build after a namespace edited alone"

# `shards:` edited alone: this build keeps the files it planned (none stale), and says so at the key.
printf 'shards: 4\n' >"$shards/apigen.yaml"
swift build >"$work/build.log" 2>&1 || { echo "FAIL: shards edited alone"; cat "$work/build.log"; exit 1; }
expected="$work/Consumer/$shards/apigen.yaml:1:1: warning: shards 4 is not used: the build plugin planned this build with 2."
grep -qF "$expected" "$work/build.log" || { echo "FAIL: expected: $expected"; cat "$work/build.log"; exit 1; }
echo "OK: shards edited alone: $expected"
touch "$shards/Added.swift"
build "the next planning uses shards: 4"
count=$(find .build -path '*ConfiguredShards*GeneratedSources*' -name 'Shard04.*.swift' | wc -l)
[ "$count" = 2 ] || { echo "FAIL: no Shard04 files after planning again"; exit 1; }

# `outputs:` edited alone: the same, for the products' files.
printf 'shards: 4\noutputs: [client, server]\n' >"$shards/apigen.yaml"
swift build >"$work/build.log" 2>&1 || { echo "FAIL: outputs edited alone"; cat "$work/build.log"; exit 1; }
expected="$work/Consumer/$shards/apigen.yaml:2:1: warning: outputs [client, server] is not used: the build plugin planned this build with [client]."
grep -qF "$expected" "$work/build.log" || { echo "FAIL: expected: $expected"; cat "$work/build.log"; exit 1; }
echo "OK: outputs edited alone: $expected"
touch "$shards/AddedAgain.swift"
build "the next planning uses outputs: [client, server]"
server=$(find .build -path '*ConfiguredShards*GeneratedSources*' -name 'APIGen.Server.swift' -newer "$shards/AddedAgain.swift" | wc -l)
[ "$server" = 1 ] || { echo "FAIL: no APIGen.Server.swift after planning again"; exit 1; }
