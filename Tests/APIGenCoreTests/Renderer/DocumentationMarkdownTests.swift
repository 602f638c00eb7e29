import XCTest
@testable import APIGenCore

/// The IR's documentation is data; the Swift renderer words it as the Markdown of a doc comment.
final class DocumentationMarkdownTests: XCTestCase {
    func testFactsAreListItemsAfterTheText() {
        var constraints = Constraints()
        constraints.minimum = 1
        constraints.maxLength = 32
        let docs = Documentation([.text(["A name.", "", "More."]), .deprecated, .defaultValue(.string("a`b")), .constraints(constraints)])
        XCTAssertEqual(docs.lines, ["A name.", "", "More.", "", "- Deprecated", "", "- Default: `\"a'b\"`", "- Minimum: 1", "- Maximum length: 32"])
        XCTAssertEqual(docs.summary, ["A name."])
        XCTAssertEqual(docs.firstLine, .text(["A name."]))
    }

    /// A code span cannot show an empty text or spaces at its ends: such a default is quoted.
    func testDefaultsACodeSpanWouldLoseAreQuoted() {
        XCTAssertEqual(Documentation([.defaultValue(.string(""))]).lines, ["- Default: `\"\"`"])
        XCTAssertEqual(Documentation([.defaultValue(.string(" a"))]).lines, ["- Default: `\" a\"`"])
        XCTAssertEqual(Documentation([.defaultValue(.string("a b"))]).lines, ["- Default: `a b`"])
        XCTAssertEqual(Documentation([.defaultValue(.int(0))]).lines, ["- Default: `0`"])
    }

    func testARouteIsCodeAndEmptyBlocksAreDropped() {
        let docs = Documentation([.text([]), .constraints(Constraints()), .route(method: "GET", path: "/things/{id}")])
        XCTAssertEqual(docs.blocks, [.route(method: "GET", path: "/things/{id}")])
        XCTAssertEqual(docs.lines, ["`GET /things/{id}`"])
        XCTAssertEqual(docs.summary, ["`GET /things/{id}`"], "an operation without text is summed up by its route")
        XCTAssertEqual(Documentation([.deprecated]).firstLine.lines, ["- Deprecated"])
        XCTAssertTrue(Documentation([.text([])]).isEmpty)
    }

    func testTheTranslatorKeepsFactsOutOfTheText() throws {
        let (module, _) = try Pipeline.module("""
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths:
          /a:
            get:
              summary: Lists.
              deprecated: true
              responses: {'204': {description: ok}}
        components:
          schemas:
            S:
              type: object
              description: An S.
              deprecated: true
              properties:
                n: {type: integer, minimum: 2, default: 3, description: A count.}
        """)
        guard case .structure(let s)? = module.types.first else { return XCTFail("no struct") }
        XCTAssertEqual(s.docs.blocks, [.text(["An S."]), .deprecated])
        var minimum = Constraints()
        minimum.minimum = 2
        XCTAssertEqual(s.properties[0].docs.blocks, [.text(["A count."]), .defaultValue(.int(3)), .constraints(minimum)])
        XCTAssertEqual(module.operations[0].docs.blocks, [.text(["Lists."]), .route(method: "GET", path: "/a")])
    }
}
