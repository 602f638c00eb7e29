// Compiled with the `OpenAPIRuntimeTransport` trait on.
#if OpenAPIRuntimeTransport
import XCTest
import Foundation
import APIGenRuntime
import APIGenOpenAPIRuntime
import HTTPTypes
import KitchenSink
import OpenAPIRuntime

/// A swift-openapi-runtime `ServerTransport` in memory, routing as a web framework does (path
/// templates with `{name}`, parameters handed over percent-encoded), and a `ClientTransport`
/// whose requests it answers: a generated client and a generated server meet over it, through
/// `OpenAPIRuntimeTransport` and `ServerTransport.register(_:)`.
final class InMemoryServerTransport: ServerTransport, ClientTransport, @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    private let lock = NSLock()
    private var routes: [(method: HTTPRequest.Method, template: [Substring], handler: Handler)] = []

    func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
        lock.withLock { routes.append((method, path.split(separator: "/", omittingEmptySubsequences: false), handler)) }
    }

    var registeredPaths: [String] { lock.withLock { routes.map { "\($0.method.rawValue) " + $0.template.joined(separator: "/") } } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        let target = request.path ?? "/"
        let path = target.prefix { $0 != "?" }.split(separator: "/", omittingEmptySubsequences: false)
        for route in lock.withLock({ routes }) where route.method == request.method && route.template.count == path.count {
            var parameters: [String: Substring] = [:]
            let matches = zip(route.template, path).allSatisfy { pattern, segment in
                if pattern.hasPrefix("{"), pattern.hasSuffix("}") {
                    parameters[String(pattern.dropFirst().dropLast())] = segment
                    return !segment.isEmpty
                }
                return pattern == segment
            }
            if matches { return try await route.handler(request, body, ServerRequestMetadata(pathParameters: parameters)) }
        }
        return (HTTPResponse(status: .notFound), nil)
    }
}

final class ServerTransportTests: XCTestCase {
    private func client(_ transport: InMemoryServerTransport) -> Client {
        Client(serverURL: URL(string: "https://api.example.test/v1")!, apiToken: "t",
               transport: OpenAPIRuntimeTransport(transport), retry: .none)
    }

    func testAGeneratedClientAndServerMeetOverAServerTransport() async throws {
        let transport = InMemoryServerTransport()
        try transport.register(APIServer(handler: EchoHandler()).routes, prefix: "/v1/")
        XCTAssertTrue(transport.registeredPaths.contains("GET /v1/things/{thing_id}"), "\(transport.registeredPaths)")
        let client = client(transport)

        let id = UUID(), since = Date(timeIntervalSince1970: 1_700_000_000)
        let thing = try await client.getThing(thingID: "a b/c", include: [.owner], xRequestID: id, since: since)
        XCTAssertEqual(thing.id, id)
        XCTAssertEqual(thing.class, "a b/c")
        XCTAssertEqual(thing.seenAt, [since])
        XCTAssertEqual(thing.tags, ["owner"])

        let account = Account(id: "x", name: "Ada")
        let created = try await client.createAccount(body: account)
        XCTAssertEqual(created, account)
        let blob = try await client.uploadBlob(thingID: "ab", body: Data("bytes".utf8))
        XCTAssertEqual(blob, Data("bytes".utf8))
        var ids: [Int] = []
        for try await job in client.listJobsPages(limit: 3).items { ids.append(job.id) }
        XCTAssertEqual(ids, [0, 1, 2, 3, 4])
        var events: [Int] = []
        for try await event in try await client.watchThingStream(thingID: "ab") { events.append(event.data.seq) }
        XCTAssertEqual(events, [1, 2, 3], "a streamed answer through the transport's body")

        do {
            _ = try await client.putAccount(id: "missing", body: account)
            XCTFail("404")
        } catch let error as APIError {
            XCTAssertEqual(error.status, 404)
            XCTAssertEqual(error.errorBody(of: .putAccount)?.error?.code, 404)
        }
        do {
            _ = try await client.with(timeout: 5).getThing(thingID: "boom")
            XCTFail("500")
        } catch let error as APIError {
            XCTAssertEqual(error.status, 500)
        }
    }

    func testABodyOverTheLimitNeverReachesTheHandler() async throws {
        let transport = InMemoryServerTransport()
        try transport.register(APIServer(handler: EchoHandler()).routes, prefix: "/v1", maxBodyBytes: 16)
        let client = client(transport)
        let small = try await client.uploadBlob(thingID: "ab", body: Data(count: 16))
        XCTAssertEqual(small.count, 16)
        do {
            _ = try await client.uploadBlob(thingID: "ab", body: Data(count: 17))
            XCTFail("413")
        } catch let error as APIError {
            XCTAssertEqual(error.status, 413)
        }
    }
}
#endif
