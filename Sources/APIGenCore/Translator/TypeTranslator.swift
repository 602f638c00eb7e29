/// Turns schemas into Swift type declarations and type usages.
///
/// Component schemas become top-level types; inline objects, enums and `oneOf`s become nested
/// types named after their property (`Meeting.RecordingConfig.AudioConfig.Codec`).
final class TypeTranslator {
    let context: TranslationContext
    /// Enum raw-value literal → case name, by the enum's path (for `default` values).
    private var enumCases: [[String]: [Literal: String]] = [:]
    /// How deep `allOf` parts (and the components they name) may nest in one struct. Deeper is
    /// an error, never a struct with some of its properties left out: a chain of N components
    /// that each extend the next has N²/2 properties in all, so no depth is free.
    static let maxAllOfDepth = 256
    /// Schemas whose example was already checked (each is warned about once).
    private var checkedExamples: Set<SourceLocation> = []
    /// `mergeDepth` of each component already measured.
    private var mergeDepths: [String: Int] = [:]
    /// Components on a cycle of pure `$ref` aliases (`A → B → A`), found in one linear pass.
    private var aliasCycles = AliasCycles()

    init(context: TranslationContext) {
        self.context = context
    }

    /// A translator that continues from this one's state on `context` (a `speculativeCopy`).
    func copy(on context: TranslationContext) -> TypeTranslator {
        let copy = TypeTranslator(context: context)
        copy.enumCases = enumCases
        copy.checkedExamples = checkedExamples
        copy.aliasCycles = aliasCycles
        return copy
    }

    /// Takes over what a translation ahead of its turn added, once it is known to be the same as
    /// translating in order; the example warnings it gave are already in the diagnostics.
    func adopt(_ other: TypeTranslator, speculation: Speculation) {
        for path in speculation.enumPaths { enumCases[path] = other.enumCases[path] }
        for (key, _) in speculation.examples { checkedExamples.insert(key) }
    }

    /// Whether an example at `key` was checked (and warned about) already.
    func checkedExample(_ key: SourceLocation) -> Bool {
        checkedExamples.contains(key)
    }

    // MARK: Components

    func translateComponents() {
        for named in context.document.schemas {
            context.components[named.name] = named.schema
            var wanted = context.typeName(named.name)
            if let override = context.typeOverrides[named.name] {
                wanted = override
                context.useOverride("types." + named.name)
            }
            let (name, clashed) = context.topLevelScope.claim(wanted)
            if clashed {
                context.warning("component '\(named.name)' is generated as '\(name)' because '\(wanted)' is already taken", at: named.location)
            }
            context.componentNames[named.name] = name
            context.topLevelNames.insert(name)
        }
        aliasCycles = AliasCycles(context.document.schemas.map(\.name), next: aliasTarget)
        for named in context.document.schemas { ensureComponent(named.name) }
    }

    /// Translates a component once (components can be needed early by `$ref`s into them).
    func ensureComponent(_ raw: String) {
        if context.componentDecls.keys.contains(raw) { return }
        guard let schema = context.components[raw], let name = context.componentNames[raw] else { return }
        context.componentDecls[raw] = .some(nil)
        context.setType(.named([name]), at: schema.location)
        var decl = declaration(for: schema, name: name, path: [name])
        if decl == nil, let cycle = aliasCycles.cycle(containing: raw) {
            // One diagnostic per cycle, at its first component; every member becomes a free-form
            // alias. Through an array or a map (`A: {type: array, items: {$ref: A}}`) the schema is
            // sound, but a Swift `typealias` cannot contain itself: a warning.
            if cycle.first == raw {
                let shown = cycle.count <= 8 ? cycle + [raw] : Array(cycle.prefix(8)) + ["… (\(cycle.count) components)"]
                if cycle.contains(where: { aliasStep($0)?.throughContainer == true }) {
                    context.warning("component '\(raw)' holds itself only through arrays or maps (\(shown.joined(separator: " → "))); it is generated as free-form JSONValue", at: schema.location)
                } else {
                    context.diagnostics.error("component '\(raw)' is only a $ref to itself (\(shown.joined(separator: " → ")))", at: schema.location)
                }
            }
            context.componentDecls[raw] = .some(.alias(AliasDecl(name: name, docs: [], target: .jsonValue)))
            return
        }
        if decl == nil {
            var scope = TypeScope(path: [], reserved: [])
            var target = usage(for: schema, hint: raw + "_value", scope: &scope)
            if case .named([name]) = target {
                context.diagnostics.error("component '\(raw)' refers to itself through $ref aliases only", at: schema.location)
                target = .jsonValue
            }
            // Nullability stays with each use of the alias (see isNullable), never in the alias.
            context.operationDecls.append(contentsOf: scope.nested)
            decl = .alias(AliasDecl(name: name, docs: docs(for: schema), target: target))
        }
        context.componentDecls[raw] = .some(decl)
    }

