// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "APIGen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "apigen", targets: ["apigen"]),
        .library(name: "APIGenRuntime", targets: ["APIGenRuntime"]),
        // Opt-in transports, each behind a trait of the same name (below).
        .library(name: "APIGenAsyncHTTPClient", targets: ["APIGenAsyncHTTPClient"]),
        .library(name: "APIGenOpenAPIRuntime", targets: ["APIGenOpenAPIRuntime"]),
        .library(name: "RealtimeKitMeetings", targets: ["RealtimeKitMeetings"]),
        .plugin(name: "APIGenPlugin", targets: ["APIGenPlugin"]),
        .plugin(name: "APIGenCommand", targets: ["APIGenCommand"]),
    ],
    // The integrations are traits, off by default: a package that depends on APIGen without
    // enabling them neither fetches nor builds AsyncHTTPClient, SwiftNIO or swift-openapi-runtime
    // (a product alone would not do: SwiftPM fetches every dependency a used package's products
    // name). `Scripts/bench-consumer.sh` prints what a plugin user resolves and builds.
    traits: [
        .trait(name: "AsyncHTTPClientTransport", description: "APIGenAsyncHTTPClient: send through AsyncHTTPClient (SwiftNIO)"),
        .trait(name: "OpenAPIRuntimeTransport", description: "APIGenOpenAPIRuntime: send through any swift-openapi-runtime ClientTransport and its middlewares"),
        .default(enabledTraits: []),
    ],
    // swift-http-types and swift-openapi-urlsession beyond the traits: tests only, which SwiftPM
    // does not fetch for a package that depends on APIGen.
    dependencies: [
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.0.0"),
    ],
    targets: [
        // The C boundary: system libyaml through pkg-config, and the system's own POSIX headers.
        .systemLibrary(
            name: "CAPIGenYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // POSIX from the C headers, not the `Glibc` overlay or Foundation: see posix.h.
        .systemLibrary(name: "CAPIGenPOSIX"),
        .target(name: "APIGenYAML", dependencies: ["CAPIGenYAML", "CAPIGenPOSIX"]),
        // ECMA-262 patterns checked in linear time: the generator validates them, the runtime runs them.
        .target(name: "APIGenPattern"),
        .target(name: "APIGenCore", dependencies: ["APIGenYAML", "CAPIGenPOSIX", "APIGenPattern"]),
        .executableTarget(name: "apigen", dependencies: ["APIGenCore", "CAPIGenPOSIX"]),
        .target(name: "APIGenRuntime", dependencies: ["APIGenPattern"]),
        // Empty unless their trait is on (their sources are inside `#if <trait>`).
        .target(name: "APIGenAsyncHTTPClient", dependencies: [
            "APIGenRuntime",
            .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["AsyncHTTPClientTransport"])),
        ]),
        .target(name: "APIGenOpenAPIRuntime", dependencies: [
            "APIGenRuntime",
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime", condition: .when(traits: ["OpenAPIRuntimeTransport"])),
            .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["OpenAPIRuntimeTransport"])),
        ]),
        .target(name: "RealtimeKitMeetings", dependencies: ["APIGenRuntime"], path: "Generated", exclude: ["apigen.yaml"]),

        // Both plugins are thin: they find documents and build arguments; `apigen` does the work.
        .plugin(name: "APIGenPlugin", capability: .buildTool(), dependencies: ["apigen"]),
        .plugin(
            name: "APIGenCommand",
            capability: .command(
                intent: .custom(verb: "generate-api", description: "Regenerate checked-in Swift clients from their OpenAPI documents"),
                permissions: [.writeToPackageDirectory(reason: "APIGen writes the generated Swift files into the target's folder")]
            ),
            dependencies: ["apigen"]
        ),

        // Benchmarks (not a product: plugin users never build it).
        .executableTarget(name: "apigen-bench", dependencies: ["APIGenCore", "APIGenRuntime", "RealtimeKitMeetings", "APIGenYAML", "CAPIGenYAML"]),

        // libFuzzer target over the whole pipeline (Scripts/fuzz.sh); a plain build reproduces crashes.
        // With APIGEN_FUZZ_TARGET=config the configuration reader, =runtime the runtime's decoding.
        .executableTarget(name: "apigen-fuzz", dependencies: ["APIGenCore", "APIGenRuntime", "RealtimeKitMeetings"]),

        // The kitchen-sink golden output is compiled too, so a golden that does not build fails CI.
        .target(name: "KitchenSink", dependencies: ["APIGenRuntime"], path: "Tests/Golden/kitchen-sink/expected"),
        .target(name: "Torture", dependencies: ["APIGenRuntime"], path: "Tests/Golden/torture/expected"),
        .target(name: "StoreEvents", dependencies: ["APIGenRuntime"], path: "Tests/Golden/webhooks/expected"),

        .testTarget(name: "APIGenYAMLTests", dependencies: ["APIGenYAML"]),
        .testTarget(name: "APIGenCoreTests", dependencies: ["APIGenCore"]),
        .testTarget(name: "APIGenRuntimeTests", dependencies: ["APIGenRuntime"]),
        .testTarget(name: "APIGenPatternTests", dependencies: ["APIGenPattern"]),
        // The runtime's names beside swift-http-types' (which swift-openapi-runtime transports
        // and Hummingbird use): a file that imports both must compile.
        .testTarget(name: "HTTPTypesCoexistenceTests", dependencies: ["APIGenRuntime", .product(name: "HTTPTypes", package: "swift-http-types")]),
        .testTarget(name: "apigenTests", dependencies: ["apigen"]),
        // Compiles the plugins' shared logic (a symlink to Plugins/PluginShared) to test it.
        .testTarget(name: "APIGenPluginTests", dependencies: ["APIGenCore"]),
        .testTarget(name: "KitchenSinkTests", dependencies: ["KitchenSink", "Torture", "StoreEvents", "APIGenRuntime"]),
        // The meetings and streaming calls through the opt-in transports, against real servers
        // (with the traits on: `swift test --enable-all-traits`, the README's test command).
        .testTarget(name: "TransportTests", dependencies: [
            "KitchenSink", "RealtimeKitMeetings", "APIGenRuntime", "APIGenAsyncHTTPClient", "APIGenOpenAPIRuntime",
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime", condition: .when(traits: ["OpenAPIRuntimeTransport"])),
            .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["OpenAPIRuntimeTransport"])),
            .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession", condition: .when(traits: ["OpenAPIRuntimeTransport"])),
        ]),
        .testTarget(
            name: "RealtimeKitMeetingsTests",
            dependencies: ["RealtimeKitMeetings", "APIGenRuntime"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
