// Compiled with the `OpenAPIRuntimeTransport` trait on, which brings swift-http-types.
#if OpenAPIRuntimeTransport
import APIGenRuntime
import Foundation
import HTTPTypes

extension MiddlewareRequest {
    /// The request as swift-http-types has it: for a middleware written against `HTTPRequest`
    /// (the body stays in `body`). Nil when the URL has no scheme and host.
    public var httpRequest: HTTPRequest? {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false), let scheme = components.scheme,
              let host = components.host else { return nil }
        let authority = host + (components.port.map { ":\($0)" } ?? "")
        let path = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        return HTTPRequest(method: HTTPRequest.Method(method) ?? .get, scheme: scheme, authority: authority, path: path,
                           headerFields: httpFields(headers))
    }

    /// Takes the method, URL and header fields of `request`, keeping the body.
    public mutating func update(from request: HTTPRequest) {
        method = request.method.rawValue
        if let url = request.url { self.url = url }
        headers = request.headerFields.map { ($0.name.rawName, $0.value) }
    }
}

extension MiddlewareResponse {
    /// The response's status and header fields as swift-http-types has them.
    public var httpResponse: HTTPResponse {
        HTTPResponse(status: .init(code: status),
                     headerFields: httpFields(headers))
    }
}
/// Fields as swift-http-types has them; a name it cannot hold (not an RFC 9110 token) is left
/// out, as the client would refuse to send it.
private func httpFields(_ headers: [(name: String, value: String)]) -> HTTPFields {
    HTTPFields(headers.compactMap { name, value in HTTPField.Name(name).map { HTTPField(name: $0, value: value) } })
}
#endif
