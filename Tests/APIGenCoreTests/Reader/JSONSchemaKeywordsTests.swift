import XCTest
@testable import APIGenCore

/// Every 2020-12 keyword that shapes data is modelled or warned about where it is written, the
/// warning saying what the generated type keeps.
final class JSONSchemaKeywordsTests: XCTestCase {
    private func types(_ schemas: String) throws -> (text: String, warnings: [String]) {
        let text = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /x:
            get:
              operationId: getX
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/T'}}}}
        components:
          schemas:
        \(schemas)
        """
        let output = try Generator().generate(bytes: Array(text.utf8), file: "t.yaml")
        let warnings = output.diagnostics.filter { $0.severity == .warning }.map { "\($0.location?.line ?? 0): \($0.message)" }
        return (output.files.map(\.contents).joined(), warnings)
    }

    func testTuples() throws {
        let (text, warnings) = try types("""
            T:
              type: object
              properties:
                same: {type: array, prefixItems: [{type: integer}, {type: integer}], items: false}
                rest: {type: array, prefixItems: [{type: string}], items: {type: string}}
                mixed: {type: array, prefixItems: [{type: string}, {type: integer}]}
                draft4: {type: array, items: [{type: boolean}, {type: boolean}]}
        """)
        XCTAssertTrue(text.contains("public var same: [Int]?"), text)
        XCTAssertTrue(text.contains("public var rest: [String]?"))
        XCTAssertTrue(text.contains("public var mixed: [JSONValue]?"))
        XCTAssertTrue(text.contains("public var draft4: [Bool]?"))
        XCTAssertEqual(warnings, ["16: prefixItems: the positions of this tuple have different types; it is read as [JSONValue], which keeps every element"])
    }

    func testMembersBeyondThePropertiesAreKept() throws {
        let (text, warnings) = try types("""
            T:
              type: object
              properties:
                map: {type: object, patternProperties: {'^a': {type: integer}}, additionalProperties: false}
                mixed: {type: object, patternProperties: {'^a': {type: integer}, '^b': {type: string}}}
                open: {$ref: '#/components/schemas/Open'}
                closed: {$ref: '#/components/schemas/Closed'}
                whole: {$ref: '#'}
                dynamic: {$dynamicRef: '#node'}
              dependentSchemas: {map: {properties: {extra: {type: string}}}}
            Open: {type: object, properties: {a: {type: string}}, unevaluatedProperties: {type: integer}}
            Closed: {type: object, properties: {a: {type: string}}, unevaluatedProperties: false, if: {required: [a]}, then: {required: [b]}}
        """)
        XCTAssertTrue(text.contains("public var map: [String: Int]?"), text)
        XCTAssertTrue(text.contains("public var mixed: [String: JSONValue]?"))
        XCTAssertTrue(text.contains("public var whole: JSONValue?"))
        XCTAssertTrue(text.contains("public var dynamic: JSONValue?"))
        let structs = text.components(separatedBy: "public struct ")
        XCTAssertTrue(structs.first { $0.hasPrefix("T:") }?.contains("public var additionalProperties: [String: JSONValue]") == true, "dependentSchemas' members are kept")
        XCTAssertTrue(structs.first { $0.hasPrefix("Open:") }?.contains("public var additionalProperties: [String: Int]") == true, "unevaluatedProperties types the rest")
        XCTAssertFalse(structs.first { $0.hasPrefix("Closed:") }?.contains("additionalProperties") ?? true)
        XCTAssertEqual(warnings.sorted(), [
            "14: patternProperties: members are read as a dictionary of the schema for '^a'; their names are not checked against the pattern",
            "15: patternProperties '^a', '^b' are not typed: those members are kept as JSON (JSONValue) in a dictionary",
            "18: $ref '#' is a whole OpenAPI document, not a schema; the value is free-form JSON (JSONValue)",
            "19: $dynamicRef is not followed; the value is free-form JSON (JSONValue)",
            "20: 'dependentSchemas' is not generated: the type has the properties the schema lists, and keeps other members as JSON in additionalProperties",
            "22: 'if' is not generated; additionalProperties or unevaluatedProperties false leaves no other member to keep",
            "22: 'then' is not generated; additionalProperties or unevaluatedProperties false leaves no other member to keep",
        ])
    }
}
