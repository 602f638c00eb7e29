/// A type the generated code uses without declaring it: what it is, not how a language spells
/// it (the renderer does, in `SwiftSpelling`).
public enum BuiltinType: String, Hashable, Sendable, CaseIterable {
    case string, int, double, bool
    /// A date and time (`format: date-time`).
    case date
    case uuid, url
    /// Bytes: `format: binary` or `byte`, a binary body.
    case data
    /// Any JSON value (a free-form schema).
    case jsonValue
    /// A file sent in a multipart body: bytes with a file name and media type.
    case fileUpload
    /// A date and time as the document's example text gives it (the example oracle's checks).
    case iso8601Date
    /// `format: int-or-string`.
    case intOrString

    /// Text, numbers and booleans: what a constraint or an enum of values applies to.
    public var isScalar: Bool { [.string, .int, .double, .bool].contains(self) }
}

/// How a declaration refers to a type: a builtin, a generated type by its path, or a collection.
public indirect enum TypeUsage: Hashable, Sendable {
    case builtin(BuiltinType)
    /// A generated type by its full path: `["Meeting", "RecordingConfig"]`.
    case named([String])
    case array(TypeUsage)
    case dictionary(TypeUsage)
    case optional(TypeUsage)

    public static let string = TypeUsage.builtin(.string)
    public static let int = TypeUsage.builtin(.int)
    public static let double = TypeUsage.builtin(.double)
    public static let bool = TypeUsage.builtin(.bool)
    public static let date = TypeUsage.builtin(.date)
    public static let jsonValue = TypeUsage.builtin(.jsonValue)

    /// The type without an outer `Optional`.
    public var unwrapped: TypeUsage {
        if case .optional(let inner) = self { return inner }
        return self
    }

    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// Optional of this type (never doubly optional).
    public var optional: TypeUsage { isOptional ? self : .optional(self) }

    /// Whether a declared type appears in it (anywhere inside arrays, maps and optionals).
    var namesAType: Bool {
        switch self {
        case .named: true
        case .array(let inner), .dictionary(let inner), .optional(let inner): inner.namesAType
        default: false
        }
    }
}

/// Checks a client performs before sending a value, from the schema's constraints.
public struct Constraints: Hashable, Sendable {
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum = false
    public var exclusiveMaximum = false
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?

    public var isEmpty: Bool {
        minimum == nil && maximum == nil && minLength == nil && maxLength == nil && pattern == nil
            && minItems == nil && maxItems == nil
    }
}

/// `60.0` → `60`, `0.5` → `0.5`: numbers as a person writes them.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
