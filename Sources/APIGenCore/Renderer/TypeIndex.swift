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
        // A struct validates when a property has constraints it can check, or holds (directly
        // or in an array) a struct that validates. Structs with checks of their own come first;
        // then validation spreads to the structs that hold them, each struct handled once.
        var holders: [[String]: [[String]]] = [:]
        var work: [[String]] = []
        for (path, decl) in structs {
            var checksItself = false
            for property in decl.properties {
                if !property.constraints.isEmpty && Self.checkable(resolved(property.type)) { checksItself = true }
                if let held = heldStruct(property.type) { holders[held, default: []].append(path) }
            }
            if checksItself { work.append(path) }
        }
        while let path = work.popLast() {
            guard validatable.insert(path).inserted else { continue }
            work.append(contentsOf: holders[path] ?? [])
        }
    }

    /// The struct a property of this type holds directly or as array elements, if any.
    private func heldStruct(_ type: TypeUsage) -> [String]? {
        switch resolved(type).unwrapped {
        case .named(let path): structs[path] != nil ? path : nil
        case .array(let element): heldStruct(element)
        default: nil
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
