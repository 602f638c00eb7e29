import XCTest
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@_spi(Generated) import APIGenRuntime

/// A hostile server against the client, through one transport: redirects to another origin,
/// header injection, bodies and streams that never end, and every error path checked for the
/// secret. `SecurityTests` runs them through URLSession; TransportTests through AsyncHTTPClient
/// and swift-openapi-runtime. Two servers on loopback are two origins (their ports differ).
struct SecurityChecks {
    let server: TestHTTPServer
    /// The other origin a redirect points at.
    let other: TestHTTPServer
    let transport: any HTTPTransport

    static let secret = "SeCrEt-7f3a9c"

    /// A core with the secret as bearer token, API-key header, API-key query item and cookie.
    func core(timeout: Double = 10, limits: Limits = .default, redirects: RedirectPolicy = .default, retry: RetryPolicy = .none) -> ClientCore {
        ClientCore(serverURL: server.baseURL, transport: transport, credentials: [
            Credential(scheme: "bearer", placement: .bearer, secret: Self.secret),
            Credential(scheme: "header", placement: .header("X-API-Key"), secret: Self.secret),
            Credential(scheme: "query", placement: .query("api_key"), secret: Self.secret),
            Credential(scheme: "cookie", placement: .cookie("sk"), secret: Self.secret),
        ], timeout: timeout, validatesArguments: true, retry: retry, limits: limits, redirects: redirects)
    }

    func request(_ method: String = "GET", _ path: String = "/things") -> APIRequest {
        var request = APIRequest(method: method, path: path, security: ["bearer", "header", "query", "cookie"], operation: "op", template: path)
        request.headers.append(("X-Header-Parameter", "p"))
        request.headers.append(("Cookie", "session=\(Self.secret)"))
        if method == "POST" || method == "PUT" { request.body = Data("{\"a\":1}".utf8); request.headers.append(("Content-Type", "application/json")) }
        return request
    }

    private func redirect(_ status: Int, to url: String) {
        server.setHandler { request in
            request.path.hasSuffix("/final") ? .json(200, #"{"where":"same"}"#) : .json(status, "{}", headers: [("Location", url)])
        }
        other.setHandler { _ in .json(200, #"{"where":"other"}"#) }
    }

    /// Every redirect status to another origin is followed without a header the client or its
    /// options added, for GET and POST; a same-origin one keeps them.
    func redirectsKeepCredentialsInTheirOrigin() async throws {
        for status in [301, 302, 303, 307, 308] {
            for method in ["GET", "POST"] {
                redirect(status, to: "http://127.0.0.1:\(other.port)/elsewhere")
                let before = other.requests.count
                let core = core().with(CallOptions(headers: [("X-Extra", "e")]))
                let data = try await core.sendForData(request(method))
                XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"where":"other"}"#, "\(status) \(method)")
                let sent = try XCTUnwrap(other.requests.dropFirst(before).first, "\(status) \(method) reached the other origin")
                for name in ["Authorization", "X-API-Key", "Cookie", "X-Header-Parameter", "X-Extra"] {
                    XCTAssertNil(sent.header(name), "\(status) \(method) carried \(name) to another origin")
                }
                XCTAssertFalse(sent.target.contains(Self.secret), "\(status) \(method): \(sent.target)")
                XCTAssertEqual(sent.method, (status == 303 || (status <= 302 && method == "POST")) ? "GET" : method, "\(status) \(method)")
            }
        }
        redirect(307, to: "/client/v4/final")
        _ = try await core().sendForData(request())
        let same = try XCTUnwrap(server.requests.last)
        XCTAssertEqual(same.path, "/client/v4/final")
        XCTAssertEqual(same.header("Authorization"), "Bearer \(Self.secret)", "a same-origin redirect keeps the credentials")
        XCTAssertEqual(same.header("X-Header-Parameter"), "p")
        XCTAssertEqual(same.header("Cookie"), "session=\(Self.secret); sk=\(Self.secret)", "the cookie credential joins the request's cookies")
    }

    /// `.sameOrigin` refuses another origin before anything reaches it; `.refuse` refuses every
    /// redirect; a redirect loop ends at `maxRedirects`; streamed calls follow the same rule.
    func redirectPoliciesAreKept() async throws {
        redirect(302, to: "http://127.0.0.1:\(other.port)/elsewhere")
        await assertThrows(try await core(redirects: .sameOrigin).sendForData(request())) {
            guard case .redirectRefused(302, let target) = $0 else { return false }
            return target.contains("\(other.port)")
        }
        redirect(302, to: "/client/v4/final")
        await assertThrows(try await core(redirects: .refuse).sendForData(request())) { if case .redirectRefused = $0 { true } else { false } }
        XCTAssertEqual(other.requests.count, 0)
        server.setHandler { _ in .json(302, "{}", headers: [("Location", "/client/v4/loop")]) }
        await assertThrows(try await core(limits: Limits(maxRedirects: 3)).sendForData(request())) { $0.isLimit(.redirects(3)) }
        XCTAssertEqual(server.requests.filter { $0.path.hasSuffix("/loop") }.count, 3)
        // A stream's head is a redirect like any other.
        server.setHandler { _ in .json(307, "{}", headers: [("Location", "http://127.0.0.1:\(other.port)/events")]) }
        other.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data("data: hi\n\n".utf8), contentType: "text/event-stream") }
        var texts: [String] = []
        for try await event in try await core().textEvents(request()) { texts.append(event.data) }
        XCTAssertEqual(texts, ["hi"])
        XCTAssertNil(other.requests.last?.header("Authorization"))
        XCTAssertNil(other.requests.last?.header("X-API-Key"))
    }

