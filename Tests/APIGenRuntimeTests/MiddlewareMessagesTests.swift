import XCTest
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import APIGenRuntime

/// What a middleware reads and writes, and what the transport then gets.
final class MiddlewareMessagesTests: XCTestCase {
    func testHeadersAreReadInAnyCaseAndReplacedWhole() throws {
        var request = MiddlewareRequest(method: "POST", url: URL(string: "https://api.example/a?b=1")!,
                                        headers: [("Accept", "application/json"), ("X-Tag", "a"), ("x-tag", "b")])
        XCTAssertEqual(request.header("x-TAG"), "a")
        request.setHeader("X-TAG", "c")
        XCTAssertEqual(request.headers.map(\.name), ["Accept", "X-TAG"])
        request.setHeader("accept", nil)
        XCTAssertNil(request.header("Accept"))
        request.body = Data("{}".utf8)
        let sent = request.urlRequest
        XCTAssertEqual(sent.httpMethod, "POST")
        XCTAssertEqual(sent.url?.absoluteString, "https://api.example/a?b=1")
        XCTAssertEqual(sent.value(forHTTPHeaderField: "X-Tag"), "c")
        XCTAssertEqual(sent.httpBody, Data("{}".utf8))
    }

    /// A request read from Foundation's keeps what the middleware does not touch (the timeout,
    /// a streamed body); setting the body replaces the stream.
    func testARoundTripKeepsWhatIsNotChanged() throws {
        var original = URLRequest(url: URL(string: "https://api.example/upload")!, timeoutInterval: 7)
        original.httpMethod = "PUT"
        original.setValue("t", forHTTPHeaderField: "Authorization")
        original.httpBodyStream = InputStream(data: Data("file".utf8))
        var request = MiddlewareRequest(original)
        XCTAssertTrue(request.bodyIsStreamed)
        XCTAssertNil(request.body)
        XCTAssertEqual(request.header("authorization"), "t")
        var sent = request.urlRequest
        XCTAssertNotNil(sent.httpBodyStream)
        XCTAssertEqual(sent.timeoutInterval, 7)
        request.body = Data("memory".utf8)
        XCTAssertFalse(request.bodyIsStreamed)
        sent = request.urlRequest
        XCTAssertNil(sent.httpBodyStream)
        XCTAssertEqual(sent.httpBody, Data("memory".utf8))
    }

    func testResponsesConvertBothWaysAndRefuseMadeUpStatuses() throws {
        let url = URL(string: "https://api.example/a")!
        let foundation = try XCTUnwrap(HTTPURLResponse(url: url, statusCode: 201, httpVersion: "HTTP/1.1", headerFields: ["ETag": "\"1\""]))
        var response = MiddlewareResponse(Data("x".utf8), foundation)
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.header("etag"), "\"1\"")
        response.headers.append(("X-Extra", "a"))
        response.headers.append(("X-Extra", "b"))
        let (data, back) = try response.foundation(for: url)
        XCTAssertEqual(data, Data("x".utf8))
        XCTAssertEqual(back.statusCode, 201)
        XCTAssertEqual(back.value(forHTTPHeaderField: "X-Extra"), "a, b")
        for status in [0, 99, 600, -1] {
            response.status = status
            XCTAssertThrowsError(try response.foundation(for: url), "\(status)")
        }
    }
}
