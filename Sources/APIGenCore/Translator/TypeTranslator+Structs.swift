/// Objects and `allOf`: one struct, its parts merged (to a bounded depth, measured first).
extension TypeTranslator {
    struct MergedProperty {
        var name: String
        var location: SourceLocation
        var parts: [Schema]
    }

    struct Merged {
        var properties: [MergedProperty] = []
        var index: [String: Int] = [:]
        var required: Set<String> = []
        var additional: Schema.AdditionalProperties?
        var mergedComponents: Set<String> = []
        /// The components whose text the merge reached (by `$ref` or by a pointer into them),
        /// in the order it reached them.
        var owners: [String] = []
        /// The depth limit was reached (reported once per struct).
        var tooDeep = false
    }

    func makeStruct(_ schema: Schema, name: String, path: [String]) -> StructDecl {
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
        // A schema written inside another component is that component's to type: built first,
        // it names the nested types of its properties (`Base.Status`), which this struct then
        // shares, whichever of the two the document lists first.
        for owner in merged.owners { ensureComponent(owner) }

        // `NullableField` and `sendingNull` are the struct's own when it has nullable optionals.
        var scope = TypeScope(path: path, reserved: [StructDecl.nullableFieldType])
        // Extra keys are stored as `additionalProperties`: no property may take that name then.
        let keepsExtraKeys: Bool
        switch merged.additional {
        case .schema?, .allowed(true)?: keepsExtraKeys = true
        default: keepsExtraKeys = false
        }
        // `hashValue` is Hashable's: a property of that name makes every plain use ambiguous.
        var members = NameScope(reserved: keepsExtraKeys ? ["additionalProperties", "hashValue", StructDecl.sendingNull] : ["hashValue", StructDecl.sendingNull])
        var properties: [PropertyDecl] = []
        for property in merged.properties {
            properties.append(makeProperty(property, required: merged.required.contains(property.name), path: path, scope: &scope, members: &members))
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

    /// One property of a struct, its parts reconciled: type, Swift name, docs, default, constraints.
    private func makeProperty(_ property: MergedProperty, required: Bool, path: [String], scope: inout TypeScope, members: inout NameScope) -> PropertyDecl {
        let parts = reconcile(property)
        let propertySchema = parts.count == 1 ? parts[0] : Schema(location: parts[0].location, allOf: parts, isMerged: true)
        var type = usage(for: propertySchema, hint: property.name, scope: &scope)
        let nullable = parts.contains(where: isNullable)
        let optional = !required || nullable
        if optional { type = type.optional }
        var wantedName = context.memberName(property.name)
        // Most documents have no overrides: skip building the key for every property.
        let overrideKey = context.propertyOverrides.isEmpty ? "" : path.joined(separator: ".") + "." + property.name
        if !overrideKey.isEmpty, let override = context.propertyOverrides[overrideKey] {
            wantedName = override
            context.useOverride("properties." + overrideKey)
        }
        let (swiftName, clashed) = members.claim(wantedName)
        if clashed {
            context.warning("property '\(property.name)' is generated as '\(swiftName)' because its Swift name is taken", at: property.location)
        }
        if let other = members.lookalike(of: swiftName) {
            context.warning("property '\(property.name)' is generated as '\(swiftName)', which reads like '\(other)' in the same type: one of them uses letters of another script", at: property.location)
        }
        let described = parts.first { $0.description != nil || $0.title != nil } ?? parts[0]
        let constraints = constraints(of: parts[0])
        checkExample(parts[0], constraints: constraints)
        var docs = docs(for: described)
        var defaultValue: DefaultValue?
        if let value = parts.first(where: { $0.defaultValue != nil })?.defaultValue {
            docs.append(.defaultValue(value))
            let fitting = self.defaultValue(value, type: type)
            if fitting == nil, value != .null, isSimple(type) {
                context.warning("default '\(value.display)' of property '\(property.name)' does not match its type; it is documented but not used", at: property.location)
            }
            if case .string(let text) = value, case .value(let read)? = fitting, read != value {
                context.warning("default of property '\(property.name)' should be a \(read == .bool(true) || read == .bool(false) ? "boolean" : "number"), found the string \(TextEscaping.quoted(text)); read as \(read.display)", at: property.location)
            }
            if !optional { defaultValue = fitting }
        }
        // A required property that allows one value (`const`, an enum of one) is that value
        // unless said otherwise: the caller of the memberwise init does not spell it out.
        if !optional, defaultValue == nil, let only = Self.onlyValue(parts) {
            defaultValue = self.defaultValue(only, type: type)
        }
        docs.append(.constraints(constraints))
        if optional && defaultValue == nil { defaultValue = DefaultValue.absent }
        return PropertyDecl(
            name: Identifier(swiftName), wireName: property.name, type: type, docs: docs,
            defaultValue: defaultValue, constraints: constraints,
            deprecated: parts.contains { $0.deprecated },
            readOnly: parts.contains { $0.readOnly || ($0.ref.flatMap(resolvedTarget)?.readOnly ?? false) },
            writeOnly: parts.contains { $0.writeOnly || ($0.ref.flatMap(resolvedTarget)?.writeOnly ?? false) },
            writesNull: required && nullable,
            isClearable: !required && nullable
        )
    }

    /// How many levels `merge` goes down from `schema` (each `$ref` and each `allOf` part one),
    /// without recursion and with each component's depth remembered.
    func mergeDepth(of schema: Schema) -> Int {
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
    func merge(_ schema: Schema, into merged: inout Merged, visited: inout Set<String>, depth: Int) {
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
            merged.owners.append(raw)
            if let target = context.components[raw] { merge(target, into: &merged, visited: &visited, depth: depth + 1) }
            return
        case .pointer(_, let target):
            if let owner = context.document.pointerOwners[target.location] { merged.owners.append(owner) }
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
    func reconcile(_ property: MergedProperty) -> [Schema] {
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
        // A type and an enum of values of that type: the enum is the intersection.
        let compatible = scalarKinds.count == 2 && scalarKinds.contains("enum") && parts.allSatisfy { part in
            guard kind(of: part) == "enum", let other = scalarKinds.first(where: { $0 != "enum" }) else { return true }
            let source = part.ref.flatMap(resolvedTarget) ?? part
            return (source.enumValues ?? source.constValue.map { [$0] } ?? []).allSatisfy { value in
                switch (other, value) {
                case ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double), (_, .null): true
                default: false
                }
            }
        }
        if !scalarKinds.isEmpty && ((scalarKinds.count > 1 && !compatible) || kinds.contains("object")) {
            let places = parts.map { "\($0.location)" }.joined(separator: " and ")
            context.warning("property '\(property.name)' is declared with different types (\(kinds.joined(separator: ", "))) at \(places); the first declaration is used", at: property.location)
            return [parts[0]]
        }
        if scalarKinds.count == 1 { return [intersection(parts, of: property)] }
        if scalarKinds.contains("enum"), scalarKinds.count == 2 {
            // A type declared once plainly and once as an enum of it (`stream: boolean` and
            // `stream: {enum: [false]}`): the enum is the intersection.
            return [parts.first { kind(of: $0) == "enum" } ?? parts[0]]
        }
        return parts
    }

    /// One scalar declared several times: the first declaration, with the bounds of all of them
    /// (the highest minimum, the lowest maximum…): a value must meet every part of an `allOf`.
    private func intersection(_ parts: [Schema], of property: MergedProperty) -> Schema {
        let first = parts[0]
        guard parts.allSatisfy({ $0.ref == nil }) else { return first }
        func tighter<T: Comparable>(_ values: [T?], _ pick: ([T]) -> T?) -> T? { pick(values.compactMap { $0 }) }
        // A bound and whether it excludes itself; at one value, an exclusive bound is the tighter.
        func bound(_ lower: Bool) -> (Double?, Bool) {
            var best: (Double, Bool)?
            for part in parts {
                guard let value = lower ? part.minimum : part.maximum else { continue }
                let exclusive = lower ? part.exclusiveMinimum : part.exclusiveMaximum
                if let b = best, lower ? (value < b.0 || (value == b.0 && !exclusive)) : (value > b.0 || (value == b.0 && !exclusive)) { continue }
                best = (value, exclusive)
            }
            return (best?.0, best?.1 ?? false)
        }
        let (minimum, exclusiveMinimum) = bound(true), (maximum, exclusiveMaximum) = bound(false)
        let patterns = parts.compactMap(\.pattern)
        if Set(patterns).count > 1 {
            context.warning("property '\(property.name)' is declared with different patterns; the first, \(TextEscaping.quoted(patterns[0])), is checked", at: property.location)
        }
        return Schema(
            location: first.location, types: first.types, format: first.format, title: first.title, summary: first.summary,
            description: first.description, enumValues: first.enumValues, constValue: first.constValue, items: first.items,
            nullable: parts.allSatisfy(\.nullable), defaultValue: first.defaultValue, example: first.example,
            deprecated: parts.contains(where: \.deprecated), readOnly: parts.contains(where: \.readOnly), writeOnly: parts.contains(where: \.writeOnly),
            minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum, exclusiveMaximum: exclusiveMaximum,
            minLength: tighter(parts.map(\.minLength)) { $0.max() }, maxLength: tighter(parts.map(\.maxLength)) { $0.min() },
            minItems: tighter(parts.map(\.minItems)) { $0.max() }, maxItems: tighter(parts.map(\.maxItems)) { $0.min() },
            pattern: patterns.first, prefixItems: first.prefixItems, contentSchema: first.contentSchema
        )
    }

    /// What a schema holds once its `$ref`s are followed: `enum`, `object`, a JSON type, or `any`
    /// (a chain that comes back on itself too). A loop, not recursion: a chain may be 100,000
    /// aliases long. A component's kind is looked up (`componentKinds`), so N uses of a chain
    /// of M aliases cost N, not N × M.
    func kind(of schema: Schema) -> String {
        var current = schema
        var seen: Set<SourceLocation> = []
        while seen.insert(current.location).inserted {
            switch current.ref {
            case .component(let raw):
                if let known = componentKinds[raw] { return known }
                guard let next = context.components[raw] else { return "any" }
                current = next
            case .pointer(_, let target):
                current = target
            case nil:
                return ownKind(current)
            }
        }
        return "any"
    }

    private func ownKind(_ schema: Schema) -> String {
        if isEnum(schema) { return "enum" }
        if !schema.properties.isEmpty || !schema.allOf.isEmpty { return "object" }
        return schema.singleType ?? "any"
    }

    /// Works out, for each component of `schemas`, where its chain of `$ref`s to other
    /// components ends (`chainEnd`) and that schema's kind, each chain walked once for all its
    /// links. Run while components are named, before anything reads the tables on several cores.
    func recordKinds(of schemas: ArraySlice<OpenAPIDocument.NamedSchema>) {
        for named in schemas where componentKinds[named.name] == nil {
            var walk: [String] = []
            var onWalk: Set<String> = []
            var current = named.name
            var result = "any"
            var end: Schema?
            while true {
                if let known = componentKinds[current] {
                    (result, end) = (known, componentEnds[current])
                    break
                }
                guard onWalk.insert(current).inserted, let schema = context.components[current] else { break }
                walk.append(current)
                if case .component(let next)? = schema.ref {
                    current = next
                    continue
                }
                (result, end) = (kind(of: schema), schema)
                break
            }
            for raw in walk {
                componentKinds[raw] = result
                componentEnds[raw] = end
            }
        }
    }

    /// The schema a component's chain of `$ref`s to other components ends at (the component's
    /// own when it is no such `$ref`), or nil for a chain that comes back on itself or names a
    /// missing component. One lookup once components are named (`recordKinds`).
    func chainEnd(_ raw: String) -> Schema? {
        if componentKinds[raw] != nil { return componentEnds[raw] }
        return context.components[raw]
    }

    func resolvedTarget(_ reference: Schema.Reference) -> Schema? {
        switch reference {
        case .component(let raw): context.components[raw]
        case .pointer(_, let target): target
        }
    }

    /// The one value a property's schemas allow (a `const`, an enum of a single value other than
    /// null), if they agree on one.
    static func onlyValue(_ parts: [Schema]) -> Literal? {
        let values = parts.compactMap { part -> Literal? in
            if let value = part.constValue { return value }
            if let values = part.enumValues?.filter({ $0 != .null }), values.count == 1 { return values[0] }
            return nil
        }
        guard let first = values.first, values.allSatisfy({ $0 == first }) else { return nil }
        return first
    }
}
