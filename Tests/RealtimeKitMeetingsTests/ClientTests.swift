import XCTest
import Foundation
import RealtimeKitMeetings
import APIGenRuntime

/// The generated meetings client against a real HTTP server on 127.0.0.1.
final class ClientTests: XCTestCase {
    private let token = "tok-SECRET-123"
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
        server = nil
    }

    private func client(timeout: Double = 10, validates: Bool = true) -> Client {
        Client(serverURL: server.baseURL, apiToken: token, timeout: timeout, validatesArguments: validates)
    }

    private func fixtureText() throws -> String {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "meetings-list", withExtension: "json", subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    private static let meetingJSON = #"{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"2019-12-27T18:11:19.117Z","updated_at":"2019-12-27T18:11:19.117Z","title":"Standup","status":"ACTIVE"}"#

    /// Asserts the thrown error and that it never shows the token.
    private func assertThrows<T>(_ body: () async throws -> T, _ check: (any Error) -> Void, file: StaticString = #filePath, line: UInt = #line) async {
        do {
            _ = try await body()
            XCTFail("expected an error", file: file, line: line)
        } catch {
            XCTAssertFalse("\(error)".contains(token), "the token leaked: \(error)", file: file, line: line)
            XCTAssertFalse(String(reflecting: error).contains(token), file: file, line: line)
            check(error)
        }
    }

    func testListSendsMethodPathQueryAndAuthorization() async throws {
        let body = try fixtureText()
        server.setHandler { _ in .json(200, body) }
        let start = Date(timeIntervalSince1970: 1_577_470_279.117)
        let list = try await client().listMeetings(accountID: "acc", appID: "app", pageNo: 2, perPage: 50, startTime: start, search: "stand up&more", status: .active)
        XCTAssertEqual(list.data.count, 1)
        XCTAssertEqual(list.data.first?.recordingConfig?.audioConfig?.codec, .mp3)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/client/v4/accounts/acc/realtime/kit/app/meetings")
        XCTAssertEqual(request.query, "page_no=2&per_page=50&start_time=2019-12-27T18%3A11%3A19.117Z&search=stand%20up%26more&status=ACTIVE")
        XCTAssertEqual(request.header("Authorization"), "Bearer \(token)")
        XCTAssertEqual(request.header("Accept"), "application/json")
    }

    func testPathValuesStayInsideTheirSegment() async throws {
        server.setHandler { _ in .json(200, #"{"success":true,"data":\#(Self.meetingJSON)}"#) }
        let id = try XCTUnwrap(UUID(uuidString: "182BD5E5-6E1A-4FE4-A799-AA6D9A6AB26E"))
        let meeting = try await client().getMeeting(accountID: "a/b?c#d", appID: "../x", meetingID: id, name: "Zoë")
        XCTAssertEqual(meeting.data.title, "Standup")
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/client/v4/accounts/a%2Fb%3Fc%23d/realtime/kit/..%2Fx/meetings/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")
        XCTAssertEqual(request.query, "name=Zo%C3%AB")
    }

    func testCreateUpdateAndReplaceSendJSONBodies() async throws {
        server.setHandler { request in .json(request.method == "POST" ? 201 : 200, #"{"success":true,"data":\#(Self.meetingJSON)}"#) }
        let id = UUID()
        let api = client()
        let created = try await api.createMeeting(accountID: "acc", appID: "app", body: .init(
            title: "Standup", recordOnStart: true,
            recordingConfig: .init(audioConfig: .init(codec: .aac), videoConfig: .init(width: 1280, watermark: .init(position: .rightBottom)))))
        XCTAssertEqual(created.data.status, .active)
        _ = try await api.updateMeeting(accountID: "acc", appID: "app", meetingID: id, body: .init(status: .inactive))
        _ = try await api.replaceMeeting(accountID: "acc", appID: "app", meetingID: id, body: .init(title: nil, persistChat: true))
        let requests = server.requests
        XCTAssertEqual(requests.map(\.method), ["POST", "PATCH", "PUT"])
        XCTAssertEqual(requests[1].path, "/client/v4/accounts/acc/realtime/kit/app/meetings/\(id.uuidString.lowercased())")
        for request in requests { XCTAssertEqual(request.header("Content-Type"), "application/json") }
        let create = try XCTUnwrap(JSONSerialization.jsonObject(with: requests[0].body) as? [String: Any])
        XCTAssertEqual(create["title"] as? String, "Standup")
        XCTAssertEqual(create["record_on_start"] as? Bool, true)
        let recording = try XCTUnwrap(create["recording_config"] as? [String: Any])
        XCTAssertEqual((recording["audio_config"] as? [String: Any])?["codec"] as? String, "AAC")
        let video = try XCTUnwrap(recording["video_config"] as? [String: Any])
        XCTAssertEqual(video["width"] as? Int, 1280)
        XCTAssertEqual((video["watermark"] as? [String: Any])?["position"] as? String, "right bottom")
        XCTAssertEqual(String(decoding: requests[1].body, as: UTF8.self), #"{"status":"INACTIVE"}"#)
        let replace = try XCTUnwrap(JSONSerialization.jsonObject(with: requests[2].body) as? [String: Any])
        XCTAssertEqual(replace["persist_chat"] as? Bool, true)
    }

    /// A PATCH clears a nullable field by sending `null` for it; the fields not named stay out.
    func testUpdateSendsNullForAClearedField() async throws {
        server.setHandler { _ in .json(200, #"{"success":true,"data":\#(Self.meetingJSON)}"#) }
        let body = UpdateMeetingRequest(recordingConfig: Meeting.RecordingConfig(maxSeconds: 600).sendingNull(.storageConfig))
        _ = try await client().updateMeeting(accountID: "acc", appID: "app", meetingID: UUID(), body: body)
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "PATCH")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        XCTAssertEqual(Set(json.keys), ["recording_config"])
        let recording = try XCTUnwrap(json["recording_config"] as? [String: Any])
        XCTAssertEqual(Set(recording.keys), ["max_seconds", "storage_config"])
        XCTAssertTrue(recording["storage_config"] is NSNull, "\(recording)")
    }

    func testNotFoundAndBadRequestCarryTheAPIError() async throws {
        server.setHandler { request in
            request.method == "GET"
                ? .json(404, #"{"success":false,"error":{"code":404,"message":"Meeting not found"}}"#)
                : .json(400, #"{"success":false,"error":{"code":400,"message":"title is too long"}}"#)
        }
        await assertThrows({ try await self.client().getMeeting(accountID: "a", appID: "b", meetingID: UUID()) }) { error in
            guard case APIError.http(let status, let apiError, let body) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(status, 404)
            XCTAssertEqual(apiError?.code, "404")
            XCTAssertEqual(apiError?.message, "Meeting not found")
            XCTAssertTrue(String(decoding: body, as: UTF8.self).contains("Meeting not found"))
            XCTAssertEqual("\(error)", "HTTP 404: [404] Meeting not found")
            // The document gives 404 the ErrorResponse schema: the body decodes into it.
            let body404 = (error as? APIError)?.errorBody(as: ErrorResponse.self)
            XCTAssertEqual(body404?.error.message, "Meeting not found")
            XCTAssertEqual(body404?.success, false)
        }
        await assertThrows({ try await self.client().createMeeting(accountID: "a", appID: "b", body: .init(title: "x")) }) { error in
            guard case APIError.http(400, let apiError?, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(apiError.message, "title is too long")
        }
    }

    func testServerErrorWithHTMLBody() async throws {
        server.setHandler { _ in TestHTTPServer.Response(status: 500, body: Data("<html><body>Bad gateway</body></html>".utf8), contentType: "text/html") }
        await assertThrows({ try await self.client().listMeetings(accountID: "a", appID: "b") }) { error in
            guard case APIError.http(500, nil, let body) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(String(decoding: body, as: UTF8.self), "<html><body>Bad gateway</body></html>")
        }
    }

    func testMalformedJSONIsADecodingErrorWithThePath() async throws {
        server.setHandler { _ in .json(200, #"{"success":true,"data":[{"id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","created_at":"not a date","updated_at":"2019-12-27T18:11:19Z"}],"paging":{"total_count":1,"start_offset":1,"end_offset":1}}"#) }
        await assertThrows({ try await self.client().listMeetings(accountID: "a", appID: "b") }) { error in
            guard case APIError.decoding(let type, let path, let reason, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(type, "MeetingListResponse")
            XCTAssertEqual(path, "data[0].created_at")
            XCTAssertTrue(reason.contains("not a date"), reason)
        }
        server.setHandler { _ in .json(200, "{not json") }
        await assertThrows({ try await self.client().listMeetings(accountID: "a", appID: "b") }) { error in
            guard case APIError.decoding = error else { return XCTFail("\(error)") }
        }
    }

    func testSlowResponseTimesOut() async throws {
        server.setHandler { _ in .json(200, "{}", delay: 4) }
        let started = Date()
        await assertThrows({ try await self.client(timeout: 0.5).listMeetings(accountID: "a", appID: "b") }) { error in
            guard case APIError.timedOut(let seconds) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(seconds, 0.5)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 3.5, "the timeout must fire before the answer")
    }

    func testCancellationStopsARequestInFlight() async throws {
        server.setHandler { _ in .json(200, "{}", delay: 5) }
        let api = client()
        let task = Task { try await api.listMeetings(accountID: "a", appID: "b") }
        while server.requests.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
        let started = Date()
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 3, "cancellation must not wait for the answer")
    }

    func testUnknownEnumValuesInAResponse() async throws {
        let body = try fixtureText().replacingOccurrences(of: "\"ACTIVE\"", with: "\"ARCHIVED\"").replacingOccurrences(of: "\"aws\"", with: "\"r2\"")
        server.setHandler { _ in .json(200, body) }
        let list = try await client().listMeetings(accountID: "a", appID: "b")
        XCTAssertEqual(list.data.first?.status, .unknown("ARCHIVED"))
        XCTAssertEqual(list.data.first?.recordingConfig?.storageConfig?.type, .unknown("r2"))
    }

    func testPagesWalkThreePagesUpToTheTotalCount() async throws {
        server.setHandler { request in
            let page = Int(request.query?.components(separatedBy: "&").first { $0.hasPrefix("page_no=") }?.dropFirst(8) ?? "1") ?? 1
            let ids = page < 3 ? [2 * page - 1, 2 * page] : [5]
            let items = ids.map { i in #"{"id":"00000000-0000-0000-0000-00000000000\#(i)","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}"# }
            return .json(200, #"{"success":true,"data":[\#(items.joined(separator: ","))],"paging":{"total_count":5,"start_offset":\#(ids[0]),"end_offset":\#(ids.last!)}}"#)
        }
        var seen: [String] = []
        for try await page in client().listMeetingsPages(accountID: "a", appID: "b", perPage: 2) {
            seen += page.data.map { String($0.id.uuidString.suffix(1)) }
        }
        XCTAssertEqual(seen, ["1", "2", "3", "4", "5"])
        XCTAssertEqual(server.requests.count, 3, "stops at the total count, no fourth request")
        XCTAssertEqual(server.requests.map(\.query), ["page_no=1&per_page=2", "page_no=2&per_page=2", "page_no=3&per_page=2"])
    }

    /// A server that ignores the page number (every answer the same page, with no total) is
    /// asked twice, not forever; and no sequence fetches more than `maxPages`.
    func testPagesStopAtARepeatedPageAndAtMaxPages() async throws {
        let item = #"{"id":"00000000-0000-0000-0000-000000000001","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}"#
        server.setHandler { _ in .json(200, #"{"success":true,"data":[\#(item)],"paging":{"total_count":1000000,"start_offset":1,"end_offset":1}}"#) }
        var pages = 0
        await assertThrows({ for try await _ in self.client().listMeetingsPages(accountID: "a", appID: "b") { pages += 1 } }) { error in
            guard case APIError.repeatedPage(2) = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(pages, 1)
        XCTAssertEqual(server.requests.count, 2)
        // Pages that differ, without end: the limit stops them.
        let count = CallCount()
        server.setHandler { _ in
            let id = String(format: "%012d", count.next())
            let item = #"{"id":"00000000-0000-0000-0000-\#(id)","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z"}"#
            return .json(200, #"{"success":true,"data":[\#(item)],"paging":{"total_count":1000000,"start_offset":1,"end_offset":1}}"#)
        }
        pages = 0
        let limited = Client(serverURL: server.baseURL, apiToken: "t", limits: Limits(maxPages: 4))
        await assertThrows({ for try await _ in limited.listMeetingsPages(accountID: "a", appID: "b") { pages += 1 } }) { error in
            guard case APIError.limitExceeded(.pages(4)) = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(pages, 4)
    }

    /// An empty path argument would address another resource: it is refused before sending,
    /// in every position of the path.
    func testEmptyPathArgumentsAreRefusedBeforeSending() async throws {
        server.setHandler { _ in .json(200, "{}") }
        await assertThrows({ try await self.client().getMeeting(accountID: "", appID: "b", meetingID: UUID()) }) { error in
            guard case APIError.invalidArgument("accountID", _) = error else { return XCTFail("\(error)") }
        }
        await assertThrows({ try await self.client().getMeeting(accountID: "a", appID: "", meetingID: UUID()) }) { error in
            guard case APIError.invalidArgument("appID", _) = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(server.requests.count, 0)
    }

    func testConstraintsAreCheckedBeforeSending() async throws {
        let listBody = try fixtureText()
        server.setHandler { _ in .json(200, listBody) }
        let longID = String(repeating: "a", count: 36)
        await assertThrows({ try await self.client().listMeetings(accountID: "a", appID: longID) }) { error in
            guard case APIError.invalidArgument("appID", let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "is 36 characters long, the maximum is 32")
        }
        await assertThrows({ try await self.client().listMeetings(accountID: "a", appID: "b", status: .unknown("X")) }) { error in
            guard case APIError.invalidArgument("status", _) = error else { return XCTFail("\(error)") }
        }
        let body = CreateMeetingRequest(sessionKeepAliveTimeInSecs: 30, recordingConfig: .init(videoConfig: .init(width: 4000)))
        await assertThrows({ try await self.client().createMeeting(accountID: "a", appID: "b", body: body) }) { error in
            guard case APIError.invalidArgument(let name, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "body.sessionKeepAliveTimeInSecs")
        }
        let nested = CreateMeetingRequest(recordingConfig: .init(videoConfig: .init(width: 4000)))
        await assertThrows({ try await self.client().createMeeting(accountID: "a", appID: "b", body: nested) }) { error in
            guard case APIError.invalidArgument("body.recordingConfig.videoConfig.width", let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "is 4000, the maximum is 1920")
        }
        XCTAssertEqual(server.requests.count, 0, "nothing was sent")
        // A 36-character app ID (RealtimeKit's own example is a UUID) goes through with checks off.
        _ = try await client(validates: false).listMeetings(accountID: "a", appID: longID)
        XCTAssertEqual(server.requests.count, 1)
    }

    func testConnectionRefusedIsATransportError() async throws {
        server.stop()
        let api = Client(serverURL: URL(string: "http://127.0.0.1:1/v4")!, apiToken: token, timeout: 5)
        await assertThrows({ try await api.listMeetings(accountID: "a", appID: "b") }) { error in
            guard case APIError.transport = error else { return XCTFail("\(error)") }
        }
    }

    func testClientDescriptionHidesTheToken() {
        let api = client()
        XCTAssertEqual("\(api)", "Client(\(server.baseURL.absoluteString))")
        var dumped = ""
        dump(api, to: &dumped)
        XCTAssertFalse(dumped.contains(token), dumped)
        XCTAssertEqual(Client.defaultServerURL.absoluteString, "https://api.cloudflare.com/client/v4")
    }
}
