import XCTest
@testable import APIGenCore

/// A media type from a document is written into a `Content-Type` or `Accept` header, or a
/// multipart part's: one that is not `type/subtype` of tokens, or holds a line break, is a
/// located warning and is never written, in any position.
final class MediaTypeKeysTests: XCTestCase {
    func testAMediaTypeThatCouldAddAHeaderIsIgnoredWithAWarning() throws {
        let document = #"""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              operationId: post
              requestBody:
                content:
                  "text/plain\r\nX-Evil: 1": {schema: {type: string}}
                  "application/json": {schema: {type: object, properties: {a: {type: string}}}}
              responses:
                '200':
                  description: ok
                  content:
                    "text/csv\nX-Evil: 2": {schema: {type: string}}
                    "text/plain": {schema: {type: string}}
          /b:
            post:
              operationId: upload
              requestBody:
                content:
                  multipart/form-data:
                    schema: {type: object, properties: {note: {type: string}}}
                    encoding:
                      note: {contentType: "text/plain, text/html\rX-Evil: 3"}
              responses:
                '204': {description: ok}
        """#
        let configuration = try Configuration.parse(bytes: Array("outputs: [client, protocol, mock, server]\n".utf8), file: "apigen.yaml")
        let output = try Generator(configuration: configuration).generate(bytes: Array(document.utf8), file: "t.yaml")
        let warnings = output.diagnostics.map(\.message)
        XCTAssertEqual(warnings.filter { $0.contains("is not a media type") }.count, 2, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.hasPrefix(#"content type "text/plain\r\nX-Evil: 1" is not a media type"#) }, "shown escaped: \(warnings)")
        XCTAssertTrue(warnings.contains { $0.hasPrefix("encoding contentType") }, "\(warnings)")
        let code = output.files.map(\.contents).joined()
        XCTAssertFalse(code.contains("X-Evil"), "no position writes it")
        XCTAssertTrue(code.contains(#"setJSONBody(body, contentType: "application/json")"#))
        XCTAssertTrue(code.contains(#"accept: "text/plain""#))
    }

    func testMediaTypeNames() {
        for valid in ["application/json", "image/*", "*/*", "text/plain; charset=utf-8", "application/vnd.api+json"] {
            XCTAssertTrue(MediaTypeName.isValid(valid), valid)
        }
        for invalid in ["text/plain\r\nX: y", "text /plain", "text/", "/json", "json", "a/b/c", "text/plain; x=\"a\nb\"", "ü/x"] {
            XCTAssertFalse(MediaTypeName.isValid(invalid), invalid.debugDescription)
        }
    }
}
