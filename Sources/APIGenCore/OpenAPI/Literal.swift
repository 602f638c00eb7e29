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

    /// The value as text: a string as it is, a number without a needless `.0`.
    public var text: String {
        switch self {
        case .null: "null"
        case .bool(let b): String(b)
        case .int(let i): String(i)
        case .double(let d): formatNumber(d)
        case .string(let s): s
        case .array, .object: display
        }
    }

    /// A short JSON-like rendering for docs and messages.
    public var display: String {
        switch self {
        case .array(let items): "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .object(let object): "{" + object.keys.sorted().map { "\($0): \(object[$0]!.display)" }.joined(separator: ", ") + "}"
        default: text
        }
    }
}
