/// Prints a generated struct: properties, memberwise init, equality, reading and writing its fields
/// (`FieldCodable`, no `CodingKeys`), validation, and nested types.
struct StructRenderer {
    let options: RenderOptions
    let index: TypeIndex
    private var access: String { options.access }
    let renderNested: (Declaration, [String], inout CodePrinter) -> Void

    func render(_ decl: StructDecl, path: [String], into p: inout CodePrinter) {
        let validates = index.validates(path)
        // The runtime's protocols behind `Codable` and `==` are generated code's own: declared
        // in an SPI extension, so a user sees `Codable, Hashable, Sendable` and nothing else.
        let hidden = ["FieldCodable", "FieldEquatable"] + (validates ? ["Validatable"] : [])
        p.fileScope.append("\(options.spi)\(options.isolation)extension \(qualified(path)): \(hidden.joined(separator: ", ")) {}")
        p.docs(decl.docs)
        p.block("\(options.isolation)\(access) struct \(decl.name): Codable, Hashable, Sendable") { p in
            for property in decl.properties {
                p.docs(property.docs)
                if decl.boxedProperties.contains(property.name) {
                    renderBoxed(property, into: &p)
                } else {
                    p.line("\(access) var \(property.name.swift): \(options.spell(property.type))")
                }
            }
            if let additional = decl.additionalProperties {
                p.docs(["Keys the schema does not list, with their values."])
                p.line("\(access) var additionalProperties: [String: \(options.spell(additional))]")
            }
            if !decl.clearableProperties.isEmpty {
                p.docs(["Wire names of the properties written as `null` while nil (`\(StructDecl.sendingNull)(_:)`).",
                        "Part of `==`: a value that sends `null` encodes differently from one that leaves the key out."])
                // Two underscores: boxed storage is `_` and a property name, which never starts with `_`.
                p.line("private var __nulls: Set<String> = []")
            }
            if !decl.properties.isEmpty || decl.additionalProperties != nil { p.line() }
            renderInit(decl, into: &p)
            p.line()
            // One-line members follow each other; a member that needs a block stands between blank lines.
            var previousWasBlock = false
            let members = [equality(decl, p.indentWidth), decoding(decl, p.indentWidth), encoding(decl, p.indentWidth)]
            for (index, member) in members.enumerated() {
                if index > 0 && (previousWasBlock || member.oneLine == nil) { p.line() }
                if let oneLine = member.oneLine { p.line(oneLine) } else { member.block(&p) }
                previousWasBlock = member.oneLine == nil
            }
            if validates {
                p.line()
                renderValidation(decl, into: &p)
            }
            if !decl.clearableProperties.isEmpty {
                p.line()
                renderSendingNull(decl, into: &p)
            }
            for nested in decl.nested {
                p.line()
                renderNested(nested, path, &p)
            }
        }
    }

    /// The type's full name at the file's top level (`Todos.Meeting.RecordingConfig`).
    private func qualified(_ path: [String]) -> String {
        ((options.namespace.map { [$0] } ?? []) + path).joined(separator: ".")
    }

    /// A member printed on one line when it fits in 120 columns, otherwise as a block.
    struct Member {
        var oneLine: String?
        var block: (inout CodePrinter) -> Void
    }

    /// `header { prefix part, part… suffix }` on one line when it fits (an empty body gives
    /// `header {}`), otherwise `header {`, the lines, `}`. The line is measured before it is built:
    /// most members of large documents do not fit.
    private func member(
        _ header: String, prefix: String = "", _ parts: [String], separator: String = "", suffix: String = "",
        indentWidth: Int, lines: @escaping (inout CodePrinter) -> Void
    ) -> Member {
        if prefix.isEmpty && parts.isEmpty && suffix.isEmpty { return Member(oneLine: "\(header) {}", block: { _ in }) }
        var width = indentWidth + CodePrinter.width(header) + 5 + CodePrinter.width(prefix) + CodePrinter.width(suffix)
        width += CodePrinter.width(separator) * max(0, parts.count - 1)
        for part in parts where width <= 120 { width += CodePrinter.width(part) }
        guard width <= 120 else { return Member(oneLine: nil, block: { p in p.block(header, lines) }) }
        return Member(oneLine: "\(header) { \(prefix)\(parts.joined(separator: separator))\(suffix) }", block: { _ in })
    }

