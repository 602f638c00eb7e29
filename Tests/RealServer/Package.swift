// swift-tools-version: 6.1
// A generated client against a real server nobody here wrote: Prefect's API server (a workflow
// orchestrator, from PyPI, with its embedded SQLite store). `Scripts/real-server-workflow.sh`
// starts it, generates `Sources/PrefectClient/APIGen.swift` from the document it serves, and runs
// the workflow in `Sources/PrefectWorkflow`.
import PackageDescription

let package = Package(
    name: "RealServer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "APIGen", path: "../..")],
    targets: [
        .target(name: "PrefectClient", dependencies: [.product(name: "APIGenRuntime", package: "APIGen")]),
        .executableTarget(name: "PrefectWorkflow", dependencies: ["PrefectClient", .product(name: "APIGenRuntime", package: "APIGen")]),
    ],
    swiftLanguageModes: [.v6]
)
