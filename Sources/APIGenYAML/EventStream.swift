internal import CAPIGenYAML
internal import CAPIGenPOSIX

/// libyaml's event stream, parsed on a second thread while the caller builds the tree.
///
/// Scanning is most of the cost of reading a large document, and building nodes from the events
/// is the rest; on two or more cores the two overlap. Events travel in chunks through a short
/// queue (bounded, so memory stays small however far the parser runs ahead). If no thread can
/// be started, events are parsed on the caller's thread as they are asked for.
///
/// Ownership: the stream owns every event. An event from `next()` stays valid until the next
/// call. Used chunks go back to the parser thread, which deletes their events and refills them,
/// so libyaml's allocations are made and freed on one thread (freeing across threads costs more
/// than the overlap gains). `close()` stops the parser thread and frees everything; call it
/// exactly once, whatever happened.
final class EventStream {
    private struct Chunk {
        var events: UnsafeMutablePointer<yaml_event_t>
        var count: Int
    }

    private static let chunkCapacity = 2048
    private static let maxQueuedChunks = 8

    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    #if canImport(Darwin)
    private var thread: pthread_t?
    #else
    private var thread = pthread_t()
    #endif
    private var threaded = false

    // Shared between the threads; read and written only while holding `lock`.
    private var queue: [Chunk] = []
    /// Chunks the consumer is done with, for the parser thread to empty and reuse.
    private var used: [Chunk] = []
    private var producerDone = false
    private var cancelled = false

    // The consumer's side.
    private var current: Chunk?
    private var position = 0
    /// Single-thread fallback: the one event slot `next()` parses into.
    private var slot = yaml_event_t()
    private var slotFilled = false

    /// Starts parsing `buffer`, which must stay valid until `close()` returns.
    /// Returns nil when libyaml cannot be initialised.
    /// `threaded: false` parses on the caller's thread (the fallback; tests compare the two).
    init?(buffer: UnsafeBufferPointer<UInt8>, threaded useThread: Bool = true) {
        guard let base = buffer.baseAddress, yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            lock.deallocate()
            changed.deallocate()
            return nil
        }
        yaml_parser_set_input_string(parser, base, buffer.count)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
        guard useThread else { return }
        let context = Unmanaged.passUnretained(self).toOpaque()
        #if canImport(Darwin)
        threaded = pthread_create(&thread, nil, { context in
            Unmanaged<EventStream>.fromOpaque(context).takeUnretainedValue().produce()
            return nil
        }, context) == 0
        #else
        threaded = pthread_create(&thread, nil, { context in
            Unmanaged<EventStream>.fromOpaque(context!).takeUnretainedValue().produce()
            return nil
        }, context) == 0
        #endif
    }

    /// The parser thread: fills chunks until the stream ends, libyaml fails, or `close()` asks
    /// it to stop.
    private func produce() {
        while true {
            pthread_mutex_lock(lock)
            while queue.count >= Self.maxQueuedChunks && !cancelled { pthread_cond_wait(changed, lock) }
            let stop = cancelled
            let recycled = stop ? nil : used.popLast()
            pthread_mutex_unlock(lock)
            if stop { break }

            let events: UnsafeMutablePointer<yaml_event_t>
            if let recycled {
                for i in 0..<recycled.count { yaml_event_delete(recycled.events + i) }
                events = recycled.events
            } else {
                events = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: Self.chunkCapacity)
            }
            var count = 0
            var ended = false
            while count < Self.chunkCapacity {
                guard yaml_parser_parse(parser, events + count) == 1 else {
                    ended = true
                    break
                }
                count += 1
                if events[count - 1].type == YAML_STREAM_END_EVENT {
                    ended = true
                    break
                }
            }
            pthread_mutex_lock(lock)
            queue.append(Chunk(events: events, count: count))
            if ended { producerDone = true }
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(lock)
            if ended { return }
        }
        pthread_mutex_lock(lock)
        producerDone = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    /// The next event, valid until the next call; nil when libyaml failed (`state` then holds
    /// its error).
    func next() -> UnsafePointer<yaml_event_t>? {
        guard threaded else {
            return withUnsafeMutablePointer(to: &slot) { pointer in
                if slotFilled { yaml_event_delete(pointer) }
                slotFilled = yaml_parser_parse(parser, pointer) == 1
                return slotFilled ? UnsafePointer(pointer) : nil
            }
        }
        if let chunk = current, position < chunk.count {
            position += 1
            return UnsafePointer(chunk.events + (position - 1))
        }
        pthread_mutex_lock(lock)
        if let chunk = current { used.append(chunk) }
        current = nil
        while queue.isEmpty && !producerDone { pthread_cond_wait(changed, lock) }
        let chunk = queue.isEmpty ? nil : queue.removeFirst()
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
        guard let chunk, chunk.count > 0 else {
            // The producer stopped without a stream end: libyaml reported an error.
            if let chunk { used.append(chunk) }
            waitForProducer()
            return nil
        }
        current = chunk
        position = 1
        return UnsafePointer(chunk.events)
    }

    /// libyaml's parser, for its error fields once `next()` returned nil.
    var state: yaml_parser_t { parser.pointee }

    private func waitForProducer() {
        guard threaded else { return }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
        threaded = false
    }

    /// Stops the parser thread and frees every event not handed out, then the parser.
    func close() {
        if threaded {
            pthread_mutex_lock(lock)
            cancelled = true
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(lock)
            waitForProducer()
        }
        if slotFilled { yaml_event_delete(&slot) }
        for chunk in (current.map { [$0] } ?? []) + queue + used {
            for i in 0..<chunk.count { yaml_event_delete(chunk.events + i) }
            chunk.events.deallocate()
        }
        current = nil
        queue = []
        used = []
        yaml_parser_delete(parser)
        parser.deallocate()
        pthread_mutex_destroy(lock)
        pthread_cond_destroy(changed)
        lock.deallocate()
        changed.deallocate()
    }
}