    /// A header name or value that could end the header early fails the call before anything
    /// is sent, wherever it comes from (options, a parameter, a credential, a middleware).
    func headerInjectionIsRefusedBeforeSending() async throws {
        server.setHandler { _ in .json(200, "{}") }
        let hostile: [(String, String)] = [("Host: evil.example\r\nX-F", "v"), ("X-A", "v\r\nHost: evil"), ("X-A", "v\nX-B: w"), ("X-A", "v\0"),
                                           ("", "v"), ("X A", "v"), ("X-A:", "v")]
        for header in hostile {
            await assertThrows(try await core().with(CallOptions(headers: [header])).sendForData(request())) {
                guard case .invalidArgument(let name, _) = $0 else { return false }
                return name.hasPrefix("header") && !name.contains("\r") && !name.contains("\n")
            }
            var parameter = request()
            parameter.headers.append(header)
            await assertThrows(try await core().sendForData(parameter)) { if case .invalidArgument = $0 { true } else { false } }
        }
        let badToken = ClientCore(serverURL: server.baseURL, transport: transport,
                                  credentials: [Credential(scheme: "bearer", placement: .bearer, secret: "tok\r\nX-Evil: 1")],
                                  timeout: 5, validatesArguments: true)
        await assertThrows(try await badToken.sendForData(request())) { error in
            guard case .invalidArgument(let name, let reason) = error else { return false }
            return name == "header Authorization" && !reason.contains("tok")
        }
        // A middleware's header is checked as it wrote it, name and value.
        for added in [HeaderAdding(name: "X-A\r\nX-Evil", value: "1"), HeaderAdding(name: "X-A", value: "1\r\nX-Evil: 2"),
                      HeaderAdding(name: "X-A", value: "1\nX-Evil: 2"), HeaderAdding(name: "", value: "1")] {
            let middleware = ClientCore(serverURL: server.baseURL, transport: transport, credentials: [], timeout: 5, validatesArguments: true,
                                        middlewares: [added])
            await assertThrows(try await middleware.sendForData(request())) { if case .invalidArgument = $0 { true } else { false } }
        }
        XCTAssertEqual(server.requests.count, 0, "nothing was sent")
    }

