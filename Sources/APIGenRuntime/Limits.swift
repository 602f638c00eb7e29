import Foundation

/// What a server may make one call cost. Each limit is enforced while reading, on every
/// transport the package offers, and passing one throws `APIError.limitExceeded` naming it.
/// Set them per client (`Client(…, limits:)`) or per call (`client.with(limits:)`).
public struct Limits: Sendable, Equatable {
    /// The most a buffered answer's body may hold, error bodies included.
    public var maxBodyBytes: Int
    /// The most one streamed element may hold: a server-sent event's data, or one JSON line.
    public var maxEventBytes: Int
    /// Seconds a stream may go without a byte before it fails (a stream's whole-call timeout
    /// covers its head; after that, this bounds each wait).
    public var streamIdleTimeout: Double
    /// The most pages one `…Pages` sequence fetches.
    public var maxPages: Int
    /// The most redirects one request follows.
    public var maxRedirects: Int

    public init(maxBodyBytes: Int = 32 * 1024 * 1024, maxEventBytes: Int = 1024 * 1024, streamIdleTimeout: Double = 300,
                maxPages: Int = 10_000, maxRedirects: Int = 5) {
        self.maxBodyBytes = maxBodyBytes
        self.maxEventBytes = maxEventBytes
        self.streamIdleTimeout = streamIdleTimeout
        self.maxPages = maxPages
        self.maxRedirects = maxRedirects
    }

    public static let `default` = Limits()

    /// Which limit a call passed, as `APIError.limitExceeded` names it.
    public enum Kind: Sendable, Equatable, CustomStringConvertible {
        case bodyBytes(Int)
        case eventBytes(Int)
        case streamIdle(seconds: Double)
        case pages(Int)
        case redirects(Int)

        public var description: String {
            switch self {
            case .bodyBytes(let n): "the body is larger than maxBodyBytes (\(n) bytes)"
            case .eventBytes(let n): "one streamed element is larger than maxEventBytes (\(n) bytes)"
            case .streamIdle(let s): "the stream sent nothing for streamIdleTimeout (\(s.parameterValue) seconds)"
            case .pages(let n): "the pages reached maxPages (\(n))"
            case .redirects(let n): "the redirects reached maxRedirects (\(n))"
            }
        }
    }
}

/// Seconds as a `Double` a user passes, turned into what clocks take without ever trapping:
/// NaN and negative values are zero, and anything beyond a century is "no limit".
enum Seconds {
    static let unlimited = 100.0 * 365 * 24 * 3600

    static func clamped(_ seconds: Double) -> Double {
        guard seconds == seconds, seconds > 0 else { return 0 }
        return min(seconds, unlimited)
    }

    static func nanoseconds(_ seconds: Double) -> UInt64 {
        UInt64(clamped(seconds) * 1_000_000_000)
    }

    static func isUnlimited(_ seconds: Double) -> Bool { clamped(seconds) >= unlimited }
}

/// The limits and deadline of the attempt a transport is sending, set by the client around each
/// attempt (as `OperationInfo.current`): how a transport enforces them while it reads.
public struct CallContext: Sendable {
    public var limits: Limits
    /// When the call must be over, on `DispatchTime`'s clock (uptime nanoseconds).
    public var deadline: UInt64

    /// Seconds left before the deadline (0 once it has passed).
    public var secondsLeft: Double {
        let now = DispatchTime.now().uptimeNanoseconds
        return deadline > now ? Double(deadline - now) / 1e9 : 0
    }

    @TaskLocal public static var current: CallContext?
}

/// Runs `expire` once when a deadline passes, unless cancelled first: a dispatch timer, not a
/// task, so a call that ends early holds nothing (a sleeping task stays queued until it wakes).
public final class DeadlineTimer: @unchecked Sendable {
    private let lock = NSLock()
    private var source: (any DispatchSourceTimer)?
    private var fired = false

    /// `deadline` in `DispatchTime` uptime nanoseconds; none is set when it is beyond a century.
    public init(deadline: UInt64, expire: @escaping @Sendable () -> Void) {
        let now = DispatchTime.now().uptimeNanoseconds
        let left = deadline > now ? deadline - now : 0
        guard Double(left) / 1e9 < Seconds.unlimited else { return }
        let source = DispatchSource.makeTimerSource(queue: .global())
        source.schedule(deadline: .now() + .nanoseconds(Int(min(left, UInt64(Int.max)))))
        source.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock()
            let first = !self.fired && self.source != nil
            self.fired = true
            self.source?.cancel()
            self.source = nil
            self.lock.unlock()
            if first { expire() }
        }
        self.source = source
        source.resume()
    }

    /// Whether the deadline passed (and `expire` ran).
    public var hasFired: Bool {
        lock.lock(); defer { lock.unlock() }
        return fired
    }

    /// Stops the timer; `expire` will not run after this returns unless it already has.
    public func cancel() {
        lock.lock()
        let source = self.source
        self.source = nil
        lock.unlock()
        source?.cancel()
    }

    deinit { source?.cancel() }
}
