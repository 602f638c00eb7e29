// Compiled with the `AsyncHTTPClientTransport` trait on (`swift build --traits AsyncHTTPClientTransport`).
#if AsyncHTTPClientTransport
import APIGenRuntime
import AsyncHTTPClient
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NIOCore
import NIOHTTP1

/// Sends a generated client's requests through AsyncHTTPClient (SwiftNIO): the HTTP stack Swift
/// servers run, streaming on Linux too.
///
///     let client = Client(apiToken: token, transport: AsyncHTTPClientTransport())
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    /// The most a buffered answer may hold; a larger body fails the call instead of filling memory.
    public var maxBodyBytes: Int

    public init(client: HTTPClient = .shared, maxBodyBytes: Int = 64 * 1024 * 1024) {
        self.client = client
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let seconds = request.timeoutInterval > 0 && request.timeoutInterval.isFinite ? request.timeoutInterval : 60
        let (response, head) = try await execute(request, deadline: .now() + .nanoseconds(Int64(seconds * 1e9)))
        let body = try await response.body.collect(upTo: maxBodyBytes)
        return (Data(body.readableBytesView), head)
    }

    /// The head as soon as it arrives; the body as it comes. The client's timeout covers the head
    /// (`ClientCore` enforces it), so the stream itself has no deadline.
    public func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream) {
        let (response, head) = try await execute(request, deadline: .distantFuture)
        return (head, ByteStream(reading: response.body) { Data($0.readableBytesView) })
    }

    private func execute(_ request: URLRequest, deadline: NIODeadline) async throws -> (HTTPClientResponse, HTTPURLResponse) {
        guard let url = request.url else { throw URLError(.badURL) }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.httpMethod ?? "GET")
        for (name, value) in request.allHTTPHeaderFields ?? [:] { outgoing.headers.add(name: name, value: value) }
        if let body = request.httpBody {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        } else if let stream = request.httpBodyStream {
            let length = request.value(forHTTPHeaderField: "Content-Length").flatMap(Int.init)
            outgoing.body = .stream(ByteStream(reading: stream).map { ByteBuffer(bytes: $0) }, length: length.map { .known(Int64($0)) } ?? .unknown)
        }
        let response: HTTPClientResponse
        do {
            response = try await client.execute(outgoing, deadline: deadline)
        } catch let error as HTTPClientError where [.deadlineExceeded, .connectTimeout, .readTimeout].contains(error) {
            throw URLError(.timedOut)   // what the client reports as `APIError.timedOut`, as for URLSession
        }
        guard let head = HTTPURLResponse(url: url, status: Int(response.status.code), fields: response.headers.lazy.map { ($0.name, $0.value) }) else {
            throw URLError(.badServerResponse)
        }
        return (response, head)
    }
}
#endif
