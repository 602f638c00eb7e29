/// Every declaration of a module with an integer id, each before the ones nested in it: the one
/// way the stages after translation find a declaration by its path (`["Meeting", "Status"]`).
/// A path is resolved by name from its top-level type down, never by hashing whole paths.
struct DeclarationIndex {
    struct Entry {
        let declaration: Declaration
        /// The enclosing declaration (-1 at top level) and the index in its `nested` (or among
        /// the top-level types).
        let parent: Int
        let index: Int
        fileprivate(set) var children: [Int] = []

        var name: String { declaration.name }
    }

    private(set) var entries: [Entry] = []
    private var topLevel: [String: Int] = [:]

    init(_ types: [Declaration]) {
        entries.reserveCapacity(types.count * 2)
        topLevel.reserveCapacity(types.count)
        for (i, decl) in types.enumerated() {
            let id = add(decl, parent: -1, index: i)
            if topLevel[decl.name] == nil { topLevel[decl.name] = id }
        }
    }

    private mutating func add(_ decl: Declaration, parent: Int, index: Int) -> Int {
        let id = entries.count
        entries.append(Entry(declaration: decl, parent: parent, index: index))
        let nested: [Declaration]
        switch decl {
        case .structure(let s): nested = s.nested
        case .oneOf(let o): nested = o.nested
        case .enumeration, .alias: nested = []
        }
        if !nested.isEmpty {
            entries[id].children = nested.enumerated().map { add($1, parent: id, index: $0) }
        }
        return id
    }

    var count: Int { entries.count }

    subscript(id: Int) -> Entry { entries[id] }

    /// The declaration a type path names, if it exists.
    func id(at path: [String]) -> Int? {
        guard let first = path.first, var id = topLevel[first] else { return nil }
        for name in path.dropFirst() {
            guard let child = entries[id].children.first(where: { entries[$0].name == name }) else { return nil }
            id = child
        }
        return id
    }

    func declaration(at path: [String]) -> Declaration? {
        id(at: path).map { entries[$0].declaration }
    }

    /// Where a declaration is: its index among the top-level types, then among `nested`.
    func indexPath(of id: Int) -> [Int] {
        var path: [Int] = []
        var current = id
        while current >= 0 {
            path.append(entries[current].index)
            current = entries[current].parent
        }
        return path.reversed()
    }

    /// A declaration's type path.
    func path(of id: Int) -> [String] {
        var path: [String] = []
        var current = id
        while current >= 0 {
            path.append(entries[current].name)
            current = entries[current].parent
        }
        return path.reversed()
    }

    /// The struct a path names, following typealiases to any depth (a chain that comes back on
    /// itself names none).
    func structDecl(at path: [String]) -> StructDecl? {
        var current = path
        var seen: Set<Int> = []
        while let id = id(at: current), seen.insert(id).inserted {
            switch entries[id].declaration {
            case .structure(let s): return s
            case .alias(let a):
                guard case .named(let target) = a.target.unwrapped else { return nil }
                current = target
            default: return nil
            }
        }
        return nil
    }
}
