import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one HTTP request. Conform any HTTP stack to this to use it with a generated client.
///
/// `send` is the buffered path every ordinary call takes. `stream` answers as soon as the
/// status and headers arrive, with the body still coming (server-sent events, JSON Lines); its
/// default buffers through `send`, so a transport that cannot stream still works, only later.
/// A request body may be a stream too (`httpBodyStream`, a file read as it is sent).
///
/// A transport must not follow redirects itself: it hands a 3xx answer back, and the client
/// follows it by its `RedirectPolicy` (so credentials never reach another origin).
public protocol HTTPTransport: Sendable {
    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse)
    func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream)
    /// True when the transport ends an exchange at `CallContext.current`'s deadline and stops
    /// reading a buffered body past its `limits.maxBodyBytes` itself. Otherwise (the default)
    /// the client runs each exchange in a task that a timer cancels, and checks the size after.
    var enforcesCallContext: Bool { get }
}

extension HTTPTransport {
    public var enforcesCallContext: Bool { false }

    public func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream) {
        let (data, response) = try await send(request)
        return (response, ByteStream(data))
    }
}

@_spi(Generated) extension HTTPURLResponse {
    /// An answer as Foundation has it, from another HTTP stack's status and header fields in
    /// order: fields of one name are joined with ", ", as RFC 9110 allows.
    public convenience init?(url: URL, status: Int, fields: some Sequence<(String, String)>) {
        var headers: [String: String] = [:]
        for (name, value) in fields { headers[name] = headers[name].map { $0 + ", " + value } ?? value }
        self.init(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers)
    }
}

/// The default transport: `URLSession` (FoundationNetworking on Linux). It follows no redirect
/// (the client does, by its policy), ends the exchange at the call's deadline, stops reading a
/// body past the call's `maxBodyBytes`, and cancels the network task when the calling `Task` is
/// cancelled.
///
/// The session given is used for its configuration (cookies, caches, proxies, TLS settings):
/// requests go through a session of the transport's own with that configuration, whose
/// delegate refuses redirects (a session's own delegate is not consulted).
public struct URLSessionTransport: HTTPTransport {
    public let session: URLSession
    private let owner: SessionOwner

    public init(session: URLSession = .shared) {
        self.session = session
        owner = session === URLSession.shared ? SessionOwner.shared : SessionOwner(configuration: session.configuration)
    }

    public var enforcesCallContext: Bool { true }

    public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let exchange = Exchange(limit: CallContext.current?.limits.maxBodyBytes ?? Limits.default.maxBodyBytes)
        return try await owner.run(request, exchange) { continuation in exchange.awaitWhole(continuation) }
    }

    /// The head as soon as it arrives, the body as it comes (FoundationNetworking calls the
    /// delegate with each piece; `URLSession.bytes(for:)` does not exist there). The deadline
    /// covers the head; ending the iteration cancels the data task.
    /// What has arrived and the loop has not read yet is held up to the call's
    /// `limits.maxBodyBytes`; past that the stream fails with `APIError.limitExceeded`. (A
    /// session delegate cannot hold back the server: suspending a data task on Linux stops its
    /// transfer for good. `AsyncHTTPClientTransport` holds it back instead.)
    public func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream) {
        let exchange = Exchange(limit: nil)
        let buffer = PieceBuffer(maxHeld: CallContext.current?.limits.maxBodyBytes ?? Limits.default.maxBodyBytes)
        exchange.start(buffer)
        let head = try await owner.run(request, exchange) { continuation in exchange.awaitHead(continuation) }
        return (head, ByteStream(buffer: buffer))
    }
}

/// Holds the transport's session; letting the last copy of a transport go invalidates it
/// (a session keeps its delegate, and so itself, until then).
private final class SessionOwner: Sendable {
    static let shared = SessionOwner(configuration: URLSession.shared.configuration)

    let session: URLSession
    private let router: Router

