import XCTest
@testable import APIGenCore

/// A document written to attack whoever generates from it: names that would inject headers, and
/// characters that make generated source read otherwise than it compiles.
final class HostileDocumentTests: XCTestCase {
    private func document(parameters: String = "", schemes: String = "", properties: String = "ok: {type: string}", description: String = "d") -> String {
        """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /x/{id}:
            get:
              operationId: getX
              description: "\(description)"
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
        \(parameters)
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/T'}}}}}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
        \(schemes)
          schemas:
            T:
              type: object
              properties:
                \(properties)
        """
    }

    /// A 3.2 `additionalOperations` method goes on the request line as written: one that is not
    /// an RFC 9110 token (a space, CR/LF, a colon) would rewrite the request, and is refused.
    func testAdditionalOperationMethodsMustBeTokens() throws {
        for bad in ["GET /admin HTTP/1.1\\r\\nX: y", "CO PY", "COPY\\n", "", "PURGE:", "Ä"] {
            let errors = Pipeline.errors("""
            openapi: 3.2.0
            info: {title: T, version: '1'}
            paths:
              /a:
                additionalOperations:
                  "\(bad)": {responses: {'204': {description: ok}}}
            """)
            XCTAssertEqual(errors.count, 1, "\(bad): \(errors)")
            XCTAssertTrue(errors.first?.message.hasPrefix("additionalOperations method") ?? false, "\(errors)")
            XCTAssertEqual(errors.first?.location?.line, 6)
            XCTAssertFalse(errors.first?.description.contains("\r") ?? true, "the name is shown escaped")
        }
        let (module, _) = try Pipeline.module("""
        openapi: 3.2.0
        info: {title: T, version: '1'}
        paths:
          /a:
            additionalOperations:
              PURGE: {operationId: purge, responses: {'204': {description: ok}}}
        """)
        XCTAssertEqual(module.operations.map(\.method.wireName), ["PURGE"])
    }