    /// The component that component `raw` becomes a `typealias` of, if it does: a `$ref`, or a
    /// one-part `allOf` or one-alternative `oneOf` around one (as `usage(for:)` reads them); or,
    /// with `throughContainer`, one that its `typealias` holds as array items or map values.
    private func aliasStep(_ raw: String) -> (next: String, throughContainer: Bool)? {
        guard var schema = context.components[raw] else { return nil }
        var seen: Set<SourceLocation> = []
        var container = false
        while seen.insert(schema.location).inserted {
            switch schema.ref {
            case .component(let next): return (next, container)
            case .pointer: return nil
            case nil: break
            }
            if isEnum(schema) || isStructLike(schema) || isOneOf(schema) { return nil }
            if schema.allOf.count == 1 {
                schema = schema.allOf[0]
            } else if case let alternatives = nonNullAlternatives(schema), alternatives.count == 1 {
                schema = alternatives[0]
            } else if let items = schema.items, schema.singleType == "array" || schema.singleType == nil {
                schema = items
                container = true
            } else if case .schema(let values)? = schema.additionalProperties, schema.properties.isEmpty {
                schema = values
                container = true
            } else {
                return nil
            }
        }
        return nil
    }

    private func aliasTarget(_ raw: String) -> String? { aliasStep(raw)?.next }

    // MARK: Declarations

    /// A declaration for a schema that needs a named type, or nil for primitives, arrays and refs.
    func declaration(for schema: Schema, name: String, path: [String]) -> Declaration? {
        if schema.ref == nil {
            if isEnum(schema) { return makeEnum(schema, name: name, path: path) }
            if isStructLike(schema) { return .structure(makeStruct(schema, name: name, path: path)) }
            if isOneOf(schema) { return .oneOf(makeOneOf(schema, name: name, path: path)) }
        }
        return nil
    }

    func isEnum(_ schema: Schema) -> Bool {
        if let values = schema.enumValues { return values.contains { $0 != .null } }
        if let value = schema.constValue { return value != .null }
        return false
    }

    func isStructLike(_ schema: Schema) -> Bool {
        if !schema.properties.isEmpty { return true }
        if !schema.allOf.isEmpty {
            return !(schema.allOf.count == 1 && schema.oneOf.isEmpty && schema.anyOf.isEmpty)
        }
        return false
    }

    func isOneOf(_ schema: Schema) -> Bool {
        nonNullAlternatives(schema).count >= 2
    }

    private func nonNullAlternatives(_ schema: Schema) -> [Schema] {
        if schema.oneOf.isEmpty && schema.anyOf.isEmpty { return [] }
        return (schema.oneOf + schema.anyOf).filter { !isNullSchema($0) }
    }

    private func isNullSchema(_ schema: Schema) -> Bool {
        schema.ref == nil && schema.types == ["null"]
            || (schema.enumValues.map { $0 == [.null] } ?? false)
    }

    /// Whether a value of this schema may be `null`.
    func isNullable(_ schema: Schema) -> Bool {
        if schema.nullable { return true }
        if schema.oneOf.contains(where: isNullSchema) || schema.anyOf.contains(where: isNullSchema) { return true }
        switch schema.ref {
        case .component(let raw): return context.components[raw]?.nullable ?? false
        case .pointer(_, let target): return target.nullable
        case nil: break
        }
        if schema.allOf.count == 1, schema.properties.isEmpty { return isNullable(schema.allOf[0]) }
        return false
    }

    /// Whether values of this schema are a single scalar (text, number, boolean or an enum of
    /// them): what a path segment or header can hold.
    func isScalar(_ schema: Schema) -> Bool {
        // Through `$ref`s, one-part `allOf`s and nullable `oneOf`s to any depth; a loop is not scalar.
        var current = schema
        var seen: Set<SourceLocation> = []
        while seen.insert(current.location).inserted {
            switch current.ref {
            case .component(let raw):
                guard let target = context.components[raw] else { return false }
                current = target
                continue
            case .pointer(_, let target):
                current = target
                continue
            case nil: break
            }
            if isEnum(current) { return true }
            if current.allOf.count == 1, current.properties.isEmpty {
                current = current.allOf[0]
                continue
            }
            let alternatives = nonNullAlternatives(current)
            if alternatives.count == 1 {
                current = alternatives[0]
                continue
            }
            guard let type = current.singleType else { return false }
            return ["string", "integer", "number", "boolean"].contains(type)
        }
        return false
    }

