import XCTest
@testable import APIGenCore

/// Every list or map field of the specification may be written as `null` or left empty (real
/// documents do: `parameters:` with nothing after it). Each reads as empty, with a located
/// warning, and the document still generates.
final class NullFieldTests: XCTestCase {
    /// A document that uses every list and map field the reader knows; `$FIELD` marks the one
    /// made null in each run (by name, the others keep their value).
    static let fields: [(name: String, line: String, value: String)] = [
        ("servers", "servers: $V", "[{url: 'https://example.com'}]"),
        ("security", "security: $V", "[{key: []}]"),
        ("paths", "paths: $V", ""),
        ("path parameters", "    parameters: $V", "[{name: id, in: query, schema: {type: string}}]"),
        ("tags", "      tags: $V", "[pets]"),
        ("parameters", "      parameters: $V", "[{name: q, in: query, schema: {type: string}}]"),
        ("responses", "      responses: $V", ""),
        ("headers", "          headers: $V", "{X-Rate: {schema: {type: integer}}}"),
        ("content", "          content: $V", "{application/json: {schema: {$ref: '#/components/schemas/Pet'}}}"),
        ("request content", "        content: $V", "{application/json: {schema: {$ref: '#/components/schemas/Pet'}}}"),
        ("components", "components: $V", ""),
        ("schemas", "  schemas: $V", ""),
        ("required", "      required: $V", "[name]"),
        ("properties", "      properties: $V", ""),
        ("enum", "        kind: {type: string, enum: $V}", "[cat, dog]"),
        ("allOf", "        both: {allOf: $V}", "[{type: object}]"),
        ("oneOf", "        either: {oneOf: $V}", "[{type: string}, {type: integer}]"),
        ("anyOf", "        anyOne: {anyOf: $V}", "[{type: string}, {type: integer}]"),
        ("discriminator mapping", "        animal: {oneOf: [{$ref: '#/components/schemas/Pet'}], discriminator: {propertyName: kind, mapping: $V}}", "{cat: '#/components/schemas/Pet'}"),
        ("securitySchemes", "  securitySchemes: $V", "{key: {type: apiKey, in: header, name: X-Key}}"),
        ("components.parameters", "  parameters: $V", "{}"),
        ("components.responses", "  responses: $V", "{}"),
        ("components.examples", "  examples: $V", "{}"),
    ]

    /// The document with `field` written as `spelling`, and the 1-based line of that field.
    static func text(nulling field: String?, as spelling: String) -> (text: String, line: Int?) {
        let template = """
        openapi: 3.0.3
        info: {title: Nulls, version: '1'}
        servers: $V
        security: $V
        paths: $V
          /pets:
            parameters: $V
            post:
              operationId: addPet
              tags: $V
              parameters: $V
              requestBody:
                content: $V
              responses: $V
                '200':
                  description: ok
                  headers: $V
                  content: $V
        components: $V
          schemas: $V
            Pet:
              type: object
              required: $V
              properties: $V
                name: {type: string}
                kind: {type: string, enum: $V}
                both: {allOf: $V}
                either: {oneOf: $V}
                anyOne: {anyOf: $V}
                animal: {oneOf: [{$ref: '#/components/schemas/Pet'}], discriminator: {propertyName: kind, mapping: $V}}
          securitySchemes: $V
          parameters: $V
          responses: $V
          examples: $V
        """
        var lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fieldLine: Int?
        for (name, line, value) in fields {
            guard let i = lines.firstIndex(of: line) else { XCTFail("template has no line for \(name)"); continue }
            // Without schemes, the requirement that names one would be an error: both go.
            let nulled = name == field || (field == "securitySchemes" && name == "security")
            let written = nulled ? spelling : value
            if name == field { fieldLine = i + 1 }
            // Left empty: a block field keeps just its key (`paths:`), a flow one `enum: }`.
            lines[i] = written.isEmpty && line.hasSuffix(" $V") ? String(line.dropLast(3)) : line.replacingOccurrences(of: "$V", with: written)
        }
        return (lines.joined(separator: "\n") + "\n", fieldLine)
    }

    func testTheTemplateGeneratesWithoutWarnings() throws {
        let output = try Generator().generate(bytes: Array(Self.text(nulling: nil, as: "").text.utf8), file: "nulls.yaml")
        XCTAssertEqual(output.diagnostics.map(\.description), [])
    }

    func testEveryListOrMapFieldMayBeNull() throws {
        for spelling in ["null", "~", ""] {
            for (name, _, value) in Self.fields where !value.isEmpty {
                let (text, lineNumber) = Self.text(nulling: name, as: spelling)
                do {
                    let output = try Generator().generate(bytes: Array(text.utf8), file: "nulls.yaml")
                    let warnings = output.diagnostics.filter { $0.severity == .warning && $0.message.contains("is null") }
                    XCTAssertEqual(warnings.count, name == "securitySchemes" ? 2 : 1, "\(name) as '\(spelling)': \(output.diagnostics.map(\.description))")
                    if let lineNumber {
                        XCTAssertTrue(warnings.contains { $0.location?.line == lineNumber }, "\(name): the warning points at the field")
                    }
                    XCTAssertFalse(output.files.isEmpty)
                } catch {
                    XCTFail("\(name) as '\(spelling)' failed: \(error.diagnostics.map(\.description))")
                }
            }
        }
    }

    /// The fields whose value is a block of lines in the template (`paths:`, `responses:`…),
    /// each in a document of its own: as `null`, `~` and empty.
    func testBlockFieldsMayBeNull() throws {
        let head = "openapi: 3.0.3\ninfo: {title: Nulls, version: '1'}\n"
        let documents: [(field: String, text: String)] = [
            ("paths", head + "paths: $V\n"),
            ("responses", head + "paths:\n  /a:\n    get:\n      responses: $V\n"),
            ("components", head + "paths: {}\ncomponents: $V\n"),
            ("components.schemas", head + "paths: {}\ncomponents:\n  schemas: $V\n"),
            ("properties", head + "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties: $V\n"),
        ]
        for spelling in ["null", "~", ""] {
            for (field, template) in documents {
                let text = template.replacingOccurrences(of: spelling.isEmpty ? " $V" : "$V", with: spelling)
                do {
                    let output = try Generator().generate(bytes: Array(text.utf8), file: "nulls.yaml")
                    let warnings = output.diagnostics.filter { $0.message.hasPrefix("\(field) is null") }
                    XCTAssertEqual(warnings.count, 1, "\(field) as '\(spelling)': \(output.diagnostics.map(\.description))")
                    XCTAssertEqual(warnings.first?.location?.line, text.split(separator: "\n").count, "\(field): located at the field")
                } catch {
                    XCTFail("\(field) as '\(spelling)' failed: \(error.diagnostics.map(\.description))")
                }
            }
        }
    }
}
