import Foundation

/// How generated structs are `Codable`: each writes one initializer that reads its fields and one
/// method that writes them, and this protocol turns the pair into `init(from:)` and `encode(to:)`.
///
/// This replaces the compiler's synthesized coding, which needs a `CodingKeys` enum per struct.
/// That enum (with its `String` raw values, `CodingKey`, `Hashable` and metadata) is what makes
/// model files slow to compile: written this way, the meetings model file compiles with about a
/// quarter fewer instructions. Each field is one call to a single generic function, whose type
/// the compiler takes from the property, so there is no overload to search.
///
/// The leading underscores keep the two requirements apart from generated members (property names
/// never start with `_` followed by a letter) and out of code completion.
@_spi(Generated) public protocol FieldCodable: Codable {
    /// Decodes the value from the fields of a JSON object (or any keyed container).
    init(_fields: FieldReader) throws
    /// Encodes the value as the fields of an object.
    func _encode(_ fields: FieldWriter) throws
}

@_spi(Generated) extension FieldCodable {
    public init(from decoder: any Decoder) throws {
        try self.init(_fields: FieldReader(decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try _encode(FieldWriter(encoder))
    }
}

/// Reads the fields of one keyed container by their wire names.
@_spi(Generated) public struct FieldReader {
    @usableFromInline let container: KeyedDecodingContainer<AnyCodingKey>

    public init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: AnyCodingKey.self)
    }

    // `required` and `optional` send the common scalars to the decoder's own methods for them
    // (its generic method would go through a nested single-value container). Once the caller is
    // specialized, only the matching branch is left.

    /// The value under `key`; a missing key or `null` is an error.
    @inlinable
    public func required<T: Decodable>(_ key: String) throws -> T {
        let key = AnyCodingKey(key)
        if T.self == String.self { return try container.decode(String.self, forKey: key) as! T }
        if T.self == Bool.self { return try container.decode(Bool.self, forKey: key) as! T }
        if T.self == Int.self { return try number(key) { try container.decode(Int.self, forKey: key) } as! T }
        if T.self == Double.self { return try number(key) { try container.decode(Double.self, forKey: key) } as! T }
        return try container.decode(T.self, forKey: key)
    }

    /// Foundation's decoder throws its own error for a number that does not fit its type (`1.5`
    /// for an `Int`), which it reports as "not valid JSON" at the top level: this says what it
    /// is, at the field.
    @usableFromInline
    func number<T>(_ key: AnyCodingKey, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error where !(error is DecodingError) {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                   debugDescription: "the number does not fit in \(T.self) (a fraction for an integer, or out of range)")
        }
    }

    /// The value under `key`, or nil when the key is missing or `null`.
    @inlinable
    public func optional<T: Decodable>(_ key: String) throws -> T? {
        let key = AnyCodingKey(key)
        if T.self == String.self { return try container.decodeIfPresent(String.self, forKey: key) as! T? }
        if T.self == Bool.self { return try container.decodeIfPresent(Bool.self, forKey: key) as! T? }
        if T.self == Int.self { return try number(key) { try container.decodeIfPresent(Int.self, forKey: key) } as! T? }
        if T.self == Double.self { return try number(key) { try container.decodeIfPresent(Double.self, forKey: key) } as! T? }
        if T.self == URL.self { return try optionalText(key, as: "a URL", URL.init(string:)) as! T? }
        if T.self == UUID.self { return try optionalText(key, as: "a UUID", UUID.init(uuidString:)) as! T? }
        return try container.decodeIfPresent(T.self, forKey: key)
    }

    /// A value written as text in a format (a URL, a UUID). Servers send `""` for one that is not
    /// set (Twilio does): an optional field reads it as absent instead of failing the whole
    /// response, as `decodeDateIfPresent` does for date-times. Other text must parse.
    @usableFromInline
    func optionalText<Value>(_ key: AnyCodingKey, as what: String, _ parse: (String) -> Value?) throws -> Value? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let value = parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "Expected \(what), found '\(text)'")
        }
        return value
    }

    /// An ISO 8601 date-time string, whatever the decoder's date strategy.
    public func date(_ key: String) throws -> Date { try container.decodeDate(forKey: AnyCodingKey(key)) }
    public func dateIfPresent(_ key: String) throws -> Date? { try container.decodeDateIfPresent(forKey: AnyCodingKey(key)) }
    public func dates(_ key: String) throws -> [Date] { try container.decodeDates(forKey: AnyCodingKey(key)) }
    public func datesIfPresent(_ key: String) throws -> [Date]? { try container.decodeDatesIfPresent(forKey: AnyCodingKey(key)) }

    /// Every key not in `known`, decoded as `Value`: the extra keys of an object.
    public func additionalProperties<Value: Decodable>(known: Set<String>) throws -> [String: Value] {
        try container.decodeAdditionalProperties(Value.self, known: known)
    }
}

