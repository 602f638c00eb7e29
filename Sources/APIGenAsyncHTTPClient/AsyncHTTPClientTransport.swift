// Compiled with the `AsyncHTTPClientTransport` trait on (`swift build --traits AsyncHTTPClientTransport`).
#if AsyncHTTPClientTransport
@_spi(Generated) import APIGenRuntime
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
///
/// The client follows redirects by its own policy, so the `HTTPClient` must not follow them
/// itself: the default one is configured with `redirectConfiguration: .disallow`; an
/// `HTTPClient` you pass must be too, or every request fails before it is sent.
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    /// The most a buffered answer may hold when no client limit is set (the client's
    /// `Limits.maxBodyBytes` applies to its calls).
    public var maxBodyBytes: Int
    private let followsRedirects: Bool

    /// One `HTTPClient` for every transport made without one, on the default event loop group,
    /// that hands redirects back.
    public static let sharedClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                                configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    public init(client: HTTPClient = AsyncHTTPClientTransport.sharedClient, maxBodyBytes: Int = Limits.default.maxBodyBytes) {
        self.client = client
        self.maxBodyBytes = maxBodyBytes
        followsRedirects = Self.followsRedirects(client)
    }

    public var enforcesCallContext: Bool { true }

    /// Whether the client's configuration follows redirects: its configuration is not public, so
    /// it is read through reflection; a configuration that cannot be read counts as following.
    public static func followsRedirects(_ client: HTTPClient) -> Bool {
        guard let configuration = Mirror(reflecting: client).children.first(where: { $0.label == "configuration" })?.value,
              let redirects = Mirror(reflecting: configuration).children.first(where: { $0.label == "redirectConfiguration" })?.value else {
            return true
        }
        return !String(reflecting: redirects).contains("disallow")
    }

    /// The whole answer through AsyncHTTPClient's accumulating delegate: the call's deadline
    /// covers the body as well as the head, and reading stops past the body limit, without a
    /// task of its own.
    public func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        try refuseFollowingClient()
        guard let url = request.url else { throw URLError(.badURL) }
        if request.httpBodyStream != nil { return try await sendStreamingBody(request, url: url) }
        let limit = min(CallContext.current?.limits.maxBodyBytes ?? maxBodyBytes, Int(UInt32.max) - 1)
        var outgoing = try HTTPClient.Request(url: url, method: HTTPMethod(rawValue: request.httpMethod ?? "GET"))
        for (name, value) in request.allHTTPHeaderFields ?? [:] { outgoing.headers.add(name: name, value: value) }
        if let body = request.httpBody { outgoing.body = .bytes(body) }
        let delegate = ResponseAccumulator(request: outgoing, maxBodySize: max(0, limit))
        let task = client.execute(request: outgoing, delegate: delegate, deadline: deadline(request))
        let response: HTTPClient.Response
        do {
            response = try await withTaskCancellationHandler { try await task.futureResult.get() } onCancel: { task.cancel() }
        } catch is ResponseAccumulator.ResponseTooBigError {
            throw APIError.limitExceeded(.bodyBytes(limit))
        } catch let error as HTTPClientError where [.deadlineExceeded, .connectTimeout, .readTimeout].contains(error) {
            throw URLError(.timedOut)
        } catch let error as HTTPClientError where error == .cancelled {
            throw Task.isCancelled ? CancellationError() : URLError(.cancelled)
        }
        guard let head = HTTPURLResponse(url: url, status: Int(response.status.code), fields: response.headers.lazy.map { ($0.name, $0.value) }) else {
            throw URLError(.badServerResponse)
        }
        return (response.body.map { Data($0.readableBytesView) } ?? Data(), head)
    }

    /// A file body, streamed as it is read: the head within the deadline, the body bounded in size.
    private func sendStreamingBody(_ request: URLRequest, url: URL) async throws -> (Data, HTTPURLResponse) {
        let limit = CallContext.current?.limits.maxBodyBytes ?? maxBodyBytes
        let (response, head) = try await execute(request, deadline: deadline(request))
        do {
            return (Data(try await response.body.collect(upTo: limit).readableBytesView), head)
        } catch is NIOTooManyBytesError {
            throw APIError.limitExceeded(.bodyBytes(limit))
        }
    }

    /// The head as soon as it arrives (within the call's deadline); the body as it comes.
    public func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, ByteStream) {
        try refuseFollowingClient()
        let (response, head) = try await execute(request, deadline: deadline(request))
        return (head, ByteStream(reading: response.body) { Data($0.readableBytesView) })
    }

    private func refuseFollowingClient() throws {
        guard !followsRedirects else {
            throw APIError.invalidArgument(name: "transport", reason: "this HTTPClient follows redirects itself, which would send credentials to other origins; create it with redirectConfiguration: .disallow")
        }
    }

    private func deadline(_ request: URLRequest) -> NIODeadline {
        let seconds = CallContext.current?.secondsLeft
            ?? (request.timeoutInterval > 0 && request.timeoutInterval.isFinite ? request.timeoutInterval : 60)
        return .now() + .nanoseconds(Int64(min(seconds, 3e9) * 1e9))
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
