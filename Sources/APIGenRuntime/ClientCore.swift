import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What every generated `Client` holds: server URL, transport, credentials and options.
/// It turns an `APIRequest` into a `URLRequest`, sends it through the middlewares and the
/// transport (again, as the retry policy allows), and maps the answer.
///
/// Its settings live behind one reference, so a `Client` is one pointer to copy: every generated
/// method copies `self` into its async frame, and a struct of a dozen fields made the compiler
/// copy and destroy each field in every method of a large client.
public struct ClientCore: Sendable, CustomStringConvertible, CustomReflectable {
    private final class Settings: Sendable {
        let serverURL: URL
        let transport: any HTTPTransport
        let timeout: Double
        let validatesArguments: Bool
        let retry: RetryPolicy
        let middlewares: [any APIMiddleware]
        let extraHeaders: [(name: String, value: String)]
        let credentials: [Credential]

        init(serverURL: URL, transport: any HTTPTransport, timeout: Double, validatesArguments: Bool, retry: RetryPolicy,
             middlewares: [any APIMiddleware], extraHeaders: [(name: String, value: String)], credentials: [Credential]) {
            self.serverURL = serverURL
            self.transport = transport
            self.timeout = timeout
            self.validatesArguments = validatesArguments
            self.retry = retry
            self.middlewares = middlewares
            self.extraHeaders = extraHeaders
            self.credentials = credentials
        }
    }

    private let settings: Settings

    public var serverURL: URL { settings.serverURL }
    public var transport: any HTTPTransport { settings.transport }
    /// Seconds for a whole call: every attempt and the waits between them.
    public var timeout: Double { settings.timeout }
    /// When false, constraint checks before sending are skipped (for schemas that are wrong).
    public var validatesArguments: Bool { settings.validatesArguments }
    public var retry: RetryPolicy { settings.retry }
    public var middlewares: [any APIMiddleware] { settings.middlewares }
    /// Headers added to every request (`CallOptions.headers`).
    public var extraHeaders: [(name: String, value: String)] { settings.extraHeaders }
    private var credentials: [Credential] { settings.credentials }

    public init(serverURL: URL, transport: any HTTPTransport, credentials: [Credential], timeout: Double, validatesArguments: Bool,
                retry: RetryPolicy = .default, middlewares: [any APIMiddleware] = []) {
        settings = Settings(serverURL: serverURL, transport: transport, timeout: timeout, validatesArguments: validatesArguments,
                            retry: retry, middlewares: middlewares, extraHeaders: [], credentials: credentials)
    }

    /// This core with one call's options on top.
    public func with(_ options: CallOptions) -> ClientCore {
        ClientCore(Settings(serverURL: serverURL, transport: transport, timeout: options.timeout ?? timeout,
                            validatesArguments: validatesArguments, retry: options.retry ?? retry, middlewares: middlewares,
                            extraHeaders: extraHeaders + options.headers, credentials: credentials))
    }

    private init(_ settings: Settings) {
        self.settings = settings
    }

    public var description: String { "Client(\(serverURL.absoluteString))" }

    /// `dump()` and debuggers see the server and options only: never credentials, and never the
    /// transport's internals (a URLSession keeps past requests, headers included).
    public var customMirror: Mirror {
        Mirror(self, children: ["serverURL": serverURL, "timeout": timeout, "validatesArguments": validatesArguments, "retry": retry], displayStyle: .struct)
    }

    /// Sends the request and decodes a JSON 2xx body. An optional `Response` is nil for an empty
    /// body (a 204 beside a 200 with a body).
    public func send<Response: Decodable>(_ request: APIRequest, decoding type: Response.Type) async throws -> Response {
        let (data, _) = try await perform(request, accept: "application/json")
        // The emptiness test first: it ends at a JSON body's first byte, so the cast is only made
        // for empty answers.
        if data.allSatisfy(Self.isJSONSpace), let optional = type as? any ExpressibleByNilLiteral.Type {
            return optional.init(nilLiteral: ()) as! Response
        }
        return try JSONCoding.decode(type, from: data)
    }