    /// Bodies past the limit, bodies that never end, streams whose event never ends or that go
    /// quiet: each fails with the limit it passed, or the timeout, in about that time.
    func resourcesAreBounded() async throws {
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data(repeating: 0x61, count: 3_000_000), contentType: "text/plain") }
        await assertThrows(try await core(limits: Limits(maxBodyBytes: 1_000_000)).sendForData(request())) { $0.isLimit(.bodyBytes(1_000_000)) }
        // An endless chunked body: the whole-call timeout covers reading it.
        let endless = (0..<600).map { _ in (delay: 0.05, data: Data(repeating: 0x61, count: 1000)) }
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data(), contentType: "text/plain", pieces: endless) }
        var start = Date()
        await assertThrows(try await core(timeout: 1.5).sendForData(request())) { if case .timedOut = $0 { true } else { false } }
        XCTAssertLessThan(Date().timeIntervalSince(start), 6, "the timeout ended the body")
        // A streamed call answered 500 with an endless body returns within its timeout.
        server.setHandler { _ in TestHTTPServer.Response(status: 500, body: Data(), contentType: "text/plain", pieces: endless) }
        start = Date()
        await assertThrows(try await core(timeout: 1.5).textEvents(request())) { _ in true }
        XCTAssertLessThan(Date().timeIntervalSince(start), 6, "the error body was read within the timeout")
        // One event whose data never ends.
        let dataLines = [(delay: 0.0, data: Data("data: ".utf8))] + (0..<200).map { _ in (delay: 0.0, data: Data(repeating: 0x62, count: 1000)) }
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data(), contentType: "text/event-stream", pieces: dataLines) }
        await assertThrows(try await { for try await _ in try await core(limits: Limits(maxEventBytes: 50_000)).textEvents(request()) {} }()) {
            $0.isLimit(.eventBytes(50_000))
        }
        let manyLines = (0..<200).map { _ in (delay: 0.0, data: Data("data: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n".utf8)) }
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data(), contentType: "text/event-stream", pieces: manyLines) }
        await assertThrows(try await { for try await _ in try await core(limits: Limits(maxEventBytes: 2_000)).textEvents(request()) {} }()) {
            $0.isLimit(.eventBytes(2_000))
        }
        // A stream that goes quiet.
        server.setHandler { _ in
            TestHTTPServer.Response(status: 200, body: Data(), contentType: "text/event-stream", pieces: [(0, Data("data: a\n\n".utf8)), (8, Data("data: b\n\n".utf8))])
        }
        start = Date()
        var seen: [String] = []
        await assertThrows(try await {
            for try await event in try await core(limits: Limits(streamIdleTimeout: 1)).textEvents(request()) { seen.append(event.data) }
        }()) { $0.isLimit(.streamIdle(seconds: 1)) }
        XCTAssertEqual(seen, ["a"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 6)
    }

    /// A loop slower than its server never makes the client hold what the server sends: the
    /// server is held back (while the loop waits it can send little more than what the buffers
    /// hold, and afterwards every byte arrives, in order), or, on a transport that cannot hold
    /// it back (URLSession), the stream fails with the body limit once the unread backlog
    /// passes it.
    func aSlowLoopHoldsBackTheServer() async throws {
        let piece = 64 * 1024, count = 800   // 51 MiB
        server.setHandler { _ in
            TestHTTPServer.Response(status: 200, body: Data(), contentType: "application/octet-stream",
                                    pieces: (0..<count).map { i in (0, Data(repeating: UInt8(i % 251), count: piece)) })
        }
        let limit = 8 * 1024 * 1024
        var iterator = try await core(timeout: 30, limits: Limits(maxBodyBytes: limit)).stream(request(), accept: "*/*").makeAsyncIterator()
        let first = try await iterator.next()
        var received = try XCTUnwrap(first).count
        try await Task.sleep(nanoseconds: 1_500_000_000)
        let sentWhileWaiting = server.piecesSent.count
        var ordered = true
        do {
            while let data = try await iterator.next() {
                if received % piece == 0, data.first != UInt8(received / piece % 251) { ordered = false }
                received += data.count
            }
            XCTAssertLessThan(sentWhileWaiting, count * 3 / 4, "the server was held back: \(sentWhileWaiting) of \(count) pieces sent")
            XCTAssertEqual(received, piece * count)
            XCTAssertTrue(ordered)
        } catch let error as APIError {
            XCTAssertTrue(error.isLimit(.bodyBytes(limit)), "\(error)")
            XCTAssertLessThanOrEqual(received, limit + piece, "what was read before the limit")
        }
    }

    /// Timeouts a user may pass: none traps.
    func anyTimeoutIsSafe() async throws {
        server.setHandler { _ in .json(200, "{}") }
        for timeout in [Double.infinity, 1e11, 1e300, Double.greatestFiniteMagnitude] {
            _ = try await core(timeout: timeout).sendForData(request())
        }
        for timeout in [Double.nan, 0, -1, -Double.infinity] {
            await assertThrows(try await core(timeout: timeout).sendForData(request())) { if case .invalidArgument("timeout", _) = $0 { true } else { false } }
        }
    }

    /// The canary: every error the tests can provoke, in every rendering, holds no secret.
    func noErrorShowsTheSecret() async throws {
        var errors: [any Error] = []
        func collect(_ body: () async throws -> Void) async {
            do { try await body(); XCTFail("expected an error") } catch { errors.append(error) }
        }
        // A body cut short, on both paths.
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data("{\"a\":".utf8), declaredLength: 500) }
        await collect { _ = try await core().sendForData(request()) }
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data("data: {\"a\":".utf8), contentType: "text/event-stream", declaredLength: 500) }
        await collect { for try await _ in try await core().textEvents(request()) {} }
        // Nothing listening.
        let closed = try TestHTTPServer()
        closed.stop()
        let refused = ClientCore(serverURL: closed.baseURL, transport: transport,
                                 credentials: [Credential(scheme: "query", placement: .query("api_key"), secret: Self.secret)],
                                 timeout: 5, validatesArguments: true, retry: .none)
        await collect { _ = try await refused.sendForData(request()) }
        await collect { _ = try await refused.stream(request(), accept: "text/event-stream") }
        // Statuses, decoding, timeouts, limits, redirects.
        server.setHandler { _ in .json(401, #"{"error":{"code":401,"message":"bad token"}}"#) }
        await collect { _ = try await core().sendForData(request()) }
        server.setHandler { _ in .json(200, #"{"a":"text"}"#) }
        await collect { _ = try await core().send(request(), decoding: [String: Int].self) }
        server.setHandler { _ in .json(200, "{}", delay: 3) }
        await collect { _ = try await core(timeout: 0.5).sendForData(request()) }
        server.setHandler { _ in TestHTTPServer.Response(status: 200, body: Data(repeating: 0x61, count: 10_000), contentType: "text/plain") }
        await collect { _ = try await core(limits: Limits(maxBodyBytes: 100)).sendForData(request()) }
        redirect(302, to: "http://127.0.0.1:\(other.port)/x?api_key=\(Self.secret)")
        await collect { _ = try await core(redirects: .sameOrigin).sendForData(request()) }
        for error in errors {
            var dumped = ""
            dump(error, to: &dumped)
            for text in [String(describing: error), String(reflecting: error), dumped, error.localizedDescription] {
                XCTAssertFalse(text.contains(Self.secret), "the secret in: \(text)")
            }
            XCTAssertTrue(error is APIError, "\(type(of: error)) reached the caller: \(error)")
        }
    }

    private func assertThrows(_ body: @autoclosure () async throws -> some Any, file: StaticString = #filePath, line: UInt = #line,
                              _ matches: (APIError) -> Bool) async {
        do {
            _ = try await body()
            XCTFail("expected an error", file: file, line: line)
        } catch let error as APIError {
            XCTAssertTrue(matches(error), "unexpected \(error)", file: file, line: line)
        } catch {
            XCTFail("not an APIError: \(error)", file: file, line: line)
        }
    }
}

/// A middleware that adds one header to every request.
struct HeaderAdding: APIMiddleware {
    let name: String
    let value: String

    func intercept(_ request: MiddlewareRequest, attempt: CallAttempt,
                   next: @Sendable (MiddlewareRequest) async throws -> MiddlewareResponse) async throws -> MiddlewareResponse {
        var request = request
        request.headers.append((name, value))
        return try await next(request)
    }
}

extension APIError {
    func isLimit(_ kind: Limits.Kind) -> Bool {
        if case .limitExceeded(let passed) = self { return passed == kind }
        return false
    }
}
