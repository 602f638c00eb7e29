# Sourced by the scripts that build generated code as a plugin user's package does:
# `generated_package WORK REPO` makes WORK a package whose target `Generated` (its sources in
# WORK/Sources/Generated) depends on REPO's APIGenRuntime.
generated_package() {
  mkdir -p "$1/Sources/Generated"
  cat > "$1/Package.swift" <<PACKAGE
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "CompileCheck",
    dependencies: [.package(name: "APIGen", path: "$2")],
    targets: [.target(name: "Generated", dependencies: [.product(name: "APIGenRuntime", package: "APIGen")])]
)
PACKAGE
}
