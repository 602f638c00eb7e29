import XCTest
import Foundation
@testable import APIGenCore

/// The real Cloudflare documents in ../shared/specs/cloudflare (skipped when absent).
final class RealDocumentTests: XCTestCase {
    private func spec(_ name: String) throws -> String {
        let path = Pipeline.cloudflareSpecs.appendingPathComponent(name).path
        try XCTSkipUnless(FileManager.default.fileExists(atPath: path), "\(path) is absent: the real-document tests are skipped")
        return path
    }

    func testRealtimeMeetingsSubset() throws {
        let output = try Generator().generate(path: spec("realtime-meetings.yaml"), displayName: "realtime-meetings.yaml")
        let client = try XCTUnwrap(output.files.first { $0.name == "APIGen.swift" }?.contents)
        for method in ["getAllMeetings(", "createMeeting(", "getMeeting(", "updateMeeting(", "replaceMeeting(", "getV2MeetingsMeetingIDActiveLivestream(", "getAllMeetingsPages("] {
            XCTAssertTrue(client.contains("func \(method)"), method)
        }
        // The published app_id breaks its own maxLength: the generator says so, once, at the schema.
        let warnings = output.diagnostics.filter { $0.message.contains("14a396e7-ca44-4937-bf1f-050a69118543") }
        XCTAssertEqual(warnings.count, 1, "\(output.diagnostics)")
        XCTAssertEqual(warnings.first?.severity, .warning)
    }

    func testAllOfRealtimeKit() throws {
        let output = try Generator().generate(path: spec("realtime-kit.yaml"))
        let client = try XCTUnwrap(output.files.first { $0.name == "APIGen.swift" }?.contents)
        XCTAssertEqual(client.components(separatedBy: "async throws").count - 1, 62, "one method per operation")
        XCTAssertFalse(output.diagnostics.contains { $0.severity == .error })
    }

    func testFullCloudflareDocumentGenerates() throws {
        let output = try Generator().generate(path: spec("cloudflare-2024-08.json"), displayName: "cloudflare.json")
        let client = try XCTUnwrap(output.files.first { $0.name == "APIGen.swift" }?.contents)
        XCTAssertGreaterThanOrEqual(client.components(separatedBy: "async throws").count - 1, 1_533)
        // Its known mess is warned about, located, and not fatal.
        let messages = output.diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.contains("should be upper case") }, "lowercase 4xx keys")
        XCTAssertTrue(messages.contains { $0.contains("content type 'undefined' is not a media type") })
        XCTAssertTrue(output.diagnostics.allSatisfy { $0.location?.file == "cloudflare.json" })
    }
}
