import XCTest
@testable import APIGenCore

final class AliasCyclesTests: XCTestCase {
    func testFindsEveryCycleAndNothingElse() {
        // a → b → c → a is a cycle; d → a leads into it; e → f ends; g → g is a cycle of one.
        let next: [String: String] = ["a": "b", "b": "c", "c": "a", "d": "a", "e": "f", "g": "g"]
        let cycles = AliasCycles(["d", "a", "b", "c", "e", "f", "g"], next: { next[$0] })
        XCTAssertEqual(cycles.cycle(containing: "b"), ["a", "b", "c"])
        XCTAssertEqual(cycles.cycle(containing: "c"), ["a", "b", "c"])
        XCTAssertNil(cycles.cycle(containing: "d"), "a chain into a cycle is not on it")
        XCTAssertNil(cycles.cycle(containing: "e"))
        XCTAssertEqual(cycles.cycle(containing: "g"), ["g"])
    }

    func testALongChainIsOneWalk() {
        let n = 200_000
        var steps = 0
        let cycles = AliasCycles((0..<n).map(String.init), next: { name in
            steps += 1
            let i = Int(name)!
            return i + 1 < n ? String(i + 1) : "0"
        })
        XCTAssertEqual(cycles.cycle(containing: "12345")?.count, n)
        XCTAssertEqual(steps, n, "each alias is followed once")
    }

    /// Through the pipeline: the translator writes the aliases as the document does, and the
    /// refiner breaks each cycle, with one diagnostic at its first component in the document's names.
    func testCyclesOfComponentsBecomeJSONValue() throws {
        let (module, diagnostics) = try Pipeline.module("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            tree_list: {type: array, items: {$ref: '#/components/schemas/forest'}}
            forest: {oneOf: [{$ref: '#/components/schemas/tree_list'}, {type: 'null'}]}
            Leaf: {$ref: '#/components/schemas/Name'}
            Name: {type: string}
        """)
        let aliases = Dictionary(uniqueKeysWithValues: module.types.compactMap { decl -> (String, TypeUsage)? in
            if case .alias(let alias) = decl { return (alias.name, alias.target) } else { return nil }
        })
        XCTAssertEqual(aliases["TreeList"], .jsonValue)
        XCTAssertEqual(aliases["Forest"], .jsonValue)
        XCTAssertEqual(aliases["Leaf"], .named(["Name"]), "a chain that ends is kept")
        XCTAssertEqual(diagnostics.map(\.message), ["component 'tree_list' holds itself only through arrays or maps (tree_list → forest → tree_list); it is generated as free-form JSONValue"])
        XCTAssertEqual(diagnostics.first?.location?.line, 6)

        let errors = Pipeline.errors("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            A: {allOf: [{$ref: '#/components/schemas/A'}]}
        """)
        XCTAssertEqual(errors.map(\.message), ["component 'A' is only a $ref to itself (A → A)"])
    }
}