    // MARK: Usages

    /// How a property or parameter of this schema is typed (without the `Optional` for nullability).
    func usage(for schema: Schema, hint: String, scope: inout TypeScope) -> TypeUsage {
        switch schema.ref {
        case .component(let raw):
            guard let name = context.componentNames[raw] else { return .jsonValue }
            return .named([name])
        case .pointer(let pointer, let target):
            if let known = context.knownType(at: target.location) { return known }
            if let owner = context.document.pointerOwners[target.location] ?? Self.componentOwner(of: pointer) {
                ensureComponent(owner)
                if let known = context.knownType(at: target.location) { return known }
            }
            return usage(for: target, hint: hint, scope: &scope)
        case nil:
            break
        }
        if isEnum(schema) || isStructLike(schema) || isOneOf(schema) {
            if let known = context.knownType(at: schema.location) { return known }
            let name = claimNestedName(hint, in: &scope)
            let path = scope.path + [name]
            let result = TypeUsage.named(path)
            context.setType(result, at: schema.location)
            if let decl = declaration(for: schema, name: name, path: path) {
                if scope.path.isEmpty {
                    context.operationDecls.append(decl)
                } else {
                    scope.nested.append(decl)
                }
            }
            return result
        }
        if schema.allOf.count == 1 { return usage(for: schema.allOf[0], hint: hint, scope: &scope) }
        let alternatives = nonNullAlternatives(schema)
        if alternatives.count == 1 { return usage(for: alternatives[0], hint: hint, scope: &scope) }

        let type = schema.singleType ?? (schema.items != nil ? "array" : nil)
        switch type {
        case "array":
            guard let items = schema.items else { return .array(.jsonValue) }
            var element = usage(for: items, hint: hint + "_item", scope: &scope)
            if isNullable(items) { element = element.optional }
            return .array(element)
        case "string":
            return Self.stringType(format: schema.format)
        case "integer":
            return .int
        case "number":
            return .double
        case "boolean":
            return .bool
        default:
            if case .schema(let valueSchema) = schema.additionalProperties {
                var value = usage(for: valueSchema, hint: hint + "_value", scope: &scope)
                if isNullable(valueSchema) { value = value.optional }
                return .dictionary(value)
            }
            if case .allowed(true) = schema.additionalProperties { return .dictionary(.jsonValue) }
            return .jsonValue
        }
    }

    /// The documented `format` table for strings.
    static func stringType(format: String?) -> TypeUsage {
        switch format {
        case "date-time": .date
        case "uuid": .builtin("UUID")
        case "uri", "url": .builtin("URL")
        case "binary", "byte": .builtin("Data")
        default: .string
        }
    }

    /// `#/components/schemas/Meeting/properties/status` → `Meeting`.
    static func componentOwner(of pointer: String) -> String? {
        guard let tokens = PointerResolver.tokens(of: pointer), tokens.count > 3,
              tokens[0] == "components", tokens[1] == "schemas" else { return nil }
        return tokens[2]
    }

    /// A nested type name that shadows nothing: not an enclosing type, not a top-level type, not a sibling.
    private func claimNestedName(_ hint: String, in scope: inout TypeScope) -> String {
        let base = context.typeName(hint)
        if scope.path.isEmpty { return context.claimTopLevel(base) }
        var candidate = base
        var n = 2
        while scope.path.contains(candidate) || context.isTopLevelName(candidate) || scope.names.contains(candidate) {
            candidate = "\(base)\(n)"
            n += 1
        }
        _ = scope.names.claim(candidate)
        return candidate
    }

    // MARK: Structs

    private struct MergedProperty {
        var name: String
        var location: SourceLocation
        var parts: [Schema]
    }

    private struct Merged {
        var properties: [MergedProperty] = []
        var index: [String: Int] = [:]
        var required: Set<String> = []
        var additional: Schema.AdditionalProperties?
        var mergedComponents: Set<String> = []
        /// The depth limit was reached (reported once per struct).
        var tooDeep = false
    }

