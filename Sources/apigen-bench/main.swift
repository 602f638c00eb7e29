import Foundation
import APIGenCore

/// `swift run -c release apigen-bench [all|generate|decode] [--runs N] [files…]`: prints figures,
/// asserts nothing. Without files, `generate` uses the real Cloudflare documents beside the
/// repository and schema/meetings.yaml.
/// `apigen-bench profile nodes|model|ir|render <file> [--runs N]`: one stage in a loop, to run
/// under a profiler. `apigen-bench examples <document> <out.swift>`: the example oracle's checks;
/// `apigen-bench roundtrip <document> <out.swift>`: the client–server round-trip check.
let arguments = Array(CommandLine.arguments.dropFirst())
let runs = arguments.firstIndex(of: "--runs").flatMap { i in i + 1 < arguments.count ? Int(arguments[i + 1]) : nil } ?? 7
let words = arguments.enumerated().filter { i, a in !a.hasPrefix("-") && (i == 0 || arguments[i - 1] != "--runs") }.map(\.1)
let what = words.first ?? "all"
let files = Array(words.dropFirst())

if what == "profile", files.count == 2 {
    try ProfileLoop.run(stage: files[0], path: files[1], runs: runs)
    exit(0)
}
if what == "examples", files.count == 2 {
    // The example oracle's checks for a document (Scripts/check-examples.sh).
    var configuration = Configuration()
    configuration.collectsExamples = true
    let module = try Generator(configuration: configuration).module(path: files[0])
    try ExampleChecksRenderer.render(module).write(toFile: files[1], atomically: true, encoding: .utf8)
    print("\(module.examples.count) examples")
    exit(0)
}
if what == "roundtrip", files.count == 2 {
    // The round-trip check of a document's client and server (Scripts/check-round-trip.sh).
    let module = try Generator().module(path: files[0])
    try RoundTripChecksRenderer(module).render().write(toFile: files[1], atomically: true, encoding: .utf8)
    print("\(module.operations.count) operations")
    exit(0)
}
if what == "peak", let file = files.first {
    try GenerateBenchmark.peak(path: file)
    exit(0)
}
#if DEBUG
print("note: a debug build; run with `swift run -c release apigen-bench` for figures that mean something")
#endif
if what == "generate" || what == "all" {
    let defaults = ["../shared/specs/cloudflare/cloudflare-2024-08.json", "../shared/specs/cloudflare/realtime-kit.yaml", "schema/meetings.yaml"]
    try GenerateBenchmark.run(files: files.isEmpty ? defaults : files, runs: runs)
}
if what == "decode" || what == "all" {
    try await DecodeBenchmark.run(runs: runs)
}
