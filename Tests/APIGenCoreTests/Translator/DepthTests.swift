import XCTest
@testable import APIGenCore

/// Chains of any length give the whole type or a located error, never a smaller type: no pass
/// over aliases, references or `allOf` stops at a fixed number of hops without a word.
final class DepthTests: XCTestCase {
    private func components(_ body: String, paths: String = "{}") -> String {
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: \(paths)\ncomponents:\n  schemas:\n\(body)"
    }

    private func generate(_ text: String) throws -> String {
        try Generator().generate(bytes: Array(text.utf8), file: "depth.yaml").files.map(\.contents).joined()
    }

    /// `A0` extends `A1` … extends `An`, each adding a required property.
    private func allOfChain(_ n: Int) -> String {
        var body = ""
        for i in 0..<n {
            body += "    A\(i):\n      allOf:\n        - {$ref: '#/components/schemas/A\(i + 1)'}\n"
            body += "        - {type: object, required: [p\(i)], properties: {p\(i): {type: string}}}\n"
        }
        body += "    A\(n): {type: object, required: [last], properties: {last: {type: string}}}\n"
        return components(body)
    }

    /// `A0: {$ref: A1}` … `An` of `type`, and a struct that holds `A0`.
    private func aliasChain(_ n: Int, to type: String) -> String {
        var body = (0..<n).map { "    A\($0): {$ref: '#/components/schemas/A\($0 + 1)'}\n" }.joined()
        body += "    A\(n): \(type)\n"
        return body
    }

    func testDeepAllOfKeepsEveryProperty() throws {
        for n in [31, 33, 40, 100] {
            let text = try generate(allOfChain(n))
            let a0 = try XCTUnwrap(text.range(of: "public struct A0:").map { text[$0.lowerBound...] })
            let body = a0[..<(a0.range(of: "\n}\n")?.lowerBound ?? a0.endIndex)]
            let properties = body.components(separatedBy: "\n    public var ").count - 1
            XCTAssertEqual(properties, n + 1, "A0 of a chain of \(n) has all its properties")
            XCTAssertTrue(body.contains("public var p\(n - 1): String\n"), "the deepest property is there and required")
        }
    }

    func testTooDeepAllOfIsALocatedError() throws {
        let errors = Pipeline.errors(allOfChain(TypeTranslator.maxAllOfDepth))
        XCTAssertFalse(errors.isEmpty)
        XCTAssertTrue(errors.allSatisfy { $0.message.contains("nest deeper than \(TypeTranslator.maxAllOfDepth) levels") && $0.location != nil }, "\(errors.prefix(3))")
    }

    /// `A0` holds an `A1` with a default, `A1` an `A2`…, listed first to last: a default that
    /// names a later component builds it only when it is an enum (whose cases the default needs),
    /// never a struct, whose defaults would build the next in turn, as deep as the chain goes.
    func testDefaultsThatNameLaterStructsDoNotRecurse() throws {
        let n = 20_000
        var body = ""
        for i in 0..<n {
            body += "    A\(i):\n      type: object\n      required: [n]\n      properties:\n"
            body += "        n: {allOf: [{$ref: '#/components/schemas/A\(i + 1)'}], default: {}}\n"
        }
        body += "    A\(n): {type: string, enum: [a, b]}\n"
        let (module, diagnostics) = try Pipeline.module(components(body))
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(module.types.count, n + 1)
    }

    func testDeepAliasChainsKeepTheirType() throws {
        // 60,000: `kind(of:)` followed the chain by recursion and overflowed the stack.
        for n in [33, 41, 500, 60_000] {
            let path = "\n  /x/{id}:\n    get:\n      operationId: getX\n      parameters: [{name: id, in: path, required: true, schema: {$ref: '#/components/schemas/A0'}}]\n      responses: {'204': {description: ok}}"
            let (module, diagnostics) = try Pipeline.module(components(aliasChain(n, to: "{type: integer, minimum: 1}"), paths: path))
            XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [])
            let parameter = try XCTUnwrap(module.operations.first?.parameters.first)
            XCTAssertEqual(TypeIndex(module).resolved(parameter.type), .builtin(.int), "a path parameter through \(n) aliases is an Int")
        }
    }

    func testRecursionThroughDeepAliasesIsBoxed() throws {
        for n in [33, 40, 300] {
            let body = aliasChain(n, to: "{$ref: '#/components/schemas/Node'}")
                + "    Node:\n      type: object\n      required: [next]\n      properties:\n        next: {$ref: '#/components/schemas/A0'}\n"
            let text = try generate(components(body))
            XCTAssertTrue(text.contains("private var _next: Box<"), "a struct that holds itself through \(n) aliases is boxed")
        }
    }
}
