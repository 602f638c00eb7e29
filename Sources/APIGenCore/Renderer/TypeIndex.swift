/// Looks up generated declarations by path, and knows which types validate themselves.
struct TypeIndex: Sendable {
    enum Kind { case structure, enumeration, oneOf, alias }

    /// By declaration id (`DeclarationIndex`).
    private struct Entry: Sendable {
        var kind: Kind
        /// What an alias stands for: the end of its chain.
        var target: TypeUsage?
        /// For a struct: its position in `validates`.
        var structID = -1
    }

    private let declarations: DeclarationIndex
    private var entries: [Entry] = []
    /// By struct id: whether the struct gets a `validate(path:)` (it or something inside it has
    /// constraints).
    private var validates: [Bool] = []

    /// The struct at `path`, through typealiases.
    func structDecl(at path: [String]) -> StructDecl? { declarations.structDecl(at: path) }

    /// The cases of the `oneOf` enum at `path`.
    func oneOfCases(at path: [String]) -> [OneOfDecl.Case]? {
        guard case .oneOf(let decl)? = declarations.declaration(at: path) else { return nil }
        return decl.cases
    }

    init(_ module: ModuleDecl) {
        declarations = DeclarationIndex(module.types)
        var properties: [[PropertyDecl]] = []
        entries = declarations.entries.map { entry in
            switch entry.declaration {
            case .structure(let s):
                properties.append(s.properties)
                return Entry(kind: .structure, structID: properties.count - 1)
            case .enumeration: return Entry(kind: .enumeration)
            case .oneOf: return Entry(kind: .oneOf)
            case .alias(let a): return Entry(kind: .alias, target: a.target)
            }
        }
        collapseAliasChains()
        // A struct validates when a property has constraints it can check, or holds (directly
        // or in an array) a struct that validates. Structs with checks of their own come first;
        // then validation spreads to the structs that hold them, each struct handled once.
        validates = [Bool](repeating: false, count: properties.count)
        var holders = [[Int]](repeating: [], count: properties.count)
        var work: [Int] = []
        for id in properties.indices {
            var checksItself = false
            for i in properties[id].indices {
                let type = properties[id][i].type
                let (resolved, entry) = resolve(type)
                if !checksItself && !properties[id][i].constraints.isEmpty && Self.checkable(resolved) { checksItself = true }
                if let held = heldStruct(resolved, entry) { holders[held].append(id) }
            }
            if checksItself { work.append(id) }
        }
        while let id = work.popLast() {
            guard !validates[id] else { continue }
            validates[id] = true
            work.append(contentsOf: holders[id])
        }
    }

    /// Whether a top-level type has this name (a member type of `Client` so named would hide it).
    func hasTopLevelType(_ name: String) -> Bool {
        declarations.id(at: [name]) != nil
    }

    private func entry(_ path: [String]) -> Entry? {
        declarations.id(at: path).map { entries[$0] }
    }

    /// The struct a value of this (resolved) type holds directly or as array elements, if any.
    private func heldStruct(_ resolved: TypeUsage, _ entry: Entry?) -> Int? {
        var (current, entry) = (resolved, entry)
        // Arrays of arrays, each step possibly through an alias: bounded, since aliases that
        // contain themselves (`A = [A]`, which the translator breaks) must not loop here either.
        for _ in 0...(entries.count + 256) {
            switch current.unwrapped {
            case .named: return entry.flatMap { $0.kind == .structure ? $0.structID : nil }
            case .array(let element): (current, entry) = resolve(element)
            default: return nil
            }
        }
        return nil
    }

    /// Points every alias at the end of its chain (`DeclarationIndex.aliasEnd`), so a lookup
    /// takes one hop. A chain that comes back on itself (which the translator reports) stays as
    /// written.
    private mutating func collapseAliasChains() {
        for id in entries.indices where entries[id].kind == .alias {
            if let end = declarations.aliasEnd(id) { entries[id].target = end }
        }
    }

    /// The type behind aliases, and the declaration it names (nil for other types).
    private func resolve(_ type: TypeUsage) -> (TypeUsage, Entry?) {
        guard case .named(let path) = type.unwrapped, let entry = self.entry(path) else { return (type, nil) }
        guard entry.kind == .alias, let target = entry.target else { return (type, entry) }
        let resolved = type.isOptional ? target.optional : target
        guard case .named(let end) = resolved.unwrapped, let endEntry = self.entry(end) else { return (resolved, nil) }
        return (resolved, endEntry.kind == .alias ? nil : endEntry)
    }

    /// The type behind aliases.
    func resolved(_ type: TypeUsage) -> TypeUsage {
        resolve(type).0
    }

    /// Whether the struct at `path` gets a `validate(path:)`.
    func validates(_ path: [String]) -> Bool {
        guard let entry = self.entry(path), entry.kind == .structure else { return false }
        return validates[entry.structID]
    }

    func kind(of type: TypeUsage) -> Kind? {
        resolve(type).1?.kind
    }

    func isEnum(_ type: TypeUsage) -> Bool { kind(of: type) == .enumeration }

    /// Whether values of this type have a `validate(path:)` (directly or as array elements).
    func needsValidation(_ type: TypeUsage) -> Bool {
        let (resolved, entry) = resolve(type)
        return switch resolved.unwrapped {
        case .named: entry.map { $0.kind == .structure && validates[$0.structID] } ?? false
        case .array(let element): needsValidation(element)
        default: false
        }
    }

    /// Types whose constraints the runtime can check (strings, numbers, arrays).
    static func checkable(_ type: TypeUsage) -> Bool {
        switch type.unwrapped {
        case .builtin(let name): ["String", "Int", "Double"].contains(name)
        case .array: true
        default: false
        }
    }
}
