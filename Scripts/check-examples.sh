#!/usr/bin/env bash
# The example oracle: every `example` of a schema, request body or 2xx response in a document is
# decoded with the type APIGen generates for it and encoded back (decode(encode(x)) == x).
# An example the generated type cannot decode is printed with its location and the decoder's
# reason: either the example breaks its own schema, or it is APIGen's bug.
#   Scripts/check-examples.sh <document>...
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
(cd "$repo" && swift build -q --product apigen && swift build -q --product apigen-bench)
status=0
for input in "$@"; do
    document=$(cd "$(dirname "$input")" && pwd)/$(basename "$input")
    work=$(mktemp -d)
    mkdir -p "$work/Sources/Oracle"
    cat > "$work/Package.swift" <<PACKAGE
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "ExampleOracle",
    dependencies: [.package(name: "APIGen", path: "$repo")],
    targets: [.executableTarget(name: "Oracle", dependencies: [.product(name: "APIGenRuntime", package: "APIGen")])]
)
PACKAGE
    "$repo/.build/debug/apigen" generate "$document" --output "$work/Sources/Oracle" --shards 4 --quiet
    count=$("$repo/.build/debug/apigen-bench" examples "$document" "$work/Sources/Oracle/ExampleChecks.swift")
    cat > "$work/Sources/Oracle/main.swift" <<'SWIFT'
import Foundation

/// Decodes each example with its generated type and checks that encoding it and decoding again
/// gives the same value.
final class ExampleCheck {
    var passed = 0
    var failures: [String] = []
    var broken: [String] = []

    /// `breaksSchema`: APIGen found that the example does not fit its own schema.
    func run<T: Codable & Equatable>(_ type: T.Type, _ json: String, _ location: String, breaksSchema: String? = nil) {
        do {
            let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))
            let again = try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
            if again == value { passed += 1 } else { failures.append("\(location): \(T.self): encoding and decoding again changed the value") }
        } catch {
            if let breaksSchema {
                broken.append("\(location): the example breaks its own schema: \(breaksSchema)")
            } else {
                failures.append("\(location): \(T.self): \(error)")
            }
        }
    }
}

let check = ExampleCheck()
runExampleChecks(check)
for line in check.broken { print("document: " + line) }
for failure in check.failures { print("APIGen: " + failure) }
print("examples: \(check.passed) passed, \(check.failures.count) failed, \(check.broken.count) break their own schema")
exit(check.failures.isEmpty ? 0 : 1)
SWIFT
    echo "$(basename "$document"): $count"
    if ! (cd "$work" && swift build -q 2>&1 | grep -E "error:" | head -20; cd "$work" && "$(swift build --show-bin-path)/Oracle"); then status=1; fi
    rm -rf "$work"
done
exit $status
