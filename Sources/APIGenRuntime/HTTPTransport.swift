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
public protocol HTTPTransport: Sendable {
    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse)
    func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream)
}

extension HTTPTransport {
    public func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream) {
        let (data, response) = try await send(request)
        return (response, ByteStream(data))
    }
}

extension HTTPURLResponse {
    /// An answer as Foundation has it, from another HTTP stack's status and header fields in
    /// order: fields of one name are joined with ", ", as RFC 9110 allows.
    public convenience init?(url: URL, status: Int, fields: some Sequence<(String, String)>) {
        var headers: [String: String] = [:]
        for (name, value) in fields { headers[name] = headers[name].map { $0 + ", " + value } ?? value }
        self.init(url: url, statusCode: status, httpVersion: "HTTP/1.1", headerFields: headers)
    }
}

/// The default transport: `URLSession` (FoundationNetworking on Linux). Honours the request's
/// timeout and cancels the network task when the calling `Task` is cancelled.
public struct URLSessionTransport: HTTPTransport {
    public let session: URLSession

    public init(session: URLSession = .shared) {
        self.session = session
    }

    public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        try Task.checkCancellation()
        let handle = TaskHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, HTTPURLResponse), any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let http = response as? HTTPURLResponse {
                        continuation.resume(returning: (data ?? Data(), http))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }
}

extension URLSessionTransport {
    /// Streams the body through a session delegate, which FoundationNetworking on Linux calls
    /// with each piece as it arrives (`URLSession.bytes(for:)` does not exist there). Ending
    /// the iteration, or cancelling the task that waits for the head, cancels the data task.
    public func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream) {
        try Task.checkCancellation()
        let delegate = StreamingDelegate()
        let session = URLSession(configuration: session.configuration, delegate: delegate, delegateQueue: nil)
        let task = session.dataTask(with: request)
        let body = AsyncThrowingStream<Data, any Error> { continuation in
            delegate.start(continuation)
            continuation.onTermination = { _ in task.cancel() }
        }
        return try await withTaskCancellationHandler {
            let head = try await withCheckedThrowingContinuation { (head: CheckedContinuation<HTTPURLResponse, any Error>) in
                delegate.awaitHead(head)
                task.resume()
            }
            return (head, ByteStream(body))
        } onCancel: {
            task.cancel()
        }
    }
}

/// Hands a streaming data task's head and pieces on as they arrive; the session is let go
/// when the task completes.
private final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var head: CheckedContinuation<HTTPURLResponse, any Error>?
    private var body: AsyncThrowingStream<Data, any Error>.Continuation?

    func start(_ body: AsyncThrowingStream<Data, any Error>.Continuation) {
        lock.lock(); self.body = body; lock.unlock()
    }

    func awaitHead(_ head: CheckedContinuation<HTTPURLResponse, any Error>) {
        lock.lock(); self.head = head; lock.unlock()
    }

    private func takeHead() -> CheckedContinuation<HTTPURLResponse, any Error>? {
        lock.lock(); defer { lock.unlock() }
        let head = self.head
        self.head = nil
        return head
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        if let http = response as? HTTPURLResponse {
            takeHead()?.resume(returning: http)
            completionHandler(.allow)
        } else {
            takeHead()?.resume(throwing: URLError(.badServerResponse))
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock(); let body = self.body; lock.unlock()
        body?.yield(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        takeHead()?.resume(throwing: error ?? URLError(.badServerResponse))
        lock.lock(); let body = self.body; self.body = nil; lock.unlock()
        if let error { body?.finish(throwing: error) } else { body?.finish() }
        session.finishTasksAndInvalidate()
    }
}

/// Holds the data task so a cancellation that arrives before or after it starts cancels it.
private final class TaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func start(_ task: URLSessionDataTask) {
        lock.lock()
        self.task = task
        let cancelled = self.cancelled
        lock.unlock()
        task.resume()
        if cancelled { task.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}
