import XCTest
import APIGenYAML
@testable import APIGenCore

/// `paging:` names what detection cannot find, turns a pager off, and says at the rule when it
/// cannot be followed.
final class PagingRuleTests: XCTestCase {
    private let document = """
    openapi: 3.0.3
    info: {title: T, version: '1'}
    paths:
      /runs:
        get:
          operationId: listRuns
          parameters:
            - {name: start, in: query, schema: {type: integer}}
            - {name: after_id, in: query, schema: {type: string}}
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      runs: {type: array, items: {type: string}}
                      other: {type: array, items: {type: integer}}
                      summary: {type: object, properties: {count_all: {type: integer}, last: {type: string}}}
      /audit:
        get:
          operationId: listAudit
          parameters: [{name: page, in: query, schema: {type: integer}}]
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: {type: object, properties: {data: {type: array, items: {type: string}}}}
    """

    private func generate(_ config: String) throws -> (module: ModuleDecl, warnings: [String]) {
        let configuration = try Configuration.parse(try YAMLParser().parse(Array(config.utf8), file: "apigen.yaml"), file: "apigen.yaml")
        let (module, diagnostics) = try Pipeline.module(document, file: "api.yaml", configuration: configuration)
        return (module, diagnostics.map(\.description))
    }

    private func pagination(_ module: ModuleDecl, _ name: String) -> OperationDecl.Pagination? {
        module.operations.first { $0.name.name == name }?.pagination
    }

    func testWithoutRulesNamesDecide() throws {
        let (module, _) = try generate("{}")
        XCTAssertNil(pagination(module, "listRuns"), "two arrays, no page, offset or cursor name")
        XCTAssertEqual(pagination(module, "listAudit")?.style, .page)
    }

    func testRulesNameTheFieldsAndTurnPagersOff() throws {
        let (module, warnings) = try generate("""
        paging:
          listRuns: {style: offset, parameter: start, items: runs, total: summary.count_all}
          "GET /audit": none
        """)
        XCTAssertEqual(warnings, [])
        let runs = try XCTUnwrap(pagination(module, "listRuns"))
        XCTAssertEqual(runs.style, .offset)
        XCTAssertEqual(runs.position, .parameter("start"))
        XCTAssertEqual(runs.items, [.init(property: "runs", isOptional: true)])
        XCTAssertEqual(runs.item, .string)
        XCTAssertEqual(runs.totalCount, [.init(property: "summary", isOptional: true), .init(property: "countAll", isOptional: true)])
        XCTAssertNil(pagination(module, "listAudit"))

        let cursor = try XCTUnwrap(pagination(try generate("paging: {listRuns: {style: cursor, parameter: after_id, items: other, next: summary.last}}").module, "listRuns"))
        XCTAssertEqual(cursor.style, .cursor)
        XCTAssertEqual(cursor.position, .parameter("afterID"))
        XCTAssertEqual(cursor.item, .int)
        XCTAssertEqual(cursor.next, [.init(property: "summary", isOptional: true), .init(property: "last", isOptional: true)])
    }

    /// A rule that cannot be followed is a warning at its key, and the operation gets no pager;
    /// a rule for no operation is a warning too.
    func testRulesThatCannotBeFollowedAreWarnedAbout() throws {
        let (module, warnings) = try generate("""
        paging:
          listRuns: {style: offset, parameter: after_id, items: runs}
          listAudit: {style: cursor}
          ghost: none
        """)
        XCTAssertNil(pagination(module, "listRuns"))
        XCTAssertNil(pagination(module, "listAudit"))
        XCTAssertEqual(warnings, [
            "apigen.yaml:2:3: warning: this paging rule is not used: parameter 'after_id' is no number in the query or a required body (name it with parameter:); the operation gets no pager",
            "apigen.yaml:3:3: warning: this paging rule is not used: no parameter is a text that may be left out in the query or a required body (name it with parameter:); the operation gets no pager",
            "apigen.yaml:4:3: warning: paging rule 'ghost' matches no operation of the document",
        ])
        let items = try generate("paging: {listRuns: {style: offset, parameter: start, items: summary.count_all}}").warnings
        XCTAssertEqual(items, ["apigen.yaml:1:10: warning: this paging rule is not used: items 'summary.count_all' is no array in the response; the operation gets no pager"])
    }

    /// A pager whose name another operation has is numbered, with a warning at the operation.
    func testAPagerNamedLikeAnotherOperationIsNumbered() throws {
        let document = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /items:
            get:
              operationId: list
              parameters: [{name: page, in: query, schema: {type: integer}}]
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {type: object, properties: {data: {type: array, items: {type: string}}}}}}
          /pages:
            get:
              operationId: listPages
              responses: {'204': {description: none}}
        """
        let output = try Generator().generate(bytes: Array(document.utf8), file: "api.yaml")
        let code = output.files[0].contents
        XCTAssertTrue(code.contains("public func listPages2("), code)
        XCTAssertTrue(code.contains("public func listPages() async throws"))
        XCTAssertEqual(output.diagnostics.map(\.description), ["api.yaml:6:7: warning: the pages of 'list' are generated as 'listPages2' because 'listPages' is taken"])
    }

    func testMalformedRulesAreErrorsAtTheirLocation() {
        func errors(_ text: String) -> [String] {
            do {
                _ = try Configuration.parse(try YAMLParser().parse(Array(text.utf8), file: "apigen.yaml"), file: "apigen.yaml")
                return []
            } catch let error as GenerationError {
                return error.diagnostics.map(\.description)
            } catch {
                return ["\(error)"]
            }
        }
        XCTAssertEqual(errors("paging: {a: {style: pages}}\n"), ["apigen.yaml:1:21: error: style must be page, offset, cursor or link, found 'pages'"])
        XCTAssertEqual(errors("paging: {a: {items: data}}\n"), ["apigen.yaml:1:10: error: paging.a needs a style: page, offset, cursor or link (or is 'none')"])
        XCTAssertEqual(errors("paging: {a: {style: link, parameter: p}}\n"), ["apigen.yaml:1:10: error: a link names the next page itself: paging.a takes no parameter"])
        XCTAssertEqual(errors("paging: {a: {style: page, size: 3}}\n"), ["apigen.yaml:1:27: error: unknown key 'size' (known keys: style, parameter, items, total, next)"])
        XCTAssertEqual(errors("paging: {a: off}\n"), ["apigen.yaml:1:13: error: paging.a must be 'none' or a rule ({style: page, …}), found 'off'"])
    }
}
