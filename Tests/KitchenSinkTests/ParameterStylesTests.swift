import XCTest
import Foundation
import KitchenSink
import APIGenRuntime

/// Every style, through the generated client, to a real server on 127.0.0.1: what reaches the
/// wire is what the specification's table says (`sendStyles`, in the kitchen-sink document).
final class ParameterStylesTests: XCTestCase {
    private var server: TestHTTPServer!

    override func setUpWithError() throws {
        server = try TestHTTPServer { _ in TestHTTPServer.Response(status: 204, body: Data()) }
    }

    override func tearDown() {
        server.stop()
    }

    func testEachStyleReachesTheWireAsTheSpecificationWritesIt() async throws {
        let client = Client(serverURL: server.baseURL, apiToken: "t", retry: .none)
        try await client.sendStyles(
            simple: ["blue", "black", "b,c"], label: "blue", matrix: [1, 2], labels: ["a", "b"], point: Point(x: 1, y: 2, label: "p q"),
            tags: ["a", "b,c"], pipes: ["a", "b"], spaces: [1, 2], filter: Point(x: 3, y: 4), origin: Point(x: 5, label: "o"),
            redirect: "https://example.com/a?b=c", where: Point(x: 7), xPoint: Point(x: 1, y: 2), xTags: ["a", "b"], theme: "dark")
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.path, "/client/v4/styles/blue,black,b%2Cc/.blue/;matrix=1;matrix=2/.a.b/;point=x,1,y,2,label,p%20q")
        XCTAssertEqual(request.query?.components(separatedBy: "&"), [
            "tags=a,b%2Cc",
            "pipes=a%7Cb",
            "spaces=1%202",
            "filter%5Bx%5D=3", "filter%5By%5D=4",
            "x=5", "label=o",
            "redirect=https://example.com/a?b=c",
            "where=%7B%22x%22%3A7%7D",
        ])
        XCTAssertEqual(request.header("X-Point"), "x=1,y=2")
        XCTAssertEqual(request.header("X-Tags"), "a,b")
        XCTAssertEqual(request.header("Cookie"), "theme=dark")
    }

    /// A path value that expands to nothing (an empty `simple` value, an empty exploded `matrix`
    /// list: RFC 6570 writes nothing for it) or to a dot segment (an empty `label` value is `.`,
    /// which URL handling removes) would address another resource, and is refused; an
    /// unexploded `matrix` value always writes its name.
    func testEmptyPathValuesThatWriteNothingAreRefused() async throws {
        let client = Client(serverURL: server.baseURL, apiToken: "t", retry: .none)
        do {
            try await client.sendStyles(simple: [], label: "l", matrix: [1], labels: ["a"], point: Point())
            XCTFail("an empty simple value must be refused")
        } catch APIError.invalidArgument("simple", _) {}
        do {
            try await client.sendStyles(simple: ["s"], label: "l", matrix: [], labels: ["a"], point: Point())
            XCTFail("an empty exploded matrix list must be refused")
        } catch APIError.invalidArgument("matrix", _) {}
        do {
            try await client.sendStyles(simple: ["s"], label: "", matrix: [1], labels: ["a"], point: Point())
            XCTFail("an empty label value must be refused")
        } catch APIError.invalidArgument("label", _) {}
        XCTAssertEqual(server.requests.count, 0)
        try await client.sendStyles(simple: ["s"], label: "l", matrix: [1], labels: ["a"], point: Point())
        XCTAssertEqual(server.requests.last?.path, "/client/v4/styles/s/.l/;matrix=1/.a/;point")
    }
}
