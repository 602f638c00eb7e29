/// A map in two layers: what is settled, and what the current unit of work added on top.
///
/// Operations' declarations are built side by side, each on the settled layer (which no one
/// changes then) and a layer of its own, dropped once the unit is done.
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
        if settled.isEmpty { settled = added } else { settled.merge(added) { old, _ in old } }
        added = [:]
    }

    /// Forgets what the current unit added.
    mutating func dropAdded() {
        added = [:]
    }
}
