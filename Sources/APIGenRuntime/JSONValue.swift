import Foundation

/// Any JSON value: what free-form schemas (`{}`, `type: object` without properties) decode to.
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let v): try container.encode(v)
        case .int(let v): try container.encode(v)
        case .double(let v): try container.encode(v)
        case .string(let v): try container.encode(v)
        case .array(let v): try container.encode(v)
        case .object(let v): try container.encode(v)
        }
    }

    /// The value under `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}

/// As a parameter, or the raw value of an enum whose values are of several JSON types: a string
/// as it is, anything else as its JSON text (object keys sorted).
@_spi(Generated) extension JSONValue: ParameterValue {
    public var parameterValue: String {
        switch self {
        case .string(let s): return s
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.parameterValue
        case .array, .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}

/// Coding keys for any string, used for `additionalProperties` dictionaries.
@_spi(Generated) public struct AnyCodingKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int?

    public init(_ string: String) {
        stringValue = string
    }

    public init?(stringValue: String) {
        self.stringValue = stringValue
    }

    public init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

@_spi(Generated) extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Every key not in `known`, decoded as `Value`: the extra keys of an object.
    public func decodeAdditionalProperties<Value: Decodable>(_ type: Value.Type, known: Set<String>) throws -> [String: Value] {
        var result: [String: Value] = [:]
        for key in allKeys where !known.contains(key.stringValue) {
            result[key.stringValue] = try decode(Value.self, forKey: key)
        }
        return result
    }
}

@_spi(Generated) extension KeyedEncodingContainer where Key == AnyCodingKey {
    public mutating func encodeAdditionalProperties<Value: Encodable>(_ values: [String: Value]) throws {
        for key in values.keys.sorted() { try encode(values[key]!, forKey: AnyCodingKey(key)) }
    }
}