    private func makeStruct(_ schema: Schema, name: String, path: [String]) -> StructDecl {
        var merged = Merged()
        var visited: Set<String> = []
        // Measured first, in time linear in the components: a chain too deep is an error before
        // any of its (quadratically many) properties are merged.
        if !schema.allOf.isEmpty, mergeDepth(of: schema) > Self.maxAllOfDepth {
            merged.tooDeep = true
            context.diagnostics.error("allOf parts and the $refs they follow nest deeper than \(Self.maxAllOfDepth) levels here (the limit for one struct)", at: schema.location)
        } else {
            merge(schema, into: &merged, visited: &visited, depth: 0)
        }

        var scope = TypeScope(path: path, reserved: [])
        // Extra keys are stored as `additionalProperties`: no property may take that name then.
        let keepsExtraKeys: Bool
        switch merged.additional {
        case .schema?, .allowed(true)?: keepsExtraKeys = true
        default: keepsExtraKeys = false
        }
        // `hashValue` is Hashable's: a property of that name makes every plain use ambiguous.
        var members = NameScope(reserved: keepsExtraKeys ? ["additionalProperties", "hashValue"] : ["hashValue"])
        var properties: [PropertyDecl] = []
        for property in merged.properties {
            let parts = reconcile(property)
            let propertySchema = parts.count == 1 ? parts[0] : Schema(location: parts[0].location, allOf: parts)
            var type = usage(for: propertySchema, hint: property.name, scope: &scope)
            let nullable = parts.contains(where: isNullable)
            let optional = !merged.required.contains(property.name) || nullable
            if optional { type = type.optional }
            var wantedName = context.memberName(property.name)
            // Most documents have no overrides: skip building the key for every property.
            let overrideKey = context.propertyOverrides.isEmpty ? "" : path.joined(separator: ".") + "." + property.name
            if !overrideKey.isEmpty, let override = context.propertyOverrides[overrideKey] {
                wantedName = SwiftNaming.keywords.contains(override) ? "`\(override)`" : override
                context.useOverride("properties." + overrideKey)
            }
            let (swiftName, clashed) = members.claim(wantedName)
            if clashed {
                context.warning("property '\(property.name)' is generated as '\(swiftName)' because its Swift name is taken", at: property.location)
            }
            let described = parts.first { $0.description != nil || $0.title != nil } ?? parts[0]
            let constraints = constraints(of: parts[0])
            checkExample(parts[0], constraints: constraints)
            var lines = docs(for: described)
            var defaultExpr: String?
            if let value = parts.first(where: { $0.defaultValue != nil })?.defaultValue {
                lines.append(contentsOf: (lines.isEmpty ? [] : [""]) + ["- Default: `\(Self.docDisplay(value))`"])
                let expression = defaultExpression(value, type: type)
                if expression == nil, value != .null, isSimple(type) {
                    context.warning("default '\(Self.display(value))' of property '\(property.name)' does not match its type; it is documented but not used", at: property.location)
                }
                if !optional { defaultExpr = expression }
            }
            if !constraints.isEmpty {
                if lines.last?.hasPrefix("- ") != true, !lines.isEmpty { lines.append("") }
                lines.append(contentsOf: constraints.documentation)
            }
            if optional && defaultExpr == nil { defaultExpr = "nil" }
            properties.append(PropertyDecl(
                name: swiftName, wireName: property.name, type: type, docs: lines,
                defaultValue: defaultExpr, constraints: constraints,
                deprecated: parts.contains { $0.deprecated },
                readOnly: parts.contains { $0.readOnly || ($0.ref.flatMap(resolvedTarget)?.readOnly ?? false) },
                writeOnly: parts.contains { $0.writeOnly || ($0.ref.flatMap(resolvedTarget)?.writeOnly ?? false) }
            ))
        }
        var additional: TypeUsage?
        switch merged.additional {
        case .schema(let valueSchema):
            var value = usage(for: valueSchema, hint: "additional_property", scope: &scope)
            if isNullable(valueSchema) { value = value.optional }
            additional = value
        case .allowed(true):
            additional = .jsonValue
        default:
            additional = nil
        }
        return StructDecl(name: name, docs: docs(for: schema), properties: properties, additionalProperties: additional, nested: scope.nested)
    }

