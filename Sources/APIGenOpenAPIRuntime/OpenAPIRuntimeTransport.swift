// Compiled with the `OpenAPIRuntimeTransport` trait on (`swift build --traits OpenAPIRuntimeTransport`).
#if OpenAPIRuntimeTransport
@_spi(Generated) import APIGenRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import OpenAPIRuntime

/// Carries a generated client's requests over any swift-openapi-runtime `ClientTransport`
/// (URLSession, AsyncHTTPClient, recording mocks…), through its `ClientMiddleware`s, the first
/// outermost, each given the operation's ID:
///
///     let client = Client(apiToken: token, transport: OpenAPIRuntimeTransport(
///         AsyncHTTPClientTransport(), middlewares: [RequestIDMiddleware()]))
///
/// Redirects: the client follows them by its `RedirectPolicy` when the `ClientTransport` hands
/// them back, but a `ClientTransport` that follows them itself does so with every header,
/// credentials included, and nothing here can see it. Give it one that does not (for
/// swift-openapi-async-http-client, an `HTTPClient` with `redirectConfiguration: .disallow`).
public struct OpenAPIRuntimeTransport: APIGenRuntime.HTTPTransport {
    public let transport: any ClientTransport
    public let middlewares: [any ClientMiddleware]
    /// The most a buffered answer may hold.
    public var maxBodyBytes: Int

    public init(_ transport: any ClientTransport, middlewares: [any ClientMiddleware] = [], maxBodyBytes: Int = 64 * 1024 * 1024) {
        self.transport = transport
        self.middlewares = middlewares
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (head, body) = try await exchange(request)
        guard let body else { return (Data(), head) }
        let limit = CallContext.current?.limits.maxBodyBytes ?? maxBodyBytes
        do {
            return (try await Data(collecting: body, upTo: limit), head)
        } catch where String(describing: type(of: error)) == "TooManyBytesError" {   // swift-openapi-runtime's, private
            throw APIError.limitExceeded(.bodyBytes(limit))
        }
    }

    public func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream) {
        let (head, body) = try await exchange(request)
        guard let body else { return (head, ByteStream(Data())) }
        return (head, ByteStream(reading: body) { Data($0) })
    }

    /// The request as swift-http-types has it (the path and query below the server's origin),
    /// through the middlewares to the transport, and the answer back as Foundation has it.
    private func exchange(_ request: URLRequest) async throws -> (HTTPURLResponse, HTTPBody?) {
        guard let url = request.url, let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let scheme = components.scheme, let host = components.host else { throw URLError(.badURL) }
        var origin = URLComponents()
        origin.scheme = scheme
        origin.host = host
        origin.port = components.port
        guard let baseURL = origin.url else { throw URLError(.badURL) }
        let path = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        var fields = HTTPFields()
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        let head = HTTPRequest(method: HTTPRequest.Method(request.httpMethod ?? "GET") ?? .get, scheme: nil, authority: nil, path: path, headerFields: fields)
        var body = request.httpBody.map { HTTPBody([UInt8]($0)) }
        if let stream = request.httpBodyStream {
            let length = request.value(forHTTPHeaderField: "Content-Length").flatMap(Int64.init)
            body = HTTPBody(ByteStream(reading: stream), length: length.map { .known($0) } ?? .unknown, iterationBehavior: .single)
        }
        let operationID = OperationInfo.current?.id ?? ""
        let transport = self.transport
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = { request, body, baseURL in
            try await transport.send(request, body: body, baseURL: baseURL, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request, body, baseURL in
                try await middleware.intercept(request, body: body, baseURL: baseURL, operationID: operationID, next: inner)
            }
        }
        let (response, responseBody) = try await next(head, body, baseURL)
        guard let answer = HTTPURLResponse(url: url, status: response.status.code, fields: response.headerFields.lazy.map { ($0.name.rawName, $0.value) }) else {
            throw URLError(.badServerResponse)
        }
        return (answer, responseBody)
    }
}
#endif
