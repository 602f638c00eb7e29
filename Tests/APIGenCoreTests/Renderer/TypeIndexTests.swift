import XCTest
@testable import APIGenCore

final class TypeIndexTests: XCTestCase {
    private let document = """
    openapi: 3.0.3
    info: {title: T, version: "1"}
    paths: {}
    components:
      schemas:
        Name:
          type: string
          maxLength: 10
        Tag:
          type: object
          properties:
            name: {$ref: '#/components/schemas/Name'}
        Labels:
          $ref: '#/components/schemas/Tags'
        Tags:
          type: array
          items: {$ref: '#/components/schemas/Tag'}
        Post:
          type: object
          properties:
            tags: {$ref: '#/components/schemas/Labels'}
            meta:
              type: object
              properties:
                note: {type: string}
        Plain:
          type: object
          properties:
            note: {type: string}
            color: {type: string, enum: [red, blue]}
        Shade:
          $ref: '#/components/schemas/Plain'
    """

    func testValidationSpreadsThroughAliasesAndArraysToHolders() throws {
        let (module, _) = try Pipeline.module(document)
        let index = TypeIndex(module)
        XCTAssertTrue(index.validates(["Tag"]), "a property with a constraint the runtime checks")
        XCTAssertTrue(index.validates(["Post"]), "holds Tag through two aliases and an array")
        XCTAssertFalse(index.validates(["Post", "Meta"]), "nothing to check inside")
        XCTAssertFalse(index.validates(["Plain"]))
        XCTAssertFalse(index.validates(["Name"]), "an alias is not a struct")
        XCTAssertFalse(index.validates(["Missing"]))
        XCTAssertTrue(index.needsValidation(.optional(.named(["Labels"]))))
        XCTAssertFalse(index.needsValidation(.array(.named(["Plain"]))))
    }

    func testKindsAndAliasesResolve() throws {
        let (module, _) = try Pipeline.module(document)
        let index = TypeIndex(module)
        XCTAssertEqual(index.kind(of: .named(["Shade"])), .structure)
        XCTAssertEqual(index.kind(of: .named(["Plain", "Color"])), .enumeration)
        XCTAssertTrue(index.isEnum(.optional(.named(["Plain", "Color"]))))
        XCTAssertNil(index.kind(of: .named(["Nowhere"])))
        XCTAssertNil(index.kind(of: .builtin(.string)))
        XCTAssertEqual(index.resolved(.optional(.named(["Labels"]))), .optional(.array(.named(["Tag"]))))
        XCTAssertEqual(index.resolved(.named(["Name"])), .builtin(.string))
    }
}
