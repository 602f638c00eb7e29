// Compiled with the `AsyncHTTPClientTransport` trait on (`swift build --traits AsyncHTTPClientTransport`).
#if AsyncHTTPClientTransport
import XCTest
import Foundation
import RealtimeKitMeetings
import APIGenRuntime
import APIGenAsyncHTTPClient

/// The meetings calls through AsyncHTTPClient, against a real server on 127.0.0.1: the same
/// request on the wire as through URLSession, and the same answers, errors and retries.
final class AsyncHTTPClientTransportTests: XCTestCase {
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
    }

    private func client(retry: RetryPolicy = .default, timeout: Double = 10) -> Client {
        Client(serverURL: server.baseURL, apiToken: "tok", transport: AsyncHTTPClientTransport(), timeout: timeout, retry: retry)
    }

    private static let meeting = #"{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19.117Z","updated_at":"2019-12-27T18:11:19.117Z","title":"Standup","status":"ACTIVE"}"#

    func testListAndCreateSendTheSameRequestsAsURLSession() async throws {
        server.setHandler { request in
            request.method == "GET"
                ? .json(200, #"{"success":true,"data":[\#(Self.meeting)],"paging":{"total_count":1,"start_offset":1,"end_offset":1}}"#)
                : .json(201, #"{"success":true,"data":\#(Self.meeting)}"#)
        }
        let list = try await client().listMeetings(accountID: "acc", appID: "app", perPage: 5, search: "a b&c", status: .active)
        XCTAssertEqual(list.data.first?.title, "Standup")
        let created = try await client().createMeeting(accountID: "acc", appID: "app", body: .init(title: "Standup", recordOnStart: true))
        XCTAssertEqual(created.data.status, .active)
        let (get, post) = (server.requests[0], server.requests[1])
        XCTAssertEqual(get.path, "/client/v4/accounts/acc/realtime/kit/app/meetings")
        XCTAssertEqual(get.query, "per_page=5&search=a%20b%26c&status=ACTIVE")
        XCTAssertEqual(get.header("Authorization"), "Bearer tok")
        XCTAssertEqual(get.header("Accept"), "application/json")
        XCTAssertEqual(post.method, "POST")
        XCTAssertEqual(post.header("Content-Type"), "application/json")
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: post.body) as? [String: Any])
        XCTAssertEqual(body["title"] as? String, "Standup")
        XCTAssertEqual(body["record_on_start"] as? Bool, true)
    }

    func testErrorsAndRetriesAreTheClientsWhateverTheTransport() async throws {
        let calls = CallCount()
        server.setHandler { _ in
            calls.next() == 1
                ? .json(503, "{}", headers: [("Retry-After", "1")])
                : .json(404, #"{"success":false,"error":{"code":404,"message":"Meeting not found"}}"#)
        }
        let start = Date()
        do {
            _ = try await client().getMeeting(accountID: "a", appID: "b", meetingID: UUID())
            XCTFail("404 must throw")
        } catch let error as APIError {
            XCTAssertEqual(error.status, 404)
            XCTAssertEqual(error.errorBody(as: ErrorResponse.self)?.error.message, "Meeting not found")
        }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.9, "Retry-After: 1 was honoured")
        XCTAssertEqual(server.requests.count, 2)
    }

    func testTheTimeoutHoldsAndAFailedConnectionIsATransportError() async throws {
        server.setHandler { _ in .json(200, "{}", delay: 3) }
        do {
            _ = try await client(retry: .none, timeout: 0.5).getMeeting(accountID: "a", appID: "b", meetingID: UUID())
            XCTFail("must time out")
        } catch APIError.timedOut {}
        server.stop()
        // AsyncHTTPClient tries to connect again until the request's deadline, so a refused
        // connection ends as the timeout (URLSession fails at once, with `.transport`).
        let start = Date()
        do {
            _ = try await client(retry: .none, timeout: 1).getMeeting(accountID: "a", appID: "b", meetingID: UUID())
            XCTFail("must fail")
        } catch APIError.transport {
        } catch APIError.timedOut {}
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
    }

    /// An `HTTPClient` that follows redirects itself would send the credentials wherever one
    /// points: the transport refuses it before anything is sent; one that does not is used.
    func testAnHTTPClientThatFollowsRedirectsIsRefused() async throws {
        server.setHandler { _ in .json(200, #"{"success":true,"data":\#(Self.meeting)}"#) }
        XCTAssertTrue(AsyncHTTPClientTransport.followsRedirects(.shared))
        XCTAssertFalse(AsyncHTTPClientTransport.followsRedirects(AsyncHTTPClientTransport.sharedClient))
        let refusing = Client(serverURL: server.baseURL, apiToken: "tok", transport: AsyncHTTPClientTransport(client: .shared), retry: .none)
        do {
            _ = try await refusing.getMeeting(accountID: "a", appID: "b", meetingID: UUID())
            XCTFail("expected an error")
        } catch APIError.invalidArgument("transport", let reason) {
            XCTAssertTrue(reason.contains("redirectConfiguration: .disallow"), reason)
        }
        XCTAssertEqual(server.requests.count, 0)
    }
}
#endif
