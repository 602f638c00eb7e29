import XCTest
import APIGenRuntime

/// `SecurityChecks` through URLSession, the default transport.
// Each transport's class lists the checks itself: XCTest on Linux finds only the test methods
// a class declares, not those it inherits.
final class SecurityTests: XCTestCase {
    private var server: TestHTTPServer!
    private var other: TestHTTPServer!
    private var checks: SecurityChecks { SecurityChecks(server: server, other: other, transport: URLSessionTransport()) }

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
