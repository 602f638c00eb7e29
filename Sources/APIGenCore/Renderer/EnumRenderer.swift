/// Prints an open enum: the known cases, `unknown(raw)`, its raw values and `allCases`
/// (`init(rawValue:)` comes from `OpenEnum`).
struct EnumRenderer {
    let options: RenderOptions
    private var access: String { options.access }

    func render(_ decl: EnumDecl, path: [String], into p: inout CodePrinter) {
        // Sent as a parameter through the runtime's SPI protocol, which a user does not see.
        let name = ((options.namespace.map { [$0] } ?? []) + path).joined(separator: ".")
        p.fileScope.append("\(options.spi)\(options.isolation)extension \(name): ParameterValue {}")
        p.docs(decl.docs)
        p.block("\(options.isolation)\(access) enum \(decl.name): OpenEnum") { p in
            p.packed("case ", decl.cases.map(\.name.swift))
            p.docs(["A value this client does not know yet; the raw value is kept."])
            p.line("case unknown(\(SwiftSpelling.swiftName(decl.rawType)))")
            p.line()
            p.block("\(access) var rawValue: \(SwiftSpelling.swiftName(decl.rawType))") { p in
                p.line("switch self {")
                for c in decl.cases { p.line("case \(c.name.member): \(SwiftSpelling.literal(c.value, rawType: decl.rawType))") }
                p.line("case .unknown(let value): value")
                p.line("}")
            }
            if decl.rawType == .jsonValue {
                // Coded as the raw JSON, as the standard library codes `String` and `Int` raw
                // values (Swift would otherwise synthesize a keyed form for `unknown`).
                p.line()
                p.block("\(access) init(from decoder: any Decoder) throws") { p in p.line("self.init(rawValue: try JSONValue(from: decoder))") }
                p.line()
                p.block("\(access) func encode(to encoder: any Encoder) throws") { p in p.line("try rawValue.encode(to: encoder)") }
            }
            p.line()
            // Stored, not computed: `init(rawValue:)` (from `OpenEnum`) walks it on every decode.
            p.line("\(access) static let allCases: [Self] = [\(decl.cases.map { $0.name.member }.joined(separator: ", "))]")
        }
    }
}
