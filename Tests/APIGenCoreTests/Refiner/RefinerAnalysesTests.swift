import XCTest
@testable import APIGenCore

/// The refiner's whole-module analyses (paging, validation reach, parameter shapes): the
/// translator leaves them undecided, and the refiner decides them from every type at once.
final class RefinerAnalysesTests: XCTestCase {
    private let document = """
    openapi: 3.0.3
    info: {title: T, version: "1"}
    paths:
      /posts:
        get:
          operationId: listPosts
          parameters:
            - {name: page, in: query, schema: {type: integer}}
            - {name: tags, in: query, schema: {$ref: '#/components/schemas/Labels'}}
            - {name: filter, in: query, style: deepObject, schema: {$ref: '#/components/schemas/Filter'}}
            - {name: color, in: query, schema: {$ref: '#/components/schemas/Shade'}}
            - {name: any, in: query, schema: {}}
            - {name: maybe, in: query, schema: {type: array, items: {type: string, nullable: true}}}
            - {name: limits, in: query, schema: {type: object, additionalProperties: {type: integer}}}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      data: {type: array, items: {$ref: '#/components/schemas/Post'}}
                      total_count: {type: integer}
    components:
      schemas:
        Name: {type: string, maxLength: 10}
        Tag:
          type: object
          properties:
            name: {$ref: '#/components/schemas/Name'}
        Tags: {type: array, items: {$ref: '#/components/schemas/Tag'}}
        Labels: {$ref: '#/components/schemas/Words'}
        Words: {type: array, items: {type: string}}
        Post:
          type: object
          properties:
            tags: {$ref: '#/components/schemas/Tags'}
            meta: {type: object, properties: {note: {type: string}}}
        Loop:
          type: object
          properties:
            next: {type: array, items: {$ref: '#/components/schemas/Loop'}}
            size: {type: integer, minimum: 1}
        Filter: {type: object, properties: {q: {type: string}}}
        Color: {type: string, enum: [red, blue]}
        Shade: {$ref: '#/components/schemas/Color'}
    """

    /// The translated module, before and after the refiner.
    private func modules() throws -> (translated: ModuleDecl, refined: ModuleDecl, warnings: [Diagnostic]) {
        let generator = Generator()
        let sink = DiagnosticSink()
        let text = Array(document.utf8)
        let parsed = try generator.read(generator.parse(text, file: "api.yaml"), file: "api.yaml", diagnostics: sink)
        let translated = try generator.translate(parsed, diagnostics: sink)
        var refined = translated
        try generator.refine(&refined, diagnostics: sink)
        return (translated, refined, sink.diagnostics)
    }

    private func structure(_ module: ModuleDecl, _ path: [String]) -> StructDecl? {
        DeclarationIndex(module.types).structDecl(at: path)
    }

    func testTheRefinerDecidesWhatTheTranslatorLeaves() throws {
        let (translated, refined, _) = try modules()
        XCTAssertNil(translated.operations[0].pagination, "paging is the refiner's")
        XCTAssertEqual(refined.operations[0].pagination?.methodName, "listPostsPages")
        XCTAssertEqual(refined.operations[0].pagination?.position, .parameter("page"))
        XCTAssertFalse(structure(translated, ["Tag"])?.validates ?? true, "validation reach is the refiner's")
        XCTAssertTrue(structure(refined, ["Tag"])?.validates ?? false)
    }

    func testValidationSpreadsToHoldersThroughAliasesArraysAndCycles() throws {
        let module = try modules().refined
        XCTAssertEqual(structure(module, ["Tag"])?.validates, true, "a property with a constraint the runtime checks")
        XCTAssertEqual(structure(module, ["Post"])?.validates, true, "holds Tag through an alias and an array")
        XCTAssertEqual(structure(module, ["Post", "Meta"])?.validates, false, "nothing to check inside")
        XCTAssertEqual(structure(module, ["Filter"])?.validates, false)
        XCTAssertEqual(structure(module, ["Loop"])?.validates, true, "holds itself, and checks its own size")
        let pages = try XCTUnwrap(structure(module, ["ListPostsResponse"]))
        XCTAssertTrue(pages.validates, "the response holds [Post]")
    }

    func testParameterShapesLookThroughAliasesToWhatTheTypeIs() throws {
        let operation = try modules().refined.operations[0]
        let shapes = Dictionary(uniqueKeysWithValues: operation.parameters.map { ($0.wireName, $0.shape) })
        XCTAssertEqual(shapes, [
            "page": .primitive,
            "tags": .array,       // Labels → Words → [String]
            "filter": .object,    // a struct
            "color": .primitive,  // Shade → Color, an enum
            "any": .json,         // free-form
            "maybe": .json,       // items that may be null have no text in the styles
            "limits": .object,    // a map of numbers
        ])
    }
}
