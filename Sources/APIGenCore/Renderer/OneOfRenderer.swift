/// Prints a `oneOf`/`anyOf` as an enum with associated values. With a discriminator it
/// decodes by the tag; without one it tries each alternative in order and reports why each failed.
struct OneOfRenderer {
    let options: RenderOptions
    private var access: String { options.access }
    let renderNested: (Declaration, [String], inout CodePrinter) -> Void

    func render(_ decl: OneOfDecl, path: [String], into p: inout CodePrinter) {
        p.docs(decl.docs)
        p.block("\(options.isolation)\(access) \(decl.isIndirect ? "indirect " : "")enum \(decl.name): Codable, Hashable, Sendable") { p in
            for c in decl.cases { p.line("case \(c.name)(\(options.spell(c.type)))") }
            if decl.hasUnknownCase {
                p.docs([decl.discriminator != nil ? "A variant this client does not know yet (its discriminator value is new); the JSON is kept as it came."
                    : "A value no alternative accepts (a variant this client does not know yet); the JSON is kept as it came."])
                p.line("case unknown(JSONValue)")
            }
            p.line()
            p.block("\(access) init(from decoder: any Decoder) throws") { p in
                if decl.hasUnknownCase, let discriminator = decl.discriminator {
                    let key = "AnyCodingKey(\(SwiftSpelling.string(discriminator)))"
                    p.line("let container = try decoder.container(keyedBy: AnyCodingKey.self)")
                    p.line("switch try container.decode(String.self, forKey: \(key)) {")
                    for c in decl.cases where !c.tags.isEmpty {
                        p.line("case \(c.tags.map(SwiftSpelling.string).joined(separator: ", ")): self = .\(c.name)(\(decodeExpression(c.type)))")
                    }
                    p.line("default: self = .unknown(try JSONValue(from: decoder))")
                    p.line("}")
                } else {
                    // Every alternative that fits is decoded, and the one that keeps most of the
                    // JSON wins (`UnionMatch`): the first that decodes may be a looser one.
                    p.line("self = try UnionMatch.closest(decoder, [")
                    p.indent()
                    for c in decl.cases {
                        let pins = c.pins.isEmpty ? "[:]" : "[" + c.pins.map { "\(SwiftSpelling.string($0.property)): \(SwiftSpelling.string($0.value))" }.joined(separator: ", ") + "]"
                        p.line("(\(SwiftSpelling.string(c.name)), \(pins), { decoder in .\(c.name)(\(decodeExpression(c.type))) }),")
                    }
                    p.outdent()
                    p.line(decl.hasUnknownCase ? "], unknown: { .unknown($0) })" : "])")
                }
            }
            p.line()
            p.block("\(access) func encode(to encoder: any Encoder) throws") { p in
                p.line("switch self {")
                for c in decl.cases {
                    if c.type.unwrapped == .date {
                        p.line("case .\(c.name)(let value): try ISO8601Date(value).encode(to: encoder)")
                    } else {
                        p.line("case .\(c.name)(let value): try value.encode(to: encoder)")
                    }
                }
                if decl.hasUnknownCase { p.line("case .unknown(let value): try value.encode(to: encoder)") }
                p.line("}")
            }
            for nested in decl.nested {
                p.line()
                renderNested(nested, path, &p)
            }
        }
    }

    private func decodeExpression(_ type: TypeUsage) -> String {
        if type == .date { return "try ISO8601Date(from: decoder).date" }
        return "try \(options.spell(type))(from: decoder)"
    }
}
