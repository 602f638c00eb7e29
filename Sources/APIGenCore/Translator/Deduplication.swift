/// Real documents repeat the same inline schema in many places (Cloudflare's envelopes repeat
/// `meta`, `result_info`, `success`… hundreds of times). A nested type that is identical to an
/// earlier one — same members, docs and nested types — becomes `typealias Name = First.Path`,
/// so every name users see still works while the code exists once.
enum Deduplication {
    static func apply(_ module: inout ModuleDecl) {
        var firsts: [Declaration: [String]] = [:]
        module.types = module.types.map { decl in
            guard case .structure(var s) = decl else {
                if case .oneOf(var o) = decl {
                    o.nested = o.nested.map { dedupe($0, parent: [o.name], firsts: &firsts) }
                    return .oneOf(o)
                }
                return decl
            }
            s.nested = s.nested.map { dedupe($0, parent: [s.name], firsts: &firsts) }
            return .structure(s)
        }
    }

    private static func dedupe(_ decl: Declaration, parent: [String], firsts: inout [Declaration: [String]]) -> Declaration {
        let path = parent + [decl.name]
        if case .alias = decl { return decl }
        let shape = canonical(decl, path: path)
        if let first = firsts[shape] {
            return .alias(AliasDecl(name: decl.name, docs: [], target: .named(first)))
        }
        firsts[shape] = path
        switch decl {
        case .structure(var s):
            s.nested = s.nested.map { dedupe($0, parent: path, firsts: &firsts) }
            return .structure(s)
        case .oneOf(var o):
            o.nested = o.nested.map { dedupe($0, parent: path, firsts: &firsts) }
            return .oneOf(o)
        default:
            return decl
        }
    }

    /// The declaration with its name blanked and references into itself made relative, so two
    /// copies at different places compare equal.
    static func canonical(_ decl: Declaration, path: [String]) -> Declaration {
        func relative(_ type: TypeUsage) -> TypeUsage {
            switch type {
            case .named(let p) where p.starts(with: path): .named(["_"] + p.dropFirst(path.count))
            case .array(let t): .array(relative(t))
            case .dictionary(let t): .dictionary(relative(t))
            case .optional(let t): .optional(relative(t))
            default: type
            }
        }
        func walk(_ decl: Declaration, blankName: Bool) -> Declaration {
            switch decl {
            case .structure(var s):
                if blankName { s.name = "_" }
                for i in s.properties.indices { s.properties[i].type = relative(s.properties[i].type) }
                s.additionalProperties = s.additionalProperties.map(relative)
                s.nested = s.nested.map { walk($0, blankName: false) }
                return .structure(s)
            case .enumeration(var e):
                if blankName { e.name = "_" }
                return .enumeration(e)
            case .oneOf(var o):
                if blankName { o.name = "_" }
                for i in o.cases.indices { o.cases[i].type = relative(o.cases[i].type) }
                o.nested = o.nested.map { walk($0, blankName: false) }
                return .oneOf(o)
            case .alias(var a):
                if blankName { a.name = "_" }
                a.target = relative(a.target)
                return .alias(a)
            }
        }
        return walk(decl, blankName: true)
    }
}
