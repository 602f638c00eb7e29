// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "APIGen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        .library(name: "APIGenRuntime", targets: ["APIGenRuntime"]),
        .library(name: "RealtimeKitMeetings", targets: ["RealtimeKitMeetings"]),
    ],
    targets: [
        // The only C boundary: system libyaml through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAMLNodes", dependencies: ["CYAML"]),
        .target(name: "APIGenCore", dependencies: ["YAMLNodes"]),
        .executableTarget(name: "apigen", dependencies: ["APIGenCore"]),
        .target(name: "APIGenRuntime"),
        .target(name: "RealtimeKitMeetings", dependencies: ["APIGenRuntime"], path: "Generated"),

        // Benchmarks (not a product: plugin users never build it).
        .executableTarget(name: "apigen-bench", dependencies: ["APIGenCore", "APIGenRuntime", "RealtimeKitMeetings", "YAMLNodes", "CYAML"]),

        // The kitchen-sink golden output is compiled too, so a golden that does not build fails CI.
        .target(name: "KitchenSink", dependencies: ["APIGenRuntime"], path: "Tests/Golden/kitchen-sink/expected"),

        .testTarget(name: "YAMLNodesTests", dependencies: ["YAMLNodes"]),
        .testTarget(name: "APIGenCoreTests", dependencies: ["APIGenCore"]),
        .testTarget(name: "APIGenRuntimeTests", dependencies: ["APIGenRuntime"]),
        .testTarget(name: "apigenTests", dependencies: ["apigen"]),
        .testTarget(name: "KitchenSinkTests", dependencies: ["KitchenSink", "APIGenRuntime"]),
        .testTarget(
            name: "RealtimeKitMeetingsTests",
            dependencies: ["RealtimeKitMeetings", "APIGenRuntime"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
