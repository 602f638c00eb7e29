/// Generated types as a graph over the ids of a `DeclarationIndex`: which type refers to which,
/// and which stores which inline. Built once per refinement step; every path is resolved once.
struct TypeGraph {
    /// What of a declaration the graph reads: its own arrays (shared, not copied).
    enum Members {
        case structure(properties: [PropertyDecl], additional: TypeUsage?)
        case oneOf([OneOfDecl.Case])
        case alias(TypeUsage)
        case enumeration
    }

    struct Breaks {
        /// Struct (index path) → properties to store boxed.
        var properties: [[Int]: Set<Identifier>] = [:]
        /// oneOf enums (index paths) to make `indirect`.
        var indirectEnums: [[Int]] = []
    }

    let declarations: DeclarationIndex
    /// By declaration id.
    private let members: [Members]

    init(_ module: ModuleDecl) {
        declarations = DeclarationIndex(module.types)
        members = declarations.entries.map { entry in
            switch entry.declaration {
            case .structure(let s): .structure(properties: s.properties, additional: s.additionalProperties)
            case .oneOf(let o): .oneOf(o.cases)
            case .alias(let a): .alias(a.target)
            case .enumeration: .enumeration
            }
        }
    }

    func indexPath(of id: Int) -> [Int] { declarations.indexPath(of: id) }

    /// The types a struct or oneOf holds: property types (then `additionalProperties`), or case types.
    private func forEachUsage(of id: Int, _ body: (TypeUsage) -> Void) {
        switch members[id] {
        case .structure(let properties, let additional):
            // By index: a whole `PropertyDecl` copied per iteration costs more than the lookup.
            for i in properties.indices { body(properties[i].type) }
            if let additional { body(additional) }
        case .oneOf(let cases):
            for i in cases.indices { body(cases[i].type) }
        case .alias, .enumeration:
            break
        }
    }

    func node(at path: [String]) -> Int? { declarations.id(at: path) }

    /// The struct or oneOf a type stores inline (not behind an array or dictionary), if any.
    /// Aliases are followed to any depth; a chain that comes back on itself stores nothing.
    private func inlineTarget(_ type: TypeUsage) -> Int? {
        guard case .named(let path) = type.unwrapped, var id = node(at: path) else { return nil }
        if case .alias = members[id] {
            guard case .named(let end)? = declarations.aliasEnd(id)?.unwrapped, let endID = node(at: end) else { return nil }
            id = endID
        }
        switch members[id] {
        case .structure, .oneOf: return id
        case .alias, .enumeration: return nil
        }
    }

    /// Every generated type a type refers to, through collections and aliases too (a work list:
    /// any depth of nesting or aliases). An alias is looked through to the end of its chain
    /// (`aliasEnd`, resolved once for the module), so N properties that name a chain of M
    /// aliases cost N, not N × M.
    private func references(_ type: TypeUsage, into result: inout [Int]) {
        var work = [type]
        var seenAliases: Set<Int> = []
        while let next = work.popLast() {
            switch next {
            case .optional(let t), .array(let t), .dictionary(let t): work.append(t)
            case .named(let path):
                guard let id = node(at: path) else { continue }
                if case .alias(let target) = members[id] {
                    if seenAliases.insert(id).inserted { work.append(declarations.aliasEnd(id) ?? target) }
                } else {
                    result.append(id)
                }
            case .builtin: break
            }
        }
    }

    /// The types each struct and oneOf refers to (resolved once, for both directions).
    func referenceLists() -> [[Int]] {
        members.indices.map { id in
            var result: [Int] = []
            forEachUsage(of: id) { references($0, into: &result) }
            return result
        }
    }

    /// Types reachable from the given roots through any property, element or case.
    func reachable(from roots: [TypeUsage], references: [[Int]]) -> [Bool] {
        var seen = [Bool](repeating: false, count: members.count)
        var stack: [Int] = []
        for root in roots { self.references(root, into: &stack) }
        while let id = stack.popLast() {
            guard !seen[id] else { continue }
            seen[id] = true
            stack.append(contentsOf: references[id])
        }
        return seen
    }

