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
///
/// `body` runs on the caller's actor (`#isolation`), so main-actor code passes a closure that
/// captures its own state, and gets a value that is not `Sendable` back, without a data-race error.
public func withResponseMetadata<T>(
    isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> T
) async rethrows -> (T, ResponseMetadata?) {
    let capture = ResponseCapture()
    let value = try await ResponseCapture.$current.withValue(capture, operation: body, isolation: isolation)
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

/// A type a response header's text is read as (`ResponseMetadata.value(_:)`).
public protocol HeaderValue {
    /// nil when the text is not a value of the type.
    init?(headerText: String)
}

extension String: HeaderValue {
    public init?(headerText: String) { self = headerText }
}

extension Int: HeaderValue {
    public init?(headerText: String) { self.init(headerText.trimmingCharacters(in: .whitespaces)) }
}

extension Double: HeaderValue {
    public init?(headerText: String) { self.init(headerText.trimmingCharacters(in: .whitespaces)) }
}

extension Bool: HeaderValue {
    public init?(headerText: String) {
        switch headerText.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension URL: HeaderValue {
    /// A relative reference (`Location: /meetings/1`) is kept relative.
    public init?(headerText: String) { self.init(string: headerText.trimmingCharacters(in: .whitespaces)) }
}

extension UUID: HeaderValue {
    public init?(headerText: String) { self.init(uuidString: headerText.trimmingCharacters(in: .whitespaces)) }
}

extension Date: HeaderValue {
    /// ISO 8601 (what `format: date-time` means), or an HTTP date (`Last-Modified`).
    public init?(headerText: String) {
        let text = headerText.trimmingCharacters(in: .whitespaces)
        if let date = ISO8601.parse(text) ?? HTTPDate.parse(text) { self = date } else { return nil }
    }
}

extension ResponseMetadata {
    /// A header read as a type: nil when the answer has no such header or it does not parse.
    public func value<T: HeaderValue>(_ name: String, as type: T.Type = T.self) -> T? {
        header(name).flatMap(T.init(headerText:))
    }
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`, the date form of HTTP headers.
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
