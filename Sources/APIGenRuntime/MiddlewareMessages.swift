import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request as a middleware sees it: the same on every platform (no `URLRequest`, which Linux
/// keeps in FoundationNetworking), and close to swift-http-types' `HTTPRequest`.
///
/// Whatever a middleware sets is checked before it is sent: a header name or value that could
/// end the header early is refused (`APIError.invalidArgument`), and a redirect to another origin
/// drops every header but `Accept` and `User-Agent`, middlewares' included.
public struct MiddlewareRequest: Sendable {
    public var method: String
    public var url: URL
    /// In the order they are sent; a name may appear more than once.
    public var headers: [(name: String, value: String)]
    /// The body, when it is in memory; nil when there is none or when it is read from a file as
    /// it is sent (`bodyIsStreamed`). Setting it replaces either.
    public var body: Data? {
        didSet { replacesStream = true }
    }

    /// The body is a file read while it is sent (an upload's `bodyFile:`): `body` is nil.
    public var bodyIsStreamed: Bool { !replacesStream && original.httpBodyStream != nil }

    /// What the transport needs beyond these (a streamed body, the timeout).
    private let original: URLRequest
    private var replacesStream = false

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.original = URLRequest(url: url)
        self.replacesStream = true
    }

    init(_ request: URLRequest) {
        method = request.httpMethod ?? "GET"
        url = request.url ?? URL(fileURLWithPath: "/")
        headers = (request.allHTTPHeaderFields ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        body = request.httpBody
        original = request
    }

    /// The first value of a header, its name matched in any case.
    public func header(_ name: String) -> String? { firstValue(of: name, in: headers) }

    /// Replaces every value of a header (in any case) with `value`; nil removes it.
    public mutating func setHeader(_ name: String, _ value: String?) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        if let value { headers.append((name, value)) }
    }

    var urlRequest: URLRequest {
        var request = original
        request.url = url
        request.httpMethod = method
        request.allHTTPHeaderFields = [:]
        for (name, value) in headers { request.addValue(value, forHTTPHeaderField: name) }
        if replacesStream {
            request.httpBodyStream = nil
            request.httpBody = body
        }
        return request
    }
}

/// A response as a middleware sees it, its body read whole (within `limits.maxBodyBytes`).
public struct MiddlewareResponse: Sendable {
    public var status: Int
    /// As the server sent them; a name may appear more than once.
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// The URL that answered (after any redirect the client followed).
    public var url: URL?

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(), url: URL? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
    }

    init(_ data: Data, _ response: HTTPURLResponse) {
        status = response.statusCode
        headers = response.allHeaderFields.compactMap { key, value in
            guard let name = key as? String else { return nil }
            return (name, value as? String ?? "\(value)")
        }.sorted { $0.name < $1.name }
        body = data
        url = response.url
    }

    /// The first value of a header, its name matched in any case.
    public func header(_ name: String) -> String? { firstValue(of: name, in: headers) }

    /// As the client reads it; a status a middleware made up that is no HTTP status fails the call.
    func foundation(for request: URL) throws -> (Data, HTTPURLResponse) {
        guard (100...599).contains(status),
              let response = HTTPURLResponse(url: url ?? request, status: status, fields: headers.lazy.map { ($0.name, $0.value) }) else {
            throw APIError.invalidArgument(name: "middleware response", reason: "status \(status) is no HTTP status")
        }
        return (body, response)
    }
}

/// The first value of a header in a list of fields, its name matched in any case (as HTTP does).
private func firstValue(of name: String, in headers: [(name: String, value: String)]) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
}
