import XCTest
@testable import APIGenCore

/// An operation's plan is the one place that decides which schemas type its method; the naming
/// pass names them and `translate` builds from it.
final class OperationPlanTests: XCTestCase {
    private let text = """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    paths:
      /a/{fixed}/{id}:
        post:
          operationId: postA
          parameters:
            - {name: id, in: path, required: true, schema: {type: object, properties: {x: {type: string}}}}
            - {name: fixed, in: path, required: true, schema: {type: string, enum: ['a b']}}
            - {name: Accept, in: header, schema: {type: string}}
            - {name: X-Id, in: header, schema: {type: string}}
            - {name: x-id, in: header, schema: {type: integer}}
            - {name: mode, in: header, schema: {enum: [a, b]}}
            - {name: pair, in: header, schema: {oneOf: [{type: string}, {type: integer}]}}
          requestBody:
            content:
              application/json: {schema: {type: string, format: binary}}
          responses:
            '200': {content: {application/json: {schema: {type: object, properties: {y: {type: integer}}}}}}
            '201': {content: {application/json: {schema: {type: array, items: {type: string}}}}}
            '204': {}
      /b:
        put:
          operationId: putB
          requestBody:
            content:
              multipart/form-data: {schema: {type: object, properties: {f: {type: string, format: binary}}}}
          responses:
            '200': {content: {application/x-www-form-urlencoded: {schema: {type: string, format: binary}}}}
      /c:
        get:
          operationId: getC
          requestBody:
            content:
              nonsense: {schema: {type: object}}
              application/octet-stream: {}
          responses:
            '200': {content: {application/jsonl: {schema: {type: array, items: {type: object, properties: {n: {type: integer}}}}}}}
    """

    private func plans() throws -> [OperationPlan] {
        let (document, diagnostics) = try Pipeline.document(text)
        XCTAssertEqual(diagnostics.map(\.description), [])
        let translated = Translator.components(document, configuration: Configuration())
        let translator = OperationTranslator(context: translated.context, types: translated.types)
        return document.operations.map(translator.plan)
    }

    func testParametersAreOrderedFixedTypedOrLeftOutWithAWarning() throws {
        let plan = try plans()[0]
        XCTAssertEqual(plan.parameters.map(\.parameter.name), ["fixed", "id", "X-Id", "mode", "pair"], "path parameters in template order, then the others")
        XCTAssertEqual(plan.parameters.map(\.constant), ["a%20b", nil, nil, nil, nil])
        // A header holds text: only a single scalar (or an array or object) is typed.
        XCTAssertEqual(plan.parameters.map { $0.typed?.hint }, [nil, "PostA_id", "PostA_X-Id", "PostA_mode", nil])
        XCTAssertEqual(plan.parameterWarnings.map(\.message), [
            "header parameter 'Accept' is ignored, as the specification says: the client sets Accept itself",
            "header parameter 'x-id' is the header 'X-Id' again (header names are case-insensitive); only 'X-Id' is generated",
        ])
    }

    func testBodiesAndAnswersDecideTheirEncodingOnce() throws {
        let all = try plans()
        // A JSON body of `format: binary` is bytes, typed by nothing.
        XCTAssertEqual(all[0].body?.encoding, .binary)
        XCTAssertNil(all[0].body?.typed)
        // Two JSON answers: one union at the operation, beside an empty 204.
        let success = try XCTUnwrap(all[0].success)
        XCTAssertEqual(success.typed?.hint, "PostAResponse")
        XCTAssertEqual(success.typed?.schema.oneOf.count, 2)
        XCTAssertEqual(success.statuses.map(\.status), ["200", "201"])
        XCTAssertTrue(success.mayBeEmpty)

        XCTAssertEqual(all[1].body?.encoding, .multipart)
        XCTAssertEqual(all[1].body?.typed?.hint, "PutBRequest")
        XCTAssertEqual(all[1].bodyWarnings, [])
        // A form answer of `format: binary` is bytes too.
        XCTAssertEqual(all[1].success?.encoding, .binary)
        XCTAssertNil(all[1].success?.typed)

        // An entry that is no media type is warned about, and bytes are picked after it.
        XCTAssertEqual(all[2].body?.encoding, .binary)
        XCTAssertEqual(all[2].bodyWarnings.map(\.message), ["content type 'nonsense' is not a media type; ignored"])
        // A JSON-lines answer of an array streams its items.
        XCTAssertEqual(all[2].stream?.kind, .jsonLines)
        XCTAssertEqual(all[2].stream?.typed?.hint, "GetCItem")
        XCTAssertEqual(all[2].stream?.typed?.schema.properties.map(\.name), ["n"])
    }

    /// What the plan types is what the method is made of, in order: the naming pass claims
    /// these names, and `translate` uses them.
    func testTheMethodIsBuiltFromThePlan() throws {
        let (module, diagnostics) = try Pipeline.module(text)
        let post = try XCTUnwrap(module.operations.first { $0.operationID == "postA" })
        XCTAssertEqual(post.path, "/a/a%20b/{id}")
        XCTAssertEqual(post.parameters.map(\.type), [.named(["PostAID"]), .string.optional, .named(["PostAMode"]).optional, .string.optional])
        XCTAssertEqual(post.body?.type, .builtin(.data).optional)
        XCTAssertEqual(post.response, TypeUsage.named(["PostAResponse"]).optional)
        let put = try XCTUnwrap(module.operations.first { $0.operationID == "putB" })
        XCTAssertEqual(put.responseEncoding, .binary)
        XCTAssertEqual(module.operations.first { $0.operationID == "getC" }?.stream?.element, .named(["GetCItem"]))
        XCTAssertEqual(diagnostics.map(\.message).filter { $0.hasPrefix("header parameter") || $0.hasPrefix("content type") }.count, 3)
    }
}
