import XCTest
@testable import APIGenCore
import YAMLNodes

/// Components translated on another thread while `paths` is read must change nothing: same
/// files, same diagnostics in the same order, and a fallback when the read finds more schemas.
final class ComponentPrefetchTests: XCTestCase {
    /// The pipeline with every stage one after another, as before the prefetch.
    private func sequential(path: String, displayName: String) throws -> Generator.Output {
        let generator = Generator()
        let root = try generator.parseFile(path: path, displayName: displayName)
        let sink = DiagnosticSink()
        let document = try DocumentReader.read(root, file: displayName, path: path, diagnostics: sink)
        let module = try Translator.translate(document, configuration: generator.configuration, diagnostics: sink)
        var options = generator.configuration.renderOptions
        options.sourceName = displayName
        return Generator.Output(files: SwiftRenderer.render(module, options: options), diagnostics: sink.diagnostics)
    }

    func testSameFilesAndDiagnosticsAsTranslatingAfterTheRead() throws {
        let inputs = try Pipeline.goldenInputsAndRealtimeKit()
        XCTAssertGreaterThan(inputs.count, 5)
        var warned = 0
        for input in inputs {
            let expected = try sequential(path: input.path, displayName: input.lastPathComponent)
            let output = try Generator().generate(path: input.path, displayName: input.lastPathComponent)
            XCTAssertEqual(output.files.map(\.name), expected.files.map(\.name), input.path)
            XCTAssertTrue(output.files.map(\.contents) == expected.files.map(\.contents), "\(input.path): generated code differs")
            XCTAssertEqual(output.diagnostics.map(\.description), expected.diagnostics.map(\.description), input.path)
            warned += output.diagnostics.isEmpty ? 0 : 1
        }
        XCTAssertGreaterThan(warned, 0, "some inputs have warnings, so their order is compared")
    }

    func testWarningsOfReaderComponentsAndOperationsKeepTheirOrder() throws {
        let text = document(paths: """

          /things/{id}:
            get:
              operationId: getThing
              parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: c, in: cookie, schema: {type: string}}]
              responses: {"200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}
        """, components: """

          schemas:
            Thing:
              type: object
              properties:
                size: {type: integer, maxLength: 3, example: 7}
                name: {type: string, maxLength: 2, example: abcdef}
        """)
        let output = try Generator().generate(bytes: Array(text.utf8), file: "t.yaml")
        let messages = output.diagnostics.map(\.message)
        let example = try XCTUnwrap(messages.firstIndex { $0.contains("abcdef") }, "\(messages)")
        let cookie = try XCTUnwrap(messages.firstIndex { $0.contains("cookie parameter 'c'") }, "\(messages)")
        XCTAssertLessThan(example, cookie, "component warnings come before operation warnings")
    }

    func testATranslationIsUsedOnlyForTheSchemasItWasMadeFrom() throws {
        let text = document(components: "\n  schemas:\n    A: {type: object, properties: {x: {type: string}}}\n")
        let root = try YAMLParser().parse(Array(text.utf8), file: "t.yaml")
        let prefetch = ComponentPrefetch(configuration: Configuration())
        var partials = 0
        let full = try DocumentReader.read(root, file: "t.yaml", diagnostics: DiagnosticSink(), componentsRead: {
            partials += 1
            prefetch.start($0)
        })
        XCTAssertEqual(partials, 1)
        var grown = full
        grown.schemas.append(full.schemas[0])
        let other = ComponentPrefetch(configuration: Configuration())
        other.start(full)
        XCTAssertNil(other.take(for: grown), "more schemas after the components: translated again")
        let result = try XCTUnwrap(prefetch.take(for: full))
        XCTAssertEqual(result.context.componentNames["A"], "A")
        XCTAssertNil(ComponentPrefetch(configuration: Configuration()).take(for: full), "nothing started")
    }

    func testNoPrefetchWhenTheComponentsHaveErrorsAndAReadErrorAfterThemStillFails() throws {
        let broken = document(components: "\n  schemas:\n    A: {type: object, properties: {x: {$ref: '#/components/schemas/Nope'}}}\n")
        var called = false
        _ = try? DocumentReader.read(YAMLParser().parse(Array(broken.utf8), file: "t.yaml"), file: "t.yaml",
                                     diagnostics: DiagnosticSink(), componentsRead: { _ in called = true })
        XCTAssertFalse(called)

        // Valid components (one with a translation warning), then an error in `paths`.
        let text = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {"200": {description: ok}}
        components:
          schemas:
            A: {type: object, properties: {name: {type: string, maxLength: 2, example: abcdef}}}
        """
        let errors = Pipeline.errors(text)
        XCTAssertEqual(errors.filter { $0.severity == .error }.count, 1, "\(errors)")
        XCTAssertFalse(errors.contains { $0.message.contains("abcdef") }, "no translation warnings when the read fails: \(errors)")
    }
}
