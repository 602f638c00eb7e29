import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What every generated `Client` holds: server URL, transport, credentials and options.
/// It turns an `HTTPRequest` into a `URLRequest`, sends it, and maps the answer.
public struct ClientCore: Sendable, CustomStringConvertible, CustomReflectable {
    public let serverURL: URL
    public let transport: any HTTPTransport
    /// Seconds to wait for an answer.
    public let timeout: Double
    /// When false, constraint checks before sending are skipped (for schemas that are wrong).
    public let validatesArguments: Bool
    private let credentials: [Credential]

    public init(serverURL: URL, transport: any HTTPTransport, credentials: [Credential], timeout: Double, validatesArguments: Bool) {
        self.serverURL = serverURL
        self.transport = transport
        self.credentials = credentials
        self.timeout = timeout
        self.validatesArguments = validatesArguments
    }

    public var description: String { "Client(\(serverURL.absoluteString))" }

    /// `dump()` and debuggers see the server and options only: never credentials, and never the
    /// transport's internals (a URLSession keeps past requests, headers included).
    public var customMirror: Mirror {
        Mirror(self, children: ["serverURL": serverURL, "timeout": timeout, "validatesArguments": validatesArguments], displayStyle: .struct)
    }

    /// Sends the request and decodes a JSON 2xx body.
    public func send<Response: Decodable>(_ request: HTTPRequest, decoding type: Response.Type) async throws -> Response {
        let (data, _) = try await perform(request, accept: "application/json")
        return try JSONCoding.decode(type, from: data)
    }

    /// Sends the request and ignores the 2xx body.
    public func send(_ request: HTTPRequest) async throws {
        _ = try await perform(request, accept: nil)
    }

    /// Sends the request and returns the raw 2xx body.
    public func sendForData(_ request: HTTPRequest, accept: String = "*/*") async throws -> Data {
        try await perform(request, accept: accept).0
    }

    /// Sends the request and returns the 2xx body as UTF-8 text.
    public func sendForText(_ request: HTTPRequest) async throws -> String {
        String(decoding: try await perform(request, accept: "text/plain").0, as: UTF8.self)
    }

    /// Builds the `URLRequest` (public so tests and custom transports can inspect it).
    public func urlRequest(for request: HTTPRequest, accept: String?) throws -> URLRequest {
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
        for (name, value) in headers { urlRequest.addValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        return urlRequest
    }

    /// Races the transport against the timeout, so it holds for every transport (URLSession on
    /// Linux does not always honour `timeoutInterval`); the loser is cancelled.
    private func sendWithTimeout(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let transport = self.transport
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: Reply?.self) { group in
            group.addTask { Reply(try await transport.send(request)) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let reply = first else {
                throw APIError.timedOut(seconds: timeout)
            }
            return (reply.data, reply.response)
        }
    }

    private func perform(_ request: HTTPRequest, accept: String?) async throws -> (Data, HTTPURLResponse) {
        let urlRequest = try urlRequest(for: request, accept: accept)
        let data: Data
        let response: HTTPURLResponse
        do {
            (data, response) = try await sendWithTimeout(urlRequest)
        } catch let error as APIError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as URLError {
            if error.code == .cancelled, Task.isCancelled { throw CancellationError() }
            if error.code == .timedOut { throw APIError.timedOut(seconds: timeout) }
            throw APIError.transport(reason: error.localizedDescription, underlying: error)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw APIError.transport(reason: "\(error)", underlying: error)
        }
        guard (200..<300).contains(response.statusCode) else {
            throw APIError.http(status: response.statusCode, error: ServerError.parse(data), body: data.prefix(APIError.maxBodyBytes))
        }
        return (data, response)
    }
}

/// A transport's answer, carried across the timeout race.
private struct Reply: @unchecked Sendable {
    var data: Data
    var response: HTTPURLResponse

    init(_ value: (Data, HTTPURLResponse)) {
        data = value.0
        response = value.1
    }
}
