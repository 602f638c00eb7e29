import XCTest
@testable import APIGenCore

/// Components and operations are translated as units on any number of cores; the components
/// read before `paths` are translated while `paths` is read. Neither may change a byte.
final class TranslationUnitsTests: XCTestCase {
    /// The inputs: every golden, RealtimeKit, and the full Cloudflare document (1,500 operations,
    /// enough for several workers) when `../shared` is there.
    private func inputs() throws -> [URL] {
        var inputs = try Pipeline.goldenInputsAndRealtimeKit()
        let cloudflare = Pipeline.cloudflareSpecs.appendingPathComponent("cloudflare-2024-08.json")
        if FileManager.default.fileExists(atPath: cloudflare.path) { inputs.append(cloudflare) }
        return inputs
    }

    private func module(_ path: String, workers: Int) throws -> (ModuleDecl, [Diagnostic]) {
        let generator = Generator()
        let sink = DiagnosticSink()
        let document = try generator.read(generator.parseFile(path: path, displayName: path), file: path, path: path, diagnostics: sink)
        var module = try Translator.declarations(document, configuration: Configuration(), diagnostics: sink, workers: workers)
        try generator.refine(&module, diagnostics: sink)
        return (module, sink.diagnostics)
    }

    func testTheNumberOfWorkersChangesNothing() throws {
        for input in try inputs() {
            let (one, oneDiagnostics) = try module(input.path, workers: 1)
            for workers in [2, 3, 7] {
                let (many, manyDiagnostics) = try module(input.path, workers: workers)
                XCTAssertEqual(many, one, "\(input.lastPathComponent) with \(workers) workers")
                XCTAssertEqual(manyDiagnostics, oneDiagnostics, "\(input.lastPathComponent) with \(workers) workers")
            }
        }
    }

    /// The generator's run (components translated beside the reading of `paths`, units on all
    /// cores) gives the files and warnings of the stages run one after the other.
    func testTheGeneratorsRunEqualsTheStagesInSequence() throws {
        for input in try inputs() {
            let generator = Generator()
            let output = try generator.generate(path: input.path)
            let (module, diagnostics) = try module(input.path, workers: 1)
            XCTAssertEqual(output.files, generator.render(module, file: input.path), input.lastPathComponent)
            XCTAssertEqual(output.diagnostics, diagnostics, input.lastPathComponent)
        }
    }

    /// Operations that share inline schemas (a parameter and a body declared once under
    /// `components`) in every order: the first operation to name a type owns it, whichever
    /// worker builds it, and the warnings about a shared example come once, at the first.
    func testSharedSchemasBelongToTheFirstOperationInAnyOrder() throws {
        var generator = SystemRandomNumberGenerator()
        let operations = (0..<140).map { i in
            """
              /p\(i):
                post:
                  operationId: op\(i)
                  parameters: [{$ref: '#/components/parameters/Mode'}]
                  requestBody: {$ref: '#/components/requestBodies/Shared'}
                  responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {v\(i): {type: string, enum: [a, b]}}}}}}}
            """
        }
        for _ in 0..<3 {
            let text = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
            \(operations.shuffled(using: &generator).joined(separator: "\n"))
            components:
              parameters:
                Mode: {name: mode, in: query, schema: {type: string, enum: [fast, slow]}}
              requestBodies:
                Shared:
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          count: {type: integer, maximum: 3, example: 9}
            """
            let document = try Pipeline.document(text).0
            let first = try XCTUnwrap(document.operations.first?.operationID)
            var results: [(ModuleDecl, [Diagnostic])] = []
            for workers in [1, 2, 4] {
                let sink = DiagnosticSink()
                results.append((try Translator.declarations(document, configuration: Configuration(), diagnostics: sink, workers: workers), sink.diagnostics))
            }
            for (module, diagnostics) in results {
                XCTAssertEqual(module, results[0].0)
                XCTAssertEqual(diagnostics, results[0].1)
                let prefix = SwiftNaming.upperCamel(first)
                XCTAssertTrue(module.types.contains { $0.name == prefix + "Mode" }, "the first operation, \(first), names the shared enum")
                XCTAssertTrue(module.types.contains { $0.name == "Shared" })
                XCTAssertEqual(diagnostics.filter { $0.message.contains("contradicts its own example") }.count, 1)
            }
        }
    }
}
