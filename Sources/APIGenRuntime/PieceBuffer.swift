import Foundation

/// The pieces of a body between whoever reads them from the network and the loop that reads
/// them from a `ByteStream`. A producer that can wait (`push`) waits while more than about
/// `highWater` bytes are held, so a loop slower than its server holds back the server (through
/// TCP) instead of holding all it sends. One that cannot wait (a URLSession delegate: on Linux,
/// suspending its task stops the transfer for good) adds with `offer`, and past `maxHeld` bytes
/// the body fails with `APIError.limitExceeded(.bodyBytes)`: memory stays bounded either way.
final class PieceBuffer: @unchecked Sendable {
    static let defaultHighWater = 1024 * 1024

    private let lock = NSLock()
    private let highWater: Int
    private var pieces: [Data] = []
    private var head = 0
    private var bytes = 0
    private var finished = false
    private var failure: (any Error)?
    private var consumer: CheckedContinuation<Data?, any Error>?
    private var producer: CheckedContinuation<Void, Never>?
    private var cancelled = false
    private let maxHeld: Int
    /// Called once when the loop stops reading before the end (a `break`, its task cancelled),
    /// or when `offer` passes `maxHeld`.
    var onCancel: @Sendable () -> Void = {}

    init(highWater: Int = PieceBuffer.defaultHighWater, maxHeld: Int = .max) {
        self.highWater = highWater
        self.maxHeld = maxHeld
    }

    /// Bytes held, for tests.
    var bufferedBytes: Int {
        lock.lock(); defer { lock.unlock() }
        return bytes
    }

    /// Adds a piece without waiting; true while more than `highWater` bytes are held. Past
    /// `maxHeld`, the body fails with `APIError.limitExceeded(.bodyBytes)` and the source is told
    /// to stop (`onCancel`).
    @discardableResult
    func offer(_ piece: Data) -> Bool {
        lock.lock()
        guard !finished, !cancelled else { lock.unlock(); return false }
        if let consumer {
            self.consumer = nil
            lock.unlock()
            consumer.resume(returning: piece)
            return false
        }
        pieces.append(piece)
        bytes += piece.count
        let (full, overflow) = (bytes > highWater, bytes > maxHeld)
        lock.unlock()
        if overflow {
            finish(throwing: APIError.limitExceeded(.bodyBytes(maxHeld)))
            onCancel()
        }
        return full
    }

    /// Adds a piece, waiting while the buffer is past its high water; false once nobody reads.
    func push(_ piece: Data) async -> Bool {
        guard offer(piece) else { return isOpen }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if bytes <= highWater || cancelled || finished {
                lock.unlock()
                continuation.resume()
            } else {
                producer = continuation
                lock.unlock()
            }
        }
        return isOpen
    }

    private var isOpen: Bool {
        lock.lock(); defer { lock.unlock() }
        return !cancelled && !finished
    }

    /// Ends the body: the loop reads what is held, then the end (or `error`).
    func finish(throwing error: (any Error)? = nil) {
        lock.lock()
        guard !finished else { lock.unlock(); return }
        finished = true
        failure = error
        let (consumer, producer) = (self.consumer, self.producer)
        self.consumer = nil
        self.producer = nil
        // An error ends the body at once: what was held is dropped (a limit, a timeout).
        if error != nil { pieces = []; head = 0; bytes = 0 }
        lock.unlock()
        producer?.resume()
        if let consumer {
            if let error { consumer.resume(throwing: error) } else { consumer.resume(returning: nil) }
        }
    }

    /// The loop stopped reading: drop what is held and stop the source.
    func cancel() {
        lock.lock()
        guard !cancelled, !finished else { lock.unlock(); return }
        cancelled = true
        pieces = []
        head = 0
        bytes = 0
        let (consumer, producer) = (self.consumer, self.producer)
        self.consumer = nil
        self.producer = nil
        lock.unlock()
        producer?.resume()
        consumer?.resume(throwing: CancellationError())
        onCancel()
    }

    /// The next piece, nil at the end.
    func next() async throws -> Data? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data?, any Error>) in
                lock.lock()
                if head < pieces.count {
                    let piece = pieces[head]
                    head += 1
                    bytes -= piece.count
                    if head > 64, head * 2 > pieces.count {
                        pieces.removeFirst(head)
                        head = 0
                    }
                    var wake: CheckedContinuation<Void, Never>?
                    if bytes <= highWater / 2 {
                        wake = producer
                        producer = nil
                    }
                    lock.unlock()
                    wake?.resume()
                    continuation.resume(returning: piece)
                } else if finished || cancelled {
                    let failure = cancelled ? CancellationError() : self.failure
                    lock.unlock()
                    if let failure { continuation.resume(throwing: failure) } else { continuation.resume(returning: nil) }
                } else {
                    consumer = continuation
                    lock.unlock()
                }
            }
        } onCancel: {
            cancel()
        }
    }
}

extension PieceBuffer {
    /// A task that reads `source` into the buffer, waiting for the loop when it is full, and
    /// ends it with the source's end or error (through `map`); `each` runs for every piece,
    /// `done` once at the end.
    func fill<Source: AsyncSequence & Sendable>(
        from source: Source, _ piece: @escaping @Sendable (Source.Element) throws -> Data, each: @escaping @Sendable () -> Void = {},
        map: @escaping @Sendable (any Error) -> any Error = { $0 }, done: @escaping @Sendable () -> Void = {}
    ) -> Task<Void, Never> {
        Task {
            do {
                for try await element in source {
                    each()
                    guard await push(try piece(element)) else { break }
                }
                finish()
            } catch {
                finish(throwing: map(error))
            }
            done()
        }
    }
}

/// Cancels the buffer when the last stream and iterator that read it are gone.
final class PieceReader: @unchecked Sendable {
    let buffer: PieceBuffer

    init(_ buffer: PieceBuffer) {
        self.buffer = buffer
    }

    deinit { buffer.cancel() }
}
