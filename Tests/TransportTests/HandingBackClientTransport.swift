// Compiled with the `OpenAPIRuntimeTransport` trait on.
#if OpenAPIRuntimeTransport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import APIGenRuntime
import HTTPTypes
import OpenAPIRuntime

/// A swift-openapi-runtime `ClientTransport` that hands redirects back and streams its answers,
/// as `OpenAPIRuntimeTransport` asks of the one it is given (its documentation says why):
/// swift-openapi-urlsession's follows redirects itself, with every header.
struct HandingBackClientTransport: ClientTransport {
    let inner = APIGenRuntime.URLSessionTransport()

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        guard let url = URL(string: baseURL.absoluteString + (request.path ?? "")) else { throw URLError(.badURL) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headerFields { urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName) }
        if let body { urlRequest.httpBody = try await Data(collecting: body, upTo: 64 * 1024 * 1024) }
        let (head, bytes) = try await inner.stream(urlRequest)
        var fields = HTTPFields()
        for case let (name as String, value as String) in head.allHeaderFields {
            if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
        }
        return (HTTPResponse(status: .init(code: head.statusCode), headerFields: fields), HTTPBody(bytes, length: .unknown, iterationBehavior: .single))
    }
}
#endif
