// Compiled with the `OpenAPIRuntimeTransport` trait on (`swift build --traits OpenAPIRuntimeTransport`).
#if OpenAPIRuntimeTransport
import APIGenRuntime
import Foundation
import HTTPTypes
import OpenAPIRuntime

extension ServerTransport {
    /// Registers a generated server's routes, so that Vapor, Hummingbird or any other
    /// swift-openapi-runtime `ServerTransport` routes requests to its handler:
    ///
    ///     let transport = VaporTransport(routesBuilder: app)
    ///     try transport.register(APIServer(handler: MyHandler()).routes, prefix: "/api")
    ///
    /// A request body longer than `maxBodyBytes` is answered 413 without reaching the handler:
    /// a client must not make the server hold unbounded memory.
    public func register(_ routes: [ServerRoute], prefix: String = "", maxBodyBytes: Int = 8 * 1024 * 1024) throws {
        let prefix = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        for route in routes {
            guard let method = HTTPRequest.Method(route.method) else { continue }
            try register({ request, body, metadata in
                var data = Data()
                do {
                    if let body { data = try await Data(collecting: body, upTo: maxBodyBytes) }
                } catch where String(describing: type(of: error)) == "TooManyBytesError" {   // swift-openapi-runtime's, private
                    return (HTTPResponse(status: .contentTooLarge), nil)
                }
                let target = request.path ?? ""
                let query = target.firstIndex(of: "?").map { String(target[target.index(after: $0)...].prefix { $0 != "#" }) }
                let input = ServerInput(
                    pathParameters: metadata.pathParameters.mapValues(String.init), query: query,
                    headers: request.headerFields.map { ($0.name.rawName, $0.value) }, body: data
                )
                let answer = await route.respond(to: input)
                var fields = HTTPFields()
                for header in answer.headers {
                    // Only names and values the HTTP rules allow: a handler's value cannot add a header.
                    guard let name = HTTPField.Name(header.name), HeaderRules.isValidValue(header.value) else { continue }
                    fields.append(HTTPField(name: name, value: header.value))
                }
                let status = (100...599).contains(answer.status) ? answer.status : 500
                let response = HTTPResponse(status: .init(code: status), headerFields: fields)
                if let stream = answer.stream { return (response, HTTPBody(stream, length: .unknown, iterationBehavior: .single)) }
                return (response, answer.body.isEmpty ? nil : HTTPBody(answer.body))
            }, method: method, path: prefix + route.template)
        }
    }
}

/// No CR, LF, NUL or other control byte but tab in a header value.
private enum HeaderRules {
    static func isValidValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }
    }
}
#endif
