import XCTest
@testable import APIGenCore

final class TypeTranslatorStructsTests: XCTestCase {
    /// A schema written inside a component is that component's nested type, and a struct that
    /// merges it in (`allOf` of a `$ref`, through a chain, or of a pointer into the component)
    /// shares it, in whatever order the document lists them. Before, the first struct built
    /// owned it: `Base.status` was typed `Further.Status` when `Further` came first.
    func testMergedPropertiesUseTheTypesOfTheComponentThatWritesThemInEveryOrder() throws {
        let components = [
            "Base": "{type: object, properties: {status: {type: string, enum: [on, off]}, data: {type: object, properties: {a: {type: string}}}}}",
            "Extended": "{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {data: {type: object, properties: {b: {type: string}}}}}]}",
            "Further": "{allOf: [{$ref: '#/components/schemas/Extended'}, {type: object, properties: {c: {type: string}}}]}",
            "Holder": "{type: object, properties: {inner: {type: object, properties: {kind: {type: string, enum: [x, y]}}}}}",
            "Wrapper": "{allOf: [{$ref: '#/components/schemas/Holder/properties/inner'}, {type: object, properties: {d: {type: string}}}]}",
        ]
        let expected: [String: [String: TypeUsage]] = [
            "Base": ["status": .named(["Base", "Status"]).optional, "data": .named(["Base", "DataValue"]).optional],
            // `data` is declared again by `Extended`: the merge of both parts is its own type.
            "Extended": ["status": .named(["Base", "Status"]).optional, "data": .named(["Extended", "DataValue"]).optional],
            "Further": ["status": .named(["Base", "Status"]).optional, "data": .named(["Extended", "DataValue"]).optional, "c": .string.optional],
            "Holder": ["inner": .named(["Holder", "Inner"]).optional],
            "Wrapper": ["kind": .named(["Holder", "Inner", "Kind"]).optional, "d": .string.optional],
        ]
        for order in permutations(components.keys.sorted()) {
            let (module, diagnostics) = try Pipeline.module(document(schemas: order.map { "    \($0): \(components[$0]!)" }))
            XCTAssertEqual(diagnostics.map(\.description), [], "\(order)")
            var found: [String: [String: TypeUsage]] = [:]
            for case .structure(let decl) in module.types {
                found[decl.name] = Dictionary(uniqueKeysWithValues: decl.properties.map { ($0.name.name, $0.type) })
            }
            XCTAssertEqual(found, expected, "components in the order \(order)")
        }
    }

    /// A required property's `default` is its default whether the type it names comes before or
    /// after the struct in the document: an enum component, an alias of one through a chain, an
    /// alias of a number or a string. One that does not fit is warned about either way. Before,
    /// an enum listed later had no cases yet, and an alias was no simple type: both defaults were
    /// dropped without a word.
    func testDefaultsOfEnumsAndAliasesHoldInEveryOrder() throws {
        let components = [
            "    Level: {type: string, enum: [low, high]}",
            "    LevelAlias: {$ref: '#/components/schemas/LevelAlias2'}",
            "    LevelAlias2: {$ref: '#/components/schemas/Level'}",
            "    Count: {type: integer}",
            """
                Thing:
                  type: object
                  required: [level, bad, aliased, count]
                  properties:
                    level: {allOf: [{$ref: '#/components/schemas/Level'}], default: high}
                    bad: {allOf: [{$ref: '#/components/schemas/Level'}], default: medium}
                    aliased: {allOf: [{$ref: '#/components/schemas/LevelAlias'}], default: low}
                    count: {allOf: [{$ref: '#/components/schemas/Count'}], default: 5}
            """,
        ]
        for order in [components, components.reversed()] {
            let (module, diagnostics) = try Pipeline.module(document(schemas: order))
            guard case .structure(let decl)? = module.types.first(where: { $0.name == "Thing" }) else { return XCTFail("no Thing") }
            let first = order.first!.prefix(12)
            XCTAssertEqual(decl.properties.map(\.defaultValue), [.enumCase("high"), nil, .enumCase("low"), .value(.int(5))], "\(first)")
            XCTAssertEqual(diagnostics.map(\.message).filter { $0.contains("default") },
                           ["default 'medium' of property 'bad' does not match its type; it is documented but not used"], "\(first)")
        }
        // A default through aliases that hold themselves ends: the cycle is the located error.
        let loop = document(schemas: [
            "    Thing: {type: object, required: [loop], properties: {loop: {allOf: [{$ref: '#/components/schemas/Loop'}], default: 1}}}",
            "    Loop: {$ref: '#/components/schemas/Loop2'}",
            "    Loop2: {$ref: '#/components/schemas/Loop'}",
        ])
        XCTAssertEqual(Pipeline.errors(loop).map(\.message), ["component 'Loop' is only a $ref to itself (Loop → Loop2 → Loop)"])
    }

    /// A document of these component schemas (each line indented under `schemas:`).
    private func document(schemas: [String]) -> String {
        """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
        \(schemas.joined(separator: "\n"))
        """
    }

    private func permutations(_ items: [String]) -> [[String]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i in
            var rest = items
            let first = rest.remove(at: i)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
