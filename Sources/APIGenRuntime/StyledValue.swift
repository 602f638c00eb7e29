import Foundation

/// A parameter's value as OpenAPI's styles see it: a primitive, an array of primitives, or an
/// object's fields in the schema's order, each as text.
@_spi(Generated) public enum StyledValue: Sendable, Equatable {
    case primitive(String)
    case array([String])
    case object([Field])

    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(_ value: some ParameterValue) {
        self = .primitive(value.parameterValue)
    }

    public init(_ values: [some ParameterValue]) {
        self = .array(values.map(\.parameterValue))
    }

    /// An object's fields in the order its type writes them (a generated model writes the
    /// schema's order; a dictionary's keys are sorted). A field that is nil is left out; one that
    /// is itself an array or object, which the styles do not define, is its JSON text.
    public init(object value: some Encodable) throws {
        let recorder = FieldRecorder()
        do {
            try value.encode(to: recorder)
        } catch {
            throw APIError.encoding(reason: "\(error)")
        }
        var fields = recorder.fields
        if Mirror(reflecting: value).displayStyle == .dictionary { fields.sort { $0.key < $1.key } }
        self = .object(fields)
    }

    /// The text of one value of any type, as a field of an object parameter.
    static func text(of value: some Encodable) throws -> String? {
        switch value {
        case let value as any ParameterValue: return value.parameterValue
        case let value as any OptionalProtocol: return try value.unwrapped.map { try text(of: $0) } ?? nil
        default: return String(decoding: try JSONCoding.encode(value), as: UTF8.self)
        }
    }
}

/// `Optional` of anything, seen through `any`.
protocol OptionalProtocol {
    var unwrapped: (any Encodable)? { get }
}

extension Optional: OptionalProtocol where Wrapped: Encodable {
    var unwrapped: (any Encodable)? { self.map { $0 } }
}

/// An `Encoder` that keeps the top-level fields an object writes, in order, as text.
private final class FieldRecorder: Encoder {
    var fields: [StyledValue.Field] = []
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Container<Key>(recorder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        Unsupported.container()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Unsupported.container()
    }

    private struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let recorder: FieldRecorder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {}

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            guard let text = try StyledValue.text(of: value) else { return }
            recorder.fields.append(StyledValue.Field(key.stringValue, text))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Container<NestedKey>(recorder: FieldRecorder()))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unsupported.container() }
        mutating func superEncoder() -> any Encoder { FieldRecorder() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { FieldRecorder() }
    }

    /// What a value that is not an object writes into: nothing, and an error at the end.
    private enum Unsupported {
        static func container() -> any UnkeyedEncodingContainer & SingleValueEncodingContainer { Sink() }

        struct Sink: UnkeyedEncodingContainer, SingleValueEncodingContainer {
            var codingPath: [any CodingKey] { [] }
            var count: Int { 0 }
            mutating func encodeNil() throws { throw failure }
            mutating func encode<T: Encodable>(_ value: T) throws { throw failure }
            mutating func nestedContainer<K: CodingKey>(keyedBy keyType: K.Type) -> KeyedEncodingContainer<K> {
                KeyedEncodingContainer(Container<K>(recorder: FieldRecorder()))
            }
            mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Sink() }
            mutating func superEncoder() -> any Encoder { FieldRecorder() }
            private var failure: EncodingError {
                EncodingError.invalidValue(0, EncodingError.Context(codingPath: [], debugDescription: "an object parameter must be an object"))
            }
        }
    }
}
