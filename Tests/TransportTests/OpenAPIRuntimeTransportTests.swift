// Compiled with the `OpenAPIRuntimeTransport` trait on (`swift build --traits OpenAPIRuntimeTransport`).
#if OpenAPIRuntimeTransport
import XCTest
import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
import RealtimeKitMeetings
import APIGenRuntime
import APIGenOpenAPIRuntime

/// The meetings client carried by a swift-openapi-runtime `ClientTransport` (the ecosystem's
/// URLSession one) through a `ClientMiddleware` that adds a header the server requires.
final class OpenAPIRuntimeTransportTests: XCTestCase {
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
    }

    /// Adds `X-Operation: <operation ID>` and records what it saw.
    struct OperationHeader: ClientMiddleware {
        let seen: Seen

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            var request = request
            request.headerFields[HTTPField.Name("X-Operation")!] = operationID
            seen.record(operationID, request.path ?? "")
            let (response, responseBody) = try await next(request, body, baseURL)
            seen.record("status", "\(response.status.code)")
            return (response, responseBody)
        }
    }

    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(String, String)] = []
        func record(_ key: String, _ value: String) { lock.lock(); entries.append((key, value)); lock.unlock() }
        var all: [(String, String)] { lock.lock(); defer { lock.unlock() }; return entries }
    }

    private static let meeting = #"{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19.117Z","updated_at":"2019-12-27T18:11:19.117Z","title":"Standup","status":"ACTIVE"}"#

    func testCallsGoThroughTheTransportAndItsMiddlewareWithTheOperationID() async throws {
        server.setHandler { request in
            // The server checks the middleware's header: without it, the call fails.
            guard let operation = request.header("X-Operation") else { return .json(401, #"{"error":"no X-Operation"}"#) }
            return operation == "getMeeting"
                ? .json(200, #"{"success":true,"data":\#(Self.meeting)}"#)
                : .json(201, #"{"success":true,"data":\#(Self.meeting)}"#)
        }
        let seen = Seen()
        let transport = OpenAPIRuntimeTransport(OpenAPIURLSession.URLSessionTransport(), middlewares: [OperationHeader(seen: seen)])
        let client = Client(serverURL: server.baseURL, apiToken: "tok", transport: transport, retry: .none)
        let id = UUID()
        let got = try await client.getMeeting(accountID: "acc", appID: "app", meetingID: id, name: "a b")
        XCTAssertEqual(got.data.title, "Standup")
        _ = try await client.createMeeting(accountID: "acc", appID: "app", body: .init(title: "T"))
        XCTAssertEqual(seen.all.map(\.0), ["getMeeting", "status", "createMeeting", "status"])
        XCTAssertEqual(seen.all[0].1, "/client/v4/accounts/acc/realtime/kit/app/meetings/\(id.uuidString.lowercased())?name=a%20b")
        XCTAssertEqual(seen.all[1].1, "200")
        let (get, post) = (server.requests[0], server.requests[1])
        XCTAssertEqual(get.header("Authorization"), "Bearer tok")
        XCTAssertEqual(get.query, "name=a%20b")
        XCTAssertEqual(post.header("X-Operation"), "createMeeting")
        XCTAssertEqual(String(decoding: post.body, as: UTF8.self), #"{"title":"T"}"#)
    }

    func testAnErrorAnswerThroughTheAdapterIsTheClientsError() async throws {
        server.setHandler { _ in .json(404, #"{"success":false,"error":{"code":404,"message":"Meeting not found"}}"#) }
        let client = Client(serverURL: server.baseURL, apiToken: "tok",
                            transport: OpenAPIRuntimeTransport(OpenAPIURLSession.URLSessionTransport()), retry: .none)
        do {
            _ = try await client.getMeeting(accountID: "a", appID: "b", meetingID: UUID())
            XCTFail("404 must throw")
        } catch let error as APIError {
            XCTAssertEqual(error.errorBody(as: ErrorResponse.self)?.error.message, "Meeting not found")
        }
    }
}
#endif
