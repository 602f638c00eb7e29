// Compiled with the `OpenAPIRuntimeTransport` trait on.
#if OpenAPIRuntimeTransport
import XCTest
import APIGenRuntime
import APIGenOpenAPIRuntime

/// `SecurityChecks` again through swift-openapi-runtime, over a `ClientTransport` that hands
/// redirects back (`HandingBackClientTransport`), as the adapter documents it needs.
final class OpenAPIRuntimeSecurityTests: XCTestCase {
    private var server: TestHTTPServer!
    private var other: TestHTTPServer!
    private var checks: SecurityChecks { SecurityChecks(server: server, other: other, transport: OpenAPIRuntimeTransport(HandingBackClientTransport())) }

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