    /// From this many properties on, `_equal` is a `guard` over a condition list instead of one `&&`
    /// chain: each `&&` operand is an autoclosure the compiler type-checks and emits as a closure
    /// of its own, a condition of a list is not (half the compile time of a long `==`, measured;
    /// shorter chains stay one expression, which keeps the output's line count down).
    static let guardedEqualityTerms = 5

    /// `_equal`, which the runtime's `FieldEquatable` makes `==` (see there why a struct does not
    /// declare `==`): every stored property through the runtime's `_same` (see there: it
    /// type-checks in a fraction of the time a synthesized `==` takes). `hash(into:)` stays synthesized.
    private func equality(_ decl: StructDecl, _ indentWidth: Int) -> Member {
        var terms = decl.properties.map { property -> String in
            let name = decl.boxedProperties.contains(property.name) ? storage(property) : property.name.swift
            return "_same(a.\(name), b.\(name))"
        }
        if decl.additionalProperties != nil { terms.append("_same(a.additionalProperties, b.additionalProperties)") }
        if !decl.clearableProperties.isEmpty { terms.append("a.__nulls == b.__nulls") }
        let header = "\(options.spi)\(access) static func _equal(_ a: Self, _ b: Self) -> Bool"
        if terms.count >= Self.guardedEqualityTerms {
            var conditions = terms
            conditions[0] = "guard " + conditions[0]
            conditions[conditions.count - 1] += " else { return false }"
            return Member(oneLine: nil, block: { p in
                p.block(header) { p in
                    p.wrapped(conditions, separator: ", ", continuation: "      ", lineEnd: ",")
                    p.line("return true")
                }
            })
        }
        return member(header, terms.isEmpty ? ["true"] : terms, separator: " && ", indentWidth: indentWidth) { p in
            // Continuation lines are indented once more and start with `&&`.
            p.wrapped(terms, separator: " && ", continuation: "    && ")
        }
    }

    /// `init(_fields:)` of `FieldCodable`: every field read by its wire name and passed to the
    /// memberwise initializer (which boxes what must be boxed).
    private func decoding(_ decl: StructDecl, _ indentWidth: Int) -> Member {
        var arguments = decl.properties.map { property in
            "\(property.name.label): c.\(fieldMethod(property.type, writing: false))(\(SwiftSpelling.string(property.wireName)))"
        }
        if decl.additionalProperties != nil {
            let known = decl.properties.map { SwiftSpelling.string($0.wireName) }.joined(separator: ", ")
            arguments.append("additionalProperties: c.additionalProperties(known: [\(known)])")
        }
        let header = "\(options.spi)\(access) init(_fields c: FieldReader) throws"
        let prefix = arguments.isEmpty ? "self.init()" : "try self.init(", suffix = arguments.isEmpty ? "" : ")"
        return member(header, prefix: prefix, arguments, separator: ", ", suffix: suffix, indentWidth: indentWidth) { p in
            // `try self.init(a: …, b: …,` then continuation lines indented once more, `)` at the end.
            var items = arguments
            items[0] = "try self.init(" + items[0]
            items[items.count - 1] += ")"
            p.wrapped(items, separator: ", ", continuation: "    ", lineEnd: ",")
        }
    }

    /// `_encode(_:)` of `FieldCodable`: one chain of writes, in declaration order. Properties are
    /// read through `self.`, so a property named like the writer (`w`) cannot capture it.
    private func encoding(_ decl: StructDecl, _ indentWidth: Int) -> Member {
        var writes = decl.properties.map { property in
            ".\(fieldMethod(property.type, writing: true, orNull: property.writesNull))(\(SwiftSpelling.string(property.wireName)), self.\(property.name.swift))"
        }
        if decl.additionalProperties != nil { writes.append(".additionalProperties(self.additionalProperties)") }
        let header = "\(options.spi)\(access) func _encode(_ w: FieldWriter) throws"
        let writer = decl.clearableProperties.isEmpty ? "try w" : "try w.sendingNull(self.__nulls)"
        return member(header, prefix: writes.isEmpty ? "" : writer, writes, indentWidth: indentWidth) { p in
            // `try w.a(…).b(…)`, continuation lines indented once more and starting with `.`.
            p.wrapped([writer + writes[0]] + writes.dropFirst(), separator: "", continuation: "    ")
        }
    }

