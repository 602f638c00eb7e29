import Foundation
import APIGenYAML
import APIGenCore

/// One pipeline stage run over and over on the same input, so a profiler
/// (`perf record -g .build/release/apigen-bench profile ir doc.json`) sees only that stage.
enum ProfileLoop {
    static func run(stage: String, path: String, runs: Int) throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        var configuration = Configuration()
        configuration.shards = SwiftRenderer.shardCount(documentBytes: bytes.count)
        let name = (path as NSString).lastPathComponent
        let generator = Generator(configuration: configuration)
        let root = try generator.parse(bytes, file: name)
        let document = try generator.read(root, file: name, path: path, diagnostics: DiagnosticSink())
        var module = try generator.translate(document, diagnostics: DiagnosticSink())
        try generator.refine(&module, diagnostics: DiagnosticSink())
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<runs {
            switch stage {
            case "nodes": _ = try generator.parse(bytes, file: name)
            case "model": _ = try generator.read(root, file: name, path: path, diagnostics: DiagnosticSink())
            case "ir":
                var module = try generator.translate(document, diagnostics: DiagnosticSink())
                try generator.refine(&module, diagnostics: DiagnosticSink())
            case "render": _ = generator.render(module, file: name)
            default:
                print("profile: unknown stage '\(stage)' (nodes, model, ir, render)")
                exit(2)
            }
        }
        let each = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(runs)
        print(String(format: "profile: %@ of %@, %d runs, %.1f ms each", stage, name, runs, each))
    }
}
