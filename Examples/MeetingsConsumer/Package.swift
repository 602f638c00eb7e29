// swift-tools-version: 6.2
import PackageDescription

// A package that uses APIGen the way other packages do: as a dependency whose build plugin
// turns the openapi.yaml in a target into Swift at build time.
let package = Package(
    name: "MeetingsConsumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        // A path dependency is named after its folder, which differs between clones: name it.
        .package(name: "APIGen", path: "../.."),
    ],
    targets: [
        .target(
            name: "MeetingsAPI",
            dependencies: [.product(name: "APIGenRuntime", package: "APIGen")],
            plugins: [.plugin(name: "APIGenPlugin", package: "APIGen")]
        ),
        // The same document in a target whose code is MainActor-isolated by default.
        .target(
            name: "MainActorMeetings",
            dependencies: [.product(name: "APIGenRuntime", package: "APIGen")],
            swiftSettings: [.defaultIsolation(MainActor.self)],
            plugins: [.plugin(name: "APIGenPlugin", package: "APIGen")]
        ),
        // Two documents in one target: each is generated inside its own namespace and files.
        .target(
            name: "TwoDocuments",
            dependencies: [.product(name: "APIGenRuntime", package: "APIGen")],
            plugins: [.plugin(name: "APIGenPlugin", package: "APIGen")]
        ),
        // An apigen.yaml beside the document, with each key that decides the generated files.
        .target(
            name: "ConfiguredNamespace",
            dependencies: [.product(name: "APIGenRuntime", package: "APIGen")],
            plugins: [.plugin(name: "APIGenPlugin", package: "APIGen")]
        ),
        .target(
            name: "ConfiguredShards",
            dependencies: [.product(name: "APIGenRuntime", package: "APIGen")],
            plugins: [.plugin(name: "APIGenPlugin", package: "APIGen")]
        ),
        .testTarget(
            name: "MeetingsConsumerTests",
            dependencies: ["MeetingsAPI", "MainActorMeetings", "TwoDocuments", "ConfiguredNamespace", "ConfiguredShards",
                           .product(name: "APIGenRuntime", package: "APIGen")]
        ),
    ]
)
