import Foundation

/// A body that arrives in pieces, in order, as the server sends them: what a transport's
/// `stream(_:)` answers with, and what server-sent events and JSON Lines are read from.
///
/// Ending the iteration early (a `break`, or cancelling the task that iterates) stops whatever
/// produces the pieces: a transport closes the connection.
public struct ByteStream: AsyncSequence, Sendable {
    public typealias Element = Data

    private enum Source: Sendable {
        case stream(AsyncThrowingStream<Data, any Error>)
        case buffer(PieceReader)
    }

    private let source: Source

    /// Pieces a producer yields into a continuation; `onTermination` runs once when the stream
    /// ends either way (finished, failed, or no longer iterated). Such a stream holds what its
    /// producer yields until it is read: prefer `init(reading:)`, which waits for the reader.
    public init(_ pieces: AsyncThrowingStream<Data, any Error>) {
        source = .stream(pieces)
    }

    /// Pieces from a `PieceBuffer` a transport fills.
    init(buffer: PieceBuffer) {
        source = .buffer(PieceReader(buffer))
    }

    /// A whole body as one piece.
    public init(_ data: Data) {
        source = .stream(AsyncThrowingStream { continuation in
            if !data.isEmpty { continuation.yield(data) }
            continuation.finish()
        })
    }

    /// Pieces of any async sequence, read by a task of its own that holds at most about a
    /// megabyte ahead of the loop reading them (it waits for the loop beyond that), and is
    /// cancelled when the stream is no longer iterated.
    public init<Source: AsyncSequence & Sendable>(reading source: Source, _ piece: @escaping @Sendable (Source.Element) -> Data) {
        let buffer = PieceBuffer()
        let task = buffer.fill(from: source, piece)
        buffer.onCancel = { task.cancel() }
        self.init(buffer: buffer)
    }

    /// Pieces written from the elements of a sequence by a function that may fail (encoding a
    /// server's streamed answer): a failure ends the stream with it.
    @_spi(Generated) public init<Source: AsyncSequence & Sendable>(writing source: Source, _ piece: @escaping @Sendable (Source.Element) throws -> Data) {
        let buffer = PieceBuffer()
        let task = buffer.fill(from: source, piece)
        buffer.onCancel = { task.cancel() }
        self.init(buffer: buffer)
    }

    /// The bytes of an `InputStream` (a file body, `URLRequest.httpBodyStream`), read in pieces
    /// as they are asked for: what a transport sends a streamed request body from.
    public init(reading stream: InputStream, pieceSize: Int = 64 * 1024) {
        let input = UncheckedInputStream(stream: stream)
        source = .stream(AsyncThrowingStream {
            input.open()
            var buffer = [UInt8](repeating: 0, count: pieceSize)
            let count = input.stream.read(&buffer, maxLength: buffer.count)
            if count < 0 { throw input.stream.streamError ?? CocoaError(.fileReadUnknown) }
            if count == 0 {
                input.stream.close()
                return nil
            }
            return Data(buffer[0..<count])
        })
    }

