// Compiled with the `OpenAPIRuntimeTransport` trait on (`swift build --traits OpenAPIRuntimeTransport`).
#if OpenAPIRuntimeTransport
import XCTest
import OpenAPIURLSession
import APIGenRuntime
import APIGenOpenAPIRuntime

/// `StreamingChecks` through the swift-openapi-runtime adapter over the ecosystem's URLSession
/// transport: file uploads and streamed bodies cross `HTTPBody` both ways. (That transport
/// buffers answers on Linux, so the checks of timing are left to the streaming transports.)
// Each transport's class lists the checks itself: XCTest on Linux finds only the test methods
// a class declares, not those it inherits, so one base class with subclasses would run none.
final class OpenAPIRuntimeStreamingTests: XCTestCase {
    private var server: TestHTTPServer!
    private var checks: StreamingChecks {
        StreamingChecks(server: server, transport: OpenAPIRuntimeTransport(OpenAPIURLSession.URLSessionTransport()))
    }

    override func setUpWithError() throws { server = try TestHTTPServer() }
    override func tearDown() { server.stop() }

    func testEventFramingFollowsTheStandard() async throws { try await checks.eventFramingFollowsTheStandard() }
    func testAMalformedEventThrowsALocatedErrorAndEndsTheSequence() async throws { try await checks.aMalformedEventThrowsALocatedErrorAndEndsTheSequence() }
    func testJSONLinesDecodeOneValuePerLineAsTheyArrive() async throws { try await checks.jsonLinesDecodeOneValuePerLineAsTheyArrive() }
    func testAnErrorStatusIsThrownWithItsBodyBeforeAnyEvent() async throws { try await checks.anErrorStatusIsThrownWithItsBodyBeforeAnyEvent() }
    func testUploadsAFileAsItIsRead() async throws { try await checks.uploadsAFileAsItIsRead() }
}
#endif
