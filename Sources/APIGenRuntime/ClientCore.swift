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
@_spi(Generated) public struct ClientCore: Sendable, CustomStringConvertible, CustomReflectable {
    private final class Settings: Sendable {
        let serverURL: URL
        let transport: any HTTPTransport
        let timeout: Double
        let validatesArguments: Bool
        let retry: RetryPolicy
        let limits: Limits
        let redirects: RedirectPolicy
        let middlewares: [any APIMiddleware]
        let extraHeaders: [(name: String, value: String)]
        let credentials: [Credential]
        let redactor: Redactor

        init(serverURL: URL, transport: any HTTPTransport, timeout: Double, validatesArguments: Bool, retry: RetryPolicy, limits: Limits,
             redirects: RedirectPolicy, middlewares: [any APIMiddleware], extraHeaders: [(name: String, value: String)], credentials: [Credential]) {
            self.serverURL = serverURL
            self.transport = transport
            self.timeout = timeout
            self.validatesArguments = validatesArguments
            self.retry = retry
            self.limits = limits
            self.redirects = redirects
            self.middlewares = middlewares
            self.extraHeaders = extraHeaders
            self.credentials = credentials
            self.redactor = Redactor(credentials)
        }
    }

    private let settings: Settings

    public var serverURL: URL { settings.serverURL }
    public var transport: any HTTPTransport { settings.transport }
    /// Seconds for a whole call: every attempt, the waits between them, and reading the body
    /// (for a stream: until its head). `.infinity` is no limit; NaN or ≤ 0 times out at once.
    public var timeout: Double { settings.timeout }
    /// When false, constraint checks before sending are skipped (for schemas that are wrong).
    public var validatesArguments: Bool { settings.validatesArguments }
    public var retry: RetryPolicy { settings.retry }
    public var limits: Limits { settings.limits }
    public var redirects: RedirectPolicy { settings.redirects }
    public var middlewares: [any APIMiddleware] { settings.middlewares }
    /// Headers added to every request (`CallOptions.headers`).
    public var extraHeaders: [(name: String, value: String)] { settings.extraHeaders }
    private var credentials: [Credential] { settings.credentials }

    public init(serverURL: URL, transport: any HTTPTransport, credentials: [Credential], timeout: Double, validatesArguments: Bool,
                retry: RetryPolicy = .default, limits: Limits = .default, redirects: RedirectPolicy = .default, middlewares: [any APIMiddleware] = []) {
        settings = Settings(serverURL: serverURL, transport: transport, timeout: timeout, validatesArguments: validatesArguments,
                            retry: retry, limits: limits, redirects: redirects, middlewares: middlewares, extraHeaders: [], credentials: credentials)
    }

    /// This core with one call's options on top.
    public func with(_ options: CallOptions) -> ClientCore {
        ClientCore(Settings(serverURL: serverURL, transport: transport, timeout: options.timeout ?? timeout,
                            validatesArguments: validatesArguments, retry: options.retry ?? retry, limits: options.limits ?? limits,
                            redirects: options.redirects ?? redirects, middlewares: middlewares,
                            extraHeaders: extraHeaders + options.headers, credentials: credentials))
    }

    private init(_ settings: Settings) {
        self.settings = settings
    }

    public var description: String { "Client(\(serverURL.absoluteString))" }

    /// `dump()` and debuggers see the server and options only: never credentials, and never the
    /// transport's internals (a URLSession keeps past requests, headers included).
    public var customMirror: Mirror {
        Mirror(self, children: ["serverURL": serverURL, "timeout": timeout, "validatesArguments": validatesArguments, "retry": retry,
                                "limits": limits, "redirects": redirects], displayStyle: .struct)
    }

    /// Sends the request and decodes a JSON 2xx body. An optional `Response` is nil for an empty
    /// body (a 204 beside a 200 with a body).
    public func send<Response: Decodable>(_ request: APIRequest, decoding type: Response.Type) async throws -> Response {
        let (data, response) = try await perform(request, accept: "application/json")
        // The emptiness test first: it ends at a JSON body's first byte, so the cast is only made
        // for empty answers.
        if data.allSatisfy(Self.isJSONSpace), let optional = type as? any ExpressibleByNilLiteral.Type {
            return optional.init(nilLiteral: ()) as! Response
        }
        return try Self.sayingWhatArrived(response) { try JSONCoding.decode(type, from: data) }
    }

