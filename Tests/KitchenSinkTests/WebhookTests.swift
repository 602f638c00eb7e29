import APIGenRuntime
import Foundation
import StoreEvents
import XCTest

/// The generated `Webhook` entry point (Tests/Golden/webhooks): what a server that receives the
/// API's webhooks calls, by route, by a fixed header, or by the JSON alone.
final class WebhookTests: XCTestCase {
    private func body(_ text: String) -> Data { Data(text.utf8) }

    func testByNameDecodesThatWebhooksPayload() throws {
        let shipped = try Webhook.decode(webhook: "orderShipped", body: body(#"{"type":"order.shipped","orderId":"o1","carrier":"DHL"}"#))
        guard case .orderShipped(let payload) = shipped else { return XCTFail("\(shipped)") }
        XCTAssertEqual(payload.carrier, "DHL")
        // The method matters, in any case; an undeclared webhook or method is kept raw.
        guard case .ping = try Webhook.decode(webhook: "ping", method: "post", body: body(#"{"type":"ping"}"#)) else { return XCTFail() }
        guard case .unknown(let raw) = try Webhook.decode(webhook: "refunded", body: body(#"{"id":7}"#)) else { return XCTFail() }
        XCTAssertEqual(raw, .object(["id": .int(7)]))
        guard case .unknown = try Webhook.decode(webhook: "ping", method: "PUT", body: body(#"{"type":"ping"}"#)) else { return XCTFail() }
        // A body that breaks the named webhook's schema is an error, not a quiet unknown.
        XCTAssertThrowsError(try Webhook.decode(webhook: "orderShipped", body: body(#"{"type":"order.shipped"}"#)))
        XCTAssertEqual(Webhook.webhookNames.map(\.name), ["orderCreated", "orderShipped", "ping"])
    }

    func testByContentUsesTheFixedHeaderThenTheJSON() throws {
        let order = #"{"type":"order.created","id":"o1","total":12.5}"#
        guard case .orderCreated(let created) = try Webhook.decode(body: body(order), headers: ["x-EVENT-type": "order.created"]) else { return XCTFail() }
        XCTAssertEqual(created.total, 12.5)
        // Without the header, the pinned `type` of each payload tells them apart.
        guard case .orderCreated = try Webhook.decode(body: body(order)) else { return XCTFail() }
        guard case .orderShipped = try Webhook.decode(body: body(#"{"type":"order.shipped","orderId":"o1","carrier":"UPS"}"#)) else { return XCTFail() }
        guard case .ping = try Webhook.decode(body: body(#"{"type":"ping"}"#)) else { return XCTFail() }
        // An event this client does not know is kept whole.
        guard case .unknown(let raw) = try Webhook.decode(body: body(#"{"type":"order.refunded","id":"o1"}"#)) else { return XCTFail() }
        XCTAssertEqual(raw, .object(["type": .string("order.refunded"), "id": .string("o1")]))
        // The payload encodes back to what came.
        let again = try JSONCoding.decode(JSONValue.self, from: try JSONCoding.encode(try Webhook.decode(body: body(order))))
        XCTAssertEqual(again, .object(["type": .string("order.created"), "id": .string("o1"), "total": .double(12.5)]))
    }

    func testCallbackPayloadTypesAreGenerated() throws {
        let payload = try JSONCoding.decode(SubscribeOnEventPayload.self, from: body(#"{"message":"hi","at":"2026-01-02T03:04:05Z"}"#))
        XCTAssertEqual(payload.message, "hi")
        XCTAssertEqual(payload.at?.timeIntervalSince1970, 1_767_323_045)
    }
}
