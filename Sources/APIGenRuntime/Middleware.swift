import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The operation a request belongs to, as the document names it.
public struct OperationInfo: Sendable, Equatable {
    /// The `operationId` (or the name made for an operation without one).
    public var id: String
    public var method: String
    /// The path as written in the document (`/meetings/{meeting_id}`), without argument values.
    public var pathTemplate: String

    public init(id: String, method: String, pathTemplate: String) {
        self.id = id
        self.method = method
        self.pathTemplate = pathTemplate
    }

    /// The operation whose request a transport is sending, set by the client around each
    /// attempt: how a transport that wants the operation ID (swift-openapi-runtime's) gets it.
    @TaskLocal public static var current: OperationInfo?
}

/// One attempt of a call, as a middleware sees it.
public struct CallAttempt: Sendable {
    public var operation: OperationInfo
    /// 1 for the first attempt, 2 for the first retry…
    public var number: Int
}

/// A step around the transport: sees the request and the response of every attempt, and may
/// change either, or fail the call. Middlewares run in the order the client lists them, the
/// first outermost: for logging, metrics, tracing, token refresh, request IDs.
///
/// ```swift
/// struct RequestID: APIMiddleware {
///     func intercept(_ request: MiddlewareRequest, attempt: CallAttempt,
///                    next: @Sendable (MiddlewareRequest) async throws -> MiddlewareResponse) async throws -> MiddlewareResponse {
///         var request = request
///         request.setHeader("X-Request-ID", UUID().uuidString)
///         return try await next(request)
///     }
/// }
/// ```
public protocol APIMiddleware: Sendable {
    func intercept(
        _ request: MiddlewareRequest, attempt: CallAttempt,
        next: @Sendable (MiddlewareRequest) async throws -> MiddlewareResponse
    ) async throws -> MiddlewareResponse
}

/// Writes one line per attempt to `log`: method, path template, status (or the error), time
/// and attempt number. It writes no header and no argument value, so no credential.
public struct LoggingMiddleware: APIMiddleware {
    public let log: @Sendable (String) -> Void

    public init(log: @escaping @Sendable (String) -> Void) {
        self.log = log
    }

    public func intercept(
        _ request: MiddlewareRequest, attempt: CallAttempt,
        next: @Sendable (MiddlewareRequest) async throws -> MiddlewareResponse
    ) async throws -> MiddlewareResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        func line(_ outcome: String) -> String {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            return "\(attempt.operation.method) \(attempt.operation.pathTemplate) \(outcome) in \(Int(ms.rounded())) ms (attempt \(attempt.number))"
        }
        do {
            let answer = try await next(request)
            log(line("→ \(answer.status)"))
            return answer
        } catch {
            log(line("failed: \(type(of: error))"))
            throw error
        }
    }
}

/// What one call may set apart from the client's settings: `client.with(timeout: 5)`.
public struct CallOptions: Sendable {
    /// Seconds for the whole call, retries and their waits included.
    public var timeout: Double?
    public var retry: RetryPolicy?
    public var limits: Limits?
    public var redirects: RedirectPolicy?
    /// Sent with every request, after the operation's own headers.
    public var headers: [(name: String, value: String)]

    public init(timeout: Double? = nil, retry: RetryPolicy? = nil, limits: Limits? = nil, redirects: RedirectPolicy? = nil,
                headers: [(name: String, value: String)] = []) {
        self.timeout = timeout
        self.retry = retry
        self.limits = limits
        self.redirects = redirects
        self.headers = headers
    }
}
