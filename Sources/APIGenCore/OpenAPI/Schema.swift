/// A schema object of the document, with `$ref`s kept (not expanded) and every value located.
public final class Schema: Sendable {
    /// Where a `$ref` points.
    public enum Reference: Sendable {
        /// `#/components/schemas/NAME`: becomes a named type.
        case component(String)
        /// Any other pointer (into a property of a component, a path, a response…): the schema found there.
        case pointer(String, target: Schema)
    }

    /// What `additionalProperties` says.
    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Schema)
    }

    /// `discriminator` of a `oneOf`/`anyOf`.
    public struct Discriminator: Sendable {
        public var propertyName: String
        /// Each value, what the document wrote for it, and the schema that names: resolved as a
        /// `$ref` is (a file, a pointer), or a component by its bare name; nil when none is found.
        public var mapping: [(value: String, ref: String, target: Reference?)]
    }

    /// One entry of `properties`.
    public struct Property: Sendable {
        public var name: String
        public var location: SourceLocation
        public var schema: Schema
    }

    public let location: SourceLocation
    public var ref: Reference? { _ref }
    /// Written once, by `init`, and cleared only by `deinit` (below).
    private nonisolated(unsafe) var _ref: Reference?
    /// `type` as written (a 3.1 type array gives several); empty when absent.
    public let types: [String]
    public let format: String?
    public let title: String?
    public let summary: String?
    public let description: String?
    public let enumValues: [Literal]?
    public let constValue: Literal?
    public let properties: [Property]
    public let required: [String]
    public let items: Schema?
    public let additionalProperties: AdditionalProperties?
    public let allOf: [Schema]
    public let oneOf: [Schema]
    public let anyOf: [Schema]
    public let discriminator: Discriminator?
    /// 3.0 `nullable: true`, or `null` in a 3.1 type array.
    public let nullable: Bool
    public let defaultValue: Literal?
    public let example: Literal?
    public let deprecated: Bool
    public let readOnly: Bool
    public let writeOnly: Bool
    public let minimum: Double?
    public let maximum: Double?
    public let exclusiveMinimum: Bool
    public let exclusiveMaximum: Bool
    public let minLength: Int?
    public let maxLength: Int?
    public let minItems: Int?
    public let maxItems: Int?
    public let pattern: String?
    /// `prefixItems` (or 3.0's `items` as a list): a tuple's positions, in order.
    public let prefixItems: [Schema]
    /// `contentSchema`: the schema of the JSON a string holds (with `contentMediaType`); read
    /// where 3.2 uses it, an event's `data` in a `text/event-stream` item schema.
    public let contentSchema: Schema?
    /// Made by the translator from the parts of a property declared in several `allOf` parts: it
    /// borrows its first part's location, which other merges share, so it is typed by its parts'.
    let isMerged: Bool

    init(
        location: SourceLocation, ref: Reference? = nil, types: [String] = [], format: String? = nil,
        title: String? = nil, summary: String? = nil, description: String? = nil, enumValues: [Literal]? = nil,
        constValue: Literal? = nil, properties: [Property] = [], required: [String] = [], items: Schema? = nil,
        additionalProperties: AdditionalProperties? = nil, allOf: [Schema] = [], oneOf: [Schema] = [],
        anyOf: [Schema] = [], discriminator: Discriminator? = nil, nullable: Bool = false,
        defaultValue: Literal? = nil, example: Literal? = nil, deprecated: Bool = false,
        readOnly: Bool = false, writeOnly: Bool = false, minimum: Double? = nil, maximum: Double? = nil,
        exclusiveMinimum: Bool = false, exclusiveMaximum: Bool = false, minLength: Int? = nil,
        maxLength: Int? = nil, minItems: Int? = nil, maxItems: Int? = nil, pattern: String? = nil, prefixItems: [Schema] = [], isMerged: Bool = false,
        contentSchema: Schema? = nil
    ) {
        self.prefixItems = prefixItems
        self.contentSchema = contentSchema
        self.isMerged = isMerged
        self.location = location
        self._ref = ref
        self.types = types
        self.format = format
        self.title = title
        self.summary = summary
        self.description = description
        self.enumValues = enumValues
        self.constValue = constValue
        self.properties = properties
        self.required = required
        self.items = items
        self.additionalProperties = additionalProperties
        self.allOf = allOf
        self.oneOf = oneOf
        self.anyOf = anyOf
        self.discriminator = discriminator
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.example = example
        self.deprecated = deprecated
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.minItems = minItems
        self.maxItems = maxItems
        self.pattern = pattern
    }

    /// Pointer targets can chain without end (`A2.x → A1.x → A0.x`, 100,000 links): each one
    /// is let go here in a loop. Left to their own deinits, each would free the next from inside
    /// its own, and a long chain overflows the stack.
    deinit {
        guard case .pointer(_, var next)? = _ref else { return }
        _ref = nil
        while isKnownUniquelyReferenced(&next), case .pointer(_, let after)? = next._ref {
            next._ref = nil
            next = after   // the old `next` goes now, its own pointer already cleared
        }
    }

    /// The single non-null type, if the schema names exactly one.
    public var singleType: String? {
        let nonNull = types.filter { $0 != "null" }
        return nonNull.count == 1 ? nonNull[0] : nil
    }

}
