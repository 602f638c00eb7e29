/// A generated type declaration.
public indirect enum Declaration: Sendable, Hashable {
    case structure(StructDecl)
    case enumeration(EnumDecl)
    case oneOf(OneOfDecl)
    case alias(AliasDecl)

    public var name: String {
        switch self {
        case .structure(let d): d.name
        case .enumeration(let d): d.name
        case .oneOf(let d): d.name
        case .alias(let d): d.name
        }
    }
}

/// A stored property of a generated struct.
public struct PropertyDecl: Sendable, Hashable {
    public var name: Identifier
    public var wireName: String
    /// Optional when the schema does not require the property or allows null.
    public var type: TypeUsage
    public var docs: Documentation
    /// The memberwise-init default: `nil` for an optional, or the document's `default`.
    public var defaultValue: DefaultValue?
    public var constraints: Constraints
    public var deprecated: Bool
    public var readOnly = false
    public var writeOnly = false
    /// Required but nullable: always written, `null` when nil.
    public var writesNull = false
    /// Optional and nullable: left out while nil, or written as `null` once the struct's
    /// `sendingNull(_:)` names it (how an update clears a field).
    public var isClearable = false
}

/// A property's default, as data; the renderer spells it.
public enum DefaultValue: Sendable, Hashable {
    /// An optional property left out.
    case absent
    /// A text, number or boolean of the property's own type.
    case value(Literal)
    /// A case of the property's enum, by its name.
    case enumCase(Identifier)
}

/// `public struct Name: Codable, Hashable, Sendable`.
public struct StructDecl: Sendable, Hashable {
    public var name: String
    public var docs: Documentation
    public var properties: [PropertyDecl]
    /// Extra keys kept in a dictionary (`additionalProperties` next to `properties`).
    public var additionalProperties: TypeUsage?
    public var nested: [Declaration]
    /// A stored property refers back to this type: stored in a box so the struct has finite size.
    public var boxedProperties: Set<Identifier> = []
    /// Gets a `validate(path:)`: it or a struct it holds has constraints (`ValidationReach`).
    public var validates = false

    /// The names the renderer gives a struct with clearable properties: its enum of them and the
    /// method that takes it.
    static let nullableFieldType = "NullableField", sendingNull = "sendingNull"

    /// The properties `sendingNull(_:)` can write as `null`.
    public var clearableProperties: [PropertyDecl] { properties.filter(\.isClearable) }
}

/// An open enum: known cases plus `unknown(raw)` so new server values still decode.
public struct EnumDecl: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public var name: Identifier
        /// The raw value, of the enum's `rawType`.
        public var value: Literal
        public var docs: Documentation
    }

    public var name: String
    public var docs: Documentation
    /// `string`, `int`, `double`, `bool`, or `jsonValue` (an enum of other JSON values).
    public var rawType: BuiltinType
    public var cases: [Case]
}

/// `oneOf`/`anyOf`: an enum with one case per alternative, carrying its value.
public struct OneOfDecl: Sendable, Hashable {
    public struct Case: Sendable, Hashable {
        public var name: Identifier
        public var type: TypeUsage
        /// Discriminator values that select this case.
        public var tags: [String]
        /// Without a discriminator: properties whose value the alternative pins (a `const` or an
        /// `enum` of one value), which rule it out when the JSON has another.
        public var pins: [Pin] = []
    }

    public struct Pin: Sendable, Hashable {
        public var property: String
        public var value: String
    }

    public var name: String
    public var docs: Documentation
    public var cases: [Case]
    public var discriminator: String?
    /// A discriminator value no case knows decodes into `unknown(JSONValue)`, kept as it came.
    public var hasUnknownCase = false
    public var nested: [Declaration]
    /// Part of a cycle of types: the enum is `indirect` so it has a finite size.
    public var isIndirect = false
    /// For the `Webhook` enum: each case's webhook, which its entry points decode by.
    public var webhooks: [WebhookEntry] = []

    /// A webhook operation and the case its payload decodes into.
    public struct WebhookEntry: Sendable, Hashable {
        public struct Header: Sendable, Hashable {
            /// Lower case.
            public var name: String
            public var value: String
        }
        /// The webhook's name in the document, and its method (`POST`).
        public var name: String
        public var method: String
        public var caseName: Identifier
        public var type: TypeUsage
        /// Headers whose fixed value says a request is this webhook.
        public var headers: [Header]
    }
}

/// `public typealias Name = Target`.
public struct AliasDecl: Sendable, Hashable {
    public var name: String
    public var docs: Documentation
    public var target: TypeUsage
    /// The component schema it was translated from, for a warning at it.
    public var component: Component? = nil

    public struct Component: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation
    }
}
