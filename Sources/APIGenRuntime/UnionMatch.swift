import Foundation

/// How a `oneOf`/`anyOf` without a discriminator picks its alternative. An alternative is ruled
/// out when the JSON gives a property another value than the one it pins (a `const`), and when
/// it does not decode (a missing required property, another JSON type). Of those left, the one
/// whose value, written back, keeps most of the JSON's fields as they came wins (the first of
/// equals): an open enum or an object of optional fields accepts anything, so the first to
/// decode is not the answer.
public enum UnionMatch {
    public typealias Alternative<Value> = (name: String, pins: [String: String], decode: (any Decoder) throws -> Value)

    public static func closest<Value: Encodable>(_ decoder: any Decoder, _ alternatives: [Alternative<Value>]) throws -> Value {
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
                fitting.append(try alternative.decode(decoder))
            } catch {
                failures.append("\(alternative.name): \(error)")
            }
        }
        guard let first = fitting.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "no alternative of \(Value.self) matched: " + failures.joined(separator: "; ")))
        }
        guard fitting.count > 1, let sent = json ?? (try? JSONValue(from: decoder)) else { return first }
        var best = (value: first, score: -1)
        for value in fitting {
            let score = Self.kept(sent, by: value)
            if score > best.score { best = (value, score) }
        }
        return best.value
    }

    /// How many of the JSON's fields (or the value itself, for anything but an object) `value`
    /// writes back unchanged.
    static func kept(_ sent: JSONValue, by value: some Encodable) -> Int {
        guard let written = try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(value)) else { return 0 }
        guard case .object(let fields) = sent, case .object(let back) = written else { return sent == written ? 1 : 0 }
        return fields.reduce(0) { $0 + (back[$1.key] == $1.value ? 1 : 0) }
    }
}
