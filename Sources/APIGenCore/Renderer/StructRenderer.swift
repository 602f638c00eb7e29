/// Prints a generated struct: properties, memberwise init, coding keys, custom coding when
/// dates or extra properties need it, validation, and nested types.
struct StructRenderer {
    let options: RenderOptions
    let index: TypeIndex
    private var access: String { options.access }
    let renderNested: (Declaration, [String], inout CodePrinter) -> Void

    func render(_ decl: StructDecl, path: [String], into p: inout CodePrinter) {
        let validates = index.validatable.contains(path)
        var conformances = ["Codable", "Hashable", "Sendable"]
        if validates { conformances.append("Validatable") }
        p.docs(decl.docs)
        p.block("\(options.isolation)\(access) struct \(decl.name): \(conformances.joined(separator: ", "))") { p in
            for property in decl.properties {
                p.docs(property.docs)
                if decl.boxedProperties.contains(property.name) {
                    renderBoxed(property, into: &p)
                } else {
                    p.line("\(access) var \(property.name): \(options.spell(property.type))")
                }
            }
            if let additional = decl.additionalProperties {
                p.docs(["Keys the schema does not list, with their values."])
                p.line("\(access) var additionalProperties: [String: \(options.spell(additional))]")
            }
            if !decl.properties.isEmpty || decl.additionalProperties != nil { p.line() }
            renderInit(decl, into: &p)
            p.line()
            renderEquality(decl, into: &p)
            if !decl.properties.isEmpty {
                p.line()
                let keys = decl.properties.map { property in
                    let bare = SwiftNaming.unescaped(property.name)
                    return bare == property.wireName ? property.name : "\(property.name) = \(SwiftSpelling.string(property.wireName))"
                }
                let oneLine = "enum CodingKeys: String, CodingKey { case \(keys.joined(separator: ", ")) }"
                if p.indentWidth + oneLine.count <= 120 {
                    p.line(oneLine)
                } else {
                    p.block("enum CodingKeys: String, CodingKey") { p in p.packed("case ", keys) }
                }
            }
            if decl.needsCustomCoding {
                p.line()
                renderDecoding(decl, into: &p)
                p.line()
                renderEncoding(decl, into: &p)
            }
            if validates {
                p.line()
                renderValidation(decl, into: &p)
            }
            for nested in decl.nested {
                p.line()
                renderNested(nested, path, &p)
            }
        }
    }

    /// `==` over every stored property through the runtime's `_same` (see there: it type-checks
    /// in a fraction of the time a synthesized `==` takes). `hash(into:)` stays synthesized.
    private func renderEquality(_ decl: StructDecl, into p: inout CodePrinter) {
        var terms = decl.properties.map { property -> String in
            let name = decl.boxedProperties.contains(property.name) ? storage(property) : property.name
            // A property named `hashValue` is ambiguous with Hashable's: say which one.
            if name == "hashValue" { return "_same(a.hashValue as \(options.spell(property.type)), b.hashValue)" }
            return "_same(a.\(name), b.\(name))"
        }
        if decl.additionalProperties != nil { terms.append("_same(a.additionalProperties, b.additionalProperties)") }
        let header = "\(access) static func == (a: Self, b: Self) -> Bool"
        let oneLine = "\(header) { \(terms.isEmpty ? "true" : terms.joined(separator: " && ")) }"
        if p.indentWidth + oneLine.count <= 120 {
            p.line(oneLine)
            return
        }
        p.block(header) { p in
            // Wrapped at 120 columns; continuation lines are indented once more and start with `&&`.
            var current = ""
            for term in terms {
                if current.isEmpty {
                    current = term
                } else if p.indentWidth + current.count + 4 + term.count <= 120 {
                    current += " && " + term
                } else {
                    p.line(current)
                    current = "    && " + term
                }
            }
            p.line(current)
        }
    }

    /// The stored name of a boxed property: `_parent`.
    private func storage(_ property: PropertyDecl) -> String { "_" + SwiftNaming.unescaped(property.name) }

    /// A property whose type contains this struct: a computed property over a `Box`.
    private func renderBoxed(_ property: PropertyDecl, into p: inout CodePrinter) {
        let optional = property.type.isOptional
        let wrapped = options.spell(property.type.unwrapped)
        p.block("\(access) var \(property.name): \(options.spell(property.type))") { p in
            p.line(optional ? "get { \(storage(property))?.value }" : "get { \(storage(property)).value }")
            p.line(optional ? "set { \(storage(property)) = newValue.map(Box.init) }" : "set { \(storage(property)) = Box(newValue) }")
        }
        p.line("private var \(storage(property)): Box<\(wrapped)>\(optional ? "?" : "")")
    }

    /// `self.x = x`, or the boxed form.
    private func assignment(_ property: PropertyDecl, value: String, in decl: StructDecl) -> String {
        guard decl.boxedProperties.contains(property.name) else { return "self.\(property.name) = \(value)" }
        return property.type.isOptional ? "\(storage(property)) = \(value).map(Box.init)" : "\(storage(property)) = Box(\(value))"
    }