    /// A body that does not decode, sent with a media type that is not JSON, is an error that
    /// says what arrived (the body is kept in the error, as every decoding error keeps it).
    static func sayingWhatArrived<T>(_ response: HTTPURLResponse, _ decode: () throws -> T) throws -> T {
        do {
            return try decode()
        } catch APIError.decoding(let type, let path, let reason, let body) {
            let header = response.value(forHTTPHeaderField: "Content-Type") ?? ""
            let arrived = MediaType(header)
            let essence = arrived?.essence ?? ParameterizedValue(header).value
            guard !essence.isEmpty, arrived?.isJSON != true else { throw APIError.decoding(type: type, path: path, reason: reason, body: body) }
            let shown = String(essence.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.prefix(100).map(Character.init))
            throw APIError.decoding(type: type, path: path, reason: "the answer is '\(shown)', not JSON (\(reason))", body: body)
        }
    }

    /// Sends the request and decodes the 2xx body by its status (the generated method switches
    /// over the statuses the document gives different bodies).
    public func send<Response>(_ request: APIRequest, decodingBy decode: (_ status: Int, _ body: Data) throws -> Response) async throws -> Response {
        let (data, response) = try await perform(request, accept: "application/json")
        return try Self.sayingWhatArrived(response) { try decode(response.statusCode, data) }
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

    /// Sends the request and returns the 2xx body as UTF-8 text, whatever its media type says.
    public func sendForText(_ request: APIRequest, accept: String = "text/plain") async throws -> String {
        String(decoding: try await perform(request, accept: accept).0, as: UTF8.self)
    }

    /// Builds the `URLRequest` (public so tests and custom transports can inspect it). Throws
    /// `APIError.invalidArgument` for a header name or value that could split the header.
    public func urlRequest(for request: APIRequest, accept: String?) throws -> URLRequest {
        var headers = request.headers + extraHeaders
        var query = request.query
        var cookies = request.cookies
        for credential in credentials where request.security.contains(credential.scheme) {
            credential.apply(to: &headers, query: &query, cookies: &cookies)
        }
        // One `Cookie` header holds every cookie (RFC 6265): parameters, credentials, and any
        // the call's headers carry.
        if !cookies.isEmpty {
            cookies = headers.filter { $0.name.lowercased() == "cookie" }.map(\.value) + cookies
            headers.removeAll { $0.name.lowercased() == "cookie" }
            headers.append(("Cookie", cookies.joined(separator: "; ")))
        }
        // Checked before `URLRequest` sees them: Foundation drops a value with a line break
        // silently (a request without its token) and writes a name with one as it is.
        try HeaderField.check(headers)
        var base = serverURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        // A document may tell operations apart by a fragment (`/files/{id}#add_shared_link`) or
        // fix a query in the path (`/search?type=user`): a fragment is never sent, and the query
        // must not follow it, nor start a second `?`.
        let path = request.path.prefix { $0 != "#" }
        var text = base + path
        if !query.isEmpty { text += (path.contains("?") ? "&" : "?") + query.joined(separator: "&") }
        guard let url = URL(string: text) else { throw APIError.invalidURL(base + request.path) }
        var urlRequest = URLRequest(url: url, timeoutInterval: Seconds.clamped(timeout))
        urlRequest.httpMethod = request.method
        if let accept { urlRequest.setValue(accept, forHTTPHeaderField: "Accept") }
        for (name, value) in headers { urlRequest.addValue(value, forHTTPHeaderField: name) }
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

    /// One exchange with the transport, and the redirects the policy follows after it. Every
    /// request is checked again here, after the middlewares: a header one of them added must be
    /// valid too.
    private static func deliver<Body>(
        _ request: URLRequest, _ context: CallContext, _ policy: RedirectPolicy, enforced: Bool,
        _ send: @escaping @Sendable (URLRequest) async throws -> (Body, HTTPURLResponse)
    ) async throws -> (Body, HTTPURLResponse) {
        var request = request
        var followed = 0
        while true {
            try HeaderField.check((request.allHTTPHeaderFields ?? [:]).map { ($0.key, $0.value) })
            let current = request
            let (body, response) = try await bounded(by: context, enforced: enforced) { Reply(value: try await send(current)) }.value
            guard let next = try policy.follow(response, to: request) else { return (body, response) }
            followed += 1
            guard followed <= context.limits.maxRedirects else { throw APIError.limitExceeded(.redirects(context.limits.maxRedirects)) }
            request = next
        }
    }

    /// Runs an exchange within the call's deadline. The package's transports end it themselves
    /// (a timer cancels their network task: no task per call); for any other, the exchange runs
    /// in a task of its own that a timer cancels.
    private static func bounded<Value: Sendable>(by context: CallContext, enforced: Bool,
                                                 _ exchange: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if enforced { return try await exchange() }
        let task = Task { try await exchange() }
        let timer = DeadlineTimer(deadline: context.deadline) { task.cancel() }
        defer { timer.cancel() }
        let value: Value
        do {
            value = try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch where timer.hasFired && !Task.isCancelled {
            throw URLError(.timedOut)
        }
        // A cancelled read may end quietly (an `AsyncStream` ends instead of throwing): what it
        // returned is then cut short, and not an answer.
        if Task.isCancelled { throw CancellationError() }
        if timer.hasFired { throw URLError(.timedOut) }
        return value
    }

    /// One attempt: through every middleware, the first outermost, to the transport.
    private func attempt(_ request: URLRequest, _ attempt: CallAttempt, _ context: CallContext) async throws -> (Data, HTTPURLResponse) {
        let (transport, policy) = (self.transport, redirects)
        let enforced = transport.enforcesCallContext
        var next: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse) = { request in
            let (data, response) = try await Self.deliver(request, context, policy, enforced: enforced) { try await transport.send($0) }
            // A transport that does not bound what it reads is held to the limit afterwards.
            guard data.count <= context.limits.maxBodyBytes else { throw APIError.limitExceeded(.bodyBytes(context.limits.maxBodyBytes)) }
            return (data, response)
        }
        if !middlewares.isEmpty {
            // Middlewares see the runtime's own request and response; the transport, Foundation's.
            let transport = next
            var chain: @Sendable (MiddlewareRequest) async throws -> MiddlewareResponse = { request in
                // Checked as written, before Foundation could fold or drop a field.
                try HeaderField.check(request.headers.lazy.map { ($0.name, $0.value) })
                let (data, response) = try await transport(request.urlRequest)
                return MiddlewareResponse(data, response)
            }
            for middleware in middlewares.reversed() {
                let inner = chain
                chain = { request in try await middleware.intercept(request, attempt: attempt, next: inner) }
            }
            let (url, outermost) = (request.url ?? URL(fileURLWithPath: "/"), chain)
            next = { request in try await outermost(MiddlewareRequest(request)).foundation(for: url) }
        }
        return try await OperationInfo.$current.withValue(attempt.operation) {
            try await CallContext.$current.withValue(context) { try await next(request) }
        }
    }

    /// Sends until a 2xx answer, a failure the policy does not retry, or the deadline; a wait
    /// between attempts ends at once when the calling task is cancelled.
    private func perform(_ request: APIRequest, accept: String?) async throws -> (Data, HTTPURLResponse) {
        try await retrying(request, accept: accept, exchange: attempt) { data, _ in data }
    }

    /// Sends a request whose 2xx body is read as it arrives: retried as `perform` does until the
    /// head of a 2xx answer, with the timeout counting until that head; after it, each wait for
    /// more is bounded by `limits.streamIdleTimeout`. Middlewares are for buffered calls (their
    /// `next` returns a whole body); a streamed call reaches the transport directly, with the
    /// client's credentials and headers.
    public func stream(_ request: APIRequest, accept: String) async throws -> ByteStream {
        let (transport, policy, redactor, timeout) = (self.transport, redirects, settings.redactor, self.timeout)
        let enforced = transport.enforcesCallContext
        let (body, _) = try await retrying(request, accept: accept, exchange: { urlRequest, attempt, context in
            try await OperationInfo.$current.withValue(attempt.operation) {
                try await CallContext.$current.withValue(context) {
                    try await Self.deliver(urlRequest, context, policy, enforced: enforced) { request in
                        let (head, body) = try await transport.stream(request)
                        return (body, head)
                    }
                }
            }
        }, errorBody: { (body: ByteStream, context: CallContext) in
            // An error body is read within the call's deadline, and only as much as is kept.
            try await body.guarded(idleTimeout: context.limits.streamIdleTimeout, deadline: context.deadline, timeout: timeout) { Self.mapped($0, redactor) }
                .collect(upTo: APIError.maxBodyBytes)
        })
        return body.guarded(idleTimeout: limits.streamIdleTimeout, deadline: nil) { Self.mapped($0, redactor) }
    }

    /// Server-sent events whose data is JSON of `Value`.
    public func events<Value: Decodable & Sendable>(_ request: APIRequest, decoding type: Value.Type) async throws -> ServerSentEvents<Value> {
        ServerSentEvents(try await stream(request, accept: "text/event-stream"), decoding: type, maxEventBytes: limits.maxEventBytes)
    }

    /// Server-sent events with their data as text.
    public func textEvents(_ request: APIRequest) async throws -> ServerSentEvents<String> {
        ServerSentEvents(try await stream(request, accept: "text/event-stream"), maxEventBytes: limits.maxEventBytes) { $0 }
    }

    /// JSON Lines, or a JSON text sequence (`application/json-seq`), of `Value`.
    public func jsonLines<Value: Decodable & Sendable>(_ request: APIRequest, decoding type: Value.Type, contentType: String) async throws -> JSONLines<Value> {
        JSONLines(try await stream(request, accept: contentType), of: type, recordSeparated: contentType.lowercased().hasPrefix("application/json-seq"),
                  maxLineBytes: limits.maxEventBytes)
    }

    /// The retry loop around one kind of exchange (`Body`: the whole body, or a stream of it).
    private func retrying<Body>(
        _ request: APIRequest, accept: String?,
        exchange: (URLRequest, CallAttempt, CallContext) async throws -> (Body, HTTPURLResponse),
        errorBody: (Body, CallContext) async throws -> Data
    ) async throws -> (Body, HTTPURLResponse) {
        guard timeout == timeout, timeout > 0 else {
            throw APIError.invalidArgument(name: "timeout", reason: "must be a number of seconds above zero (.infinity for none)")
        }
        var urlRequest = try urlRequest(for: request, accept: accept)
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start &+ Seconds.nanoseconds(timeout)
        let context = CallContext(limits: limits, deadline: deadline < start ? .max : deadline)
        func remaining() -> Double { context.secondsLeft }
        var number = 1
        while true {
            // A file body is a stream, read once: each retry opens the file again.
            if number > 1, request.bodyFile != nil { urlRequest = try self.urlRequest(for: request, accept: accept) }
            var answer: HTTPURLResponse?
            let failure: any Error
            do {
                let (body, response) = try await exchange(urlRequest, CallAttempt(operation: request.operation, number: number), context)
                if (200..<300).contains(response.statusCode) {
                    ResponseCapture.current?.record(response)
                    return (body, response)
                }
                answer = response
                let data = try await errorBody(body, context)
                failure = APIError.http(status: response.statusCode, error: Self.serverError(data, status: response.statusCode, request.errors, operation: request.operation.id),
                                        body: data.prefix(APIError.maxBodyBytes))
            } catch {
                if Task.isCancelled { throw CancellationError() }
                failure = remaining() <= 0 && !(error is APIError) ? APIError.timedOut(seconds: timeout) : Self.mapped(error, settings.redactor)
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
            try await Task.sleep(nanoseconds: Seconds.nanoseconds(wait))
            number += 1
        }
    }

    /// The error object of a non-2xx body, with the body as the document's type for the status.
    private static func serverError(_ data: Data, status: Int, _ errors: ErrorBodies, operation: String) -> ServerError? {
        var error = ServerError.parse(data)
        if !errors.isEmpty, let body = errors.decode(status: status, body: data) {
            if error == nil { error = ServerError(code: nil, message: nil) }
            error?.body = body
        }
        error?.operation = operation.isEmpty ? nil : operation
        return error
    }

    /// A transport's error as the client throws it: an `APIError` whose text holds no secret.
    static func mapped(_ error: any Error, _ redactor: Redactor) -> any Error {
        switch error {
        case let error as APIError: return error
        case is CancellationError: return CancellationError()
        case let error as URLError:
            if error.code == .cancelled, Task.isCancelled { return CancellationError() }
            if error.code == .timedOut { return APIError.timedOut(seconds: 0) }
            return APIError.transport(reason: redactor.redact(error.localizedDescription), underlying: TransportFailure(error, redacting: redactor))
        default:
            if Task.isCancelled { return CancellationError() }
            let failure = TransportFailure(error, redacting: redactor)
            return APIError.transport(reason: failure.description, underlying: failure)
        }
    }
}

/// A transport's answer (an `HTTPURLResponse` is not `Sendable`), carried across tasks.
struct Reply<Value>: @unchecked Sendable {
    var value: Value
}
