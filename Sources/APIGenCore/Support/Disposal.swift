import Dispatch

/// Frees a large intermediate value (the node tree once the document is read, the document once
/// the IR exists, the IR once Swift text exists) on another thread. Freeing a tree of a million
/// nodes takes tens of milliseconds; the pipeline's next stage is mostly single-threaded, so a
/// second core does the freeing meanwhile.
public enum Disposal {
    /// Takes ownership of `value`; its last reference goes away on a background thread.
    static func inBackground<T: Sendable>(_ value: consuming T) {
        let owned = Owned(value)
        DispatchQueue.global(qos: .utility).async(group: pending) { owned.drop() }
    }

    private static let pending = DispatchGroup()

    /// Waits until everything handed over so far is freed (benchmarks call this outside their
    /// timed sections, so one round's freeing does not slow the next).
    public static func waitUntilIdle() {
        pending.wait()
    }

    private final class Owned<T: Sendable>: @unchecked Sendable {
        // Touched once by the creator and once by the background thread, never at the same time.
        private var value: T?
        init(_ value: consuming T) { self.value = value }
        func drop() { value = nil }
    }
}
