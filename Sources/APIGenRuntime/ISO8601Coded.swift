import Foundation

/// A value whose dates are ISO 8601 text wherever they are nested (a map of dates, an array of
/// arrays of dates, items that may be null), whatever the coder's date strategy: what generated
/// models read and write such properties through (`FieldReader.isoDates`).
@_spi(Generated) public protocol ISO8601Coded: Sendable {
    init(iso decoder: any Decoder) throws
    func encodeISO(to encoder: any Encoder) throws
}

@_spi(Generated) extension Date: ISO8601Coded {
    public init(iso decoder: any Decoder) throws {
        self = try ISO8601Date(from: decoder).date
    }

    public func encodeISO(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ISO8601.format(self))
    }
}

@_spi(Generated) extension Optional: ISO8601Coded where Wrapped: ISO8601Coded {
    public init(iso decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decodeNil() ? nil : try Wrapped(iso: decoder)
    }

    public func encodeISO(to encoder: any Encoder) throws {
        guard let value = self else {
            var container = encoder.singleValueContainer()
            return try container.encodeNil()
        }
        try value.encodeISO(to: encoder)
    }
}

@_spi(Generated) extension Array: ISO8601Coded where Element: ISO8601Coded {
    public init(iso decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var items: [Element] = []
        while !container.isAtEnd { items.append(try Element(iso: try container.superDecoder())) }
        self = items
    }

    public func encodeISO(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for item in self { try item.encodeISO(to: container.superEncoder()) }
    }
}

@_spi(Generated) extension Dictionary: ISO8601Coded where Key == String, Value: ISO8601Coded {
    public init(iso decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var values: [String: Value] = [:]
        for key in container.allKeys { values[key.stringValue] = try Value(iso: try container.superDecoder(forKey: key)) }
        self = values
    }

    public func encodeISO(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for key in keys.sorted() { try self[key]!.encodeISO(to: container.superEncoder(forKey: AnyCodingKey(key))) }
    }
}

/// `T` coded through `ISO8601Coded`, as one field.
struct ISODates<T: ISO8601Coded>: Codable {
    var value: T

    init(_ value: T) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        value = try T(iso: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try value.encodeISO(to: encoder)
    }
}

@_spi(Generated) extension FieldReader {
    /// A value with dates nested in it (`[String: Date]`, `[[Date]]`), each as ISO 8601 text.
    public func isoDates<T: ISO8601Coded>(_ key: String) throws -> T {
        try container.decode(ISODates<T>.self, forKey: AnyCodingKey(key)).value
    }

    public func isoDatesIfPresent<T: ISO8601Coded>(_ key: String) throws -> T? {
        try container.decodeIfPresent(ISODates<T>.self, forKey: AnyCodingKey(key))?.value
    }
}

@_spi(Generated) extension FieldWriter {
    @discardableResult
    public func isoDates<T: ISO8601Coded>(_ key: String, _ value: T) throws -> FieldWriter {
        try write(key) { try $0.encode(ISODates(value), forKey: $1) }
    }

    @discardableResult
    public func isoDatesIfPresent<T: ISO8601Coded>(_ key: String, _ value: T?) throws -> FieldWriter {
        try value.map { try isoDates(key, $0) } ?? absent(key)
    }

    @discardableResult
    public func isoDatesOrNull<T: ISO8601Coded>(_ key: String, _ value: T?) throws -> FieldWriter {
        try value.map { try isoDates(key, $0) } ?? null(key)
    }
}
