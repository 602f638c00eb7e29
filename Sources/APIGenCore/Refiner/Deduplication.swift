/// Real documents repeat the same inline schema in many places (Cloudflare's envelopes repeat
/// `meta`, `result_info`, `success`… hundreds of times). A nested type that is identical to an
/// earlier one — same members, docs and nested types — becomes `typealias Name = First.Path`,
/// so every name users see still works while the code exists once.
enum Deduplication {
    static func apply(_ module: inout ModuleDecl) {
        var firsts = Firsts()
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

    /// The first copy of each shape seen so far, by a hash of the shape's structure (names and
    /// types, not docs): a hash is cheap to compute for every nested type, and only types that
    /// share one are compared in full, through their canonical form (built once for a first copy).
    private struct Firsts {
        struct Entry {
            var path: [String]
            var decl: Declaration
            var canonical: Declaration?
        }

        private var buckets: [Int: [Entry]] = [:]

        mutating func first(matching decl: Declaration, path: [String], hash: Int) -> [String]? {
            guard var entries = buckets[hash] else { return nil }
            let shape = canonical(decl, path: path)
            defer { buckets[hash] = entries }
            for i in entries.indices {
                if entries[i].canonical == nil { entries[i].canonical = canonical(entries[i].decl, path: entries[i].path) }
                if entries[i].canonical == shape { return entries[i].path }
            }
            return nil
        }

        mutating func insert(_ decl: Declaration, path: [String], hash: Int) {
            buckets[hash, default: []].append(Entry(path: path, decl: decl))
        }
    }

    private static func dedupe(_ decl: Declaration, parent: [String], firsts: inout Firsts) -> Declaration {
        let path = parent + [decl.name]
        if case .alias = decl { return decl }
        let hash = structureHash(decl, path: path)
        if let first = firsts.first(matching: decl, path: path, hash: hash) {
            return .alias(AliasDecl(name: decl.name, docs: [], target: .named(first)))
        }
        firsts.insert(decl, path: path, hash: hash)
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

    /// A hash that two declarations with equal canonical forms share: names, wire names and
    /// types (references into the declaration taken relative to `path`), without building the
    /// canonical form and without docs.
    static func structureHash(_ decl: Declaration, path: [String]) -> Int {
        var hasher = Hasher()
        func type(_ usage: TypeUsage) {
            switch usage {
            case .builtin(let name):
                hasher.combine(0 as UInt8)
                hasher.combine(name)
            case .named(let p):
                let names = p.starts(with: path) ? p.dropFirst(path.count) : p[...]
                hasher.combine(names.count == p.count ? 2 as UInt8 : 1 as UInt8)
                hasher.combine(names.count)
                for name in names { hasher.combine(name) }
            case .array(let t):
                hasher.combine(3 as UInt8)
                type(t)
            case .dictionary(let t):
                hasher.combine(4 as UInt8)
                type(t)
            case .optional(let t):
                hasher.combine(5 as UInt8)
                type(t)
            }
        }
        func walk(_ decl: Declaration, isRoot: Bool) {
            if !isRoot { hasher.combine(decl.name) }
            switch decl {
            case .structure(let s):
                hasher.combine(10 as UInt8)
                hasher.combine(s.properties.count)
                for p in s.properties {
                    hasher.combine(p.wireName)
                    type(p.type)
                }
                if let extra = s.additionalProperties { type(extra) }
                hasher.combine(s.nested.count)
                for n in s.nested { walk(n, isRoot: false) }
            case .enumeration(let e):
                hasher.combine(11 as UInt8)
                hasher.combine(e.cases.count)
                for c in e.cases { hasher.combine(c.value) }
            case .oneOf(let o):
                hasher.combine(12 as UInt8)
                hasher.combine(o.cases.count)
                for c in o.cases { type(c.type) }
                hasher.combine(o.nested.count)
                for n in o.nested { walk(n, isRoot: false) }
            case .alias(let a):
                hasher.combine(13 as UInt8)
                type(a.target)
            }
        }
        walk(decl, isRoot: true)
        return hasher.finalize()
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
