/// Prints a `oneOf`/`anyOf` as an enum with associated values. With a discriminator it
/// decodes by the tag; without one it tries each alternative in order and reports why each failed.
struct OneOfRenderer {
    let options: RenderOptions
    /// Sees through aliases: an alternative `Bytes` (`typealias Bytes = Data`) is written as
    /// `Data` is, not by `Data`'s own `Codable`.
    let index: TypeIndex
    private var access: String { options.access }
    let renderNested: (Declaration, [String], inout CodePrinter) -> Void

    func render(_ decl: OneOfDecl, path: [String], into p: inout CodePrinter) {
        p.docs(decl.docs)
        p.block("\(options.isolation)\(access) \(decl.isIndirect ? "indirect " : "")enum \(decl.name): Codable, Hashable, Sendable") { p in
            for c in decl.cases { p.line("case \(c.name.swift)(\(options.spell(c.type)))") }
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
                        p.line("case \(c.tags.map(SwiftSpelling.string).joined(separator: ", ")): self = .\(c.name.swift)(\(decodeExpression(c.type)))")
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
                        p.line("(\(SwiftSpelling.string(c.name.name)), \(pins), { decoder in .\(c.name.swift)(\(decodeExpression(c.type))) }),")
                    }
                    p.outdent()
                    p.line(decl.hasUnknownCase ? "], unknown: { .unknown($0) })" : "])")
                }
            }
            p.line()
            p.block("\(access) func encode(to encoder: any Encoder) throws") { p in
                p.line("switch self {")
                for c in decl.cases {
                    let resolved = index.resolved(c.type)
                    if resolved.unwrapped == .date {
                        p.line("case .\(c.name.swift)(let value): try ISO8601Date(value).encode(to: encoder)")
                    } else if resolved == .builtin(.data) {
                        // Through a container, so the coder's data strategy (base64) applies.
                        p.line("case .\(c.name.swift)(let value): var container = encoder.singleValueContainer(); try container.encode(value)")
                    } else {
                        p.line("case .\(c.name.swift)(let value): try value.encode(to: encoder)")
                    }
                }
                if decl.hasUnknownCase { p.line("case .unknown(let value): try value.encode(to: encoder)") }
                p.line("}")
            }
            if !decl.webhooks.isEmpty { renderWebhookEntryPoints(decl, into: &p) }
            for nested in decl.nested {
                p.line()
                renderNested(nested, path, &p)
            }
        }
    }

    /// The `Webhook` enum's entry points: by the webhook's name (a receiver's route says it),
    /// or by the request alone (a fixed header, else the JSON).
    private func renderWebhookEntryPoints(_ decl: OneOfDecl, into p: inout CodePrinter) {
        func decoding(_ entry: OneOfDecl.WebhookEntry) -> String {
            entry.type.unwrapped == .date
                ? ".\(entry.caseName.swift)(try JSONCoding.decode(ISO8601Date.self, from: body).date)"
                : ".\(entry.caseName.swift)(try JSONCoding.decode(\(options.spell(entry.type)).self, from: body))"
        }
        p.line()
        p.docs(["The webhooks of the document, each as its name and method."])
        let names = decl.webhooks.map { "(\(SwiftSpelling.string($0.name)), \(SwiftSpelling.string($0.method)))" }
        p.line("\(access) static let webhookNames: [(name: String, method: String)] = [\(names.joined(separator: ", "))]")
        p.line()
        p.docs(["Decodes the body of `webhook` (its name in the document) sent with `method`;",
                "a webhook the document does not declare is kept as its JSON, `.unknown`."])
        p.block("\(access) static func decode(webhook: String, method: String = \"POST\", body: Data) throws -> \(decl.name)") { p in
            p.line("switch (webhook, method.uppercased()) {")
            for entry in decl.webhooks {
                p.line("case (\(SwiftSpelling.string(entry.name)), \(SwiftSpelling.string(entry.method.uppercased()))): return \(decoding(entry))")
            }
            p.line("default: return .unknown(try JSONCoding.decode(JSONValue.self, from: body))")
            p.line("}")
        }
        p.line()
        p.docs(["Decodes a webhook request by what it carries: a header whose value the document fixes",
                "for one webhook, else the JSON (the payload type that keeps most of it); a body no",
                "payload type accepts is kept as its JSON, `.unknown`. Header names match in any case."])
        p.block("\(access) static func decode(body: Data, headers: [String: String] = [:]) throws -> \(decl.name)") { p in
            let selected = decl.webhooks.filter { !$0.headers.isEmpty }
            for entry in selected {
                let test = entry.headers.map { "headers.headerValue(\(SwiftSpelling.string($0.name))) == \(SwiftSpelling.string($0.value))" }.joined(separator: " && ")
                p.line("if \(test) { return \(decoding(entry)) }")
            }
            p.line("return try JSONCoding.decode(\(decl.name).self, from: body)")
        }
    }

    private func decodeExpression(_ type: TypeUsage) -> String {
        let resolved = index.resolved(type)
        if resolved == .date { return "try ISO8601Date(from: decoder).date" }
        // `Data(from:)` would read an array of numbers: the coder's strategy reads base64 text.
        if resolved == .builtin(.data) { return "try decoder.singleValueContainer().decode(Data.self)" }
        return "try \(options.spell(type))(from: decoder)"
    }
}
