/// Prints an open enum: the known cases, `unknown(raw)`, and its raw-value plumbing.
struct EnumRenderer {
    let options: RenderOptions
    private var access: String { options.access }

    func render(_ decl: EnumDecl, into p: inout CodePrinter) {
        p.docs(decl.docs)
        p.block("\(options.isolation)\(access) enum \(decl.name): OpenEnum") { p in
            p.packed("case ", decl.cases.map(\.name))
            p.docs(["A value this client does not know yet; the raw value is kept."])
            p.line("case unknown(\(decl.rawType))")
            p.line()
            p.block("\(access) init(rawValue: \(decl.rawType))") { p in
                p.line("switch rawValue {")
                for c in decl.cases { p.line("case \(c.literal): self = .\(c.name)") }
                // A Bool enum listing both values is exhaustive: a default would never run.
                let exhaustive = decl.rawType == "Bool" && Set(decl.cases.map(\.literal)) == ["true", "false"]
                if !exhaustive { p.line("default: self = .unknown(rawValue)") }
                p.line("}")
            }
            p.line()
            p.block("\(access) var rawValue: \(decl.rawType)") { p in
                p.line("switch self {")
                for c in decl.cases { p.line("case .\(c.name): \(c.literal)") }
                p.line("case .unknown(let value): value")
                p.line("}")
            }
            p.line()
            p.line("\(access) static var allCases: [Self] { [\(decl.cases.map { "." + $0.name }.joined(separator: ", "))] }")
        }
    }
}
