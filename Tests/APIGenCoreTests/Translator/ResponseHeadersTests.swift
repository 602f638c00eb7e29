import XCTest
@testable import APIGenCore

/// The declared 2xx headers become one typed member each, by name in any case, whatever the
/// number of operations that declare them.
final class ResponseHeadersTests: XCTestCase {
    private let document = """
    openapi: 3.0.3
    info: {title: H, version: '1'}
    paths:
      /a:
        get:
          operationId: getA
          responses:
            '200':
              description: ok
              headers:
                X-Count: {schema: {type: integer}}
                X-Mixed: {schema: {type: integer}}
                Content-Type: {schema: {type: string}}
                X-When: {description: When it expires., schema: {type: string, format: date-time}}
            '429':
              description: slow down
              headers:
                Retry-After: {schema: {type: integer}}
      /b:
        get:
          operationId: getB
          responses:
            '200':
              description: ok
              headers:
                x-count: {description: Declared again in another case., schema: {type: integer}}
                X-Mixed: {schema: {type: boolean}}
                X-Only-B: {schema: {type: string, format: uri}}
    """

    func testEachHeaderOnceWithItsTypeAndTextWhenDeclarationsDisagree() throws {
        let (module, _) = try Pipeline.module(document)
        let headers = Dictionary(uniqueKeysWithValues: module.responseHeaders.map { ($0.wireName, $0) })
        XCTAssertEqual(module.responseHeaders.map(\.wireName), ["X-Count", "X-Mixed", "X-When", "X-Only-B"],
                       "no Content-Type (the specification ignores it), no error-answer header, x-count is X-Count")
        XCTAssertEqual(headers["X-Count"]?.type, .int)
        XCTAssertEqual(headers["X-Count"]?.docs, ["Declared again in another case."], "the first description found")
        XCTAssertEqual(headers["X-Mixed"]?.type, .string, "integer in one operation, boolean in another: text")
        XCTAssertEqual(headers["X-When"]?.type, .date)
        XCTAssertEqual(headers["X-Only-B"]?.type, .builtin(.url))
    }

    func testOnlyTheKeptOperationsHeaders() throws {
        var configuration = Configuration()
        configuration.operations.include = .init(operationIDs: ["getA"])
        let (module, _) = try Pipeline.module(document, configuration: configuration)
        XCTAssertEqual(module.responseHeaders.map(\.wireName), ["X-Count", "X-Mixed", "X-When"])
        XCTAssertEqual(module.responseHeaders[1].type, .int)
    }

    func testADocumentWithoutHeadersHasNoHeadersType() throws {
        let (module, _) = try Pipeline.module(document.replacingOccurrences(of: "headers:", with: "x-headers:"))
        XCTAssertEqual(module.responseHeaders, [])
        let output = try Generator().generate(bytes: Array(document.replacingOccurrences(of: "headers:", with: "x-headers:").utf8), file: "h.yaml")
        XCTAssertFalse(output.files.map(\.contents).joined().contains("struct ResponseHeaders"))
    }
}
