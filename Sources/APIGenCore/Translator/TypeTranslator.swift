/// Turns schemas into Swift type declarations and type usages.
///
/// Component schemas become top-level types; inline objects, enums and `oneOf`s become nested
/// types named after their property (`Meeting.RecordingConfig.AudioConfig.Codec`).
final class TypeTranslator {
    let context: TranslationContext
    /// How deep `allOf` parts (and the components they name) may nest in one struct. Deeper is
    /// an error, never a struct with some of its properties left out: a chain of N components
    /// that each extend the next has N²/2 properties in all, so no depth is free.
    static let maxAllOfDepth = 256
    /// `mergeDepth` of each component already measured.
    var mergeDepths: [String: Int] = [:]
    /// What a pointer's target translated to, when it names no type (a string, an array of
    /// numbers): a chain of pointers to pointers is then followed once, not once per link
    /// (a chain of N components each pointing at the previous one cost N² before).
    private var plainPointerUsages: [SourceLocation: TypeUsage] = [:]
    /// Each component's `kind(of:)`, recorded as components are named (`recordKinds`).
    var componentKinds: [String: String] = [:]
    /// Where each such component's chain of `$ref`s ends (`chainEnd`).
    var componentEnds: [String: Schema] = [:]
    /// The type behind each component alias already followed (`behindAliases`).
    var aliasEnds: [String: TypeUsage] = [:]
    /// While set, a top-level type that `usage(for:)` names is only named: its location is
    /// listed in `claimed`, and its declaration is built by the operation's unit (`unbuilt`).
    var namesOnly = false
    /// Set while a multipart body's own schema is translated: `format: binary` is a `FileUpload`.
    var binaryAsFiles = false
    var claimed: [Schema] = []
    /// Top-level types this unit named in the first pass and builds where its translation
    /// reaches them (`TranslationUnits`, `building`).
    var unbuilt: Set<SourceLocation> = []

    init(context: TranslationContext) {
        self.context = context
    }

    /// A translator with the same state on `context` (a `workerCopy`).
    func copy(on context: TranslationContext) -> TypeTranslator {
        let copy = TypeTranslator(context: context)
        copy.mergeDepths = mergeDepths
        copy.componentKinds = componentKinds
        copy.componentEnds = componentEnds
        return copy
    }

    // MARK: Components

    /// Names the components `schemas[range]` in document order, and the top-level types their
    /// aliases declare (`A: {type: array, items: {enum: …}}` declares `AValueItem`); then
    /// translates each under those names (a component can be needed early, by a `$ref` into its
    /// insides, and is then translated first).
    func translateComponents(_ range: Range<Int>) {
        let schemas = context.document.schemas[range]
        context.naming {
            for named in schemas {
                context.components[named.name] = named.schema
                var wanted = context.typeName(named.name)
                if let override = context.typeOverrides[named.name] {
                    wanted = override
                    context.useOverride("types." + named.name)
                }
                context.nameComponent(named.name, wanted: wanted, at: named.location)
            }
            namesOnly = true
            claimed = []
            for named in schemas where !declares(named.schema) {
                var scope = TypeScope(path: [], reserved: [])
                _ = usage(for: named.schema, hint: named.name + "_value", scope: &scope)
            }
            namesOnly = false
        }
        recordKinds(of: schemas)
        building(claimed) {
            for named in schemas { ensureComponent(named.name) }
        }
    }

    /// Runs `body` with the top-level types the first pass named for this unit left to build,
    /// building any that `body` did not reach.
    func building<Result>(_ claimed: [Schema], _ body: () -> Result) -> Result {
        unbuilt = Set(claimed.map(\.location))
        defer { unbuilt = [] }
        let result = body()
        for schema in claimed where unbuilt.contains(schema.location) {
            if case .named(let path)? = context.knownType(at: schema.location), let decl = declaration(for: schema, name: path[0], path: path) {
                context.operationDecls.append(decl)
            }
        }
        return result
    }

    /// Translates a component once (components can be needed early by `$ref`s into them).
    func ensureComponent(_ raw: String) {
        if context.componentDecls.keys.contains(raw) { return }
        guard let schema = context.components[raw], let name = context.names.components[raw] else { return }
        context.componentDecls[raw] = .some(nil)
        context.setType(.named([name]), at: schema.location)
        var decl = declaration(for: schema, name: name, path: [name])
        if decl == nil {
            // An alias that holds itself (`A: {$ref: B}`, `B: {$ref: A}`) is translated as it
            // is written: the refiner breaks such cycles (`AliasCycles`), which it sees whole.
            var scope = TypeScope(path: [], reserved: [])
            let target = usage(for: schema, hint: raw + "_value", scope: &scope)
            // Nullability stays with each use of the alias (see isNullable), never in the alias.
            context.operationDecls.append(contentsOf: scope.nested)
            decl = .alias(AliasDecl(name: name, docs: docs(for: schema), target: target, component: .init(name: raw, location: schema.location)))
        }
        context.componentDecls[raw] = .some(decl)
    }

    // MARK: Declarations

    /// A declaration for a schema that needs a named type, or nil for primitives, arrays and refs.
    func declaration(for schema: Schema, name: String, path: [String]) -> Declaration? {
        guard declares(schema) else { return nil }
        if schema.ref == nil {
            if isEnum(schema) { return makeEnum(schema, name: name, path: path) }
            if isStructLike(schema) { return .structure(makeStruct(schema, name: name, path: path)) }
            if isOneOf(schema) { return .oneOf(makeOneOf(schema, name: name, path: path)) }
        }
        return nil
    }

