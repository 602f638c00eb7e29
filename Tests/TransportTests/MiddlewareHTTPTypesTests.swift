// Compiled with the `OpenAPIRuntimeTransport` trait on, which brings swift-http-types.
#if OpenAPIRuntimeTransport
import XCTest
import Foundation
import HTTPTypes
import APIGenRuntime
import APIGenOpenAPIRuntime

/// A middleware written against swift-http-types: the runtime's request and response convert to
/// `HTTPRequest` and `HTTPResponse`, and back.
final class MiddlewareHTTPTypesTests: XCTestCase {
    func testRequestsAndResponsesConvertToHTTPTypes() throws {
        var request = MiddlewareRequest(method: "PATCH", url: URL(string: "https://api.example:8443/v1/items/a%2Fb?x=1")!,
                                        headers: [("Authorization", "Bearer t"), ("X-Tag", "a")], body: Data("{}".utf8))
        var head = try XCTUnwrap(request.httpRequest)
        XCTAssertEqual(head.method, .patch)
        XCTAssertEqual(head.scheme, "https")
        XCTAssertEqual(head.authority, "api.example:8443")
        XCTAssertEqual(head.path, "/v1/items/a%2Fb?x=1")
        XCTAssertEqual(head.headerFields[.authorization], "Bearer t")
        head.headerFields[HTTPField.Name("X-Trace")!] = "abc"
        head.path = "/v1/items/c"
        request.update(from: head)
        XCTAssertEqual(request.url.absoluteString, "https://api.example:8443/v1/items/c")
        XCTAssertEqual(request.header("x-trace"), "abc")
        XCTAssertEqual(request.body, Data("{}".utf8), "the body is kept")

        let response = MiddlewareResponse(status: 429, headers: [("Retry-After", "2")]).httpResponse
        XCTAssertEqual(response.status, .tooManyRequests)
        XCTAssertEqual(response.headerFields[.retryAfter], "2")
    }
}
#endif
