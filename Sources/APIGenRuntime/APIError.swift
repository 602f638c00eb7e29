import Foundation

/// Everything a generated client throws (besides `CancellationError` when its task is cancelled).
public enum APIError: Error, Sendable, CustomStringConvertible {
    /// An argument broke a constraint of the schema; no request was sent.
    case invalidArgument(name: String, reason: String)
    /// The server answered with a status outside 2xx. `error` is the API's own error object,
    /// when the body has one; `body` is the raw body (at most `APIError.maxBodyBytes`).
    case http(status: Int, error: ServerError?, body: Data)
    /// The 2xx body did not match the schema; `path` is the coding path (`data[0].created_at`).
    case decoding(type: String, path: String, reason: String, body: Data)
    /// The request could not be encoded (a body value JSON cannot represent).
    case encoding(reason: String)
    /// No answer within the client's timeout.
    case timedOut(seconds: Double)
    /// The connection failed (DNS, refused, reset, TLS…). `underlying` is the transport's error
    /// as text with every credential removed.
    case transport(reason: String, underlying: TransportFailure)
    /// The answer passed one of the client's `Limits`; what was read is dropped.
    case limitExceeded(Limits.Kind)
    /// A redirect the client's `RedirectPolicy` does not follow; `to` is the target's origin.
    case redirectRefused(status: Int, to: String)
    /// A `…Pages` sequence got the same page twice in a row (a server that ignores the page
    /// number would otherwise be asked forever); `page` is the number asked the second time.
    case repeatedPage(page: Int)
    /// The server URL and path do not form a valid URL.
    case invalidURL(String)

    /// How much of an error body is kept.
    public static let maxBodyBytes = 64 * 1024

    /// The HTTP status, for `.http`.
    public var status: Int? {
        if case .http(let status, _, _) = self { return status }
        return nil
    }

    public var description: String {
        switch self {
        case .invalidArgument(let name, let reason):
            return "invalid argument '\(name)': \(reason)"
        case .http(let status, let error, let body):
            if let error, error.code != nil || error.message != nil { return "HTTP \(status): \(error)" }
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            return "HTTP \(status)" + (text.isEmpty ? "" : ": \(text)")
        case .decoding(let type, let path, let reason, _):
            return "could not decode \(type) at \(path.isEmpty ? "the top level" : path): \(reason)"
        case .encoding(let reason):
            return "could not encode the request: \(reason)"
        case .timedOut(let seconds):
            return "no response within \(seconds) seconds"
        case .transport(let reason, _):
            return "transport error: \(reason)"
        case .invalidURL(let url):
            return "invalid URL: \(url)"
        case .limitExceeded(let limit):
            return "limit exceeded: \(limit)"
        case .redirectRefused(let status, let target):
            return "HTTP \(status) redirect to \(target) not followed"
        case .repeatedPage(let page):
            return "page \(page) is the same as the page before it: the server ignores the page number"
        }
    }
}

/// An API's own error object, read from an error body of any of the common shapes:
/// `{"error": {"code", "message"}}`, `{"errors": [{"code", "message"}]}`, `{"code", "message"}`;
/// and the body decoded into the type the document gives it, when it gives one.
public struct ServerError: Sendable, Hashable, CustomStringConvertible {
    /// The code as text (numbers are written without a fraction).
    public var code: String?
    public var message: String?
    /// Further errors when the body lists several.
    public var others: [ServerError]
    /// The ID of the operation that was answered (`OperationInfo.id`), when the client set it.
    public var operation: String?
    /// The body as the document's type for this status (read it with `APIError.errorBody(as:)`).
    /// Not compared by `==`: two errors with the same code and message are the same error.
    public var body: (any Sendable)?

    public init(code: String?, message: String?, others: [ServerError] = [], body: (any Sendable)? = nil) {
        self.code = code
        self.message = message
        self.others = others
        self.body = body
    }

    public static func == (a: ServerError, b: ServerError) -> Bool {
        a.code == b.code && a.message == b.message && a.others == b.others
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(others)
    }

    public var description: String {
        var text = [code.map { "[\($0)]" }, message].compactMap { $0 }.joined(separator: " ")
        if !others.isEmpty { text += " (+\(others.count) more)" }
        return text
    }

    /// Finds the error object in a JSON body; nil when the body is not JSON or has none.
    public static func parse(_ body: Data) -> ServerError? {
        guard !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        if let nested = object["error"] as? [String: Any], let error = from(nested) { return error }
        if let list = object["errors"] as? [[String: Any]] {
            let errors = list.compactMap(from)
            if var first = errors.first {
                first.others = Array(errors.dropFirst())
                return first
            }
        }
        if let message = object["error"] as? String { return ServerError(code: nil, message: message) }
        return from(object)
    }

    private static func from(_ object: [String: Any]) -> ServerError? {
        let code: String? = switch object["code"] {
        case let s as String: s
        case let n as NSNumber: n.doubleValue == n.doubleValue.rounded() ? String(n.int64Value) : n.stringValue
        default: nil
        }
        let message = (object["message"] as? String) ?? (object["detail"] as? String) ?? (object["error_description"] as? String)
        if code == nil && message == nil { return nil }
        return ServerError(code: code, message: message)
    }
}
