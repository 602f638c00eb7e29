/// Doc comments, constraints, example checks, defaults and literal text.
extension TypeTranslator {
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
            context.warning("example '\(Self.display(example))' \(problem): the schema contradicts its own example", at: source.location)
        }
    }

    /// Types a `default` can be written for: text, numbers, booleans and enums.
    func isSimple(_ type: TypeUsage) -> Bool {
        switch type.unwrapped {
        case .builtin(let name): ["String", "Int", "Double", "Bool"].contains(name)
        case .named(let path): context.enumCases.contains(path)
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
            guard let caseName = context.enumCases[path]?[value] else { return nil }
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
