/// A scalar with its exact source text and how it was written.
///
/// The text is kept as written, so that `version: 1.10` can still be read as the string
/// `"1.10"`; `value` resolves it by the YAML 1.2 core schema, as OpenAPI requires.
public struct YAMLScalar: Sendable, Hashable {
    public var text: String
    /// `true` for quoted, block (`|`, `>`) and `!!str`-tagged scalars: these are always strings.
    public var isQuoted: Bool

    public init(text: String, isQuoted: Bool) {
        self.text = text
        self.isQuoted = isQuoted
    }

    /// The value by the YAML 1.2 core schema (quoted scalars are always strings).
    public var value: ScalarValue {
        isQuoted ? .string(text) : ScalarResolver.resolve(text)
    }
}

/// A scalar value resolved by the YAML 1.2 core schema.
public enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// An integer that does not fit in `Int`; the digits are kept.
    case bigInt(String)
    case double(Double)
    case string(String)
}