    init(configuration: URLSessionConfiguration) {
        router = Router()
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Starts a data task for `exchange`, with a timer at the call's deadline, and waits for
    /// what `wait` hands the continuation to (the whole answer, or its head).
    func run<Answer>(_ request: URLRequest, _ exchange: Exchange,
                     _ wait: (CheckedContinuation<Answer, any Error>) -> Void) async throws -> Answer {
        try Task.checkCancellation()
        let task = session.dataTask(with: request)
        router.add(task, exchange)
        let timer = CallContext.current.map { context in
            DeadlineTimer(deadline: context.deadline) {
                exchange.fail(URLError(.timedOut))
                task.cancel()
            }
        }
        exchange.onHead = { timer?.cancel() }
        exchange.onEnd = { timer?.cancel() }
        exchange.cancelTask = { task.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Answer, any Error>) in
                wait(continuation)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }
}

/// The session's delegate: hands each task's events to its `Exchange`, and refuses redirects
/// (the 3xx answer is delivered as it is).
private final class Router: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]

    func add(_ task: URLSessionTask, _ exchange: Exchange) {
        lock.lock(); exchanges[task.taskIdentifier] = exchange; lock.unlock()
    }

    private func exchange(_ task: URLSessionTask, remove: Bool = false) -> Exchange? {
        lock.lock(); defer { lock.unlock() }
        return remove ? exchanges.removeValue(forKey: task.taskIdentifier) : exchanges[task.taskIdentifier]
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let keep = exchange(dataTask)?.received(response) ?? false
        completionHandler(keep ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        exchange(task, remove: true)?.completed(error)
    }
}

/// One data task's state: the whole answer collected up to `limit`, or its head and then its
/// pieces handed on as they arrive.
private final class Exchange: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int?
    private var whole: CheckedContinuation<(Data, HTTPURLResponse), any Error>?
    private var head: CheckedContinuation<HTTPURLResponse, any Error>?
    private var body: PieceBuffer?
    private var response: HTTPURLResponse?
    private var data = Data()
    /// Why the task was cancelled from here (a limit, the deadline), reported instead of
    /// URLSession's "cancelled".
    private var failure: (any Error)?
    var onHead: @Sendable () -> Void = {}
    var onEnd: @Sendable () -> Void = {}
    var cancelTask: @Sendable () -> Void = {}

    init(limit: Int?) {
        self.limit = limit
    }

    func awaitWhole(_ continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>) {
        lock.lock(); whole = continuation; lock.unlock()
    }

    func awaitHead(_ continuation: CheckedContinuation<HTTPURLResponse, any Error>) {
        lock.lock(); head = continuation; lock.unlock()
    }

    func start(_ buffer: PieceBuffer) {
        lock.lock(); body = buffer; lock.unlock()
        buffer.onCancel = { [weak self] in self?.cancelTask() }
    }

    func fail(_ error: any Error) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    /// Whether to go on with the body.
    func received(_ response: URLResponse) -> Bool {
        guard let http = response as? HTTPURLResponse else {
            fail(URLError(.badServerResponse))
            return false
        }
        // A declared length past the limit fails before a byte of the body is read.
        if let limit, http.expectedContentLength > Int64(limit) {
            fail(APIError.limitExceeded(.bodyBytes(limit)))
            return false
        }
        lock.lock()
        self.response = http
        let head = self.head
        self.head = nil
        lock.unlock()
        if let head {
            onHead()
            head.resume(returning: http)
        }
        return true
    }

    func received(_ piece: Data) {
        lock.lock()
        if let body {
            lock.unlock()
            body.offer(piece)
            return
        }
        if let limit, data.count + piece.count > limit {
            if failure == nil { failure = APIError.limitExceeded(.bodyBytes(limit)) }
            lock.unlock()
            cancelTask()
            return
        }
        data.append(piece)
        lock.unlock()
    }

    func completed(_ error: (any Error)?) {
        lock.lock()
        let (whole, head, body, response, data) = (self.whole, self.head, self.body, self.response, self.data)
        self.whole = nil
        self.head = nil
        self.body = nil
        self.data = Data()
        let failure = self.failure ?? error
        lock.unlock()
        onEnd()
        if let whole {
            if let failure { whole.resume(throwing: failure) } else if let response { whole.resume(returning: (data, response)) } else {
                whole.resume(throwing: URLError(.badServerResponse))
            }
        }
        head?.resume(throwing: failure ?? URLError(.badServerResponse))
        body?.finish(throwing: failure)
    }
}
