import XCTest
@testable import APIGenCore

final class TranslatorTests: XCTestCase {
    func testInlineObjectsAndEnumsNestUnderTheirProperty() throws {
        let (module, _) = try Pipeline.module(document(components: """

          schemas:
            Meeting:
              type: object
              properties:
                recording_config:
                  type: object
                  properties:
                    video_config:
                      type: object
                      properties:
                        watermark:
                          type: object
                          properties:
                            position: {type: string, enum: [left top, right top]}
        """))
        let watermark = try XCTUnwrap(structDecl(module, "Meeting.RecordingConfig.VideoConfig.Watermark"))
        XCTAssertEqual(watermark.properties.first?.type, .optional(.named(["Meeting", "RecordingConfig", "VideoConfig", "Watermark", "Position"])))
        guard case .enumeration(let position)? = watermark.nested.first else { return XCTFail() }
        XCTAssertEqual(position.cases.map(\.name), ["leftTop", "rightTop"])
        XCTAssertEqual(position.cases.map(\.value), [.string("left top"), .string("right top")])
    }

    func testPointerRefReusesTheNestedType() throws {
        let (module, _) = try Pipeline.module(document(components: """

          schemas:
            Request:
              type: object
              properties:
                status: {$ref: '#/components/schemas/Meeting/properties/status'}
            Meeting:
              type: object
              properties:
                status: {type: string, enum: [ACTIVE, INACTIVE]}
        """))
        let request = try XCTUnwrap(structDecl(module, "Request"))
        XCTAssertEqual(request.properties.first?.type, .optional(.named(["Meeting", "Status"])))
        XCTAssertEqual(module.types.count, 2, "no copy of the enum was made")
    }

    func testOptionalityNullabilityAndDefaults() throws {
        let (module, _) = try Pipeline.module(document(components: """

          schemas:
            S:
              type: object
              required: [a, b, c]
              properties:
                a: {type: string}
                b: {type: string, nullable: true}
                c: {type: integer, default: 7}
                d: {type: string, enum: [x, y], default: y}
                e: {type: boolean, default: true}
        """))
        let s = try XCTUnwrap(structDecl(module, "S"))
        XCTAssertEqual(s.properties.map(\.type), [.string, .optional(.string), .int, .optional(.named(["S", "D"])), .optional(.bool)])
        XCTAssertEqual(s.properties.map(\.defaultValue), [nil, DefaultValue.absent, .value(.int(7)), DefaultValue.absent, DefaultValue.absent])
        XCTAssertEqual(s.properties[3].docs.blocks, [.defaultValue(.string("y"))])
        XCTAssertTrue(s.properties[3].docs.lines.contains("- Default: `y`"))
    }

    func testOneOfWithNullIsOptional() throws {
        let (module, _) = try Pipeline.module(document(components: """

          schemas:
            O: {type: object, properties: {n: {type: string}}}
            S:
              type: object
              required: [o]
              properties:
                o:
                  anyOf: [{$ref: '#/components/schemas/O'}, {type: 'null'}]
        """))
        XCTAssertEqual(structDecl(module, "S")?.properties.first?.type, .optional(.named(["O"])))
    }

    func testOperationsParametersAndPagination() throws {
        let (module, _) = try Pipeline.module(document(paths: """

          /items/{item_id}:
            get:
              operationId: get_item
              parameters:
                - {name: item_id, in: path, required: true, schema: {type: string}}
                - {name: page_no, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: {type: array, items: {type: string}}
                          paging: {type: object, properties: {total_count: {type: integer}}}
          /x:
            post:
              responses: {'204': {description: none}}
        """))
        let get = try XCTUnwrap(module.operations.first)
        XCTAssertEqual(get.name, "getItem")
        XCTAssertEqual(get.parameters.map(\.name), ["itemID", "pageNo"])
        XCTAssertEqual(get.response, .named(["GetItemResponse"]))
        XCTAssertEqual(get.pagination, .init(style: .page, methodName: "getItemPages", position: .parameter("pageNo"), items: [.init(property: "data", isOptional: true)], item: .string,
                                             totalCount: [.init(property: "paging", isOptional: true), .init(property: "totalCount", isOptional: true)]))
        let post = try XCTUnwrap(module.operations.last)
        XCTAssertEqual(post.name, "postX", "named from method and path without an operationId")
        XCTAssertNil(post.response)
    }