    /// Sends the request and decodes the 2xx body by its status (the generated method switches
    /// over the statuses the document gives different bodies).
    public func send<Response>(_ request: APIRequest, decodingBy decode: (_ status: Int, _ body: Data) throws -> Response) async throws -> Response {
        let (data, response) = try await perform(request, accept: "application/json")
        return try decode(response.statusCode, data)
    }

    private static func isJSONSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Sends the request and ignores the 2xx body.
    public func send(_ request: APIRequest) async throws {
        _ = try await perform(request, accept: nil)
    }

    /// Sends the request and returns the raw 2xx body.
    public func sendForData(_ request: APIRequest, accept: String = "*/*") async throws -> Data {
        try await perform(request, accept: accept).0
    }

    /// Sends the request and returns the 2xx body as UTF-8 text.
    public func sendForText(_ request: APIRequest) async throws -> String {
        String(decoding: try await perform(request, accept: "text/plain").0, as: UTF8.self)
    }

    /// Builds the `URLRequest` (public so tests and custom transports can inspect it).
    public func urlRequest(for request: APIRequest, accept: String?) throws -> URLRequest {
        var headers = request.headers
        var query = request.query
        for credential in credentials where request.security.contains(credential.scheme) {
            credential.apply(to: &headers, query: &query)
        }
        var base = serverURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + request.path
        if !query.isEmpty {
            text += "?" + query.map { "\(PercentEncoding.escape($0.name))=\(PercentEncoding.escape($0.value))" }.joined(separator: "&")
        }
        guard let url = URL(string: text) else { throw APIError.invalidURL(base + request.path) }
        var urlRequest = URLRequest(url: url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        if let accept { urlRequest.setValue(accept, forHTTPHeaderField: "Accept") }
        for (name, value) in headers + extraHeaders { urlRequest.addValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        if let file = request.bodyFile {
            guard let stream = InputStream(url: file),
                  let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? NSNumber else {
                throw APIError.invalidArgument(name: "bodyFile", reason: "'\(file.path)' cannot be read")
            }
            urlRequest.httpBodyStream = stream
            urlRequest.setValue(size.stringValue, forHTTPHeaderField: "Content-Length")
        }
        return urlRequest
    }

    /// Races the transport against the time left, so it holds for every transport (URLSession
    /// on Linux does not always honour `timeoutInterval`); the loser is cancelled.
    private static func race<Value>(within seconds: Double, timeout: Double, _ exchange: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Reply<Value>?.self) { group in
            group.addTask { Reply(value: try await exchange()) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let reply = first else {
                throw APIError.timedOut(seconds: timeout)
            }
            return reply.value
        }
    }

    /// One attempt: through every middleware, the first outermost, to the transport.
    private func attempt(_ request: URLRequest, _ attempt: CallAttempt, within seconds: Double) async throws -> (Data, HTTPURLResponse) {
        let (transport, timeout) = (self.transport, self.timeout)
        var next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse) = { request in
            try await Self.race(within: seconds, timeout: timeout) { try await transport.send(request) }
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request in try await middleware.intercept(request, attempt: attempt, next: inner) }
        }
        return try await OperationInfo.$current.withValue(attempt.operation) { try await next(request) }
    }

    /// Sends until a 2xx answer, a failure the policy does not retry, or the deadline; a wait
    /// between attempts ends at once when the calling task is cancelled.
    private func perform(_ request: APIRequest, accept: String?) async throws -> (Data, HTTPURLResponse) {
        try await retrying(request, accept: accept, exchange: attempt) { $0 }
    }

    /// Sends a request whose 2xx body is read as it arrives: retried as `perform` does until the
    /// head of a 2xx answer, with the timeout counting until that head. Middlewares are for
    /// buffered calls (their `next` returns a whole body); a streamed call reaches the transport
    /// directly, with the client's credentials and headers.
    public func stream(_ request: APIRequest, accept: String) async throws -> ByteStream {
        let (transport, timeout) = (self.transport, self.timeout)
        return try await retrying(request, accept: accept, exchange: { urlRequest, attempt, seconds in
            let reply = try await Self.race(within: seconds, timeout: timeout) {
                try await OperationInfo.$current.withValue(attempt.operation) { Reply(value: try await transport.stream(urlRequest)) }
            }
            return (reply.value.1, reply.value.0)
        }, errorBody: { try await $0.collect(upTo: APIError.maxBodyBytes) }).0
    }

