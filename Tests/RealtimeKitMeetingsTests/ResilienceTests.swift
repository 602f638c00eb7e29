import XCTest
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RealtimeKitMeetings
import APIGenRuntime

/// Retries, per-call options and middleware, against a real HTTP server on 127.0.0.1.
final class ResilienceTests: XCTestCase {
    private let token = "tok-SECRET-123"
    private var server: TestHTTPServer!
    private static let meetingJSON = #"{"success":true,"data":{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19.117Z","updated_at":"2019-12-27T18:11:19.117Z","title":"Standup","status":"ACTIVE"}}"#
    private let meetingID = UUID(uuidString: "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")!

    override func setUpWithError() throws {
        server = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
        server = nil
    }

    private func client(timeout: Double = 10, retry: RetryPolicy = .default, middlewares: [any APIMiddleware] = []) -> Client {
        Client(serverURL: server.baseURL, apiToken: token, timeout: timeout, retry: retry, middlewares: middlewares)
    }

    /// Answers `first` to the first request and `then` to every later one.
    private func answer(_ first: TestHTTPServer.Response, then: TestHTTPServer.Response) {
        let count = CallCount()
        server.setHandler { _ in count.next() == 1 ? first : then }
    }

    func testA503WithRetryAfterIsRetriedAfterThatLong() async throws {
        answer(.json(503, "{}", headers: [("Retry-After", "1")]), then: .json(200, Self.meetingJSON))
        let start = Date()
        let meeting = try await client().getMeeting(accountID: "a", appID: "b", meetingID: meetingID)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(meeting.data.title, "Standup")
        XCTAssertEqual(server.requests.count, 2)
        XCTAssertGreaterThanOrEqual(elapsed, 0.9, "waited as Retry-After said")
        XCTAssertLessThan(elapsed, 5)
    }

    func testAPostWithoutAnIdempotencyKeyIsSentOnce() async throws {
        answer(.json(503, "{}"), then: .json(200, Self.meetingJSON))
        do {
            _ = try await client().createMeeting(accountID: "a", appID: "b", body: .init(title: "x"))
            XCTFail("expected the 503")
        } catch APIError.http(let status, _, _) {
            XCTAssertEqual(status, 503)
        }
        XCTAssertEqual(server.requests.count, 1, "a POST is never sent twice without an idempotency key")
    }

    func testAPostWithAnIdempotencyKeyIsRetried() async throws {
        answer(.json(503, "{}", headers: [("retry-after-ms", "50")]), then: .json(200, Self.meetingJSON))
        let meeting = try await client().with(headers: ["Idempotency-Key": "k-1"]).createMeeting(accountID: "a", appID: "b", body: .init(title: "x"))
        XCTAssertEqual(meeting.data.title, "Standup")
        XCTAssertEqual(server.requests.map { $0.header("idempotency-key") }, ["k-1", "k-1"])
    }

