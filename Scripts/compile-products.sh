#!/usr/bin/env bash
# Generates every product (client, protocol, mock, server) of each document given into a target
# of its own in one throwaway package, builds them together, and fails on any error or on a
# warning in the generated code.
#   Scripts/compile-products.sh Tests/Golden/*/input.yaml ../shared/specs/cloudflare/realtime-kit.yaml
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && swift build -q --product apigen)

targets=""
i=0
for document in "$@"; do
    i=$((i + 1))
    name="Products$i"
    mkdir -p "$work/Sources/$name"
    "$repo/.build/debug/apigen" generate "$document" --outputs client,protocol,mock,server --output "$work/Sources/$name" --quiet
    echo "compile-products: $name: $document: $(ls "$work/Sources/$name" | tr '\n' ' ')"
    targets="$targets        .target(name: \"$name\", dependencies: [.product(name: \"APIGenRuntime\", package: \"APIGen\")]),
"
done
cat > "$work/Package.swift" <<PACKAGE
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "ProductsCheck",
    dependencies: [.package(name: "APIGen", path: "$repo")],
    targets: [
$targets    ]
)
PACKAGE
output=$(cd "$work" && swift build 2>&1) || { echo "$output" | tail -60; echo "compile-products: the build failed"; exit 1; }
problems=$(echo "$output" | grep -E "(error|warning):" | grep "Sources/Products" || true)
if [ -n "$problems" ]; then
    echo "$problems" | head -40
    echo "compile-products: warnings or errors in generated code"
    exit 1
fi
echo "compile-products: $i documents, every product compiles without warnings"
