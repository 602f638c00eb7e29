#!/usr/bin/env bash
# The generated client against the generated server: for each document, every product is
# generated into a module of one throwaway package with its round-trip check
# (`apigen-bench roundtrip`), and one executable runs them all. Each operation is called through
# the client, over a loopback to the server, with values of its types (every property set,
# optional ones sometimes null); the handler compares each argument with what was sent and
# answers the first 2xx case, then the first typed error, which the client must read back equal.
# The mock answers each operation that has an example with it, no handler set. Fails on any
# difference, and on any operation it could not call (no value of a type it takes, a request
# the server does not read, or only informational answers: docs/products.md); prints, per
# document, what passed.
#   Scripts/check-round-trip.sh Tests/Golden/*/input.yaml ../shared/specs/cloudflare/realtime-kit.yaml
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && swift build -q --product apigen && swift build -q --product apigen-bench)

targets="" dependencies="" calls="" i=0
for document in "$@"; do
    i=$((i + 1))
    name="RoundTrip$i"
    mkdir -p "$work/Sources/$name"
    "$repo/.build/debug/apigen" generate "$document" --outputs client,mock,server --output "$work/Sources/$name" --quiet
    "$repo/.build/debug/apigen-bench" roundtrip "$document" "$work/Sources/$name/RoundTripChecks.swift" >/dev/null
    targets="$targets        .target(name: \"$name\", dependencies: [.product(name: \"APIGenRuntime\", package: \"APIGen\")]),
"
    dependencies="$dependencies\"$name\", "
    calls="${calls}import $name
reports.append((\"$(basename "$(dirname "$document")")/$(basename "$document")\", await $name.runRoundTrips()))
"
done
mkdir -p "$work/Sources/Runner"
cat > "$work/Package.swift" <<PACKAGE
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "RoundTrip",
    dependencies: [.package(name: "APIGen", path: "$repo")],
    targets: [
$targets        .executableTarget(name: "Runner", dependencies: [$dependencies]),
    ]
)
PACKAGE
{
    echo 'import Foundation'
    echo 'var reports: [(String, (passed: Int, skipped: [String], failed: [String], mocked: Int, examplesRefused: [String]))] = []'
    echo "$calls" | grep -v '^import '
    cat <<'SWIFT'
var failures = 0
for (document, report) in reports {
    print("round-trip: \(document): \(report.passed) calls round-tripped, \(report.failed.count) failed, \(report.skipped.count) operations skipped\(report.skipped.isEmpty ? "" : " (" + report.skipped.joined(separator: ", ") + ")")")
    for failure in report.failed { print("  FAILED: \(failure)") }
    print("  mock: \(report.mocked) operations answered their example\(report.examplesRefused.isEmpty ? "" : "; examples that break their own schema: " + report.examplesRefused.joined(separator: "; "))")
    failures += report.failed.count
    // Every operation is checked: one the check cannot build a call for is a failure too.
    failures += report.skipped.count
}
exit(failures == 0 ? 0 : 1)
SWIFT
} > "$work/Sources/Runner/main.swift"
# Imports first: a Swift file's imports precede its statements.
{ echo "$calls" | grep '^import '; cat "$work/Sources/Runner/main.swift"; } > "$work/main.tmp" && mv "$work/main.tmp" "$work/Sources/Runner/main.swift"
output=$(cd "$work" && swift build 2>&1) || { echo "$output" | grep -E "error" | head -40; echo "check-round-trip: the build failed"; exit 1; }
(cd "$work" && "$(swift build --show-bin-path)/Runner")