    func testNonRetryableStatusesAndRetryPolicyNoneFailAtOnce() async throws {
        server.setHandler { _ in .json(404, #"{"success":false,"error":{"message":"no"}}"#) }
        _ = try? await client().getMeeting(accountID: "a", appID: "b", meetingID: meetingID)
        XCTAssertEqual(server.requests.count, 1, "a 404 is not retried")
        server.setHandler { _ in .json(500, "{}") }
        _ = try? await client(retry: .none).getMeeting(accountID: "a", appID: "b", meetingID: meetingID)
        XCTAssertEqual(server.requests.count, 2, ".none sends once")
        _ = try? await client(retry: RetryPolicy(initialDelay: 0.01)).getMeeting(accountID: "a", appID: "b", meetingID: meetingID)
        XCTAssertEqual(server.requests.count, 5, "the default two retries")
    }

    func testCancellingDuringABackoffWaitReturnsAtOnce() async throws {
        server.setHandler { _ in .json(503, "{}", headers: [("Retry-After", "30")]) }
        let client = client(timeout: 60), id = meetingID
        let task = Task { try await client.getMeeting(accountID: "a", appID: "b", meetingID: id) }
        try await Task.sleep(nanoseconds: 300_000_000)
        let start = Date()
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "the 30 s wait ended when the task was cancelled")
        XCTAssertEqual(server.requests.count, 1)
    }

    func testTheTimeoutCountsAcrossAttemptsAndPerCallOptionsReachTheWire() async throws {
        server.setHandler { _ in .json(503, "{}", headers: [("Retry-After", "5")]) }
        let start = Date()
        do {
            _ = try await client(timeout: 30).with(timeout: 1).getMeeting(accountID: "a", appID: "b", meetingID: meetingID)
            XCTFail("expected the 503")
        } catch APIError.http(503, _, _) {
            // The 5 s wait does not fit in the call's 1 s: it gives up at once, with the answer.
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        server.setHandler { _ in .json(200, Self.meetingJSON, delay: 3) }
        do {
            _ = try await client().with(timeout: 0.5).getMeeting(accountID: "a", appID: "b", meetingID: meetingID)
            XCTFail("expected a timeout")
        } catch APIError.timedOut(let seconds) {
            XCTAssertEqual(seconds, 0.5)
        }
        server.setHandler { _ in .json(200, Self.meetingJSON) }
        _ = try await client().with(headers: ["X-Request-ID": "r-42"]).getMeeting(accountID: "a", appID: "b", meetingID: meetingID)
        XCTAssertEqual(server.requests.last?.header("x-request-id"), "r-42")
        XCTAssertEqual(server.requests.last?.header("authorization"), "Bearer \(token)", "the client's own headers stay")
    }

    func testMiddlewareSeesAndChangesBothDirectionsAndLoggingHidesCredentials() async throws {
        answer(.json(500, "{}"), then: .json(200, Self.meetingJSON))
        let lines = Lines()
        let seen = Lines()
        let rewriting = Rewriting(seen: seen)
        let client = client(retry: RetryPolicy(initialDelay: 0.01), middlewares: [LoggingMiddleware { lines.append($0) }, rewriting])
        let meeting = try await client.getMeeting(accountID: "a", appID: "b", meetingID: meetingID)
        XCTAssertEqual(meeting.data.title, "Rewritten", "the middleware changed the response")
        XCTAssertEqual(server.requests.map { $0.header("x-middleware") }, ["on", "on"], "and the request, on every attempt")
        XCTAssertEqual(seen.all, ["getMeeting /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id} 1",
                                  "getMeeting /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id} 2"])
        XCTAssertEqual(lines.all.count, 2, "one line per attempt: \(lines.all)")
        XCTAssertTrue(lines.all[0].hasPrefix("GET /accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id} → 500 in "), lines.all[0])
        XCTAssertTrue(lines.all[1].hasSuffix("(attempt 2)"), lines.all[1])
        XCTAssertFalse(lines.all.joined().contains(token))
    }

    func testResponseHeadersAreReadWithTheBody() async throws {
        answer(.json(503, "{}", headers: [("retry-after-ms", "10"), ("ETag", "\"old\"")]),
               then: .json(200, Self.meetingJSON, headers: [("ETag", "\"v7\""), ("X-RateLimit-Remaining", "41")]))
        let client = client()
        let (meeting, answer) = try await withResponseMetadata { try await client.getMeeting(accountID: "a", appID: "b", meetingID: self.meetingID) }
        XCTAssertEqual(meeting.data.title, "Standup")
        XCTAssertEqual(answer?.status, 200)
        XCTAssertEqual(answer?.header("etag"), "\"v7\"", "the answer whose body was returned, not the retried 503")
        XCTAssertEqual(answer?.header("x-ratelimit-remaining").flatMap(Int.init), 41)
        let (_, none) = await withResponseMetadata { () async -> Int in 1 }
        XCTAssertNil(none, "no call, no metadata")
    }

    func testRetryAfterForms() {
        let policy = RetryPolicy.default
        func response(_ headers: [String: String]) -> HTTPURLResponse {
            HTTPURLResponse(url: URL(string: "http://x")!, statusCode: 503, httpVersion: nil, headerFields: headers)!
        }
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(policy.delay(beforeRetry: 1, after: response(["Retry-After": "3"]), now: now), 3)
        XCTAssertEqual(policy.delay(beforeRetry: 1, after: response(["retry-after-ms": "250"]), now: now), 0.25)
        XCTAssertEqual(policy.delay(beforeRetry: 1, after: response(["Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT"]), now: now), 10, accuracy: 0.001)
        XCTAssertEqual(policy.delay(beforeRetry: 1, after: response(["Retry-After": "86400"]), now: now), 60, "capped")
        // A negative, NaN or infinite word is no word: the backoff applies, not an instant retry.
        for bad in ["-5", "nan", "inf", "-inf", "1e400"] {
            for header in ["Retry-After", "retry-after-ms"] {
                let delay = policy.delay(beforeRetry: 1, after: response([header: bad]), now: now)
                XCTAssertTrue(delay >= 0.25 && delay <= 0.5, "\(header): \(bad) gave \(delay)")
            }
        }
        XCTAssertTrue((0.25...0.5).contains(policy.delay(beforeRetry: 1, after: response(["Retry-After": "Tue, 14 Nov 2023 22:13:00 GMT"]), now: now)),
                      "a date in the past is no word either")
        XCTAssertLessThanOrEqual(policy.delay(beforeRetry: Int.max, after: nil), 8, "any retry number gives a finite wait")
        for retry in 1...6 {
            let delay = policy.delay(beforeRetry: retry, after: response([:]), now: now)
            let base = min(8, 0.5 * pow(2, Double(retry - 1)))
            XCTAssertTrue(delay >= base / 2 && delay <= base, "retry \(retry): \(delay)")
        }
    }
}

/// Adds a header to every request, records what it sees, and rewrites the title it answers.
private struct Rewriting: APIMiddleware {
    let seen: Lines

    func intercept(_ request: MiddlewareRequest, attempt: CallAttempt,
                   next: @Sendable (MiddlewareRequest) async throws -> MiddlewareResponse) async throws -> MiddlewareResponse {
        seen.append("\(attempt.operation.id) \(attempt.operation.pathTemplate) \(attempt.number)")
        var request = request
        request.setHeader("X-Middleware", "on")
        var response = try await next(request)
        response.body = Data(String(decoding: response.body, as: UTF8.self).replacingOccurrences(of: "Standup", with: "Rewritten").utf8)
        return response
    }
}

private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
