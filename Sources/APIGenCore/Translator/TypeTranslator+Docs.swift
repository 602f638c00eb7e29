/// Doc comments, constraints, example checks, defaults and the text of values in messages.
extension TypeTranslator {
    /// Documentation from a schema's description (or title), and whether it is deprecated.
    func docs(for schema: Schema) -> Documentation {
        var text = schema.description ?? schema.title ?? ""
        if text.isEmpty, case .pointer(_, let target) = schema.ref { text = target.description ?? "" }
        if text.isEmpty && !schema.deprecated { return [] }
        var lines = text.utf8.contains(10)
            ? text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingWhitespace() }
            : [text.trimmingTrailingWhitespace()]
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return Documentation([.text(lines)] + (schema.deprecated ? [.deprecated] : []))
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
        guard !context.checkedExamples.contains(key) else { return }
        context.checkedExamples[key] = true
        let warningsBefore = context.diagnostics.diagnostics.count
        defer { context.exampleWarnings.append((key, warningsBefore..<context.diagnostics.diagnostics.count)) }
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
            context.warning("example '\(example.display)' \(problem): the schema contradicts its own example", at: source.location)
        }
    }

    /// Types a `default` can be written for: text, numbers, booleans and enums, and aliases of them.
    func isSimple(_ type: TypeUsage) -> Bool {
        switch behindAliases(type).unwrapped {
        case .builtin(let builtin): builtin.isScalar
        case .named(let path): context.enumCases.contains(path)
        default: false
        }
    }

    /// The type a component alias stands for, through any chain of them (`Count` → `Int`,
    /// `LevelAlias` → `Level`), with an enum component at its end built: its cases are known
    /// then, whichever the document lists first. Only aliases and enums are built here, which
    /// name no struct: building a struct would build what its own defaults name in turn, as deep
    /// as a document chains them. A nested type is returned as it is: its component is built
    /// already (`makeStruct` builds what its merge reaches, and a pointer into a component
    /// builds it). A chain that comes back on itself ends where it does.
    func behindAliases(_ type: TypeUsage) -> TypeUsage {
        guard case .named(let path) = type.unwrapped, path.count == 1 else { return type }
        if let known = aliasEnds[path[0]] { return known }
        var walk: [String] = []
        var seen: Set<String> = []
        var current = type.unwrapped
        while case .named(let names) = current, names.count == 1, !seen.contains(names[0]),
              let raw = context.names.componentsByType[names[0]], let schema = context.components[raw] {
            if let known = aliasEnds[names[0]] {
                current = known
                break
            }
            if declares(schema) {
                if isEnum(schema) { ensureComponent(raw) }
                break
            }
            walk.append(names[0])
            seen.insert(names[0])
            ensureComponent(raw)
            // Nil while the alias is being built (a cycle through it): not remembered then.
            guard case .alias(let alias)?? = context.componentDecls[raw] else { return current }
            current = alias.target.unwrapped
        }
        for name in walk { aliasEnds[name] = current }
        return current
    }

    /// A `default` as the property's default, or nil when the value does not fit the type.
    func defaultValue(_ value: Literal, type: TypeUsage) -> DefaultValue? {
        switch (type.unwrapped, value) {
        case (.builtin(.string), .string), (.builtin(.int), .int), (.builtin(.double), .int), (.builtin(.bool), .bool):
            return .value(value)
        case (.builtin(.double), .double(let d)) where d.isFinite: return .value(value)
        // A boolean or number written as a string (`default: "false"`): read as what it says, as
        // such strings are everywhere else in a document (the caller warns).
        case (.builtin(.bool), .string(let text)) where text == "true" || text == "false": return .value(.bool(text == "true"))
        case (.builtin(.int), .string(let text)) where Int(text) != nil: return .value(.int(Int(text)!))
        case (.builtin(.double), .string(let text)) where Double(text)?.isFinite == true: return .value(.double(Double(text)!))
        case (.named(let path), _):
            let end = behindAliases(.named(path))
            if end != .named(path) { return defaultValue(value, type: end) }
            return context.enumCases[path]?[value].map { .enumCase(Identifier($0)) }
        default: return nil
        }
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
