import Foundation

/// How a `oneOf`/`anyOf` without a discriminator picks its alternative. An alternative is ruled
/// out when the JSON gives a property another value than the one it pins (a `const`), and when
/// it does not decode (a missing required property, another JSON type). Of those left, the one
/// whose value, written back, keeps most of the JSON's fields as they came wins (the first of
/// equals): an open enum or an object of optional fields accepts anything, so the first to
/// decode is not the answer. For an `anyOf` too one alternative is kept, the closest.
///
/// An alternative that would drop a pinned property the JSON has (the `type` the alternatives
/// are told apart by, with a value none pins) is ruled out too. A value no alternative accepts
/// is kept raw (`unknown`) when the union has that case, and so is an object of which the
/// closest alternative keeps no field: it is a variant this client does not know. A field no
/// alternative names is no reason to keep a value raw: servers add fields. A union inside an
/// alternative being tried keeps nothing raw, so that it cannot win by accepting anything.
@_spi(Generated) public enum UnionMatch {
    public typealias Alternative<Value> = (name: String, pins: [String: String], decode: (any Decoder) throws -> Value)

    public static func closest<Value: Encodable>(_ decoder: any Decoder, _ alternatives: [Alternative<Value>],
                                                 unknown: ((JSONValue) -> Value)? = nil) throws -> Value {
        let hasPins = alternatives.contains { !$0.pins.isEmpty }
        let json = hasPins ? try? JSONValue(from: decoder) : nil
        var fitting: [Value] = []
        var failures: [String] = []
        for alternative in alternatives {
            if let json, let ruledOut = alternative.pins.first(where: { json[$0.key] != nil && json[$0.key] != .string($0.value) }) {
                failures.append("\(alternative.name): its '\(ruledOut.key)' is not \"\(ruledOut.value)\"")
                continue
            }
            do {
                // A union inside an alternative keeps nothing raw: its `unknown` would accept any
                // JSON, and the alternative holding it would then win over one that fits.
                fitting.append(try $tryingAlternative.withValue(true) { try alternative.decode(decoder) })
            } catch {
                failures.append("\(alternative.name): \(error)")
            }
        }
        if let json {
            // The pinned keys the JSON has: an alternative that would drop one is not this value's.
            let pinned = Set(alternatives.flatMap(\.pins.keys)).filter { json[$0] != nil }
            if !pinned.isEmpty {
                fitting.removeAll { value in
                    guard let back = Self.writtenBack(value) else { return true }
                    return pinned.contains { back[$0] != json[$0] }
                }
                if fitting.isEmpty { failures.append("each alternative would drop \(pinned.sorted().map { "'\($0)'" }.joined(separator: ", "))") }
            }
        }
        let keepsRaw = unknown != nil && !tryingAlternative
        guard let first = fitting.first else {
            if keepsRaw, let unknown, let raw = json ?? (try? JSONValue(from: decoder)) { return unknown(raw) }
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "no alternative of \(Value.self) matched: " + failures.joined(separator: "; ")))
        }
        guard fitting.count > 1 || keepsRaw, let sent = json ?? (try? JSONValue(from: decoder)) else { return first }
        var best = (value: first, score: -1)
        for value in fitting {
            let score = Self.kept(sent, by: value)
            if score > best.score { best = (value, score) }
        }
        // An object none of whose fields an alternative keeps is no evidence for it (objects of
        // optional fields accept anything): kept raw.
        if keepsRaw, let unknown, case .object(let fields) = sent, !fields.isEmpty, best.score == 0 { return unknown(sent) }
        return best.value
    }

    /// Set while an alternative is tried.
    @TaskLocal static var tryingAlternative = false

    static func writtenBack(_ value: some Encodable) -> JSONValue? {
        try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(value))
    }

    /// How many of the JSON's fields (or the value itself, for anything but an object) `value`
    /// writes back unchanged.
    static func kept(_ sent: JSONValue, by value: some Encodable) -> Int {
        guard let written = writtenBack(value) else { return 0 }
        guard case .object(let fields) = sent, case .object(let back) = written else { return sent == written ? 1 : 0 }
        return fields.reduce(0) { $0 + (back[$1.key] == $1.value ? 1 : 0) }
    }
}
