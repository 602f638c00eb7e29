import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// `StreamingChecks` through the default transport, URLSession (which streams on Linux too).
// Each transport's class lists the checks itself: XCTest on Linux finds only the test methods
// a class declares, not those it inherits, so one base class with subclasses would run none.
final class StreamingTests: XCTestCase {
    private var server: TestHTTPServer!
    private var checks: StreamingChecks { StreamingChecks(server: server, transport: URLSessionTransport()) }

    override func setUpWithError() throws { server = try TestHTTPServer() }
    override func tearDown() { server.stop() }

    func testEventsArriveAsTheServerSendsThem() async throws { try await checks.eventsArriveAsTheServerSendsThem() }
    func testEventFramingFollowsTheStandard() async throws { try await checks.eventFramingFollowsTheStandard() }
    func testAMalformedEventThrowsALocatedErrorAndEndsTheSequence() async throws { try await checks.aMalformedEventThrowsALocatedErrorAndEndsTheSequence() }
    func testCancellingTheConsumerClosesTheConnection() async throws { try await checks.cancellingTheConsumerClosesTheConnection() }
    func testJSONLinesDecodeOneValuePerLineAsTheyArrive() async throws { try await checks.jsonLinesDecodeOneValuePerLineAsTheyArrive() }
    func testAnErrorStatusIsThrownWithItsBodyBeforeAnyEvent() async throws { try await checks.anErrorStatusIsThrownWithItsBodyBeforeAnyEvent() }
    func testUploadsAFileAsItIsRead() async throws { try await checks.uploadsAFileAsItIsRead() }
}