    public func makeAsyncIterator() -> AsyncIterator {
        switch source {
        case .stream(let pieces): AsyncIterator(stream: pieces.makeAsyncIterator(), reader: nil)
        case .buffer(let reader): AsyncIterator(stream: nil, reader: reader)
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var stream: AsyncThrowingStream<Data, any Error>.AsyncIterator?
        let reader: PieceReader?

        public mutating func next() async throws -> Data? {
            if let reader { return try await reader.buffer.next() }
            return try await stream?.next()
        }
    }

    /// Every piece joined, up to `limit` bytes: reading stops there (the producer is told to
    /// stop, a transport closes the connection), so an endless body costs only `limit`.
    public func collect(upTo limit: Int = .max) async throws -> Data {
        var data = Data()
        for try await piece in self {
            data.append(piece.prefix(limit - data.count))
            if data.count >= limit { break }
        }
        return data
    }

    /// These pieces, failing with `APIError.limitExceeded(.streamIdle)` when none arrives for
    /// `idleTimeout` seconds and with `.timedOut(seconds: timeout)` at `deadline` (uptime nanoseconds), and with
    /// every error the source throws passed through `map`. Timers, not a task per wait: the
    /// one task reads the source and is cancelled when the stream is no longer iterated.
    func guarded(idleTimeout: Double, deadline: UInt64?, timeout: Double = 0, map: @escaping @Sendable (any Error) -> any Error) -> ByteStream {
        let source = self
        let buffer = PieceBuffer()
        let idle = IdleWatch(seconds: idleTimeout) { buffer.finish(throwing: APIError.limitExceeded(.streamIdle(seconds: idleTimeout))) }
        let overall = deadline.map { deadline in DeadlineTimer(deadline: deadline) { buffer.finish(throwing: APIError.timedOut(seconds: timeout)) } }
        let task = buffer.fill(from: source, { $0 }, each: { idle.reset() }, map: map) {
            idle.stop()
            overall?.cancel()
        }
        buffer.onCancel = {
            task.cancel()
            idle.stop()
            overall?.cancel()
        }
        return ByteStream(buffer: buffer)
    }
}

/// A timer that fires after `seconds` without a `reset()`.
private final class IdleWatch: @unchecked Sendable {
    private let lock = NSLock()
    private let seconds: Double
    private let expire: @Sendable () -> Void
    private var timer: DeadlineTimer?
    private var stopped = false

    init(seconds: Double, expire: @escaping @Sendable () -> Void) {
        self.seconds = seconds
        self.expire = expire
        reset()
    }

    func reset() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        guard !stopped else { return }
        timer = DeadlineTimer(deadline: DispatchTime.now().uptimeNanoseconds &+ Seconds.nanoseconds(seconds), expire: expire)
    }

    func stop() {
        lock.lock()
        stopped = true
        let timer = self.timer
        self.timer = nil
        lock.unlock()
        timer?.cancel()
    }
}

/// An `InputStream` is read from one task at a time here (the stream's consumer), so it crosses
/// into the stream's closure unchecked.
private final class UncheckedInputStream: @unchecked Sendable {
    let stream: InputStream
    private var opened = false

    init(stream: InputStream) {
        self.stream = stream
    }

    func open() {
        guard !opened else { return }
        opened = true
        stream.open()
    }
}

/// Reads lines from a byte stream, ending at LF, CRLF or a lone CR (as server-sent events and
/// JSON Lines allow); a last line without an ending is returned too.
struct LineReader {
    private var pieces: ByteStream.AsyncIterator
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    /// The most one line may hold: a line that never ends fails instead of filling memory.
    private let maxLineBytes: Int

    init(_ stream: ByteStream, maxLineBytes: Int = Limits.default.maxEventBytes) {
        pieces = stream.makeAsyncIterator()
        self.maxLineBytes = maxLineBytes
    }

    mutating func next() async throws -> ArraySlice<UInt8>? {
        // What was returned is dropped here, before scanning, so indices stay valid below.
        if start > 4096, start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        var scanned = start
        while true {
            while scanned < buffer.count {
                let byte = buffer[scanned]
                if byte == 0x0A || byte == 0x0D {
                    // A CR at the end of what has arrived may be half of a CRLF: read on first.
                    if byte == 0x0D, scanned + 1 == buffer.count, !finished, try await fill() { continue }
                    let line = buffer[start..<scanned]
                    start = scanned + (byte == 0x0D && scanned + 1 < buffer.count && buffer[scanned + 1] == 0x0A ? 2 : 1)
                    return line
                }
                scanned += 1
            }
            if scanned - start > maxLineBytes { throw APIError.limitExceeded(.eventBytes(maxLineBytes)) }
            let more = finished ? false : try await fill()
            if !more {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
        }
    }

    /// Appends the next piece; false at the end of the stream.
    private mutating func fill() async throws -> Bool {
        guard let piece = try await pieces.next() else {
            finished = true
            return false
        }
        buffer.append(contentsOf: piece)
        return true
    }
}