    /// How many levels `merge` goes down from `schema` (each `$ref` and each `allOf` part one),
    /// without recursion and with each component's depth remembered.
    private func mergeDepth(of schema: Schema) -> Int {
        func children(_ s: Schema) -> [(Schema, String?)] {
            switch s.ref {
            case .component(let raw): return context.components[raw].map { [($0, raw)] } ?? []
            case .pointer(_, let target): return [(target, nil)]
            case nil: return s.allOf.map { ($0, nil) }
            }
        }
        struct Frame { var schema: Schema; var key: String?; var children: [(Schema, String?)]; var next = 0; var deepest = 0 }
        var stack = [Frame(schema: schema, key: nil, children: children(schema))]
        var onStack: Set<String> = []
        var result = 0
        while !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].next < stack[top].children.count {
                let (child, key) = stack[top].children[stack[top].next]
                stack[top].next += 1
                if let key, let known = mergeDepths[key] {
                    stack[top].deepest = max(stack[top].deepest, known)
                } else if let key, !onStack.insert(key).inserted {
                    continue   // a cycle: merge reports it
                } else {
                    stack.append(Frame(schema: child, key: key, children: children(child)))
                }
                continue
            }
            let done = stack.removeLast()
            let depth = done.deepest + 1
            if let key = done.key {
                mergeDepths[key] = depth
                onStack.remove(key)
            }
            if stack.isEmpty { result = depth } else { stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, depth) }
        }
        return result
    }

    /// Properties of a schema with its `allOf` parts (and the components they refer to) merged in.
    private func merge(_ schema: Schema, into merged: inout Merged, visited: inout Set<String>, depth: Int) {
        guard depth < Self.maxAllOfDepth else {
            if !merged.tooDeep {
                merged.tooDeep = true
                context.diagnostics.error("allOf parts and the $refs they follow nest deeper than \(Self.maxAllOfDepth) levels here (the limit for one struct)", at: schema.location)
            }
            return
        }
        switch schema.ref {
        case .component(let raw):
            // `visited` is the path being merged: a component met again on it is a cycle;
            // one reached twice by different branches (a diamond) is merged once.
            guard visited.insert(raw).inserted else {
                context.diagnostics.error("allOf of component '\(raw)' includes itself", at: schema.location)
                return
            }
            defer { visited.remove(raw) }
            guard merged.mergedComponents.insert(raw).inserted else { return }
            if let target = context.components[raw] { merge(target, into: &merged, visited: &visited, depth: depth + 1) }
            return
        case .pointer(_, let target):
            merge(target, into: &merged, visited: &visited, depth: depth + 1)
            return
        case nil:
            break
        }
        for part in schema.allOf { merge(part, into: &merged, visited: &visited, depth: depth + 1) }
        for property in schema.properties {
            if let i = merged.index[property.name] {
                merged.properties[i].parts.append(property.schema)
            } else {
                merged.index[property.name] = merged.properties.count
                merged.properties.append(MergedProperty(name: property.name, location: property.location, parts: [property.schema]))
            }
        }
        merged.required.formUnion(schema.required)
        if let additional = schema.additionalProperties, merged.additional == nil { merged.additional = additional }
    }

    /// Parts of a property declared several times: duplicates dropped; incompatible types warned about.
    private func reconcile(_ property: MergedProperty) -> [Schema] {
        var parts: [Schema] = []
        var seenRefs: Set<String> = []
        var seenObjects: Set<ObjectIdentifier> = []
        for part in property.parts {
            if case .component(let raw) = part.ref {
                if !seenRefs.insert(raw).inserted { continue }
            }
            if !seenObjects.insert(ObjectIdentifier(part)).inserted { continue }
            parts.append(part)
        }
        guard parts.count > 1 else { return parts }
        let kinds = parts.map(kind(of:))
        let scalarKinds = Set(kinds.filter { $0 != "object" && $0 != "any" })
        let compatible = scalarKinds == ["string", "enum"]
        if !scalarKinds.isEmpty && ((scalarKinds.count > 1 && !compatible) || kinds.contains("object")) {
            let places = parts.map { "\($0.location)" }.joined(separator: " and ")
            context.warning("property '\(property.name)' is declared with different types (\(kinds.joined(separator: ", "))) at \(places); the first declaration is used", at: property.location)
            return [parts[0]]
        }
        if scalarKinds.count == 1 { return [parts[0]] }
        if scalarKinds == ["string", "enum"] || scalarKinds == ["enum"] {
            // A string declared once plainly and once as an enum: the enum is the more precise.
            return [parts.first { kind(of: $0) == "enum" } ?? parts[0]]
        }
        return parts
    }

    private func kind(of schema: Schema) -> String {
        switch schema.ref {
        case .component(let raw): return context.components[raw].map(kind(of:)) ?? "any"
        case .pointer(_, let target): return kind(of: target)
        case nil: break
        }
        if isEnum(schema) { return "enum" }
        if !schema.properties.isEmpty || !schema.allOf.isEmpty { return "object" }
        return schema.singleType ?? "any"
    }

    private func resolvedTarget(_ reference: Schema.Reference) -> Schema? {
        switch reference {
        case .component(let raw): context.components[raw]
        case .pointer(_, let target): target
        }
    }

    // MARK: Enums

    private func makeEnum(_ schema: Schema, name: String, path: [String]) -> Declaration {
        let values = (schema.enumValues ?? schema.constValue.map { [$0] } ?? []).filter { $0 != .null }
        let rawType: String
        if values.allSatisfy({ if case .string = $0 { true } else { false } }) {
            rawType = "String"
        } else if values.allSatisfy({ if case .int = $0 { true } else { false } }) {
            rawType = "Int"
        } else if values.allSatisfy({ $0.number != nil }) {
            // `type: integer, enum: [1, 2.0]` is an integer enum: 2.0 is the integer 2.
            let integral = values.allSatisfy { value in
                guard case .double(let d) = value else { return true }
                return d == d.rounded() && abs(d) < 9.0e18
            }
            rawType = schema.singleType == "integer" && integral ? "Int" : "Double"
        } else if values.allSatisfy({ if case .bool = $0 { true } else { false } }) {
            rawType = "Bool"
        } else {
            context.warning("enum mixes value types; values are compared as strings", at: schema.location)
            rawType = "String"
        }
        var names = NameScope(reserved: ["unknown", "rawValue", "allCases", "hashValue"])
        var cases: [EnumDecl.Case] = []
        var seen: Set<Literal> = []
        var caseByLiteral: [Literal: String] = [:]
        for value in values {
            // One spelling per value, so `1` and `1.0` are one case (and `"1"` in a mixed enum too).
            let normalized: Literal
            switch (rawType, value.number) {
            case ("String", _): normalized = .string(Self.text(of: value))
            case ("Int", let number?): normalized = .int(Int(number))
            case ("Double", let number?): normalized = .double(number)
            default: normalized = value
            }
            guard seen.insert(normalized).inserted else {
                context.warning("enum value '\(Self.text(of: value))' is listed twice; the duplicate is ignored", at: schema.location)
                continue
            }
            let raw = Self.text(of: normalized)
            var wanted = context.memberName(raw)
            if raw.isEmpty { wanted = "empty" }
            if rawType == "Bool" { wanted = raw == "true" ? "`true`" : "`false`" }
            let (caseName, clashed) = names.claim(wanted)
            if clashed {
                context.warning("enum value '\(raw)' is generated as case '\(caseName)' because '\(SwiftNaming.unescaped(wanted))' is taken", at: schema.location)
            }
            cases.append(EnumDecl.Case(name: caseName, literal: Self.swiftLiteral(normalized, rawType: rawType), docs: []))
            caseByLiteral[normalized] = caseName
            caseByLiteral[value] = caseName
        }
        enumCases[path] = caseByLiteral
        context.speculation?.enumPaths.append(path)
        return .enumeration(EnumDecl(name: name, docs: docs(for: schema), rawType: rawType, cases: cases))
    }

    // MARK: oneOf / anyOf

    private func makeOneOf(_ schema: Schema, name: String, path: [String]) -> OneOfDecl {
        let alternatives = nonNullAlternatives(schema)
        var scope = TypeScope(path: path, reserved: [])
        let discriminator = schema.discriminator
        // With a discriminator, a value no case knows decodes into `unknown` (the server added a
        // variant), as open enums do: the name is the enum's own.
        var names = NameScope(reserved: discriminator == nil ? [] : ["unknown"])
        var cases: [OneOfDecl.Case] = []
        var taken: Set<String> = []
        for (i, alternative) in alternatives.enumerated() {
            let type = usage(for: alternative, hint: "case\(i + 1)", scope: &scope)
            var wanted: String
            switch alternative.ref {
            case .component(let raw):
                wanted = context.memberName(context.componentNames[raw] ?? raw)
            default:
                switch type {
                case .named(let p): wanted = context.memberName(p.last ?? "case\(i + 1)")
                case .builtin(let b): wanted = context.memberName(b)
                case .array: wanted = "array"
                case .dictionary: wanted = "dictionary"
                case .optional: wanted = "case\(i + 1)"
                }
            }
            var tags: [String] = []
            if let discriminator {
                tags = discriminatorValues(of: alternative, discriminator).filter { taken.insert($0).inserted }
                if tags.isEmpty {
                    context.warning("oneOf alternative \(i + 1) has no value of discriminator '\(discriminator.propertyName)' (no mapping, no component name, no const or single-valued enum); it is never decoded", at: alternative.location)
                }
            } else if case .component(let raw) = alternative.ref {
                tags = [raw]
            }
            let (caseName, _) = names.claim(wanted)
            cases.append(OneOfDecl.Case(name: caseName, type: type, tags: tags))
        }
        if let discriminator { checkMapping(discriminator, alternatives: alternatives, at: schema.location) }
        let tagged = discriminator != nil && cases.contains { !$0.tags.isEmpty }
        return OneOfDecl(name: name, docs: docs(for: schema), cases: cases, discriminator: discriminator?.propertyName,
                         hasUnknownCase: tagged, nested: scope.nested)
    }

    /// Every mapping entry must name a schema, and one of the alternatives: a value that selects
    /// nothing would otherwise decode as `unknown` without a word.
    private func checkMapping(_ discriminator: Schema.Discriminator, alternatives: [Schema], at location: SourceLocation) {
        var names: Set<String> = []
        for alternative in alternatives { if case .component(let raw) = alternative.ref { names.insert(raw) } }
        for entry in discriminator.mapping {
            let local = entry.ref.hasPrefix("#/components/schemas/") ? String(entry.ref.dropFirst("#/components/schemas/".count))
                : entry.ref.contains("/") || entry.ref.contains("#") ? nil : entry.ref
            if let local, names.contains(local) { continue }
            if let local, context.components[local] == nil {
                context.diagnostics.error("discriminator mapping '\(entry.value)' names '\(entry.ref)', which is not a schema of this document", at: location)
            } else {
                context.warning("discriminator mapping '\(entry.value)' names '\(entry.ref)', which is not one of the alternatives; the value is decoded as unknown", at: location)
            }
        }
    }

    /// The discriminator values that select `alternative`: the mapping's entries for it; else the
    /// value its own schema pins (`const`, or an `enum` of one value, also through `$ref` and
    /// `allOf`, as real documents write it) and its component name in both spellings the
    /// specification allows (`Name`, `#/components/schemas/Name`).
    private func discriminatorValues(of alternative: Schema, _ discriminator: Schema.Discriminator) -> [String] {
        var raw: String?
        if case .component(let name) = alternative.ref { raw = name }
        let mapped = discriminator.mapping.compactMap { entry -> String? in
            guard let raw else { return nil }
            return entry.ref == "#/components/schemas/\(raw)" || entry.ref == raw ? entry.value : nil
        }
        if !mapped.isEmpty { return mapped }
        var values: [String] = []
        if let pinned = pinnedValue(of: discriminator.propertyName, in: alternative) { values.append(pinned) }
        if let raw { values += [raw, "#/components/schemas/\(raw)"] }
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// The single string value a schema allows for `property`, looking through `$ref` and
    /// `allOf` (a work list with a visited set: any depth, no recursion).
    private func pinnedValue(of property: String, in schema: Schema) -> String? {
        var work = [schema]
        var visited: Set<SourceLocation> = []
        while let next = work.popLast() {
            guard visited.insert(next.location).inserted else { continue }
            if let reference = next.ref {
                if let target = resolvedTarget(reference) { work.append(target) }
                continue
            }
            if let found = next.properties.first(where: { $0.name == property }) {
                var value = found.schema
                var hops: Set<SourceLocation> = []
                while let reference = value.ref, hops.insert(value.location).inserted, let target = resolvedTarget(reference) { value = target }
                if case .string(let s)? = value.constValue { return s }
                if let values = value.enumValues, values.count == 1, case .string(let s) = values[0] { return s }
            }
            work.append(contentsOf: next.allOf.reversed())
        }
        return nil
    }

    // MARK: Docs, constraints, defaults

    /// Documentation lines from a schema's description (or title).
    func docs(for schema: Schema) -> [String] {
        var text = schema.description ?? schema.title ?? ""
        if text.isEmpty, case .pointer(_, let target) = schema.ref { text = target.description ?? "" }
        if text.isEmpty && !schema.deprecated { return [] }
        var lines = text.utf8.contains(10)
            ? text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingWhitespace() }
            : [text.trimmingTrailingWhitespace()]
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        if schema.deprecated { lines.append(contentsOf: (lines.isEmpty ? [] : [""]) + ["- Deprecated"]) }
        return lines
    }

    func constraints(of schema: Schema) -> Constraints {
        var source = schema
        if case .pointer(_, let target) = schema.ref { source = target }
        if case .component(let raw) = schema.ref, let target = context.components[raw], !isStructLike(target) { source = target }
        var c = Constraints()
        c.minimum = source.minimum
        c.maximum = source.maximum
        c.exclusiveMinimum = source.exclusiveMinimum
        c.exclusiveMaximum = source.exclusiveMaximum
        c.minLength = source.minLength
        c.maxLength = source.maxLength
        c.pattern = source.pattern
        c.minItems = source.minItems
        c.maxItems = source.maxItems
        return c
    }

    /// Warns, at the schema, when its own `example` breaks its own constraints.
    func checkExample(_ schema: Schema, constraints c: Constraints, example: Literal? = nil) {
        var source = schema
        if case .component(let raw) = schema.ref, let target = context.components[raw] { source = target }
        if case .pointer(_, let target) = schema.ref { source = target }
        guard let example = example ?? source.example else { return }
        let key = example == source.example ? source.location : schema.location
        guard checkedExamples.insert(key).inserted else { return }
        let warningsBefore = context.diagnostics.diagnostics.count
        defer {
            context.speculation?.examples.append((key, warningsBefore..<context.diagnostics.diagnostics.count))
        }
        var problems: [String] = []
        if case .string(let s) = example {
            if let max = c.maxLength, s.count > max { problems.append("is \(s.count) characters long, above maxLength \(max)") }
            if let min = c.minLength, s.count < min { problems.append("is \(s.count) characters long, below minLength \(min)") }
        }
        if let n = example.number {
            if let min = c.minimum, n < min || (c.exclusiveMinimum && n == min) { problems.append("is below the minimum \(formatNumber(min))") }
            if let max = c.maximum, n > max || (c.exclusiveMaximum && n == max) { problems.append("is above the maximum \(formatNumber(max))") }
        }
        for problem in problems {
            context.warning("example '\(Self.display(example))' \(problem): the schema contradicts its own example", at: source.location)
        }
    }

    /// Types a `default` can be written for: text, numbers, booleans and enums.
    private func isSimple(_ type: TypeUsage) -> Bool {
        switch type.unwrapped {
        case .builtin(let name): ["String", "Int", "Double", "Bool"].contains(name)
        case .named(let path): enumCases[path] != nil
        default: false
        }
    }

    /// A Swift expression for a `default`, or nil when the value does not fit the type.
    func defaultExpression(_ value: Literal, type: TypeUsage) -> String? {
        switch (type.unwrapped, value) {
        case (.builtin("String"), .string(let s)): return Self.swiftString(s)
        case (.builtin("Int"), .int(let i)): return String(i)
        case (.builtin("Double"), .int(let i)): return String(i)
        case (.builtin("Double"), .double(let d)) where d.isFinite: return String(d)
        case (.builtin("Bool"), .bool(let b)): return String(b)
        case (.named(let path), _):
            guard let caseName = enumCases[path]?[value] else { return nil }
            return "." + caseName
        default: return nil
        }
    }

    static func text(of value: Literal) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): String(b)
        case .int(let i): String(i)
        case .double(let d): formatNumber(d)
        case .string(let s): s
        case .array, .object: display(value)
        }
    }

    /// A value for a doc comment: strings with line breaks or control characters are shown escaped.
    static func docDisplay(_ value: Literal) -> String {
        if case .string(let text) = value, text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "`" }) {
            return String(swiftString(text).replacingOccurrences("`", with: "'"))
        }
        return display(value)
    }

    /// A short JSON-like rendering for docs and messages.
    static func display(_ value: Literal) -> String {
        switch value {
        case .array(let items): "[" + items.map(display).joined(separator: ", ") + "]"
        case .object(let object): "{" + object.keys.sorted().map { "\($0): \(display(object[$0]!))" }.joined(separator: ", ") + "}"
        default: text(of: value)
        }
    }

    static func swiftLiteral(_ value: Literal, rawType: String) -> String {
        switch value {
        case .string(let s): swiftString(s)
        case .int(let i): rawType == "Double" ? "\(i).0" : String(i)
        case .double(let d): String(d)
        case .bool(let b): String(b)
        default: swiftString(text(of: value))
        }
    }

    /// A Swift string literal for any text (quotes, backslashes, control characters escaped).
    static func swiftString(_ s: String) -> String {
        // Most strings (wire names, paths) need no escape: printable ASCII without `"` or `\`.
        if !s.containsUTF8(where: { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C }) {
            var out = "\""
            out.reserveCapacity(s.utf8.count + 2)
            out += s
            out += "\""
            return out
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || (0x2028...0x2029).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        guard let last = utf8.last, last == 32 || last == 9 || last == 13 else { return self }
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

/// The cycles of a graph in which each node has at most one successor (a component that is a
/// pure `$ref` alias points at one other), found with one walk per node that stops at any node
/// already seen: linear in the number of components, however long the chains.
struct AliasCycles {
    private var cycleOf: [String: Int] = [:]
    private var cycles: [[String]] = []

    init() {}

    init(_ nodes: [String], next: (String) -> String?) {
        var state: [String: Int] = [:]   // absent: unseen; -1: done; n >= 0: position on the walk
        for start in nodes where state[start] == nil {
            var walk: [String] = []
            var current: String? = start
            while let node = current, state[node] == nil {
                state[node] = walk.count
                walk.append(node)
                current = next(node)
            }
            if let node = current, let position = state[node], position >= 0 {
                let cycle = Array(walk[position...])
                for member in cycle { cycleOf[member] = cycles.count }
                cycles.append(cycle)
            }
            for node in walk { state[node] = -1 }
        }
    }

    /// The cycle through `node`, starting at the member first met; nil when it is on none.
    func cycle(containing node: String) -> [String]? {
        cycleOf[node].map { cycles[$0] }
    }
}