    /// The `FieldReader` / `FieldWriter` method for a property of this type: dates go through the
    /// runtime's ISO 8601 coding and UUIDs are written in lower case; the rest is `required` or
    /// `optional`. Optional types take the `…IfPresent` form, or `…OrNull` when nil is written as
    /// `null` (`orNull`: a required property that may be null).
    private func fieldMethod(_ type: TypeUsage, writing: Bool, orNull: Bool = false) -> String {
        let special: String?
        // Through aliases (`Timestamp = Date`), so an aliased date is coded as a date.
        var resolved = index.resolved(type.unwrapped)
        if case .array(let element) = resolved { resolved = .array(index.resolved(element)) }
        switch resolved {
        case .builtin(.date): special = "date"
        case .array(.builtin(.date)): special = "dates"
        case .builtin(.uuid) where writing: special = "uuid"
        case .array(.builtin(.uuid)) where writing: special = "uuids"
        case let other where containsDate(other): special = "isoDates"   // a map of dates, arrays of arrays…
        default: special = nil
        }
        let writesNull = orNull && writing && type.isOptional
        guard let special else { return writesNull ? "orNull" : type.isOptional ? "optional" : "required" }
        return writesNull ? special + "OrNull" : type.isOptional ? special + "IfPresent" : special
    }

    /// Whether a date is nested in the type (through aliases, arrays, maps and optionals; a
    /// generated struct or enum codes its own).
    private func containsDate(_ type: TypeUsage, depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        switch index.resolved(type) {
        case .builtin(let builtin): return builtin == .date
        case .array(let inner), .dictionary(let inner), .optional(let inner): return containsDate(inner, depth: depth + 1)
        case .named: return false
        }
    }

    /// The enum of the nullable optional properties and the method that sends them as `null`:
    /// nil alone stays "leave it out", so reading and building values needs no double optional.
    private func renderSendingNull(_ decl: StructDecl, into p: inout CodePrinter) {
        let clearable = decl.clearableProperties
        p.docs(["A property that `\(StructDecl.sendingNull)(_:)` can write as `null`."])
        p.block("\(access) enum \(StructDecl.nullableFieldType): Sendable") { p in
            for property in clearable { p.line("case \(property.name.swift)") }
        }
        p.line()
        p.docs([
            "A copy with these properties set to nil and written as `null` instead of left out: how an",
            "update (a `PATCH`) clears a field. A value set later is written as the value.",
        ])
        p.block("\(access) func \(StructDecl.sendingNull)(_ fields: \(StructDecl.nullableFieldType)...) -> Self") { p in
            p.line("var copy = self")
            p.block("for field in fields") { p in
                p.line("switch field {")
                for property in clearable {
                    p.line("case .\(property.name.swift): copy.\(property.name.swift) = nil; copy.__nulls.insert(\(SwiftSpelling.string(property.wireName)))")
                }
                p.line("}")
            }
            p.line("return copy")
        }
    }

    /// The stored name of a boxed property: `_parent`.
    /// `_` followed by a letter is a spelling the naming stage never hands out, so it cannot clash.
    private func storage(_ property: PropertyDecl) -> String { "_" + property.name.name }

    /// A property whose type contains this struct: a computed property over a `Box`.
    private func renderBoxed(_ property: PropertyDecl, into p: inout CodePrinter) {
        let optional = property.type.isOptional
        let wrapped = options.spell(property.type.unwrapped)
        p.block("\(access) var \(property.name.swift): \(options.spell(property.type))") { p in
            p.line(optional ? "get { self.\(storage(property))?.value }" : "get { self.\(storage(property)).value }")
            p.line(optional ? "set { self.\(storage(property)) = newValue.map(Box.init) }" : "set { self.\(storage(property)) = Box(newValue) }")
        }
        p.line("private var \(storage(property)): Box<\(wrapped)>\(optional ? "?" : "")")
    }

