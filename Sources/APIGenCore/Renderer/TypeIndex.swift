/// Looks up generated declarations by path, and knows which types validate themselves.
struct TypeIndex: Sendable {
    enum Kind { case structure, enumeration, oneOf, alias }

    private(set) var kinds: [[String]: Kind] = [:]
    private var aliases: [[String]: TypeUsage] = [:]
    private var structs: [[String]: StructDecl] = [:]
    /// Structs that get a `validate(path:)` (they or something inside them has constraints).
    private(set) var validatable: Set<[String]> = []

    init(_ module: ModuleDecl) {
        for decl in module.types { add(decl, parent: []) }
        // Fixed point: a struct validates when a property has constraints or a validating type.
        var changed = true
        while changed {
            changed = false
            for (path, decl) in structs where !validatable.contains(path) {
                if decl.properties.contains(where: { !$0.constraints.isEmpty && Self.checkable(resolved($0.type)) || needsValidation($0.type) }) {
                    validatable.insert(path)
                    changed = true
                }
            }
        }
    }

    private mutating func add(_ decl: Declaration, parent: [String]) {
        let path = parent + [decl.name]
        switch decl {
        case .structure(let s):
            kinds[path] = .structure
            structs[path] = s
            for n in s.nested { add(n, parent: path) }
        case .enumeration: kinds[path] = .enumeration
        case .oneOf(let o):
            kinds[path] = .oneOf
            for n in o.nested { add(n, parent: path) }
        case .alias(let a):
            kinds[path] = .alias
            aliases[path] = a.target
        }
    }

    /// The type behind aliases.
    func resolved(_ type: TypeUsage) -> TypeUsage {
        var current = type
        var hops = 0
        while case .named(let path) = current.unwrapped, let target = aliases[path], hops < 32 {
            current = current.isOptional ? target.optional : target
            hops += 1
        }
        return current
    }

    func kind(of type: TypeUsage) -> Kind? {
        if case .named(let path) = resolved(type).unwrapped { return kinds[path] }
        return nil
    }

    func isEnum(_ type: TypeUsage) -> Bool { kind(of: type) == .enumeration }

    /// Whether values of this type have a `validate(path:)` (directly or as array elements).
    func needsValidation(_ type: TypeUsage) -> Bool {
        switch resolved(type).unwrapped {
        case .named(let path): validatable.contains(path)
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
