import XCTest
import Foundation
@_spi(Generated) import APIGenRuntime
import KitchenSink

/// A document may name a range of media types (`image/*`, `*/*`) where a `Content-Type` must be
/// one type (RFC 9110 allows ranges in `Accept` only). Bytes of a range are sent as the type the
/// caller names, checked to be one within it; JSON and text as `application/json` and
/// `text/plain`; and the server reads and answers the same way.
final class MediaRangeTests: XCTestCase {
    private var wire: TestHTTPServer!
    override func setUpWithError() throws { wire = try TestHTTPServer() }
    override func tearDown() { wire.stop() }

    private var wireClient: Client {
        Client(serverURL: wire.baseURL, apiToken: "t", transport: URLSessionTransport(), timeout: 30, retry: .none)
    }

    private let server = APIServer(handler: EchoHandler())
    private var loopbackClient: Client {
        Client(serverURL: URL(string: "https://api.example.test/v1")!, apiToken: "t",
               transport: LoopbackTransport(server: APIServer(handler: EchoHandler(), prefix: "/v1")), retry: .none)
    }

    func testBytesOfARangeGoOutAsTheTypeTheCallerNames() async throws {
        wire.setHandler { request in
            TestHTTPServer.Response(status: 200, body: Data("\(request.header("Content-Type") ?? "none")".utf8), contentType: "text/plain")
        }
        let answer = try await wireClient.uploadPicture(thingID: "a", contentType2: "q", body: Data([1, 2]), contentType: "image/png")
        XCTAssertEqual(answer, "image/png")
        XCTAssertEqual(wire.requests.last?.query, "content_type=q", "the query parameter of the same Swift name keeps its own")

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-picture-\(UUID().uuidString)")
        try Data([7, 8, 9]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try await wireClient.uploadPicture(thingID: "a", contentType2: nil, bodyFile: file, contentType: "image/webp; q=1")
        XCTAssertEqual(fromFile, "image/webp; q=1")
        XCTAssertEqual(wire.requests.last?.body, Data([7, 8, 9]))
    }

    func testATypeThatIsNotOneWithinTheRangeIsRefusedBeforeSending() async throws {
        wire.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data("sent".utf8), contentType: "text/plain") }
        let refused = ["text/plain", "image/*", "*/*", "image", "", "image/png\r\nX-Evil: 1", "image/png; a=\"b\nc\"", "image/p ng", "imagé/png"]
        for type in refused {
            do {
                _ = try await wireClient.uploadPicture(thingID: "a", contentType2: nil, body: Data([1]), contentType: type)
                XCTFail("\(type.debugDescription) was sent")
            } catch APIError.invalidArgument(let name, let reason) {
                XCTAssertEqual(name, "contentType")
                XCTAssertFalse(reason.contains("\r") || reason.contains("\n"), "the reason shows no line break: \(reason.debugDescription)")
            }
        }
        XCTAssertTrue(wire.requests.isEmpty, "nothing reached the server")
    }

    func testJSONOfAnyMediaTypeIsSentAndAnsweredAsApplicationJSON() async throws {
        wire.setHandler { request in
            .json(200, "{\"label\":\"\(request.header("Content-Type") ?? "none")\"}", headers: [])
        }
        let point = try await wireClient.postAnything(body: Point(x: 1))
        XCTAssertEqual(point.label, "application/json")

        let echoed = try await loopbackClient.postAnything(body: Point(x: 3, label: "p"))
        XCTAssertEqual(echoed, Point(x: 3, label: "p"))
        let response = await server.respond(to: ServerRequest(method: "POST", target: "/anything", headers: [("Content-Type", "application/json")], body: Data("{\"x\":1}".utf8)))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Type"), "application/json", "no range is sent as a Content-Type")
    }

    func testTheServerHandsOnTheTypeThatArrivedAndRefusesOthers() async throws {
        let answer = try await loopbackClient.uploadPicture(thingID: "a", contentType2: "q", body: Data([1, 2, 3]), contentType: "image/gif")
        XCTAssertEqual(answer, "image/gif 3 q")

        func put(_ headers: [(String, String)]) async -> (Int, String?, String) {
            let response = await server.respond(to: ServerRequest(method: "PUT", target: "/things/a/picture", headers: headers, body: Data([1])))
            return (response.status, response.header("Content-Type"), String(decoding: response.body, as: UTF8.self))
        }
        let read = await put([("Content-Type", "IMAGE/PNG; x=\"a;b\"")])
        XCTAssertEqual(read.0, 200)
        XCTAssertEqual(read.2, "IMAGE/PNG; x=\"a;b\" 1 -", "the header as it came, parameters and all")
        XCTAssertEqual(read.1, "text/plain", "a text answer of `text/*` goes out as text/plain")
        let picture = await server.respond(to: ServerRequest(method: "GET", target: "/things/image%2Fpng/picture", headers: [], body: Data()))
        XCTAssertEqual(picture.status, 200)
        XCTAssertEqual(picture.header("Content-Type"), "image/png", "the type the handler names")
        XCTAssertEqual(picture.body, Data([1, 2, 3]))
        for named in ["text/plain", "image/*", "image/png%0D%0AX-Evil:%201"] {
            let refused = await server.respond(to: ServerRequest(method: "GET", target: "/things/\(named.replacingOccurrences(of: "/", with: "%2F"))/picture", headers: [], body: Data()))
            XCTAssertEqual(refused.status, 500, "\(named): no range, no type outside image/*, no line break")
            XCTAssertFalse(refused.headers.contains { $0.name.lowercased() == "x-evil" })
        }
        for headers in [[("Content-Type", "text/plain")], [("Content-Type", "image/*")], [("Content-Type", "*/*")], [("Content-Type", "png")], []] {
            let (status, _, _) = await put(headers)
            XCTAssertEqual(status, 415, "\(headers): bytes without a type are application/octet-stream, not an image")
        }
    }
}
