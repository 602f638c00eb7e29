/// Whether an example value has the shape its schema describes: types, required properties,
/// enum values, items, through `$ref`, `allOf`, `oneOf`/`anyOf` and nullability. The example
/// oracle uses it to tell an example that breaks its own schema (the document's fault) from one
/// the generated type cannot read (APIGen's).
struct ExampleConformance {
    let components: [String: Schema]

    /// Why `value` does not fit `schema` (with the path to the first mismatch), or nil.
    func problem(_ value: Literal, _ schema: Schema, path: String = "", depth: Int = 0) -> String? {
        guard depth < 64 else { return nil }
        let at = path.isEmpty ? "" : " at \(path)"
        if schema.ref != nil {
            return target(of: schema).flatMap { problem(value, $0, path: path, depth: depth + 1) }
        }
        if value == .null { return schema.nullable || schema.types.isEmpty ? nil : "null\(at) where the schema allows none" }
        for part in schema.allOf {
            if let problem = problem(value, part, path: path, depth: depth + 1) { return problem }
        }
        let alternatives = schema.oneOf + schema.anyOf
        if !alternatives.isEmpty, alternatives.allSatisfy({ problem(value, $0, path: path, depth: depth + 1) != nil }) {
            return "no alternative of the oneOf/anyOf\(at) fits"
        }
        if let allowed = schema.enumValues, !allowed.isEmpty, !allowed.contains(where: { Self.same($0, value) }) {
            return "\(Self.describe(value))\(at) is not one of the enum's values"
        }
        let types = schema.types.filter { $0 != "null" }
        if !types.isEmpty, !types.contains(where: { Self.fits(value, $0) }) {
            return "\(Self.describe(value))\(at) where the schema says \(types.joined(separator: " or "))"
        }
        // No type, but properties: the generator reads it as an object (JSON Schema would let
        // any other kind of value pass), and so does the oracle, saying so.
        if types.isEmpty, !schema.properties.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.enumValues == nil {
            if case .object = value {} else {
                return "\(Self.describe(value))\(at) where the schema, which has properties and no type, is read as an object"
            }
        }
        switch value {
        case .object(let fields):
            // Required in one `allOf` part and declared in another is required all the same.
            let (declared, required) = merged(schema, depth: depth)
            for name in required where fields[name] == nil && declared.contains(name) {
                return "required property '\(name)'\(at) is missing"
            }
            for property in schema.properties {
                if let field = fields[property.name], let problem = problem(field, property.schema, path: path + "." + property.name, depth: depth + 1) {
                    return problem
                }
            }
            if case .schema(let other)? = schema.additionalProperties {
                for name in fields.keys.sorted() where !declared.contains(name) {
                    if let problem = problem(fields[name]!, other, path: path + "." + name, depth: depth + 1) { return problem }
                }
            }
        case .array(let items):
            if let itemSchema = schema.items {
                for (i, item) in items.enumerated() {
                    if let problem = problem(item, itemSchema, path: path + "[\(i)]", depth: depth + 1) { return problem }
                }
            }
        default: break
        }
        return nil
    }

    /// What a `$ref` names (nil for a component the document lacks).
    private func target(of schema: Schema) -> Schema? {
        switch schema.ref {
        case .component(let raw): components[raw]
        case .pointer(_, let target): target
        case nil: schema
        }
    }

    /// The property names and required names of a schema and its `allOf` parts, in order.
    private func merged(_ schema: Schema, depth: Int) -> (declared: Set<String>, required: [String]) {
        guard depth < 64, let source = schema.ref == nil ? schema : target(of: schema) else { return ([], []) }
        var declared = Set(source.properties.map(\.name)), required = source.required
        for part in source.allOf {
            let (d, r) = merged(part, depth: depth + 1)
            declared.formUnion(d)
            required += r.filter { !required.contains($0) }
        }
        return (declared, required)
    }

    private static func fits(_ value: Literal, _ type: String) -> Bool {
        switch (value, type) {
        case (.object, "object"), (.array, "array"), (.string, "string"), (.bool, "boolean"), (.int, "integer"), (.int, "number"), (.double, "number"): true
        case (.double(let d), "integer"): d == d.rounded()
        default: false
        }
    }

    private static func same(_ a: Literal, _ b: Literal) -> Bool {
        if let x = a.number, let y = b.number { return x == y }
        return a == b
    }

    private static func describe(_ value: Literal) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