    func testExampleThatBreaksItsSchemaWarnsOnce() throws {
        let (_, diagnostics) = try Pipeline.module(document(paths: """

          /a/{app_id}:
            get:
              parameters: [{$ref: '#/components/parameters/App'}]
              responses: {'200': {description: ok}}
          /b/{app_id}:
            get:
              parameters: [{$ref: '#/components/parameters/App'}]
              responses: {'200': {description: ok}}
        """, components: """

          parameters:
            App: {name: app_id, in: path, required: true, schema: {$ref: '#/components/schemas/AppID'}}
          schemas:
            AppID: {type: string, maxLength: 32, example: 14a396e7-ca44-4937-bf1f-050a69118543}
        """))
        XCTAssertEqual(diagnostics.map(\.description), [
            "test.yaml:16:12: warning: example '14a396e7-ca44-4937-bf1f-050a69118543' is 36 characters long, above maxLength 32: the schema contradicts its own example",
        ])
    }
}

/// Enum case names say their value: no two values, and no value and the catch-all, share one.
final class EnumCaseNamesTests: XCTestCase {
    private func cases(_ schema: String) throws -> [String: String] {
        let (module, _) = try Pipeline.module(document(components: "{schemas: {E: \(schema)}}"))
        guard case .enumeration(let decl)? = module.types.first(where: { $0.name == "E" }) else { XCTFail("no enum"); return [:] }
        return Dictionary(uniqueKeysWithValues: decl.cases.map { ($0.value.text, $0.name.name) })
    }

    func testNumbersSpellTheirSignAndPoint() throws {
        XCTAssertEqual(try cases("{type: integer, enum: [-1, 0, 1, 12]}"), ["-1": "minus1", "0": "_0", "1": "_1", "12": "_12"])
        XCTAssertEqual(try cases("{type: number, enum: [-0.5, 2.5, 25]}"), ["-0.5": "minus0Point5", "2.5": "_2Point5", "25": "_25"])
    }

    func testSignedStringsAndADocumentedUnknown() throws {
        XCTAssertEqual(try cases("{type: string, enum: [created, -created, +created]}"),
                       ["created": "created", "-created": "minusCreated", "+created": "plusCreated"])
        let states = try cases("{type: string, enum: [unknown, active]}")
        XCTAssertEqual(states["unknown"], "unknownValue")
        XCTAssertFalse(states.values.contains("unknown"), "the catch-all's name")
    }
}

/// A union that lists itself (a reference generator's own petstore does) would decode forever.
final class SelfUnionTests: XCTestCase {
    func testTheSelfAlternativeIsDroppedWithAWarning() throws {
        let (module, diagnostics) = try Pipeline.module(document(components: """
        {schemas: {Pet: {anyOf: [{$ref: '#/components/schemas/Pet'}, {type: string}, {type: integer}]}}}
        """))
        guard case .oneOf(let decl)? = module.types.first(where: { $0.name == "Pet" }) else { return XCTFail("no union") }
        XCTAssertEqual(decl.cases.map(\.type), [.string, .int])
        XCTAssertEqual(diagnostics.map(\.message), ["oneOf/anyOf alternative 'Pet' is the union itself; it adds nothing and is dropped"])
        XCTAssertNotNil(diagnostics.first?.location)
    }
}

/// A property declared by several `allOf` parts meets all of them: the intersection.
final class AllOfIntersectionTests: XCTestCase {
    private func property(_ name: String, _ text: String) throws -> (PropertyDecl, [Diagnostic]) {
        let (module, diagnostics) = try Pipeline.module(document(components: text))
        guard case .structure(let decl)? = module.types.first(where: { $0.name == "Child" }),
              let property = decl.properties.first(where: { $0.wireName == name }) else { throw XCTSkip("no Child.\(name)") }
        return (property, diagnostics)
    }