    /// Properties to make optional: `readOnly` ones in types that are sent, `writeOnly` ones in
    /// types that are received (struct index path → property indices).
    func relaxedProperties(sent: [Bool], received: [Bool]) -> [(indexPath: [Int], properties: [Int])] {
        var result: [(indexPath: [Int], properties: [Int])] = []
        for (id, node) in members.enumerated() where sent[id] || received[id] {
            guard case .structure(let properties, _) = node else { continue }
            let indices = properties.indices.filter { i in
                ((properties[i].readOnly && sent[id]) || (properties[i].writeOnly && received[id])) && !properties[i].type.isOptional
            }
            if !indices.isEmpty { result.append((indexPath(of: id), indices)) }
        }
        return result
    }

    /// Structs with clearable properties that no request sends: nothing would call their
    /// `sendingNull(_:)`, so they are generated without it (struct index paths).
    func unsentClearables(sent: [Bool]) -> [[Int]] {
        members.indices.compactMap { id in
            guard !sent[id], case .structure(let properties, _) = members[id], properties.contains(where: \.isClearable) else { return nil }
            return indexPath(of: id)
        }
    }

    /// Strongly connected components of the inline-storage graph (Tarjan), then the edges to box.
    func recursionBreaks() -> Breaks {
        // Edges: (property that stores the target, or nil for a oneOf case; target id).
        var edges = [[(property: Identifier?, target: Int)]](repeating: [], count: members.count)
        for (i, node) in members.enumerated() {
            switch node {
            case .structure(let properties, _):
                for p in properties.indices {
                    if let target = inlineTarget(properties[p].type) { edges[i].append((properties[p].name, target)) }
                }
            case .oneOf(let cases):
                for c in cases.indices {
                    if let target = inlineTarget(cases[c].type) { edges[i].append((nil, target)) }
                }
            case .alias, .enumeration:
                break
            }
        }
        let component = Self.stronglyConnectedComponents(edges.map { $0.map(\.target) })

        var breaks = Breaks()
        var indirect = [Bool](repeating: false, count: members.count)
        for (node, out) in edges.enumerated() {
            for edge in out where component[edge.target] == component[node] {
                if let property = edge.property, case .structure = members[edge.target] {
                    breaks.properties[indexPath(of: node), default: []].insert(property)
                } else if edge.property == nil {
                    indirect[node] = true
                }
            }
        }
        breaks.indirectEnums = indirect.indices.filter { indirect[$0] }.map(indexPath(of:))
        return breaks
    }

    /// Component number of each node (Tarjan, iterative so deep type chains cannot overflow the stack).
    static func stronglyConnectedComponents(_ edges: [[Int]]) -> [Int] {
        let count = edges.count
        var index = 0
        var indices = [Int](repeating: -1, count: count)
        var lowlinks = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var component = [Int](repeating: -1, count: count)
        var stack: [Int] = []
        var componentCount = 0
        for start in 0..<count where indices[start] < 0 && !edges[start].isEmpty {
            var work: [(node: Int, next: Int)] = [(start, 0)]
            while let (node, next) = work.popLast() {
                if next == 0 {
                    indices[node] = index
                    lowlinks[node] = index
                    index += 1
                    stack.append(node)
                    onStack[node] = true
                }
                if next < edges[node].count {
                    work.append((node, next + 1))
                    let target = edges[node][next]
                    if indices[target] < 0 {
                        work.append((target, 0))
                    } else if onStack[target] {
                        lowlinks[node] = min(lowlinks[node], indices[target])
                    }
                    continue
                }
                if let parent = work.last?.node { lowlinks[parent] = min(lowlinks[parent], lowlinks[node]) }
                if lowlinks[node] == indices[node] {
                    while let top = stack.popLast() {
                        onStack[top] = false
                        component[top] = componentCount
                        if top == node { break }
                    }
                    componentCount += 1
                }
            }
        }
        // Nodes without edges (never visited) are components of their own.
        for i in 0..<count where component[i] < 0 {
            component[i] = componentCount
            componentCount += 1
        }
        return component
    }
}