    /// Server-sent events whose data is JSON of `Value`.
    public func events<Value: Decodable & Sendable>(_ request: APIRequest, decoding type: Value.Type) async throws -> ServerSentEvents<Value> {
        ServerSentEvents(try await stream(request, accept: "text/event-stream"), decoding: type)
    }

    /// Server-sent events with their data as text.
    public func textEvents(_ request: APIRequest) async throws -> ServerSentEvents<String> {
        ServerSentEvents(try await stream(request, accept: "text/event-stream")) { $0 }
    }

    /// JSON Lines, or a JSON text sequence (`application/json-seq`), of `Value`.
    public func jsonLines<Value: Decodable & Sendable>(_ request: APIRequest, decoding type: Value.Type, contentType: String) async throws -> JSONLines<Value> {
        JSONLines(try await stream(request, accept: contentType), of: type, recordSeparated: contentType.lowercased().hasPrefix("application/json-seq"))
    }

    /// The retry loop around one kind of exchange (`Body`: the whole body, or a stream of it).
    private func retrying<Body>(
        _ request: APIRequest, accept: String?,
        exchange: (URLRequest, CallAttempt, Double) async throws -> (Body, HTTPURLResponse),
        errorBody: (Body) async throws -> Data
    ) async throws -> (Body, HTTPURLResponse) {
        var urlRequest = try urlRequest(for: request, accept: accept)
        let start = DispatchTime.now().uptimeNanoseconds
        func remaining() -> Double { timeout - Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        var number = 1
        while true {
            // A file body is a stream, read once: each retry opens the file again.
            if number > 1, request.bodyFile != nil { urlRequest = try self.urlRequest(for: request, accept: accept) }
            var answer: HTTPURLResponse?
            let failure: any Error
            do {
                let (body, response) = try await exchange(urlRequest, CallAttempt(operation: request.operation, number: number), remaining())
                if (200..<300).contains(response.statusCode) {
                    ResponseCapture.current?.record(response)
                    return (body, response)
                }
                answer = response
                let data = try await errorBody(body)
                failure = APIError.http(status: response.statusCode, error: Self.serverError(data, status: response.statusCode, request.errors),
                                        body: data.prefix(APIError.maxBodyBytes))
            } catch {
                failure = Self.mapped(error)
            }
            let retryable: Bool
            switch failure {
            case APIError.http(let status, _, _): retryable = retry.retryableStatuses.contains(status)
            case APIError.transport: retryable = true
            default: retryable = false
            }
            guard retryable, number <= retry.maxRetries, retry.mayRetry(urlRequest) else { throw failure }
            let wait = retry.delay(beforeRetry: number, after: answer)
            guard wait < remaining() else { throw failure }
            try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            number += 1
        }
    }

    /// The error object of a non-2xx body, with the body as the document's type for the status.
    private static func serverError(_ data: Data, status: Int, _ errors: ErrorBodies) -> ServerError? {
        var error = ServerError.parse(data)
        guard !errors.isEmpty, let body = errors.decode(status: status, body: data) else { return error }
        if error == nil { error = ServerError(code: nil, message: nil) }
        error?.body = body
        return error
    }

    /// A transport's error as the client throws it.
    private static func mapped(_ error: any Error) -> any Error {
        switch error {
        case let error as APIError: return error
        case is CancellationError: return CancellationError()
        case let error as URLError:
            if error.code == .cancelled, Task.isCancelled { return CancellationError() }
            if error.code == .timedOut { return APIError.timedOut(seconds: 0) }
            return APIError.transport(reason: error.localizedDescription, underlying: error)
        default:
            if Task.isCancelled { return CancellationError() }
            return APIError.transport(reason: "\(error)", underlying: error)
        }
    }
}

/// A transport's answer (an `HTTPURLResponse` is not `Sendable`), carried across the timeout race.
private struct Reply<Value>: @unchecked Sendable {
    var value: Value
}
