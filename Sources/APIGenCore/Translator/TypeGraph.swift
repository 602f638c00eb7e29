/// Generated types as a graph with integer ids: which type refers to which, and which stores
/// which inline. Built once per refinement step; every `$ref` path is resolved once, by name
/// from the top-level type down through its nested types, instead of hashing whole paths.
struct TypeGraph {
    enum Kind { case structure, oneOf, enumeration, alias }

    /// One declaration. Its members are the declaration's own arrays (shared, not copied).
    struct Node {
        enum Members {
            case structure(properties: [PropertyDecl], additional: TypeUsage?)
            case oneOf([OneOfDecl.Case])
            case alias(TypeUsage)
            case enumeration
        }

        var name: String
        var members: Members
        /// The enclosing node (-1 at top level) and the index in its `nested` (or among the top-level types).
        var parent: Int
        var index: Int
        var children: [Int] = []

        var kind: Kind {
            switch members {
            case .structure: .structure
            case .oneOf: .oneOf
            case .alias: .alias
            case .enumeration: .enumeration
            }
        }
    }

    struct Breaks {
        /// Struct (index path) → properties to store boxed.
        var properties: [[Int]: Set<String>] = [:]
        /// oneOf enums (index paths) to make `indirect`.
        var indirectEnums: [[Int]] = []
    }

    private(set) var nodes: [Node] = []
    private var topLevel: [String: Int] = [:]

    init(_ module: ModuleDecl) {
        nodes.reserveCapacity(module.types.count * 2)
        topLevel.reserveCapacity(module.types.count)
        for (i, decl) in module.types.enumerated() {
            let id = add(decl, parent: -1, index: i)
            if topLevel[decl.name] == nil { topLevel[decl.name] = id }
        }
    }

    private mutating func add(_ decl: Declaration, parent: Int, index: Int) -> Int {
        let id = nodes.count
        switch decl {
        case .structure(let s):
            nodes.append(Node(name: s.name, members: .structure(properties: s.properties, additional: s.additionalProperties), parent: parent, index: index))
            addChildren(s.nested, to: id)
        case .oneOf(let o):
            nodes.append(Node(name: o.name, members: .oneOf(o.cases), parent: parent, index: index))
            addChildren(o.nested, to: id)
        case .alias(let a):
            nodes.append(Node(name: a.name, members: .alias(a.target), parent: parent, index: index))
        case .enumeration(let e):
            nodes.append(Node(name: e.name, members: .enumeration, parent: parent, index: index))
        }
        return id
    }

    private mutating func addChildren(_ nested: [Declaration], to parent: Int) {
        guard !nested.isEmpty else { return }
        var children: [Int] = []
        children.reserveCapacity(nested.count)
        for (i, n) in nested.enumerated() { children.append(add(n, parent: parent, index: i)) }
        nodes[parent].children = children
    }

    /// Where a node's declaration is: index among the top-level types, then among `nested`.
    func indexPath(of id: Int) -> [Int] {
        var path: [Int] = []
        var current = id
        while current >= 0 {
            path.append(nodes[current].index)
            current = nodes[current].parent
        }
        return path.reversed()
    }

    /// The types a struct or oneOf holds: property types (then `additionalProperties`), or case types.
    private func forEachUsage(of id: Int, _ body: (TypeUsage) -> Void) {
        switch nodes[id].members {
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

    /// The node a type path names, if it exists.
    func node(at path: [String]) -> Int? {
        guard let first = path.first, var id = topLevel[first] else { return nil }
        for name in path.dropFirst() {
            guard let child = nodes[id].children.first(where: { nodes[$0].name == name }) else { return nil }
            id = child
        }
        return id
    }

    /// The struct or oneOf a type stores inline (not behind an array or dictionary), if any.
    /// Aliases are followed to any depth; a chain that comes back on itself stores nothing.
    private func inlineTarget(_ type: TypeUsage) -> Int? {
        var current = type.unwrapped
        var seen: Set<Int> = []
        while case .named(let path) = current, let id = node(at: path) {
            switch nodes[id].members {
            case .alias(let target):
                guard seen.insert(id).inserted else { return nil }
                current = target.unwrapped
            case .structure, .oneOf: return id
            case .enumeration: return nil
            }
        }
        return nil
    }

    /// Every generated type a type refers to, through collections and aliases too (a work list:
    /// any depth of nesting or aliases, each alias followed once).
    private func references(_ type: TypeUsage, into result: inout [Int]) {
        var work = [type]
        var seenAliases: Set<Int> = []
        while let next = work.popLast() {
            switch next {
            case .optional(let t), .array(let t), .dictionary(let t): work.append(t)
            case .named(let path):
                guard let id = node(at: path) else { continue }
                if case .alias(let target) = nodes[id].members {
                    if seenAliases.insert(id).inserted { work.append(target) }
                } else {
                    result.append(id)
                }
            case .builtin: break
            }
        }
    }

    /// The types each struct and oneOf refers to (resolved once, for both directions).
    func referenceLists() -> [[Int]] {
        nodes.indices.map { id in
            var result: [Int] = []
            forEachUsage(of: id) { references($0, into: &result) }
            return result
        }
    }

    /// Types reachable from the given roots through any property, element or case.
    func reachable(from roots: [TypeUsage], references: [[Int]]) -> [Bool] {
        var seen = [Bool](repeating: false, count: nodes.count)
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
        for (id, node) in nodes.enumerated() where sent[id] || received[id] {
            guard case .structure(let properties, _) = node.members else { continue }
            let indices = properties.indices.filter { i in
                ((properties[i].readOnly && sent[id]) || (properties[i].writeOnly && received[id])) && !properties[i].type.isOptional
            }
            if !indices.isEmpty { result.append((indexPath(of: id), indices)) }
        }
        return result
    }

    /// Strongly connected components of the inline-storage graph (Tarjan), then the edges to box.
    func recursionBreaks() -> Breaks {
        // Edges: (property that stores the target, or nil for a oneOf case; target id).
        var edges = [[(property: String?, target: Int)]](repeating: [], count: nodes.count)
        for (i, node) in nodes.enumerated() {
            switch node.members {
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
        var indirect = [Bool](repeating: false, count: nodes.count)
        for (node, out) in edges.enumerated() {
            for edge in out where component[edge.target] == component[node] {
                if let property = edge.property, nodes[edge.target].kind == .structure {
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
