import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// Each paging style of the kitchen-sink document, through the generated `…Pages` methods, to a
/// real server on 127.0.0.1: what each request asks for, and where each walk stops.
final class PagingTests: XCTestCase {
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer()
    }

    override func tearDown() {
        server.stop()
    }

    private var client: Client { Client(serverURL: server.baseURL, apiToken: "secret", retry: .none) }

    private static func query(_ request: TestHTTPServer.Request) -> [String: String] {
        var items: [String: String] = [:]
        for item in URLComponents(string: request.target)?.queryItems ?? [] { items[item.name] = item.value }
        return items
    }

    /// Offsets advance by the items read, and the walk ends at the reported total: five jobs,
    /// two a page, take three requests and never a fourth.
    func testOffsetsAdvanceByTheItemsReadUpToTheTotal() async throws {
        server.setHandler { request in
            let offset = Int(Self.query(request)["offset"] ?? "") ?? -1
            let jobs = (offset..<min(offset + 2, 5)).map { #"{"id":\#($0)}"# }
            return .json(200, #"{"jobs":[\#(jobs.joined(separator: ","))],"meta":{"total_entries":5}}"#)
        }
        var ids: [Int] = []
        for try await job in client.listJobsPages(limit: 2).items { ids.append(job.id) }
        XCTAssertEqual(ids, [0, 1, 2, 3, 4])
        XCTAssertEqual(server.requests.map { Self.query($0)["offset"] }, ["0", "2", "4"])
        XCTAssertEqual(server.requests.map { Self.query($0)["limit"] }, ["2", "2", "2"])

        // From an offset, without a total: the empty page ends it.
        server.setHandler { request in
            let offset = Int(Self.query(request)["offset"] ?? "") ?? -1
            return .json(200, offset < 4 ? #"{"jobs":[{"id":\#(offset)}]}"# : #"{"jobs":[]}"#)
        }
        ids = []
        for try await page in client.listJobsPages(startingAt: 2) { ids += page.jobs.map(\.id) }
        XCTAssertEqual(ids, [2, 3])
    }

    /// The page number goes into the POST body (the rest of the body as given), and the page
    /// count the server reports ends the walk.
    func testPagesInTheBodyStopAtThePageCount() async throws {
        server.setHandler { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
            let page = body?["page"] as? Int ?? -1
            return .json(200, #"{"data":[{"id":\#(page)}],"pages":3}"#)
        }
        var ids: [Int] = []
        for try await job in client.searchJobsPages(body: .init(query: "swift", page: 99, limit: 1)).items { ids.append(job.id) }
        XCTAssertEqual(ids, [1, 2, 3])
        let bodies = server.requests.map { (try? JSONSerialization.jsonObject(with: $0.body)) as? [String: Any] }
        XCTAssertEqual(bodies.map { $0?["query"] as? String }, ["swift", "swift", "swift"])
        XCTAssertEqual(bodies.map { $0?["limit"] as? Int }, [1, 1, 1])
        XCTAssertEqual(server.requests.map(\.method), ["POST", "POST", "POST"])
    }

    /// Each request sends the cursor the page before gave; a null or empty cursor ends it, and
    /// an empty page with a cursor does not.
    func testCursorsAreFollowedUntilThereIsNone() async throws {
        for last in [#""next_cursor":null"#, #""next_cursor":"""#, ""] {
            server.setHandler { request in
                switch Self.query(request)["cursor"] {
                case nil: .json(200, #"{"data":["a","b"],"next_cursor":"c 1&x"}"#)
                case "c 1&x": .json(200, #"{"data":[],"next_cursor":"c2"}"#)
                case "c2": .json(200, #"{"data":["c"]\#(last.isEmpty ? "" : ",")\#(last)}"#)
                default: .json(500, "{}")
                }
            }
            let start = server.requests.count
            var items: [String] = []
            for try await item in client.listJobEventsPages().items { items.append(item) }
            XCTAssertEqual(items, ["a", "b", "c"], last)
            XCTAssertEqual(server.requests[start...].map { Self.query($0)["cursor"] }, [nil, "c 1&x", "c2"], last)
        }
        // Resuming from a saved cursor.
        var items: [String] = []
        for try await item in client.listJobEventsPages(startingAfter: "c2").items { items.append(item) }
        XCTAssertEqual(items, ["c"])
    }

    /// A next link is read for its query only: the request after it goes to the client's own
    /// server and path, with the link's values for the operation's query parameters (an enum
    /// too), whatever host and path the link names. A required parameter the link leaves out, or
    /// gives a value the client cannot send, keeps the caller's; a date, which a link is not read
    /// for, keeps the caller's.
    func testLinksFillTheParametersAndNeverLeaveTheServer() async throws {
        server.setHandler { request in
            switch Self.query(request)["PageToken"] {
            case nil: .json(200, #"{"lines":["1"],"_links":{"next":{"href":"https://evil.example/steal?PageToken=t%2B1&PageSize=50&level=info&extra=x#f"}}}"#)
            case "t+1": .json(200, #"{"lines":["2"],"_links":{"next":{"href":"/client/v4/job-logs?PageToken=t3&level=no-such-level"}}}"#)
            case "t3": .json(200, #"{"lines":["3"],"_links":{}}"#)
            default: .json(500, "{}")
            }
        }
        var lines: [String] = []
        let since = Date(timeIntervalSince1970: 0)
        for try await line in client.listJobLogsPages(pageSize: 10, level: .error, since: since).items { lines.append(line) }
        XCTAssertEqual(lines, ["1", "2", "3"])
        XCTAssertEqual(server.requests.count, 3)
        XCTAssertEqual(Set(server.requests.map(\.path)), ["/client/v4/job-logs"])
        XCTAssertEqual(server.requests.map { $0.header("Authorization") }, Array(repeating: "Bearer secret", count: 3))
        let queries = server.requests.map(Self.query)
        XCTAssertEqual(queries.map { $0["PageSize"] }, ["10", "50", nil], "the link's value; left out when the link leaves it out")
        XCTAssertEqual(queries.map { $0["level"] }, ["error", "info", "error"], "a value the enum does not list keeps the caller's")
        XCTAssertEqual(queries.map { $0["since"] }, Array(repeating: "1970-01-01T00:00:00.000Z", count: 3))
        XCTAssertEqual(queries.map { $0["extra"] }, [nil, nil, nil], "only the operation's parameters are sent")
    }

    /// A count the server writes as a number no `Int` holds (`1e300`, `-1e300`, NaN is not
    /// JSON) is no count, not a trap: the walk goes on to the empty page. (Totals and page counts
    /// are read by the same generated conversion.)
    func testCountsNoIntHoldsAreNoCount() async throws {
        for count in ["1e300", "-1e300", "1.5e19"] {
            server.setHandler { request in
                let body = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any]
                let page = body?["page"] as? Int ?? -1
                return .json(200, page < 3 ? #"{"data":[{"id":\#(page)}],"pages":\#(count)}"# : #"{"data":[],"pages":\#(count)}"#)
            }
            var ids: [Int] = []
            for try await job in client.searchJobsPages(body: .init(query: "q")).items { ids.append(job.id) }
            XCTAssertEqual(ids, [1, 2], count)
        }
    }

    /// A server that hands out the same page again is stopped at once, in every style; one that
    /// makes pages without end is stopped by `maxPages`.
    func testRepeatedPagesAndEndlessServersAreStopped() async throws {
        server.setHandler { _ in .json(200, #"{"data":["a"],"next_cursor":"same"}"#) }
        do {
            for try await _ in client.listJobEventsPages() {}
            XCTFail("a repeated page must throw")
        } catch APIError.repeatedPage(let page) {
            XCTAssertEqual(page, 2, "the second page is the first again")
        }
        server.setHandler { request in
            let token = Self.query(request)["PageToken"] ?? ""
            return .json(200, #"{"lines":["\#(token)"],"_links":{"next":{"href":"?PageToken=\#(token)x"}}}"#)
        }
        let limited = Client(serverURL: server.baseURL, apiToken: "t", retry: .none, limits: Limits(maxPages: 4))
        var pages = 0
        do {
            for try await _ in limited.listJobLogsPages(level: .info) { pages += 1 }
            XCTFail("endless pages must throw")
        } catch APIError.limitExceeded(.pages(4)) {
            XCTAssertEqual(pages, 4)
        }
    }
}
