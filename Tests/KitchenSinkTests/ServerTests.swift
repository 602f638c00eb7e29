import XCTest
import Foundation
@_spi(Generated) import APIGenRuntime
import KitchenSink

/// The generated server (`outputs: [server]`) behind the generated client, in one process: every
/// value the client writes is read back by the server's routes, and every answer the handler
/// gives reaches the client as the document says.
final class ServerTests: XCTestCase {
    private let server = APIServer(handler: EchoHandler())
    private var client: Client {
        Client(serverURL: URL(string: "https://api.example.test/v1")!, apiToken: "t",
               transport: LoopbackTransport(server: APIServer(handler: EchoHandler(), prefix: "/v1")), retry: .none)
    }

    func testParametersOfEveryPlaceRoundTrip() async throws {
        let id = UUID(), since = Date(timeIntervalSince1970: 1_700_000_000.25)
        let thing = try await client.getThing(thingID: "ab/c?d", include: [.owner, .parts], xRequestID: id, since: since)
        XCTAssertEqual(thing.id, id, "a header")
        XCTAssertEqual(thing.class, "ab/c?d", "a path segment with reserved characters")
        XCTAssertEqual(thing.seenAt, [since], "a date in the query")
        XCTAssertEqual(thing.tags, ["owner", "parts"], "an array in the query, not exploded")
        XCTAssertEqual(thing.createdAt, EchoHandler.createdAt)

        let page = try await client.listThings(page: 3, perPage: nil, kind: .leftTop)
        XCTAssertEqual(page.resultInfo?.totalCount, 3)
    }

    func testBodiesRoundTrip() async throws {
        let account = Account(id: "a1", name: "Ada")
        let created = try await client.createAccount(body: account)
        XCTAssertEqual(created, account)
        let found = try await client.searchJobs(body: SearchJobsRequest(query: "nightly"))
        XCTAssertEqual(found.data, [Job(id: 1, name: "nightly")])
        let blob = try await client.uploadBlob(thingID: "ab", body: Data([0, 1, 255]))
        XCTAssertEqual(blob, Data([0, 1, 255]))
        let tree = try await client.getTree(id: "root")
        XCTAssertEqual(tree.children?.first?.name, "root/leaf")
    }

    func testDeclaredHeadersAreWrittenAndReadBack() async throws {
        let (created, metadata) = try await withResponseMetadata { try await client.putAccount(id: "new", body: Account(name: "n")) }
        guard case .case2(let body)? = created else { return XCTFail("\(String(describing: created))") }
        XCTAssertEqual(body.location, "/accounts/new")
        let headers = try XCTUnwrap(metadata.map(ResponseHeaders.init))
        XCTAssertEqual(headers.metadata.status, 201)
        XCTAssertEqual(headers.location, URL(string: "https://sink.example.com/accounts/new"))
        XCTAssertEqual(headers.xRateLimitRemaining, 41)
        XCTAssertEqual(headers.xBeta, true)
        XCTAssertNil(headers.expires, "a header the handler left nil is not sent")
    }

    func testAHeaderValueCannotAddAHeader() async throws {
        let answer = try APIGenRuntime.ServerResponse(status: 200).adding([("X-Ok", "fine"), ("X-None", nil as String?)])
        XCTAssertEqual(answer.headers.map(\.name), ["X-Ok"])
        XCTAssertThrowsError(try APIGenRuntime.ServerResponse(status: 200).adding([("X-Evil", "a\r\nSet-Cookie: b")]))
        XCTAssertThrowsError(try APIGenRuntime.ServerResponse(status: 200).adding([("X-Evil", "a\nb")]))
    }

    func testStreamedAnswersAreWrittenAsTheyCome() async throws {
        var events: [ThingEvent] = []
        for try await event in try await client.watchThingStream(thingID: "ab") { events.append(event.data) }
        XCTAssertEqual(events.map(\.seq), [1, 2, 3])
        XCTAssertEqual(events[1].note, "two\nlines\r\nand CR LF", "JSON escapes the line breaks inside an event's data")
        let whole = try await client.watchThing(thingID: "whole")
        XCTAssertEqual(whole.class, "whole", "the same operation's JSON answer")
        var accounts: [Account] = []
        for try await account in try await client.exportAccountsStream() { accounts.append(account) }
        XCTAssertEqual(accounts.map(\.name), ["a", "b\nc"])
        do {
            for try await _ in try await client.watchThingStream(thingID: "broken") {}
            XCTFail("the handler's stream failed")
        } catch {}
    }

