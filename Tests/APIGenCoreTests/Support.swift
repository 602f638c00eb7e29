import XCTest
@testable import APIGenCore
import APIGenYAML

/// Runs the pipeline's first stages on YAML text.
enum Pipeline {
    static func document(_ text: String, file: String = "test.yaml") throws -> (OpenAPIDocument, [Diagnostic]) {
        let generator = Generator()
        let sink = DiagnosticSink()
        let document = try generator.read(generator.parse(Array(text.utf8), file: file), file: file, diagnostics: sink)
        return (document, sink.diagnostics)
    }

    static func module(_ text: String, file: String = "test.yaml", configuration: Configuration = Configuration()) throws -> (ModuleDecl, [Diagnostic]) {
        let sink = DiagnosticSink()
        let module = try Generator(configuration: configuration).module(bytes: Array(text.utf8), file: file, diagnostics: sink)
        return (module, sink.diagnostics)
    }

    /// The diagnostics of a document that must fail.
    static func errors(_ text: String, file: String = "test.yaml") -> [Diagnostic] {
        do {
            _ = try Generator().generate(bytes: Array(text.utf8), file: file)
            XCTFail("expected the document to fail")
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Where the repository is.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/specs/cloudflare` beside the repository, when present.
    static let cloudflareSpecs = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/specs/cloudflare")

    /// Every golden input, then RealtimeKit when `../shared` is there (a note says when not).
    static func goldenInputsAndRealtimeKit(_ caller: String = #fileID) throws -> [URL] {
        var inputs: [URL] = []
        let golden = repositoryRoot.appendingPathComponent("Tests/Golden")
        for name in try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted() {
            inputs.append(golden.appendingPathComponent(name).appendingPathComponent("input.yaml"))
        }
        let realtimeKit = cloudflareSpecs.appendingPathComponent("realtime-kit.yaml")
        if FileManager.default.fileExists(atPath: realtimeKit.path) {
            inputs.append(realtimeKit)
        } else {
            print("\(caller): \(realtimeKit.path) is absent; only the goldens are used")
        }
        return inputs
    }
}

/// A minimal valid document around `paths` and `components` text.
func document(paths: String = "{}", components: String = "{}") -> String {
    """
    openapi: 3.0.3
    info: {title: T, version: '1'}
    paths: \(paths)
    components: \(components)
    """
}

/// The struct at a dotted type path (`Meeting.RecordingConfig`), if there is one.
func structDecl(_ module: ModuleDecl, _ path: String) -> StructDecl? {
    var decls = module.types
    var found: Declaration?
    for name in path.split(separator: ".") {
        found = decls.first { $0.name == name }
        switch found {
        case .structure(let s)?: decls = s.nested
        case .oneOf(let o)?: decls = o.nested
        default: decls = []
        }
    }
    if case .structure(let s)? = found { return s }
    return nil
}
