import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// When and how a failed call is sent again. On by default, as the best SDKs do: connection
/// failures and 408, 429, 500, 502, 503 and 504 are retried at most twice, after about 0.5 s
/// and 1 s (with jitter, capped at `maxDelay`), or after what the server's `Retry-After` or
/// `retry-after-ms` says (capped at `maxRetryAfter`, so a server cannot park a call for long).
///
/// Only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE, QUERY) are retried, and others when the
/// request carries an idempotency key: a POST without one is never sent twice.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// The first backoff, in seconds; each retry doubles it.
    public var initialDelay: Double
    public var maxDelay: Double
    /// The most a server's `Retry-After` may make a call wait, in seconds.
    public var maxRetryAfter: Double
    public var retryableStatuses: Set<Int>
    /// Headers whose presence makes any method safe to send again.
    public var idempotencyHeaders: [String]

    public init(maxRetries: Int = 2, initialDelay: Double = 0.5, maxDelay: Double = 8, maxRetryAfter: Double = 60,
                retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504], idempotencyHeaders: [String] = ["Idempotency-Key"]) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.retryableStatuses = retryableStatuses
        self.idempotencyHeaders = idempotencyHeaders
    }

    /// Two retries with exponential backoff and jitter.
    public static let `default` = RetryPolicy()
    /// Every call is sent once.
    public static let none = RetryPolicy(maxRetries: 0)

    private static let idempotentMethods: Set<String> = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE", "QUERY"]

    /// Whether this request may be sent more than once.
    public func mayRetry(_ request: URLRequest) -> Bool {
        if Self.idempotentMethods.contains((request.httpMethod ?? "GET").uppercased()) { return true }
        return idempotencyHeaders.contains { request.value(forHTTPHeaderField: $0) != nil }
    }

    /// Seconds to wait before retry number `retry` (1, 2…): the server's word when it gives one.
    public func delay(beforeRetry retry: Int, after response: HTTPURLResponse?, now: Date = Date()) -> Double {
        // A server's word that is negative, NaN or infinite is no word: the backoff below applies.
        if let response, let asked = Self.retryAfter(response, now: now), asked.isFinite, asked >= 0 {
            return Seconds.clamped(min(asked, maxRetryAfter))
        }
        let base = min(maxDelay, initialDelay * pow(2, Double(max(0, min(retry, 60) - 1))))
        // Full jitter in the upper half: spread out clients that failed together.
        return Seconds.clamped(min(maxDelay, base * Double.random(in: 0.5...1.0)))
    }

    /// `retry-after-ms`, or `Retry-After` as seconds or an HTTP date.
    static func retryAfter(_ response: HTTPURLResponse, now: Date) -> Double? {
        if let ms = response.value(forHTTPHeaderField: "retry-after-ms").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
            return ms / 1000
        }
        guard let text = response.value(forHTTPHeaderField: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text) { return seconds }
        return HTTPDate.parse(text).map { $0.timeIntervalSince(now) }
    }
}