    func testFormBodiesAreReadAsTheClientWritesThem() async throws {
        let created = try await client.createThing(body: CreateThingRequest(name: "a&b=c", count: 3))
        XCTAssertEqual(created, "a&b=c")
        func answer(_ body: String, type: String = "application/x-www-form-urlencoded") async -> (Int, String) {
            let response = await server.respond(to: ServerRequest(method: "POST", target: "/things", headers: [("Content-Type", type)], body: Data(body.utf8)))
            return (response.status, String(decoding: response.body, as: UTF8.self))
        }
        var (status, text) = await answer("name=x+y%21&count=2")
        XCTAssertEqual(status, 201)
        XCTAssertEqual(text, "x y!")
        (status, text) = await answer("name=x&count=two")
        XCTAssertEqual(status, 400, "count is an integer")
        XCTAssertEqual(text, "the request body does not decode as CreateThingRequest")
        (status, _) = await answer(#"{"name":"x"}"#, type: "application/json")
        XCTAssertEqual(status, 415)
        (status, _) = await answer("name[a][b][c][d][e][f][g][h][i][j][k][l][m][n][o][p][q][r][s][t][u][v][w][x][y][z][1][2][3][4][5][6][7]=deep")
        XCTAssertEqual(status, 400, "nesting past 32 levels is refused, not recursed into")
    }

    /// An object in exploded `form` style writes its members as fields of the body itself: the
    /// server reads the fields the body does not declare as that object.
    func testAnObjectWhoseMembersAreFieldsOfTheFormIsReadBack() async throws {
        let sent = PaymentForm(amount: 12, card: .init(number: "4242 4242", zip: "a&b=c"))
        let echoed = try await client.createPayment(body: sent)
        XCTAssertEqual(echoed, sent)
        let bare = try await client.createPayment(body: PaymentForm(amount: 3))
        XCTAssertEqual(bare, PaymentForm(amount: 3), "no fields of its own: no card")
        let response = await server.respond(to: ServerRequest(method: "POST", target: "/payments", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                              body: Data("zip=9&amount=5&number=1".utf8)))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(try JSONDecoder().decode(PaymentForm.self, from: response.body), PaymentForm(amount: 5, card: .init(number: "1", zip: "9")))
    }

    func testMultipartBodiesAreReadAsTheClientWritesThem() async throws {
        let report = UploadReportRequest(
            attributes: .init(name: "Q3 \"final\"", parent: .init(id: "p1")),
            file: FileUpload(data: Data([0, 13, 10, 45, 45, 255]), fileName: "report.pdf", contentType: "application/pdf"),
            pages: [FileUpload(data: Data("one".utf8), fileName: "1.txt", contentType: "text/plain"),
                    FileUpload(data: Data("two".utf8), fileName: "2.txt", contentType: "text/plain")],
            note: "line one\r\nline two"
        )
        try await client.uploadReport(body: report)
        let received = await EchoHandler.uploads.values.last
        XCTAssertEqual(received, report, "a JSON part, a file with CR LF and dashes inside, an array of files, text")
    }

    func testEachDocumentedStatusReachesTheClient() async throws {
        guard case .account(let echoed)? = try await client.putAccount(id: "a", body: Account(name: "x")) else { return XCTFail("200") }
        XCTAssertEqual(echoed.name, "x")
        let empty = try await client.putAccount(id: "empty", body: Account(name: "x"))
        XCTAssertNil(empty, "204 is no body")

        let missing = await failure { _ = try await self.client.putAccount(id: "missing", body: Account(name: "x")) }
        XCTAssertEqual(missing?.status, 404)
        XCTAssertEqual(missing?.errorBody(of: .putAccount)?.error?.message, "no account missing")
        let teapot = await failure { _ = try await self.client.putAccount(id: "teapot", body: Account(name: "x")) }
        XCTAssertEqual(teapot?.status, 418, "a 4XX case gives its own status")
        let conflict = await failure { try await self.client.cancelJob(jobID: 409) }
        XCTAssertEqual(conflict?.errorBody(of: .cancelJob), .jobConflict(JobConflict(state: "finished")))
        let gone = await failure { _ = try await self.client.getThing(thingID: "gone") }
        XCTAssertEqual(gone?.status, 404, "`default` with the status the handler chose")
    }

    func testPagesWalkAcrossTheServer() async throws {
        var ids: [Int] = []
        for try await job in client.listJobsPages(limit: 2).items { ids.append(job.id) }
        XCTAssertEqual(ids, [0, 1, 2, 3, 4])
        var events: [String] = []
        for try await event in client.listJobEventsPages().items { events.append(event) }
        XCTAssertEqual(events, ["first", "second"])
    }

    func testTheServerChecksWhatTheClientWouldHaveChecked() async throws {
        let unchecked = Client(serverURL: URL(string: "https://api.example.test")!, apiToken: "t", transport: LoopbackTransport(server: server),
                               validatesArguments: false, retry: .none)
        let short = await failure { _ = try await unchecked.getThing(thingID: "a") }
        XCTAssertEqual(short?.status, 400, "minLength 2")
        let low = await failure { _ = try await unchecked.listThings(page: 0) }
        XCTAssertEqual(low?.status, 400, "minimum 1")
        let unknown = await failure { _ = try await unchecked.listThings(kind: .unknown("sideways")) }
        XCTAssertEqual(unknown?.status, 400, "a value the enum does not list")

        let lenient = APIServer(handler: EchoHandler(), validatesRequests: false)
        let answer = await lenient.respond(to: ServerRequest(method: "GET", target: "/things/a"))
        XCTAssertEqual(answer.status, 200, "validation off")
    }

    func testRequestsThatDoNotReadAreRefusedWithTheReason() async throws {
        func answer(_ method: String, _ target: String, headers: [(name: String, value: String)] = [], body: String = "") async -> (Int, String) {
            let response = await server.respond(to: ServerRequest(method: method, target: target, headers: headers, body: Data(body.utf8)))
            return (response.status, String(decoding: response.body, as: UTF8.self))
        }
        var (status, text) = await answer("GET", "/things?page=two")
        XCTAssertEqual(status, 400)
        XCTAssertEqual(text, "the query item 'page' does not read as Int")
        (status, text) = await answer("GET", "/things/abc", headers: [("X-Request-ID", "not-a-uuid")])
        XCTAssertEqual(status, 400)
        XCTAssertTrue(text.contains("X-Request-ID"), text)
        (status, _) = await answer("GET", "/things/abc?since=yesterday")
        XCTAssertEqual(status, 400)
        (status, text) = await answer("POST", "/accounts", headers: [("Content-Type", "application/json")])
        XCTAssertEqual(status, 400)
        XCTAssertEqual(text, "the request body is required")
        (status, _) = await answer("POST", "/accounts", headers: [("Content-Type", "application/json")], body: #"{"id": 5}"#)
        XCTAssertEqual(status, 400, "a body that does not decode")
        (status, _) = await answer("POST", "/accounts", headers: [("Content-Type", "text/plain")], body: #"{"name":"x"}"#)
        XCTAssertEqual(status, 415)
        (status, _) = await answer("GET", "/job-logs")
        XCTAssertEqual(status, 400, "a required query item is missing")
        (status, _) = await answer("GET", "/job-logs?level=debug")
        XCTAssertEqual(status, 400, "not a listed level")
        (status, text) = await answer("GET", "/job-logs?level=error")
        XCTAssertEqual(status, 200, text)
    }

    func testRoutingAndTheHandlersMistakes() async throws {
        func status(_ method: String, _ target: String) async -> Int {
            await server.respond(to: ServerRequest(method: method, target: target)).status
        }
        var code = await status("GET", "/nowhere")
        XCTAssertEqual(code, 404)
        let prefixed = APIServer(handler: EchoHandler(), prefix: "/v1/")
        code = await prefixed.respond(to: ServerRequest(method: "GET", target: "/things/ab")).status
        XCTAssertEqual(code, 404, "outside the prefix")
        code = await prefixed.respond(to: ServerRequest(method: "GET", target: "/v1/things/ab")).status
        XCTAssertEqual(code, 200)
        code = await prefixed.respond(to: ServerRequest(method: "GET", target: "/v1x/things/ab")).status
        XCTAssertEqual(code, 404, "a prefix is whole segments")
        code = await status("POST", "/jobs/7")
        XCTAssertEqual(code, 405, "the path is DELETE's")
        code = await status("GET", "/things/")
        XCTAssertEqual(code, 404, "an empty segment is no parameter")
        code = await status("DELETE", "/jobs/search")
        XCTAssertEqual(code, 400, "`search` is no job id")
        let multipart = await server.respond(to: ServerRequest(method: "POST", target: "/uploads", headers: [("Content-Type", "multipart/form-data; boundary=x")],
                                                               body: Data("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nab".utf8)))
        XCTAssertEqual(multipart.status, 400, "a part that is never closed")
        XCTAssertEqual(String(decoding: multipart.body, as: UTF8.self), "the request body is not multipart/form-data: a part is not closed")

        let boom = await server.respond(to: ServerRequest(method: "GET", target: "/things/boom"))
        XCTAssertEqual(boom.status, 500)
        XCTAssertTrue(boom.body.isEmpty, "a handler's error is not shown to the client")
        code = await status("GET", "/things/odd")
        XCTAssertEqual(code, 500, "42 is no status of `default`")
    }
}
