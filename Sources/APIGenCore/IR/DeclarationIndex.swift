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
        /// Stored: paths are resolved by comparing names, and reading one out of a
        /// `Declaration` copies the declaration.
        let name: String

        init(declaration: Declaration, parent: Int, index: Int) {
            (self.declaration, self.parent, self.index, self.name) = (declaration, parent, index, declaration.name)
        }
    }

    private(set) var entries: [Entry] = []
    private var topLevel: [String: Int] = [:]
    /// By id, for a typealias: the type at the end of its chain (`A = B`, `B = [C]`: `[C]`),
    /// optional when any link is; nil for a chain that comes back on itself, and for the other
    /// declarations. The one place an alias chain is followed after translation.
    private var aliasEnds: [TypeUsage?] = []

    init(_ types: [Declaration]) {
        entries.reserveCapacity(types.count * 2)
        topLevel.reserveCapacity(types.count)
        for (i, decl) in types.enumerated() {
            let id = add(decl, parent: -1, index: i)
            if topLevel[decl.name] == nil { topLevel[decl.name] = id }
        }
        resolveAliases()
    }

    /// The end of the chain an alias starts, or nil (a cycle, or not an alias).
    func aliasEnd(_ id: Int) -> TypeUsage? { aliasEnds[id] }

    /// A type with every alias it names looked through (optional if any link was).
    func resolved(_ type: TypeUsage) -> TypeUsage {
        guard case .named(let path) = type.unwrapped, let id = id(at: path), let end = aliasEnds[id] else { return type }
        return type.isOptional ? end.optional : end
    }

    /// Each alias followed once however long the chains: a walk stops at an alias already
    /// resolved, and sets the end on every alias it passed.
    private mutating func resolveAliases() {
        aliasEnds = [TypeUsage?](repeating: nil, count: entries.count)
        var finished = [Bool](repeating: false, count: entries.count)
        for start in entries.indices where !finished[start] {
            guard case .alias = entries[start].declaration else { continue }
            var walk: [Int] = [], onWalk: Set<Int> = []
            var current = start
            var end: TypeUsage?
            while true {
                guard case .alias(let alias) = entries[current].declaration else {
                    end = .named(path(of: current))
                    break
                }
                if finished[current] { end = aliasEnds[current]; break }
                guard onWalk.insert(current).inserted else { break }   // a cycle: no end
                walk.append(current)
                guard case .named(let next) = alias.target.unwrapped, let nextID = id(at: next), case .alias = entries[nextID].declaration else {
                    end = alias.target
                    break
                }
                current = nextID
            }
            // Back along the walk: each alias stands for the end, optional if any link was.
            if var resolved = end {
                for id in walk.reversed() {
                    if case .alias(let alias) = entries[id].declaration, alias.target.isOptional { resolved = resolved.optional }
                    aliasEnds[id] = resolved
                }
            }
            for id in walk { finished[id] = true }
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
        guard case .named(let end) = resolved(.named(path)).unwrapped, case .structure(let s)? = declaration(at: end) else { return nil }
        return s
    }
}