    private func renderInit(_ decl: StructDecl, into p: inout CodePrinter) {
        var params = decl.properties.map { property -> String in
            "\(property.name): \(options.spell(property.type))" + (property.defaultValue.map { " = \($0)" } ?? "")
        }
        if let additional = decl.additionalProperties {
            params.append("additionalProperties: [String: \(options.spell(additional))] = [:]")
        }
        let oneLine = "\(access) init(\(params.joined(separator: ", ")))"
        let header = params.isEmpty ? "\(access) init()" : oneLine.count + 8 <= 120 ? oneLine : nil
        if let header {
            p.block(header) { p in assignments(decl, into: &p) }
        } else {
            // Parameters packed to the width, as few lines as fit (large documents have thousands
            // of initializers; one parameter per line would double their length).
            p.line("\(access) init(")
            p.indent()
            var current = ""
            for param in params {
                if current.isEmpty {
                    current = param
                } else if p.indentWidth + current.count + 2 + param.count + 1 <= 120 {
                    current += ", " + param
                } else {
                    p.line(current + ",")
                    current = param
                }
            }
            p.line(current)
            p.outdent()
            p.block(")") { p in assignments(decl, into: &p) }
        }
    }

    private func assignments(_ decl: StructDecl, into p: inout CodePrinter) {
        for property in decl.properties { p.line(assignment(property, value: property.name, in: decl)) }
        if decl.additionalProperties != nil { p.line("self.additionalProperties = additionalProperties") }
    }

    private func renderDecoding(_ decl: StructDecl, into p: inout CodePrinter) {
        p.block("\(access) init(from decoder: any Decoder) throws") { p in
            if !decl.properties.isEmpty {
                p.line("let container = try decoder.container(keyedBy: CodingKeys.self)")
            }
            for property in decl.properties {
                let key = SwiftSpelling.member(property.name)
                let optional = property.type.isOptional
                let base = property.type.unwrapped
                let value: String
                switch base {
                case .builtin("Date"):
                    value = "try container.decodeDate\(optional ? "IfPresent" : "")(forKey: \(key))"
                case .array(.builtin("Date")):
                    value = "try container.decodeDates\(optional ? "IfPresent" : "")(forKey: \(key))"
                default:
                    value = "try container.decode\(optional ? "IfPresent" : "")(\(options.spell(base)).self, forKey: \(key))"
                }
                if decl.boxedProperties.contains(property.name) {
                    p.line(optional ? "\(storage(property)) = \(value).map(Box.init)" : "\(storage(property)) = Box(\(value))")
                } else {
                    p.line("\(property.name) = \(value)")
                }
            }
            if let additional = decl.additionalProperties {
                let known = decl.properties.map { SwiftSpelling.string($0.wireName) }.joined(separator: ", ")
                p.line("let extra = try decoder.container(keyedBy: AnyCodingKey.self)")
                p.line("additionalProperties = try extra.decodeAdditionalProperties(\(options.spell(additional)).self, known: [\(known)])")
            }
        }
    }

    private func renderEncoding(_ decl: StructDecl, into p: inout CodePrinter) {
        p.block("\(access) func encode(to encoder: any Encoder) throws") { p in
            if !decl.properties.isEmpty {
                p.line("var container = encoder.container(keyedBy: CodingKeys.self)")
            }
            for property in decl.properties {
                let key = SwiftSpelling.member(property.name)
                let optional = property.type.isOptional
                switch property.type.unwrapped {
                case .builtin("Date"):
                    p.line("try container.encodeDate\(optional ? "IfPresent" : "")(\(property.name), forKey: \(key))")
                case .array(.builtin("Date")):
                    p.line("try container.encodeDates\(optional ? "IfPresent" : "")(\(property.name), forKey: \(key))")
                case .builtin("UUID"):
                    p.line("try container.encodeUUID\(optional ? "IfPresent" : "")(\(property.name), forKey: \(key))")
                case .array(.builtin("UUID")):
                    p.line("try container.encodeUUIDs\(optional ? "IfPresent" : "")(\(property.name), forKey: \(key))")
                default:
                    p.line("try container.encode\(optional ? "IfPresent" : "")(\(property.name), forKey: \(key))")
                }
            }
            if decl.additionalProperties != nil {
                p.line("var extra = encoder.container(keyedBy: AnyCodingKey.self)")
                p.line("try extra.encodeAdditionalProperties(additionalProperties)")
            }
        }
    }

    private func renderValidation(_ decl: StructDecl, into p: inout CodePrinter) {
        p.block("\(access) func validate(path: String) throws") { p in
            for property in decl.properties {
                let name = "path + \(SwiftSpelling.string("." + SwiftNaming.unescaped(property.name)))"
                if let call = ValidationCalls.call(value: property.name, name: name, type: property.type, constraints: property.constraints, index: index, checkEnums: false) {
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
        case .builtin("String"):
            if let v = c.minLength { args.append("minLength: \(v)") }
            if let v = c.maxLength { args.append("maxLength: \(v)") }
            if let v = c.pattern { args.append("pattern: \(SwiftSpelling.string(v))") }
        case .builtin("Int"), .builtin("Double"):
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
