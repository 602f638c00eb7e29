import XCTest
@testable import APIGenCore

/// The round-trip check calls every operation it can answer, and says why it cannot.
final class RoundTripChecksRendererTests: XCTestCase {
    private let text = document(paths: """

      /ok: {get: {operationId: ok, responses: {'200': {description: OK, content: {application/json: {schema: {type: string}}}}}}}
      /moved:
        get:
          operationId: moved
          responses:
            '307': {description: Moved, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
      /failed: {get: {operationId: failed, responses: {'404': {description: No}}}}
      /informational: {get: {operationId: informational, responses: {'101': {description: Switching}}}}
    """, components: """

      schemas:
        Problem: {type: object, properties: {detail: {type: string}}}
    """)

    func testAnOperationThatDocumentsOnlyARedirectIsCheckedAsTheErrorItIs() throws {
        let (module, _) = try Pipeline.module(text)
        let checks = RoundTripChecksRenderer(module)
        let plans = Dictionary(uniqueKeysWithValues: module.operations.map { ($0.name.name, checks.plan($0)) })
        XCTAssertNotNil(plans["ok"]!)
        XCTAssertNil(plans["ok"]!?.onlyStatus)
        // Without a `Location` the client has nowhere to follow a 307: it throws it, like a 404.
        XCTAssertEqual(plans["moved"]!?.onlyStatus, 307)
        XCTAssertEqual(plans["failed"]!?.onlyStatus, 404)
        XCTAssertNil(plans["informational"]!)
        let informational = try XCTUnwrap(module.operations.first { $0.name.name == "informational" })
        XCTAssertEqual(checks.skipReason(informational), "no answer the client reads back (only informational statuses, or none)")
        XCTAssertNil(checks.skipReason(module.operations[0]))
    }
}
