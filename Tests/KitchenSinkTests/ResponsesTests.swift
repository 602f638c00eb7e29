import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// What a method returns and throws when the document declares several answers: different
/// 2xx bodies by status, a 2xx without a body, and error bodies by status; against a real
/// server on 127.0.0.1 (`putAccount` in the kitchen-sink document).
final class ResponsesTests: XCTestCase {
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
    }

    private func put() async throws -> PutAccountResponse? {
        let client = Client(serverURL: server.baseURL, apiToken: "t", retry: .none)
        return try await client.putAccount(id: "a1", body: Account(name: "Ada"))
    }

    private func answer(_ status: Int, _ body: String) {
        server.setHandler { _ in TestHTTPServer.Response(status: status, body: Data(body.utf8)) }
    }

    func testEachSuccessStatusDecodesItsOwnBody() async throws {
        answer(200, #"{"id":"a1","name":"Ada"}"#)
        let replaced = try await put()
        XCTAssertEqual(replaced, .account(Account(id: "a1", name: "Ada")))
        // A body that would also decode as an Account (name is missing, so it would not here)
        // is read as the 201 schema because the status says so.
        answer(201, #"{"location":"/accounts/a1"}"#)
        guard case .case2(let created)? = try await put() else { return XCTFail("201 is the created body") }
        XCTAssertEqual(created.location, "/accounts/a1")
        answer(204, "")
        let none = try await put()
        XCTAssertNil(none, "a 204 has no body")
    }

    func testErrorBodiesDecodeIntoTheirDocumentedTypeByStatus() async throws {
        let problem = #"{"error":{"code":7,"message":"no such account"}}"#
        for status in [404, 409] {   // exact, then the 4XX range (an allOf of one $ref)
            answer(status, problem)
            do {
                _ = try await put()
                XCTFail("\(status) must throw")
            } catch let error as APIError {
                let body = try XCTUnwrap(error.errorBody(as: Problem.self), "\(status)")
                XCTAssertEqual(body.error?.code, 7)
                XCTAssertEqual(body.error?.message, "no such account")
                XCTAssertEqual(error.status, status)
                XCTAssertEqual("\(error)", "HTTP \(status): [7] no such account", "the API's own error object is still read")
                XCTAssertNil(error.errorBody(as: Account.self), "only the documented type")
            }
        }
        // `default` has an inline schema: untyped, the raw body is kept.
        answer(500, #"{"reason":"disk full"}"#)
        do {
            _ = try await put()
            XCTFail("500 must throw")
        } catch let error as APIError {
            XCTAssertNil(error.errorBody(as: Problem.self))
            guard case .http(500, _, let body) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(String(decoding: body, as: UTF8.self), #"{"reason":"disk full"}"#)
        }
        // A body that does not match the documented type: no typed body, the error is still thrown.
        answer(404, "<html>gone</html>")
        do {
            _ = try await put()
            XCTFail("404 must throw")
        } catch let error as APIError {
            XCTAssertNil(error.errorBody(as: Problem.self))
            XCTAssertNil(error.errorJSON)
            XCTAssertEqual(error.status, 404)
        }
        // An object the documented type reads nothing of (all its properties optional) is not
        // that type: it would read as "no details". Any body is still there as JSON.
        answer(404, #"{"exception_message":"boom"}"#)
        do {
            _ = try await put()
            XCTFail("404 must throw")
        } catch let error as APIError {
            XCTAssertNil(error.errorBody(as: Problem.self))
            XCTAssertEqual(error.errorJSON?["exception_message"], .string("boom"))
        }
    }

    /// The headers the document declares on a 2xx answer read as their schema types; one that
    /// does not parse is nil, and every header stays readable as text.
    func testDeclaredResponseHeadersAreTyped() async throws {
        let id = UUID()
        server.setHandler { _ in
            .json(201, #"{"location":"/accounts/a1"}"#, headers: [
                ("Location", "/accounts/a1"), ("X-RateLimit-Remaining", "42"), ("X-Request-ID", id.uuidString),
                ("Expires", "2030-01-02T03:04:05Z"), ("X-Beta", "soon"), ("X-Other", "kept"),
            ])
        }
        let (value, answer) = try await withResponseMetadata { try await self.put() }
        guard case .case2? = value else { return XCTFail("the 201 body") }
        let metadata = try XCTUnwrap(answer)
        XCTAssertEqual(metadata.status, 201)
        let headers = ResponseHeaders(metadata)
        XCTAssertEqual(headers.location, URL(string: "/accounts/a1"))
        XCTAssertEqual(headers.xRateLimitRemaining, 42)
        XCTAssertEqual(headers.xRequestID, id)
        XCTAssertEqual(headers.expires, Date(timeIntervalSince1970: 1_893_553_445))
        XCTAssertNil(headers.xBeta, "'soon' is not a boolean")
        XCTAssertEqual(headers.metadata.header("x-other"), "kept")
    }
}

/// Answers in another media type than the method reads: text stays text, and a body that is
/// not JSON where JSON is documented is an error that says what arrived and keeps the body.
final class MediaTypeAnswersTests: XCTestCase {
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
    }

    func testTextAndBinaryAnswersAskForTheirDocumentedTypes() async throws {
        let client = Client(serverURL: server.baseURL, apiToken: "t", retry: .none)
        server.setHandler { _ in TestHTTPServer.Response(status: 201, body: Data("a,b\n1,2\n".utf8), contentType: "text/csv") }
        let csv = try await client.createThing(body: CreateThingRequest(name: "n"))
        XCTAssertEqual(csv, "a,b\n1,2\n")
        XCTAssertEqual(server.requests.last?.header("Accept"), "text/plain, text/csv")
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data([0, 1]), contentType: "application/octet-stream") }
        let bytes = try await client.uploadBlob(thingID: "t1", body: Data([9]))
        XCTAssertEqual(bytes, Data([0, 1]))
        XCTAssertEqual(server.requests.last?.header("Accept"), "application/octet-stream")
    }

    func testJSONExpectedButHTMLArrivedSaysSo() async throws {
        let client = Client(serverURL: server.baseURL, apiToken: "t", retry: .none)
        let page = "<html><body>Maintenance</body></html>"
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data(page.utf8), contentType: "text/html; charset=utf-8") }
        do {
            _ = try await client.putAccount(id: "a1", body: Account(name: "Ada"))
            XCTFail("HTML is not an Account")
        } catch APIError.decoding(_, _, let reason, let body) {
            XCTAssertTrue(reason.hasPrefix("the answer is 'text/html', not JSON ("), reason)
            XCTAssertEqual(String(decoding: body, as: UTF8.self), page)
        }
        server.setHandler { _ in TestHTTPServer.Response(status: 201, body: Data("{}".utf8), contentType: "application/json") }
        do {
            _ = try await client.createAccount(body: Account(name: "Ada"))
            XCTFail("an empty object is not an Account")
        } catch APIError.decoding(_, _, let reason, _) {
            XCTAssertFalse(reason.contains("not JSON"), reason)
        }
    }
}
