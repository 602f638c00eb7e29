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
            let text = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
            \(order.map { "    \($0): \(components[$0]!)" }.joined(separator: "\n"))
            """
            let (module, diagnostics) = try Pipeline.module(text)
            XCTAssertEqual(diagnostics.map(\.description), [], "\(order)")
            var found: [String: [String: TypeUsage]] = [:]
            for case .structure(let decl) in module.types {
                found[decl.name] = Dictionary(uniqueKeysWithValues: decl.properties.map { ($0.name.name, $0.type) })
            }
            XCTAssertEqual(found, expected, "components in the order \(order)")
        }
    }

    /// A required property's `default` that names a case of an enum component is its default
    /// whether the enum comes before or after the struct in the document; one that is no case
    /// is warned about either way. Before, an enum listed later had no cases yet: the default was
    /// dropped without a word.
    func testDefaultsOfEnumComponentsHoldInEveryOrder() throws {
        let level = "    Level: {type: string, enum: [low, high]}"
        let thing = """
            Thing:
              type: object
              required: [level, bad]
              properties:
                level: {allOf: [{$ref: '#/components/schemas/Level'}], default: high}
                bad: {allOf: [{$ref: '#/components/schemas/Level'}], default: medium}
        """
        for order in [[level, thing], [thing, level]] {
            let text = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
            \(order.joined(separator: "\n"))
            """
            let (module, diagnostics) = try Pipeline.module(text)
            guard case .structure(let decl)? = module.types.first(where: { $0.name == "Thing" }) else { return XCTFail("no Thing") }
            XCTAssertEqual(decl.properties.map(\.defaultValue), [.enumCase("high"), nil], "\(order.map { $0.prefix(9) })")
            XCTAssertEqual(diagnostics.map(\.message), ["default 'medium' of property 'bad' does not match its type; it is documented but not used"], "\(order.map { $0.prefix(9) })")
        }
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
