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
                p.docs(["A variant this client does not know yet (its discriminator value is new); the JSON is kept as it came."])
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
                    p.line("var failures: [String] = []")
                    for c in decl.cases {
                        p.block("do") { p in
                            p.line("self = .\(c.name)(\(decodeExpression(c.type)))")
                            p.line("return")
                        }
                        p.block("catch") { p in
                            p.line("failures.append(\"\(c.name): \\(error)\")")
                        }
                    }
                    p.line("throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: \"no alternative of \(decl.name) matched: \" + failures.joined(separator: \"; \")))")
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
