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
            let (module, diagnostics) = try Pipeline.module(schemasDocument(order.map { "    \($0): \(components[$0]!)" }))
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
            let (module, diagnostics) = try Pipeline.module(schemasDocument(order))
            guard case .structure(let decl)? = module.types.first(where: { $0.name == "Thing" }) else { return XCTFail("no Thing") }
            let first = order.first!.prefix(12)
            XCTAssertEqual(decl.properties.map(\.defaultValue), [.enumCase("high"), nil, .enumCase("low"), .value(.int(5))], "\(first)")
            XCTAssertEqual(diagnostics.map(\.message).filter { $0.contains("default") },
                           ["default 'medium' of property 'bad' does not match its type; it is documented but not used"], "\(first)")
        }
        // A default through aliases that hold themselves ends: the cycle is the located error.
        let loop = schemasDocument([
            "    Thing: {type: object, required: [loop], properties: {loop: {allOf: [{$ref: '#/components/schemas/Loop'}], default: 1}}}",
            "    Loop: {$ref: '#/components/schemas/Loop2'}",
            "    Loop2: {$ref: '#/components/schemas/Loop'}",
        ])
        XCTAssertEqual(Pipeline.errors(loop).map(\.message), ["component 'Loop' is only a $ref to itself (Loop → Loop2 → Loop)"])
    }


    func testAllOfMergesPartsDiamondsAndRepeatedProperties() throws {
        let (module, diagnostics) = try Pipeline.module(document(components: """

          schemas:
            Base:
              type: object
              required: [id]
              properties:
                id: {type: integer}
            Left: {allOf: [{$ref: '#/components/schemas/Base'}, {properties: {left: {type: string}}}]}
            Right: {allOf: [{$ref: '#/components/schemas/Base'}, {properties: {right: {type: string}}}]}
            Both:
              allOf:
                - $ref: '#/components/schemas/Left'
                - $ref: '#/components/schemas/Right'
                - type: object
                  required: [data]
                  properties:
                    data: {$ref: '#/components/schemas/Base'}
                - type: object
                  properties:
                    data:
                      type: object
                      properties:
                        note: {type: string}
        """))
        XCTAssertEqual(diagnostics, [], "a diamond is not a cycle")
        let both = try XCTUnwrap(structDecl(module, "Both"))
        XCTAssertEqual(both.properties.map(\.name), ["id", "left", "right", "data"])
        XCTAssertEqual(both.properties[0].type, .int, "required through Base")
        let data = try XCTUnwrap(structDecl(module, "Both.DataValue"))
        XCTAssertEqual(data.properties.map(\.name), ["id", "note"], "data merges the ref and the inline part")
    }

    /// The class behind a real bug: a property declared in a shared base and again in each
    /// extension merges into a schema of its own per extension. Keyed by the base part alone, the
    /// first extension's type was reused by every other one (RealtimeKit's `AddParticipant.data`
    /// was typed as `GetMeeting.DataValue`). Components and responses, in shuffled orders.
    func testPropertyRedeclaredOverASharedBaseGetsItsOwnTypeInEveryExtension() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4 {
            let names = (0..<6).map { "Ext\($0)" }.shuffled(using: &generator)
            let extensions = names.map { name in
                "    \(name):\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - properties:\n            data: {type: object, properties: {only_\(name.lowercased()): {type: string}}}"
            }.joined(separator: "\n")
            let responses = names.prefix(3).map { name in
                """
                  /r\(name):
                    get:
                      operationId: get\(name)
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema:
                                allOf:
                                  - $ref: '#/components/schemas/Base'
                                  - properties:
                                      data: {type: object, properties: {op_\(name.lowercased()): {type: integer}}}
                """
            }.joined(separator: "\n")
            let text = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
            \(responses)
            components:
              schemas:
                Base:
                  type: object
                  properties:
                    data: {type: object, description: whatever the call returns}
            \(extensions)
            """
            let (module, _) = try Pipeline.module(text)
            for name in names {
                let owner = try XCTUnwrap(structDecl(module, name))
                let data = try XCTUnwrap(owner.properties.first { $0.wireName == "data" })
                XCTAssertEqual(data.type, .optional(.named([name, "DataValue"])), "\(name) has a data type of its own")
                XCTAssertEqual(structDecl(module, name + ".DataValue")?.properties.map(\.wireName), ["only_" + name.lowercased()])
            }
            for name in names.prefix(3) {
                let response = "Get" + name + "Response"
                XCTAssertEqual(structDecl(module, response)?.properties.first?.type, .optional(.named([response, "DataValue"])))
            }
        }
    }

    /// A merged property that leads back to its own struct is a recursive type, not endless nesting.
    func testMergedPropertyThatLeadsBackToItsStructTerminates() throws {
        let (module, _) = try Pipeline.module(document(components: """

          schemas:
            Node:
              type: object
              properties:
                protocol:
                  allOf:
                    - $ref: '#/components/schemas/Node'
                    - properties:
                        protocol: {type: object, properties: {x: {type: string}}}
        """))
        let node = try XCTUnwrap(structDecl(module, "Node"))
        XCTAssertEqual(node.properties.map(\.wireName), ["protocol"])
        let inner = try XCTUnwrap(structDecl(module, "Node.ProtocolValue"))
        XCTAssertEqual(inner.properties.map(\.wireName), ["protocol"], "Node's own protocol, merged with the inline one")
    }

    func testAllOfCycleIsAnError() {
        let errors = Pipeline.errors(document(components: """

          schemas:
            A: {allOf: [{$ref: '#/components/schemas/B'}, {properties: {a: {type: string}}}]}
            B: {allOf: [{$ref: '#/components/schemas/A'}, {properties: {b: {type: string}}}]}
        """))
        XCTAssertTrue(errors.contains { $0.message.contains("includes itself") }, "\(errors)")
    }

    func testConflictingPropertyTypesWarnWithBothLocations() throws {
        let (module, diagnostics) = try Pipeline.module(document(components: """

          schemas:
            X:
              allOf:
                - {properties: {v: {type: string}}}
                - {properties: {v: {type: integer}}}
        """))
        XCTAssertEqual(structDecl(module, "X")?.properties.first?.type, .optional(.string))
        let warning = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("test.yaml:8:"), warning.message)
        XCTAssertTrue(warning.message.contains("test.yaml:9:"), warning.message)
    }

    /// A document of these component schemas (each line indented under `schemas:`).
    private func schemasDocument(_ schemas: [String]) -> String {
        document(components: "\n  schemas:\n" + schemas.joined(separator: "\n"))
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