    func testBoundsOfEveryPartApply() throws {
        let (n, diagnostics) = try property("n", """
        {schemas: {Base: {type: object, properties: {n: {type: integer, minimum: 0, maximum: 10}, s: {type: string, maxLength: 9}}},
                   Child: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {n: {type: integer, minimum: 2, exclusiveMaximum: true, maximum: 10}}}]}}}
        """)
        XCTAssertEqual(n.constraints.minimum, 2)
        XCTAssertEqual(n.constraints.maximum, 10)
        XCTAssertTrue(n.constraints.exclusiveMaximum)
        XCTAssertEqual(diagnostics, [])
    }

    func testATypeAndAnEnumOfItIsTheEnum() throws {
        let (stream, diagnostics) = try property("stream", """
        {schemas: {Base: {type: object, properties: {stream: {type: boolean}}},
                   Child: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {stream: {type: boolean, enum: [false]}}}]}}}
        """)
        XCTAssertEqual(stream.type, .named(["Child", "Stream"]).optional)
        XCTAssertEqual(diagnostics, [])
        // An enum of another type is no intersection: the first is used, with a word.
        let (mixed, warnings) = try property("stream", """
        {schemas: {Base: {type: object, properties: {stream: {type: boolean}}},
                   Child: {allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {stream: {type: string, enum: [a]}}}]}}}
        """)
        XCTAssertEqual(mixed.type, TypeUsage.bool.optional)
        XCTAssertTrue(warnings.contains { $0.message.contains("is declared with different types") }, "\(warnings)")
    }
}

/// `default: "false"` is read as the boolean it says, as such strings are elsewhere, with a word.
final class StringDefaultTests: XCTestCase {
    func testBooleansAndNumbersWrittenAsStrings() throws {
        let (module, diagnostics) = try Pipeline.module(document(components: """
        {schemas: {S: {type: object, required: [a, b, c], properties: {a: {type: boolean, default: 'false'}, b: {type: integer, default: '12'}, c: {type: boolean, default: 'nope'}}}}}
        """))
        guard case .structure(let s)? = module.types.first(where: { $0.name == "S" }) else { return XCTFail() }
        XCTAssertEqual(s.properties.map(\.defaultValue), [.value(.bool(false)), .value(.int(12)), nil])
        XCTAssertEqual(diagnostics.map(\.message), [
            "default of property 'a' should be a boolean, found the string \"false\"; read as false",
            "default of property 'b' should be a number, found the string \"12\"; read as 12",
            "default 'nope' of property 'c' does not match its type; it is documented but not used",
        ])
    }
}

