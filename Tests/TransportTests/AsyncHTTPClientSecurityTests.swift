// Compiled with the `AsyncHTTPClientTransport` trait on.
#if AsyncHTTPClientTransport
import XCTest
import APIGenRuntime
import APIGenAsyncHTTPClient

/// `SecurityChecks` again through AsyncHTTPClient.
final class AsyncHTTPClientSecurityTests: XCTestCase {
    private var server: TestHTTPServer!
    private var other: TestHTTPServer!
    private var checks: SecurityChecks { SecurityChecks(server: server, other: other, transport: AsyncHTTPClientTransport()) }

    override func setUpWithError() throws {
        server = try TestHTTPServer()
        other = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
        other.stop()
    }

    func testRedirectsKeepCredentialsInTheirOrigin() async throws { try await checks.redirectsKeepCredentialsInTheirOrigin() }
    func testRedirectPoliciesAreKept() async throws { try await checks.redirectPoliciesAreKept() }
    func testHeaderInjectionIsRefusedBeforeSending() async throws { try await checks.headerInjectionIsRefusedBeforeSending() }
    func testResourcesAreBounded() async throws { try await checks.resourcesAreBounded() }
    func testAnyTimeoutIsSafe() async throws { try await checks.anyTimeoutIsSafe() }
    func testASlowLoopHoldsBackTheServer() async throws { try await checks.aSlowLoopHoldsBackTheServer() }
    func testNoErrorShowsTheSecret() async throws { try await checks.noErrorShowsTheSecret() }
}
#endif
