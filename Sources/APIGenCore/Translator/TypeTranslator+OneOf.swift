/// `oneOf` and `anyOf`: enums with associated values, and the discriminator values that select them.
extension TypeTranslator {
    func makeOneOf(_ schema: Schema, name: String, path: [String]) -> OneOfDecl {
        var alternatives = nonNullAlternatives(schema)
        // An alternative that is the union itself adds no value (a Pet is a Pet) and would make
        // its decoder call itself forever: it is dropped, with a word.
        alternatives.removeAll { alternative in
            guard path.count == 1, case .component(let raw)? = alternative.ref, context.names.components[raw] == name else { return false }
            context.warning("oneOf/anyOf alternative '\(raw)' is the union itself; it adds nothing and is dropped", at: alternative.location)
            return true
        }
        // A mapping that names a schema the alternatives do not list adds it: values that
        // select it then decode as it, not as unknown.
        for entry in schema.discriminator?.mapping ?? [] {
            guard let target = entry.target, !alternatives.contains(where: { Self.same($0.ref, target) }) else { continue }
            context.warning("discriminator mapping '\(entry.value)' names '\(entry.ref)', which is not one of the alternatives; it is added as one", at: schema.location)
            alternatives.append(Schema(location: schema.location, ref: target))
        }
        var scope = TypeScope(path: path, reserved: [])
        let discriminator = schema.discriminator
        // A value no case accepts (with a discriminator: a tag no case has) decodes into
        // `unknown` (the server added a variant), as open enums do: the name is the enum's own.
        var names = NameScope(reserved: ["unknown"])
        var cases: [OneOfDecl.Case] = []
        var taken: Set<String> = []
        for (i, alternative) in alternatives.enumerated() {
            let type = usage(for: alternative, hint: Self.fileName(of: alternative.ref) ?? "case\(i + 1)", scope: &scope)
            var wanted: String
            switch alternative.ref {
            case .component(let raw):
                wanted = context.memberName(context.names.components[raw] ?? raw)
            default:
                switch type {
                case .named(let p): wanted = context.memberName(p.last ?? "case\(i + 1)")
                case .builtin(let b): wanted = context.memberName(b.rawValue)
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
            var decl = OneOfDecl.Case(name: Identifier(caseName), type: type, tags: tags)
            if discriminator == nil { decl.pins = pins(of: alternative) }
            cases.append(decl)
        }
        if let discriminator { checkMapping(discriminator, alternatives: alternatives, at: schema.location) }
        let tagged = discriminator != nil && cases.contains { !$0.tags.isEmpty }
        // Without a discriminator: unless an alternative takes any JSON, which leaves nothing over.
        let untaggedOpen = discriminator == nil && !cases.contains { $0.type.unwrapped == .jsonValue }
        return OneOfDecl(name: name, docs: docs(for: schema), cases: cases, discriminator: discriminator?.propertyName,
                         hasUnknownCase: tagged || untaggedOpen, nested: scope.nested)
    }

    /// The base name of a whole file an alternative refers to (`./Dessert.yaml` → `Dessert`),
    /// which names its case and type as a component's name would.
    static func fileName(of reference: Schema.Reference?) -> String? {
        guard case .pointer(let text, _)? = reference, !text.contains("#") || text.hasSuffix("#") else { return nil }
        var name = Substring(text.split(separator: "#").first ?? "")
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: ".") { name = name[..<dot] }
        return name.isEmpty ? nil : String(name)
    }

    /// Whether two references name the same schema: one component, or one pointer target.
    static func same(_ a: Schema.Reference?, _ b: Schema.Reference) -> Bool {
        switch (a, b) {
        case (.component(let x)?, .component(let y)): x == y
        case (.pointer(_, let x)?, .pointer(_, let y)): x === y || x.location == y.location
        default: false
        }
    }

    /// Every mapping entry must name a schema, and one of the alternatives: a value that selects
    /// nothing would otherwise decode as `unknown` without a word.
    func checkMapping(_ discriminator: Schema.Discriminator, alternatives: [Schema], at location: SourceLocation) {
        var names: Set<String> = []
        for alternative in alternatives { if case .component(let raw) = alternative.ref { names.insert(raw) } }
        for entry in discriminator.mapping {
            if let target = entry.target, alternatives.contains(where: { Self.same($0.ref, target) }) { continue }
            // A reference that does not resolve was reported where the reader met it.
            if entry.target == nil, entry.ref.contains("/") || entry.ref.contains("#") { continue }
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
    func discriminatorValues(of alternative: Schema, _ discriminator: Schema.Discriminator) -> [String] {
        var raw: String?
        if case .component(let name) = alternative.ref { raw = name }
        let mapped = discriminator.mapping.compactMap { entry -> String? in
            if let target = entry.target { return Self.same(alternative.ref, target) ? entry.value : nil }
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

    /// Every property an alternative pins to one string value, in the order it declares them
    /// (the first declaration that pins a property counts).
    func pins(of schema: Schema) -> [OneOfDecl.Pin] {
        var pins: [OneOfDecl.Pin] = []
        var pinned: Set<String> = []
        forEachPart(of: schema) { part in
            for property in part.properties where !pinned.contains(property.name) {
                guard let value = pinnedString(property.schema) else { continue }
                pinned.insert(property.name)
                pins.append(OneOfDecl.Pin(property: property.name, value: value))
            }
            return false
        }
        return pins
    }

    /// The single string value a schema allows for `property`, looking through `$ref` and `allOf`.
    func pinnedValue(of property: String, in schema: Schema) -> String? {
        var found: String?
        forEachPart(of: schema) { part in
            found = part.properties.first { $0.name == property }.flatMap { pinnedString($0.schema) }
            return found != nil
        }
        return found
    }

    /// The schema's own parts, through `$ref` and `allOf`, in order, each once (a work list with
    /// a visited set: any depth, no recursion), until `visit` returns true.
    private func forEachPart(of schema: Schema, _ visit: (Schema) -> Bool) {
        var work = [schema]
        var visited: Set<SourceLocation> = []
        while let next = work.popLast() {
            guard visited.insert(next.location).inserted else { continue }
            if let reference = next.ref {
                if let target = resolvedTarget(reference) { work.append(target) }
                continue
            }
            if visit(next) { return }
            work.append(contentsOf: next.allOf.reversed())
        }
    }

    /// A `const` string, or an `enum` of one string, through `$ref`s.
    private func pinnedString(_ schema: Schema) -> String? {
        var value = schema
        var hops: Set<SourceLocation> = []
        while let reference = value.ref, hops.insert(value.location).inserted, let target = resolvedTarget(reference) { value = target }
        if case .string(let s)? = value.constValue { return s }
        if let values = value.enumValues, values.count == 1, case .string(let s) = values[0] { return s }
        return nil
    }
}
