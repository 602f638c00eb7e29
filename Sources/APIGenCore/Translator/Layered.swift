/// A map in two layers: what is settled, and what the current unit of work added on top.
///
/// Operations' declarations are built side by side, each on the settled layer (which no one
/// changes then) and a layer of its own that the merge takes in afterwards, in order.
struct Layered<Key: Hashable, Value> {
    private(set) var settled: [Key: Value] = [:]
    private(set) var added: [Key: Value] = [:]

    subscript(key: Key) -> Value? {
        // One lookup when a layer is empty (hashing a location hashes its file name).
        get {
            if added.isEmpty { return settled[key] }
            if settled.isEmpty { return added[key] }
            return added[key] ?? settled[key]
        }
        set { added[key] = newValue }
    }

    func contains(_ key: Key) -> Bool { self[key] != nil }

    /// Moves what was added into the settled layer (what was settled first stays).
    mutating func settle() {
        settle(added)
        added = [:]
    }

    /// Adds `more` to the settled layer where it has no entry yet.
    mutating func settle(_ more: [Key: Value]) {
        if settled.isEmpty { settled = more } else { settled.merge(more) { old, _ in old } }
    }

    /// What was added, leaving that layer empty.
    mutating func takeAdded() -> [Key: Value] {
        defer { added = [:] }
        return added
    }
}