/// Writes the fields of one keyed container by their wire names. Each call returns the writer, so
/// a struct's fields are written as one chain; nil optionals are left out, unless the struct
/// lists them as sent as `null` (`sendingNull(_:)` of a struct with nullable properties).
@_spi(Generated) public struct FieldWriter {
    // `KeyedEncodingContainer` forwards to a shared box, so copies of it write to the same object.
    @usableFromInline let container: KeyedEncodingContainer<AnyCodingKey>
    /// Wire names of the optional properties written as `null` while nil.
    @usableFromInline var nulls: Set<String> = []

    public init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: AnyCodingKey.self)
    }

    /// This writer, writing the properties named in `nulls` as `null` while they are nil.
    public func sendingNull(_ nulls: Set<String>) -> FieldWriter {
        var writer = self
        writer.nulls = nulls
        return writer
    }

    /// A nil optional: left out, or `null` when the struct asked for it.
    @usableFromInline
    func absent(_ key: String) throws -> FieldWriter {
        nulls.isEmpty || !nulls.contains(key) ? self : try null(key)
    }

    @inlinable @discardableResult
    public func required<T: Encodable>(_ key: String, _ value: T) throws -> FieldWriter {
        var container = container
        let key = AnyCodingKey(key)
        // The common scalars go to the encoder's own methods for them, as in `FieldReader`.
        if let value = value as? String {
            try container.encode(value, forKey: key)
        } else if let value = value as? Bool {
            try container.encode(value, forKey: key)
        } else if let value = value as? Int {
            try container.encode(value, forKey: key)
        } else if let value = value as? Double {
            try container.encode(value, forKey: key)
        } else {
            try container.encode(value, forKey: key)
        }
        return self
    }

    @inlinable @discardableResult
    public func optional<T: Encodable>(_ key: String, _ value: T?) throws -> FieldWriter {
        guard let value else { return try absent(key) }
        return try required(key, value)
    }

    /// Writes one field through one of the container's helpers below.
    func write(_ key: String, _ body: (inout KeyedEncodingContainer<AnyCodingKey>, AnyCodingKey) throws -> Void) rethrows -> FieldWriter {
        var container = container
        try body(&container, AnyCodingKey(key))
        return self
    }

    /// Dates as ISO 8601 strings, whatever the encoder's date strategy.
    @discardableResult
    public func date(_ key: String, _ value: Date) throws -> FieldWriter { try write(key) { try $0.encodeDate(value, forKey: $1) } }
    @discardableResult
    public func dateIfPresent(_ key: String, _ value: Date?) throws -> FieldWriter { try value.map { try date(key, $0) } ?? absent(key) }
    @discardableResult
    public func dates(_ key: String, _ value: [Date]) throws -> FieldWriter { try write(key) { try $0.encodeDates(value, forKey: $1) } }
    @discardableResult
    public func datesIfPresent(_ key: String, _ value: [Date]?) throws -> FieldWriter { try value.map { try dates(key, $0) } ?? absent(key) }

    /// UUIDs in lower case, as RFC 4122 asks (JSONEncoder would write upper case).
    @discardableResult
    public func uuid(_ key: String, _ value: UUID) throws -> FieldWriter { try write(key) { try $0.encodeUUID(value, forKey: $1) } }
    @discardableResult
    public func uuidIfPresent(_ key: String, _ value: UUID?) throws -> FieldWriter { try value.map { try uuid(key, $0) } ?? absent(key) }
    @discardableResult
    public func uuids(_ key: String, _ value: [UUID]) throws -> FieldWriter { try write(key) { try $0.encodeUUIDs(value, forKey: $1) } }
    @discardableResult
    public func uuidsIfPresent(_ key: String, _ value: [UUID]?) throws -> FieldWriter { try value.map { try uuids(key, $0) } ?? absent(key) }

    // A required property that may be null is always written: `null` when it is nil, since a
    // server may read a missing required key as an error and `null` as the value.
    @inlinable @discardableResult
    public func orNull<T: Encodable>(_ key: String, _ value: T?) throws -> FieldWriter {
        guard let value else { return try null(key) }
        return try required(key, value)
    }

    @discardableResult
    public func dateOrNull(_ key: String, _ value: Date?) throws -> FieldWriter { try value.map { try date(key, $0) } ?? null(key) }
    @discardableResult
    public func datesOrNull(_ key: String, _ value: [Date]?) throws -> FieldWriter { try value.map { try dates(key, $0) } ?? null(key) }
    @discardableResult
    public func uuidOrNull(_ key: String, _ value: UUID?) throws -> FieldWriter { try value.map { try uuid(key, $0) } ?? null(key) }
    @discardableResult
    public func uuidsOrNull(_ key: String, _ value: [UUID]?) throws -> FieldWriter { try value.map { try uuids(key, $0) } ?? null(key) }

    @usableFromInline
    func null(_ key: String) throws -> FieldWriter {
        var container = container
        try container.encodeNil(forKey: AnyCodingKey(key))
        return self
    }

    /// The extra keys of an object, in sorted order (so the output does not depend on hashing).
    @discardableResult
    public func additionalProperties<Value: Encodable>(_ values: [String: Value]) throws -> FieldWriter {
        try write("") { container, _ in try container.encodeAdditionalProperties(values) }
    }
}