    /// `self.x = x`, or the boxed form.
    private func assignment(_ property: PropertyDecl, value: String, in decl: StructDecl) -> String {
        guard decl.boxedProperties.contains(property.name) else { return "self.\(property.name.swift) = \(value)" }
        return property.type.isOptional ? "self.\(storage(property)) = \(value).map(Box.init)" : "self.\(storage(property)) = Box(\(value))"
    }

    private func renderInit(_ decl: StructDecl, into p: inout CodePrinter) {
        var params = decl.properties.map { property -> String in
            "\(property.name.swift): \(options.spell(property.type))" + (property.defaultValue.map { " = " + SwiftSpelling.defaultValue($0) } ?? "")
        }
        if let additional = decl.additionalProperties {
            params.append("additionalProperties: [String: \(options.spell(additional))] = [:]")
        }
        let oneLine = "\(access) init(\(params.joined(separator: ", ")))"
        let header = params.isEmpty ? "\(access) init()" : CodePrinter.width(oneLine) + 8 <= 120 ? oneLine : nil
        if let header {
            p.block(header) { p in assignments(decl, into: &p) }
        } else {
            // Parameters packed to the width, as few lines as fit (large documents have thousands
            // of initializers; one parameter per line would double their length).
            p.line("\(access) init(")
            p.indent()
            p.wrapped(params, separator: ", ", continuation: "", lineEnd: ",")
            p.outdent()
            p.block(")") { p in assignments(decl, into: &p) }
        }
    }

    private func assignments(_ decl: StructDecl, into p: inout CodePrinter) {
        for property in decl.properties { p.line(assignment(property, value: property.name.swift, in: decl)) }
        if decl.additionalProperties != nil { p.line("self.additionalProperties = additionalProperties") }
    }

    private func renderValidation(_ decl: StructDecl, into p: inout CodePrinter) {
        p.block("\(options.spi)\(access) func validate(path: String) throws") { p in
            for property in decl.properties {
                let name = "path + \(SwiftSpelling.string("." + property.name.name))"
                if let call = ValidationCalls.call(value: "self." + property.name.swift, name: name, type: property.type, constraints: property.constraints, index: index, checkEnums: false) {
                    p.line(call)
                }
            }
        }
    }
}

/// The `Validation.check…` call for one value, or nil when there is nothing to check.
enum ValidationCalls {
    static func call(value: String, name: String, type: TypeUsage, constraints c: Constraints, index: TypeIndex, checkEnums: Bool) -> String? {
        let resolved = index.resolved(type).unwrapped
        if index.needsValidation(resolved) { return "try Validation.check(\(value), name: \(name))" }
        if checkEnums {
            if index.isEnum(resolved) { return "try Validation.checkKnown(\(value), name: \(name))" }
            if case .array(let element) = resolved, index.isEnum(element) { return "try Validation.checkKnown(\(value), name: \(name))" }
        }
        guard !c.isEmpty else { return nil }
        var args: [String] = []
        switch resolved {
        case .builtin(.string):
            if let v = c.minLength { args.append("minLength: \(v)") }
            if let v = c.maxLength { args.append("maxLength: \(v)") }
            if let v = c.pattern { args.append("pattern: \(SwiftSpelling.string(v))") }
        case .builtin(.int), .builtin(.double):
            if let v = c.minimum { args.append("minimum: \(formatNumber(v))") }
            if let v = c.maximum { args.append("maximum: \(formatNumber(v))") }
            if c.minimum != nil && c.exclusiveMinimum { args.append("exclusiveMinimum: true") }
            if c.maximum != nil && c.exclusiveMaximum { args.append("exclusiveMaximum: true") }
        case .array:
            if let v = c.minItems { args.append("minItems: \(v)") }
            if let v = c.maxItems { args.append("maxItems: \(v)") }
        default:
            return nil
        }
        guard !args.isEmpty else { return nil }
        return "try Validation.check(\(value), name: \(name), \(args.joined(separator: ", ")))"
    }
}
