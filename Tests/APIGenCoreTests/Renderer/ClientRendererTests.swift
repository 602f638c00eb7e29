import XCTest
@testable import APIGenCore

final class ClientRendererTests: XCTestCase {
    func testPathTemplatesBecomeEscapedLiteralsAndEncodedArguments() throws {
        let text = """
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths:
          '/a"b\\c/{id}/c{x{y}/é/{unclosed':
            get:
              operationId: odd
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: y, in: path, required: true, schema: {type: string}}
              responses: {"204": {description: ok}}
          /plain/{id}:
            get:
              operationId: plain
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {"204": {description: ok}}
        """
        let output = try Generator().generate(bytes: Array(text.utf8), file: "t.yaml")
        let client = try XCTUnwrap(output.files.first { $0.name == "APIGen.swift" }).contents
        // Literal text is percent-encoded as a URL carries it (`PathText`).
        XCTAssertTrue(client.contains(#"= try APIRequest(method: "GET", path: "/a%22b%5Cc/\(PercentEncoding.segment(id, name: "id"))/c\(PercentEncoding.segment(y, name: "y"))/%C3%A9/", security"#), client)
        XCTAssertTrue(client.contains(#"path: "/plain/\(PercentEncoding.segment(id, name: "id"))", security"#), client)
    }

    /// An API key in a cookie is sent in the `Cookie` header under its name, as the document
    /// says (not as a header of that name, nor dropped).
    func testCookieAPIKeysBecomeCookieCredentials() throws {
        let text = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        security: [{session: []}]
        paths:
          /a:
            get:
              operationId: getA
              responses: {"204": {description: ok}}
        components:
          securitySchemes:
            session: {type: apiKey, in: cookie, name: sid}
        """
        let output = try Generator().generate(bytes: Array(text.utf8), file: "t.yaml")
        let client = try XCTUnwrap(output.files.first).contents
        XCTAssertTrue(client.contains(#"Credential(scheme: "session", placement: .cookie("sid"), secret: session)"#), client)
        XCTAssertTrue(client.contains("Sent in the `sid` cookie."), client)
        XCTAssertEqual(output.diagnostics.map(\.description), [])
    }

    /// A name that is a keyword is backticked where Swift declares or calls it, and written
    /// bare where it is text: a union's alternative in `UnionMatch`'s messages, and code spans
    /// in doc comments (a backtick inside one would end the span).
    func testKeywordNamesAreBareInTextAndEscapedInCode() throws {
        let text = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /items:
            get:
              operationId: default
              parameters:
                - {name: page, in: query, schema: {type: integer}}
                - {name: per_page, in: query, schema: {type: integer}}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Either'}}}}}
                "404": {description: no, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
        components:
          schemas:
            Problem: {type: object, properties: {message: {type: string}}}
            Default: {type: object, properties: {a: {type: string}}, required: [a]}
            Class: {type: object, properties: {b: {type: integer}}, required: [b]}
            Either: {oneOf: [{$ref: '#/components/schemas/Default'}, {$ref: '#/components/schemas/Class'}]}
        """
        let output = try Generator().generate(bytes: Array(text.utf8), file: "t.yaml")
        let client = try XCTUnwrap(output.files.first).contents
        for expected in [
            #"("default", [:], { decoder in .`default`(try Default(from: decoder)) }),"#,
            #"("class", [:], { decoder in .`class`(try Class(from: decoder)) }),"#,
            "public func `default`(page: Int? = nil, perPage: Int? = nil)",
            "/// Every page of `default`, fetched lazily",
            "/// `default`'s error body, for 404.",
            "public static var `default`: Self",
        ] {
            XCTAssertTrue(client.contains(expected), expected)
        }
        XCTAssertFalse(client.contains("\"`default`\""), client)
    }
}
