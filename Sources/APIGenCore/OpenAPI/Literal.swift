/// A JSON-like value from the document: `default`, `example`, `enum` and `const` values.
public indirect enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Literal])
    case object([String: Literal])

    /// The value as a number, for constraint checks.
    public var number: Double? {
        switch self {
        case .int(let v): Double(v)
        case .double(let v): v
        default: nil
        }
    }
}
