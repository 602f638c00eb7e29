import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The status and headers of an answer: rate limits, `ETag`, `Location`, request IDs.
public struct ResponseMetadata: Sendable {
    public var status: Int
    /// Every header, by name as the server wrote it.
    public var headers: [String: String]

    /// A header by name, in any case.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    init(_ response: HTTPURLResponse) {
        status = response.statusCode
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        self.headers = headers
    }
}

/// Reads the metadata of the answers that calls made inside `body` get, without any method
/// growing an argument or a second form:
///
///     let (meeting, answer) = try await withResponseMetadata { try await client.getMeeting(…) }
///     answer?.header("X-RateLimit-Remaining")
///
/// The metadata is the last call's answer (the one whose body was returned; a retried call's
/// earlier answers are not kept); nil when no call answered.
public func withResponseMetadata<T>(_ body: () async throws -> T) async rethrows -> (T, ResponseMetadata?) {
    let capture = ResponseCapture()
    let value = try await ResponseCapture.$current.withValue(capture) { try await body() }
    return (value, capture.metadata)
}

/// Where `ClientCore` leaves the last answer for `withResponseMetadata`.
final class ResponseCapture: @unchecked Sendable {
    @TaskLocal static var current: ResponseCapture?

    private let lock = NSLock()
    private var last: ResponseMetadata?

    var metadata: ResponseMetadata? {
        lock.lock(); defer { lock.unlock() }
        return last
    }

    func record(_ response: HTTPURLResponse) {
        let metadata = ResponseMetadata(response)
        lock.lock(); last = metadata; lock.unlock()
    }
}
