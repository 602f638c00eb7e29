import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import APIGenRuntime
import KitchenSink

/// A transport that hands each request to a generated server in the same process: the client
/// and the server meet over the same bytes a network would carry.
struct LoopbackTransport: HTTPTransport {
    let server: APIServer

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (head, body) = try await stream(request)
        return (try await body.collect(), head)
    }

    func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream) {
        let url = try XCTUnwrapURL(request.url)
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let headers = (request.allHTTPHeaderFields ?? [:]).sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        let answer = await server.respond(to: ServerRequest(
            method: request.httpMethod ?? "GET", path: components?.percentEncodedPath ?? "/",
            query: components?.percentEncodedQuery, headers: headers, body: request.httpBody ?? Data()
        ))
        let fields = Dictionary(answer.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let head = HTTPURLResponse(url: url, statusCode: answer.status, httpVersion: "HTTP/1.1", headerFields: fields)!
        return (head, answer.stream ?? ByteStream(answer.body))
    }

    private func XCTUnwrapURL(_ url: URL?) throws -> URL {
        guard let url else { throw URLError(.badURL) }
        return url
    }
}

/// Answers every kitchen-sink operation from its arguments, so a test sees what arrived.
struct EchoHandler: APIHandler {
    struct Failure: Error {}

    static let createdAt = Date(timeIntervalSince1970: 1_767_323_045)

    func getThing(thingID: String, include: [GetThingIncludeItem]?, xRequestID: UUID?, since: Date?) async throws -> APIServer.GetThingAnswer {
        switch thingID {
        case "gone": return .other(status: 404, Problem(error: .init(code: 404, message: "gone")))
        case "boom": throw Failure()
        case "odd": return .other(status: 42, Problem())
        default:
            return .ok(Thing(id: xRequestID ?? UUID(), createdAt: Self.createdAt, seenAt: since.map { [$0] }, kind: .leftTop,
                             class: thingID, tags: include?.map(\.rawValue)))
        }
    }

    func deleteThingsByThingID(thingID: String) async throws -> APIServer.DeleteThingsByThingIDAnswer { .noContent }
    func patchThing(thingID: String, body: Patch) async throws -> APIServer.PatchThingAnswer {
        .ok(Thing(id: UUID(), createdAt: Self.createdAt, kind: .mp3, class: thingID))
    }
    func listThings(page: Int?, perPage: Int?, kind: Thing.Kind?) async throws -> APIServer.ListThingsAnswer {
        .ok(ListThingsResponse(result: [], resultInfo: .init(totalCount: page.map(Double.init))))
    }
    func createThing(body: CreateThingRequest) async throws -> APIServer.CreateThingAnswer { .created(body.name ?? "") }
    func createAccount(body: Account) async throws -> APIServer.CreateAccountAnswer { .created(body) }
    func putAccount(id: String, body: Account) async throws -> APIServer.PutAccountAnswer {
        switch id {
        case "missing": return .notFound(Problem(error: .init(code: 404, message: "no account \(id)")))
        case "teapot": return .clientError(status: 418, Problem(error: .init(code: 418)))
        case "empty": return .noContent
        case "new":
            let headers = APIServer.PutAccountAnswer.CreatedHeaders(location: URL(string: "https://sink.example.com/accounts/new")!,
                                                                    xRateLimitRemaining: 41, xBeta: true)
            return .created(.init(location: "/accounts/new"), headers: headers)
        case "weird": return .other(status: 503, .object(["retry": .bool(true)]))
        default: return .ok(body)
        }
    }
    func watchThing(thingID: String) async throws -> APIServer.WatchThingAnswer {
        guard thingID != "whole" else { return .ok(Thing(id: UUID(), createdAt: Self.createdAt, kind: .aB, class: thingID)) }
        return .stream(AsyncThrowingStream { continuation in
            for seq in 1...3 { continuation.yield(ThingEvent(seq: seq, note: seq == 2 ? "two\nlines\r\nand CR LF" : nil)) }
            if thingID == "broken" { continuation.finish(throwing: Failure()) } else { continuation.finish() }
        })
    }
    func exportAccounts() async throws -> APIServer.ExportAccountsAnswer {
        .stream(AsyncThrowingStream { continuation in
            continuation.yield(Account(name: "a"))
            continuation.yield(Account(id: "2", name: "b\nc"))
            continuation.finish()
        })
    }
    func getTree(id: String) async throws -> APIServer.GetTreeAnswer {
        .ok(TreeNode(name: id, children: [TreeNode(name: "\(id)/leaf")]))
    }
    func uploadBlob(thingID: String, body: Data?) async throws -> APIServer.UploadBlobAnswer { .ok(body ?? Data()) }
    func uploadPicture(thingID: String, contentType2: String?, body: Data, contentType: String) async throws -> APIServer.UploadPictureAnswer {
        .ok("\(contentType) \(body.count) \(contentType2 ?? "-")")
    }
    func getPicture(thingID: String) async throws -> APIServer.GetPictureAnswer {
        .ok(Data([1, 2, 3]), contentType: thingID)
    }
    func postAnything(body: Point) async throws -> APIServer.PostAnythingAnswer { .ok(body) }
    func sendStyles(simple: [String], label: String, matrix: [Int], labels: [String], point: Point, tags: [String]?, pipes: [String]?, spaces: [Int]?, filter: Point?, origin: Point?, redirect: String?, `where`: Point?, xPoint: Point?, xTags: [String]?, theme: String?, prefs: Point?) async throws -> APIServer.SendStylesAnswer { .noContent }
    func createCharge(body: CreateChargeRequest) async throws -> APIServer.CreateChargeAnswer { .noContent }
    func createPayment(body: PaymentForm) async throws -> APIServer.CreatePaymentAnswer { .ok(body) }
    func getConditional() async throws -> APIServer.GetConditionalAnswer { throw Failure() }
    func uploadReport(body: UploadReportRequest) async throws -> APIServer.UploadReportAnswer {
        await Self.uploads.add(body)
        return .noContent
    }

    /// What `uploadReport` received, for a test to read.
    static let uploads = Received<UploadReportRequest>()
    func listJobs(offset: Int?, limit: Int?) async throws -> APIServer.ListJobsAnswer {
        let start = offset ?? 0
        return .ok(ListJobsResponse(jobs: (start..<min(start + (limit ?? 2), 5)).map { Job(id: $0) }, meta: .init(totalEntries: 5)))
    }
    func searchJobs(body: SearchJobsRequest) async throws -> APIServer.SearchJobsAnswer {
        .ok(SearchJobsResponse(data: [Job(id: 1, name: body.query)], pages: 1))
    }
    func cancelJob(jobID: Int) async throws -> APIServer.CancelJobAnswer {
        jobID == 409 ? .conflict(JobConflict(state: "finished")) : .noContent
    }
    func listJobEvents(cursor: String?) async throws -> APIServer.ListJobEventsAnswer {
        .ok(ListJobEventsResponse(data: cursor.map { [$0] } ?? ["first"], nextCursor: cursor == nil ? "second" : nil))
    }
    func listJobLogs(pageToken: String?, pageSize: Int?, level: ListJobLogsLevel, since: Date?) async throws -> APIServer.ListJobLogsAnswer {
        .ok(ListJobLogsResponse(lines: [level.rawValue]))
    }
}

actor Received<Value: Sendable> {
    private(set) var values: [Value] = []
    func add(_ value: Value) { values.append(value) }
}
