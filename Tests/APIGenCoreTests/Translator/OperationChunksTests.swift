import XCTest
@testable import APIGenCore
import YAMLNodes

/// Operations translated in chunks side by side must give what translating them one after the
/// other gives: the same declarations in the same order, the same names, the same warnings.
final class OperationChunksTests: XCTestCase {
    private struct Result {
        var module: ModuleDecl
        var diagnostics: [String]
        var translatedAgain: Int
    }

    private func translate(_ document: OpenAPIDocument, chunks: Int, configuration: Configuration = Configuration()) -> Result {
        let sink = DiagnosticSink()
        let (context, types) = Translator.components(document, configuration: configuration, diagnostics: sink)
        let (operations, auth, translatedAgain) = OperationTranslator(context: context, types: types).translateAll(chunks: chunks)
        for (key, location) in configuration.overrideLocations.sorted(by: { $0.value < $1.value }) where !context.usedOverrides.contains(key) {
            sink.warning("unused override \(key)", at: location)
        }
        var module = ModuleDecl(title: "", version: "", serverURL: nil, types: context.orderedTopLevel(), operations: operations, auth: auth)
        ModuleRefinement.apply(&module)
        return Result(module: module, diagnostics: sink.diagnostics.map(\.description), translatedAgain: translatedAgain)
    }

    private func assertSameAsInTurn(_ document: OpenAPIDocument, chunks: [Int], configuration: Configuration = Configuration(),
                                    file: StaticString = #filePath, line: UInt = #line) {
        let expected = translate(document, chunks: 1, configuration: configuration)
        XCTAssertEqual(expected.translatedAgain, 0, file: file, line: line)
        for count in chunks {
            let result = translate(document, chunks: count, configuration: configuration)
            XCTAssertTrue(result.module == expected.module, "\(document.file), \(count) chunks: declarations differ", file: file, line: line)
            XCTAssertEqual(result.diagnostics, expected.diagnostics, "\(document.file), \(count) chunks", file: file, line: line)
        }
    }

    /// Operations that share names and inline schemas across chunks.
    private let entangled = """
    openapi: 3.0.3
    info: {title: T, version: "1"}
    paths:
      /things:
        get:
          operationId: list_things
          parameters: [{$ref: '#/components/parameters/Limit'}]
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      items: {type: array, items: {type: object, properties: {id: {type: string}}}}
                      state: {type: string, enum: [on, off], default: off}
        post:
          operationId: create_thing
          requestBody:
            content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}
          responses: {"204": {description: done}}
      /others:
        get:
          operationId: listThings
          parameters: [{$ref: '#/components/parameters/Limit'}]
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      create_thing_request: {type: object, properties: {x: {type: string}}}
        put:
          operationId: replace_thing
          requestBody: {$ref: '#/components/requestBodies/ThingBody'}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/paths/~1things/get/responses/200/content/application~1json/schema'}
        patch:
          operationId: update_thing
          requestBody: {$ref: '#/components/requestBodies/ThingBody'}
          responses: {"204": {description: done}}
      /plain:
        get:
          operationId: get_plain
          parameters:
            - $ref: '#/components/parameters/Limit'
            - {name: mode, in: query, schema: {type: string, enum: [fast, slow], default: slow}}
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {type: object, properties: {a: {type: string}, b: {type: object, properties: {c: {type: string}}}}}}}
    components:
      parameters:
        Limit:
          name: limit
          in: query
          schema: {type: integer, maximum: 10, example: 50}
      requestBodies:
        ThingBody:
          content:
            application/json:
              schema: {type: object, properties: {name: {type: string}}}
    """

    func testEntangledOperationsComeOutAsInTurn() throws {
        let (document, _) = try Pipeline.document(entangled)
        var configuration = Configuration()
        configuration.propertyNames["GetPlainResponse.a"] = "alpha"
        configuration.overrideLocations["properties.GetPlainResponse.a"] = SourceLocation(file: "config", line: 1, column: 1)
        assertSameAsInTurn(document, chunks: [2, 3, 4, 6], configuration: configuration)

        let result = translate(document, chunks: 6, configuration: configuration)
        let names = result.module.types.map(\.name)
        XCTAssertEqual(names, ["ListThingsResponse", "CreateThingRequest", "ListThingsResponse2", "ThingBody", "GetPlainMode", "GetPlainResponse"])
        XCTAssertEqual(result.module.operations.map { $0.response.map(\.unwrapped) },
                       [.named(["ListThingsResponse"]), nil, .named(["ListThingsResponse2"]), .named(["ListThingsResponse"]), nil, .named(["GetPlainResponse"])])
        XCTAssertEqual(result.module.operations.map { $0.body?.type.unwrapped },
                       [nil, .named(["CreateThingRequest"]), nil, .named(["ThingBody"]), .named(["ThingBody"]), nil])
        guard case .structure(let second)? = result.module.types.first(where: { $0.name == "ListThingsResponse2" }) else {
            return XCTFail("no ListThingsResponse2")
        }
        XCTAssertEqual(second.nested.map(\.name), ["CreateThingRequest2"], "a nested type never shadows a top-level one")
        XCTAssertEqual(result.diagnostics.filter { $0.contains("example '50'") }.count, 1, "\(result.diagnostics)")
        XCTAssertFalse(result.diagnostics.contains { $0.contains("unused override") }, "\(result.diagnostics)")
        // In their own chunks, listThings (a name taken in turn), replace_thing (a schema typed
        // in turn) and update_thing (the request body typed by replace_thing) read something else
        // ahead of turn; create_thing and get_plain did not.
        XCTAssertEqual(result.translatedAgain, 3)
    }

    func testIndependentOperationsAreTakenOver() throws {
        let (document, _) = try Pipeline.document("""
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths:
          /a: {get: {operationId: getA, responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {x: {type: object, properties: {y: {type: string}}}}}}}}}}}
          /b: {get: {operationId: getB, parameters: [{name: q, in: query, schema: {type: string, enum: [u, v]}}], responses: {"204": {description: ok}}}}
          /c: {post: {operationId: postC, requestBody: {content: {application/json: {schema: {type: object, properties: {z: {type: integer}}}}}}, responses: {"204": {description: ok}}}}
        """)
        assertSameAsInTurn(document, chunks: [2, 3])
        XCTAssertEqual(translate(document, chunks: 3).translatedAgain, 0)
    }

    func testGoldenInputsAndRealtimeKitComeOutAsInTurn() throws {
        var chunked = 0
        for input in try Pipeline.goldenInputsAndRealtimeKit() {
            let root = try YAMLParser().parseFile(atPath: input.path)
            let document = try DocumentReader.read(root, file: input.lastPathComponent, path: input.path, diagnostics: DiagnosticSink())
            guard document.operations.count > 1 else { continue }
            chunked += 1
            assertSameAsInTurn(document, chunks: [2, 5, document.operations.count])
        }
        XCTAssertGreaterThanOrEqual(chunked, 3)
    }
}