    /// Whether the schema is a declaration of its own (an enum, a struct or a union), not an
    /// alias of another type.
    func declares(_ schema: Schema) -> Bool {
        schema.ref == nil && (isEnum(schema) || isStructLike(schema) || isOneOf(schema))
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
        let alternatives = nonNullAlternatives(schema)
        // "A dictionary or any JSON" is any JSON: an enum of the two would only make the caller
        // pick a case for the same value.
        return alternatives.count >= 2 && !alternatives.allSatisfy(Self.isFreeForm)
    }

    /// Any JSON, or any JSON object: no type beyond `object`, nothing that constrains a value.
    static func isFreeForm(_ schema: Schema) -> Bool {
        guard schema.ref == nil, schema.types.isEmpty || schema.types == ["object"], schema.properties.isEmpty,
              schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty, schema.enumValues == nil,
              schema.constValue == nil, schema.items == nil else { return false }
        switch schema.additionalProperties {
        case nil, .allowed(true)?: return true
        default: return false
        }
    }

    func nonNullAlternatives(_ schema: Schema) -> [Schema] {
        if schema.oneOf.isEmpty && schema.anyOf.isEmpty { return [] }
        return (schema.oneOf + schema.anyOf).filter { !isNullSchema($0) }
    }

    func isNullSchema(_ schema: Schema) -> Bool {
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
                guard let target = chainEnd(raw) else { return false }
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
    /// One case per way a schema can be written ($ref, a named type, a wrapper, a scalar, a
    /// collection), in the order they are tried: kept together, so the order shows.
    func usage(for schema: Schema, hint: String, scope: inout TypeScope) -> TypeUsage {
        switch schema.ref {
        case .component(let raw):
            guard let name = context.names.components[raw] else { return .jsonValue }
            return .named([name])
        case .pointer(_, let target):
            if let known = context.knownType(at: target.location) { return known }
            if let owner = context.document.pointerOwners[target.location] {
                // While components are named, one that is to be translated names its own insides.
                if namesOnly, context.components[owner] != nil, context.componentDecls[owner] == nil { return .jsonValue }
                ensureComponent(owner)
                if let known = context.knownType(at: target.location) { return known }
            }
            if let plain = plainPointerUsages[target.location] { return plain }
            let result = usage(for: target, hint: hint, scope: &scope)
            if !result.namesAType { plainPointerUsages[target.location] = result }
            return result
        case nil:
            break
        }
        // Written on a string, or on an `anyOf` of an integer and a string: either way it says both.
        if schema.format == "int-or-string", !isEnum(schema), schema.properties.isEmpty { return .builtin(.intOrString) }
        if isEnum(schema) || isStructLike(schema) || isOneOf(schema) {
            if let known = context.knownType(of: schema) {
                if scope.path.isEmpty, !unbuilt.isEmpty, unbuilt.remove(schema.location) != nil, case .named(let path) = known,
                   let decl = declaration(for: schema, name: path[0], path: path) {
                    context.operationDecls.append(decl)
                }
                return known
            }
            let name = claimNestedName(hint, in: &scope)
            let path = scope.path + [name]
            let result = TypeUsage.named(path)
            if scope.path.isEmpty, namesOnly {
                context.nameTopLevel(result, of: schema)
                claimed.append(schema)
            } else {
                context.setType(result, of: schema)
                if let decl = declaration(for: schema, name: name, path: path) {
                    if scope.path.isEmpty {
                        context.operationDecls.append(decl)
                    } else {
                        scope.nested.append(decl)
                    }
                }
            }
            return result
        }
        if schema.allOf.count == 1 { return usage(for: schema.allOf[0], hint: hint, scope: &scope) }
        let alternatives = nonNullAlternatives(schema)
        if alternatives.count == 1 { return usage(for: alternatives[0], hint: hint, scope: &scope) }

        let type = schema.singleType ?? (schema.items != nil || !schema.prefixItems.isEmpty ? "array" : nil)
        switch type {
        case "array" where !schema.prefixItems.isEmpty:
            return tupleUsage(schema, hint: hint, scope: &scope)
        case "array":
            guard let items = schema.items else { return .array(.jsonValue) }
            var element = usage(for: items, hint: hint + "_item", scope: &scope)
            if isNullable(items) { element = element.optional }
            return .array(element)
        case "string":
            if binaryAsFiles && schema.format == "binary" { return .builtin(.fileUpload) }
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

    /// A tuple (`prefixItems`, then `items` for the rest): an array of the one type every
    /// position has, or of `JSONValue`, which keeps every element, when positions differ.
    private func tupleUsage(_ schema: Schema, hint: String, scope: inout TypeScope) -> TypeUsage {
        var elements: [TypeUsage] = []
        for (index, item) in (schema.prefixItems + (schema.items.map { [$0] } ?? [])).enumerated() {
            var element = usage(for: item, hint: hint + "_item" + (index == 0 ? "" : "\(index + 1)"), scope: &scope)
            if isNullable(item) { element = element.optional }
            elements.append(element)
        }
        if let first = elements.first, elements.allSatisfy({ $0 == first }) { return .array(first) }
        if !namesOnly {
            context.warning("prefixItems: the positions of this tuple have different types; it is read as [JSONValue], which keeps every element", at: schema.location)
        }
        return .array(.jsonValue)
    }

    /// The documented `format` table for strings.
    static func stringType(format: String?) -> TypeUsage {
        switch format {
        case "date-time": .date
        case "uuid": .builtin(.uuid)
        case "uri", "url": .builtin(.url)
        case "binary", "byte": .builtin(.data)
        default: .string
        }
    }

    /// A nested type name that shadows nothing: not an enclosing type, not a top-level type, not a sibling.
    func claimNestedName(_ hint: String, in scope: inout TypeScope) -> String {
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
}

