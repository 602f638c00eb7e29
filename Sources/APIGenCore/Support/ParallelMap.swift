import Dispatch
internal import CAPIGenPOSIX

/// Maps items on all cores, results in input order.
enum ParallelMap {
    /// Slots written by different threads at different indices, then read once all are done.
    private struct Slots<Result>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result?>
    }

    /// The cores this process may run on.
    static var cores: Int { Int(apigen_posix_active_processors()) }

    static func map<T: Sendable, Result>(_ items: [T], _ transform: @Sendable (T) -> Result) -> [Result] {
        let count = items.count
        guard count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(buffer: .allocate(capacity: count))
        slots.buffer.initialize(repeating: nil)
        defer {
            slots.buffer.deinitialize()
            slots.buffer.deallocate()
        }
        let workers = min(count, cores * 4)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < count {
                slots.buffer[i] = transform(items[i])
                i += workers
            }
        }
        return slots.buffer.map { $0! }
    }
}

extension ParallelMap {
    /// Runs `first` here and `second` on another core, and returns when both are done.
    static func both<A, B>(_ first: () -> A, _ second: @Sendable () -> B) -> (A, B) {
        var a: A?
        var b: B?
        withoutActuallyEscaping(first) { first in
            let slots = Unshared(value: (first, Box<A>(), Box<B>()))
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { slots.value.1.value = slots.value.0() } else { slots.value.2.value = second() }
            }
            a = slots.value.1.value
            b = slots.value.2.value
        }
        return (a!, b!)
    }

    /// A slot one thread writes before the other reads it, after the join.
    private final class Box<T> {
        var value: T?
    }
}

/// A value handed to other threads by a caller that makes sure they never use it at the same
/// time as anyone else (each thread gets its own, or only reads it).
struct Unshared<Value>: @unchecked Sendable {
    let value: Value
}