    /// A header or cookie name from the document that is not an RFC 9110 token is refused where
    /// it is written: in a parameter or an API key, whatever the character.
    func testHeaderAndCookieNamesMustBeTokens() throws {
        for bad in ["X-A\\r\\nHost: evil", "X-A\\nB", "X A", "X-A:", "", "X\\u0000A", "Ä"] {
            for location in ["header", "cookie"] {
                let errors = Pipeline.errors(document(parameters: "        - {name: \"\(bad)\", in: \(location), schema: {type: string}}"))
                XCTAssertEqual(errors.count, 1, "\(bad) in \(location): \(errors)")
                XCTAssertTrue(errors.first?.message.hasPrefix("\(location) parameter name") ?? false, "\(errors)")
                XCTAssertEqual(errors.first?.location?.line, 10)
                XCTAssertFalse(errors.first?.description.contains("\r") ?? true, "the name is shown escaped")
                let schemeErrors = Pipeline.errors(document(schemes: "    key: {type: apiKey, in: \(location), name: \"\(bad)\"}"))
                XCTAssertEqual(schemeErrors.map(\.message).first?.hasPrefix("apiKey name"), true, "\(bad): \(schemeErrors)")
            }
        }
        // Query names are percent-encoded when sent: any text is allowed there.
        let (_, diagnostics) = try Pipeline.module(document(parameters: "        - {name: \"a b&c\", in: query, schema: {type: string}}"))
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.count, 0)
    }

    /// Bidi controls and invisible characters in descriptions, wire names, enum values and
    /// defaults are escaped in the generated source, and dropped from names.
    func testGeneratedSourceHoldsNoHiddenCharacter() throws {
        let hidden = ["\\u202E", "\\u2066", "\\u200B", "\\u200D", "\\uFEFF", "\\u061C", "\\u00AD", "\\U000E0041", "\\u2069", "\\u200E"]
        for character in hidden {
            let text = document(
                properties: """
                "a\(character)b": {type: string, description: "before \(character) after", default: "x\(character)y", enum: ["x\(character)y", "z"]}
                """,
                description: "op \(character) doc")
            let output = try Generator().generate(bytes: Array(text.utf8), file: "t.yaml")
            let source = output.files.map(\.contents).joined()
            let scalars = source.unicodeScalars.filter { HiddenCharacters.isHidden($0.value) }
            XCTAssertEqual(scalars.count, 0, "\(character) reached the source raw")
            XCTAssertTrue(source.contains("public var ab: T.Ab?"), "the name drops it (\(character))")
            XCTAssertTrue(source.lowercased().contains("\\u{\(character.dropFirst(2).drop { $0 == "0" }.lowercased())}"), "escaped where it is text (\(character))")
        }
    }

    /// Names that read alike in one scope get a located warning; names are composed (NFC).
    func testLookalikeNamesAreWarnedAbout() throws {
        let text = document(properties: """
            ab: {type: string}
                    "\\u0430b": {type: string}
                    state: {type: string, enum: [open, "\\u043Epen"]}
            """)
        let (module, diagnostics) = try Pipeline.module(text)
        XCTAssertNotNil(module)
        let warnings = diagnostics.filter { $0.message.contains("reads like") }
        XCTAssertEqual(warnings.count, 2, "\(diagnostics)")
        XCTAssertTrue(warnings.allSatisfy { $0.location != nil })
        let composed = document(properties: "\"e\\u0301t\\u00E9\": {type: string}")
        let output = try Generator().generate(bytes: Array(composed.utf8), file: "t.yaml")
        let source = output.files.map(\.contents).joined()
        // In bytes: String comparison would see the decomposed form as equal.
        XCTAssertNotNil(source.utf8.firstRange(of: Array("public var \u{E9}t\u{E9}: String?".utf8)), source)
        let declaration = try XCTUnwrap(source.split(separator: "\n").first { $0.contains("public var") && $0.contains("t\u{E9}") })
        XCTAssertFalse(declaration.utf8.contains(0xCC), "no combining accent (U+0300…U+033F) is left in the name")
        XCTAssertNil(Lookalikes.skeleton("ab"))
        XCTAssertEqual(Lookalikes.skeleton("\u{430}b"), "ab")
    }

    /// A pattern the client cannot check as ECMA-262 means it gets a located warning that says
    /// so; one written with `/…/` delimiters is checked without them.
    func testPatternsTheClientCannotCheckAreWarnedAbout() throws {
        let cases: [(pattern: String, warning: String?, generated: String)] = [
            ("(x+x+)+y", nil, "(x+x+)+y"),
            ("[^]", nil, "[^]"),
            ("(", "is not a valid ECMA-262 regular expression: missing ')'; it is documented but not checked", "("),
            ("(a)\\1", "is a backreference '\\1', which cannot be checked in linear time; it is documented but not checked", "(a)\\1"),
            ("/^[a-z]+$/i", "is written with /…/ delimiters, which JSON Schema patterns do not have; it is checked as \"^[a-z]+$\"", "^[a-z]+$"),
        ]
        for (pattern, warning, generated) in cases {
            let text = document(properties: "code: {type: string, pattern: '\(pattern)'}")
            let output = try Generator().generate(bytes: Array(text.utf8), file: "t.yaml")
            let warnings = output.diagnostics.filter { $0.message.hasPrefix("pattern") }
            XCTAssertEqual(warnings.map(\.message).first.map { String($0.drop { $0 != " " }.dropFirst().drop { $0 != " " }.dropFirst()) }, warning, pattern)
            XCTAssertTrue(warnings.allSatisfy { $0.location?.line == 20 }, "\(warnings)")
            XCTAssertTrue(output.files[0].contents.contains("pattern: \(SwiftSpelling.string(generated)))"), "\(pattern) is checked as \(generated)")
        }
    }
}