/// The example oracle's types: a `null` example of a schema that allows null is an optional's nil.
final class NullExampleTests: XCTestCase {
    func testANullExampleOfANullableEnumIsOptional() throws {
        var configuration = Configuration()
        configuration.collectsExamples = true
        let (module, _) = try Pipeline.module("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Level: {type: [string, "null"], enum: [low, high, null], example: null}
            Plain: {type: string, enum: [a, b], example: null}
        """, configuration: configuration)
        let types = Dictionary(uniqueKeysWithValues: module.examples.map { ($0.location.line, $0.type) })
        XCTAssertEqual(types[6], TypeUsage.named(["Level"]).optional)
        XCTAssertEqual(types[7], TypeUsage.named(["Plain"]), "null where the schema allows none stays a break of the schema")
    }
}

/// The example oracle tells an example that breaks its own schema from APIGen's bug.
final class ExampleConformanceTests: XCTestCase {
    private func breaks(_ schemas: String) throws -> [String: String] {
        var configuration = Configuration()
        configuration.collectsExamples = true
        let (module, _) = try Pipeline.module(document(components: "{schemas: \(schemas)}"), configuration: configuration)
        var result: [String: String] = [:]
        for example in module.examples { if case .named(let path) = example.type { result[path[0]] = example.breaksSchema ?? "fits" } }
        return result
    }

    func testMissingRequiredAndWrongKinds() throws {
        let found = try breaks("""
        {Base: {type: object, properties: {id: {type: string}, n: {type: integer}}},
         Split: {allOf: [{$ref: '#/components/schemas/Base'}, {required: [id]}], example: {n: 1}},
         Whole: {type: object, required: [n], properties: {n: {type: integer}}, example: {n: {}}},
         Good: {allOf: [{$ref: '#/components/schemas/Base'}, {required: [id]}], example: {id: a}},
         Map: {type: object, additionalProperties: {type: object, required: [rules], properties: {rules: {type: array}}}, example: {k1: {}}},
         Untyped: {type: object, properties: {value: {properties: {url: {type: string}}}}, example: {value: x}}}
        """)
        XCTAssertEqual(found["Split"], "required property 'id' is missing")
        XCTAssertEqual(found["Whole"], "an object at .n where the schema says integer")
        XCTAssertEqual(found["Good"], "fits")
        XCTAssertEqual(found["Map"], "required property 'rules' at .k1 is missing")
        XCTAssertEqual(found["Untyped"], "a string at .value where the schema, which has properties and no type, is read as an object")
    }
}

/// A required property that allows one value is that value by default: a caller of the
/// memberwise init does not spell out the constant (`action: .create` of a bulk body).
final class ConstantDefaultTests: XCTestCase {
    func testConstAndSingleValueEnumsAreDefaults() throws {
        let (module, _) = try Pipeline.module(document(components: """
        {schemas: {S: {type: object, required: [action, version, kind, name, given], properties: {
          action: {type: string, enum: [create]}, version: {const: 2}, kind: {type: string, enum: [a, null], nullable: true},
          name: {type: string}, given: {type: string, enum: [x], default: x}, optional: {type: string, enum: [only]}}}}}
        """))
        guard case .structure(let s)? = module.types.first(where: { $0.name == "S" }) else { return XCTFail() }
        XCTAssertEqual(s.properties.map(\.defaultValue), [.enumCase("create"), .enumCase("_2"), DefaultValue.absent, nil, .enumCase("x"), DefaultValue.absent],
                       "a const number is an enum of one; a nullable one is an optional, nil by default")
    }

    /// A path parameter that allows one value is written into the path, percent-encoded, and is
    /// no argument; no type is made for it.
    func testConstantPathParametersAreNotArguments() throws {
        let (module, _) = try Pipeline.module("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /dags/{dag_id}/runs/{run_id}/{space}:
            get:
              operationId: getRun
              parameters:
                - {name: dag_id, in: path, required: true, schema: {type: string, enum: ['~']}}
                - {name: run_id, in: path, required: true, schema: {type: string}}
                - {name: space, in: path, required: true, schema: {const: 'a b/c'}}
              responses: {'204': {description: ok}}
        """)
        let operation = try XCTUnwrap(module.operations.first)
        XCTAssertEqual(operation.path, "/dags/~/runs/{run_id}/a%20b%2Fc")
        XCTAssertEqual(operation.parameters.map(\.wireName), ["run_id"])
        XCTAssertTrue(module.types.isEmpty, "\(module.types.map(\.name))")
    }
}

final class FreeFormUnionTests: XCTestCase {
    /// "A dictionary or any JSON" is any JSON: `JSONValue`, not an enum with both. A union with
    /// anything more specific stays a union.
    func testUnionsOfFreeFormValuesAreJSONValue() throws {
        let (module, _) = try Pipeline.module(document(components: """
        {schemas: {V: {type: object, properties: {
          value: {anyOf: [{type: object, additionalProperties: true}, {}, {type: 'null'}]},
          shaped: {anyOf: [{type: object, additionalProperties: true}, {type: string}]}}}}}
        """))
        guard case .structure(let s)? = module.types.first(where: { $0.name == "V" }) else { return XCTFail() }
        XCTAssertEqual(s.properties.map(\.type), [TypeUsage.jsonValue.optional, TypeUsage.named(["V", "Shaped"]).optional])
    }
}
