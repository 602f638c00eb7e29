/// A last pass over the translated module, for facts that need every type at once:
///
/// - **Recursion**: a struct that contains itself (directly or through other structs) would have
///   infinite size; such properties are stored boxed, and `oneOf` enums on a cycle are `indirect`.
/// - **readOnly / writeOnly**: a `readOnly` property is not required in a type that is sent
///   (reachable from a request body), a `writeOnly` one not in a type that is received
///   (reachable from a response); elsewhere `required` is kept as written.
enum ModuleRefinement {
    static func apply(_ module: inout ModuleDecl) {
        // 1. readOnly / writeOnly, from where each type is used.
        let uses = TypeGraph(module)
        let sent = uses.reachable(from: module.operations.compactMap { $0.body?.type })
        let received = uses.reachable(from: module.operations.compactMap(\.response))
        let relaxed = uses.relaxedProperties(sent: sent, received: received)
        var topLevel = topLevelIndex(module.types)
        for (path, properties) in relaxed {
            modify(&module.types, at: path, topLevel: topLevel) { decl in
                guard case .structure(var s) = decl else { return }
                decl = placeholder
                for i in properties {
                    s.properties[i].type = s.properties[i].type.optional
                    s.properties[i].defaultValue = "nil"
                }
                decl = .structure(s)
            }
        }
        // 2. Identical nested types exist once.
        Deduplication.apply(&module)
        // 3. Recursion is broken on the final set of types.
        var graph = TypeGraph(module)
        let boxes = graph.recursionBreaks()
        topLevel = topLevelIndex(module.types)
        for (path, properties) in boxes.properties {
            modify(&module.types, at: path, topLevel: topLevel) { decl in
                guard case .structure(var s) = decl else { return }
                decl = placeholder
                s.boxedProperties = properties
                decl = .structure(s)
            }
        }
        for path in boxes.indirectEnums {
            modify(&module.types, at: path, topLevel: topLevel) { decl in
                guard case .oneOf(var o) = decl else { return }
                decl = placeholder
                o.isIndirect = true
                decl = .oneOf(o)
            }
        }
    }

    /// Put in a declaration's place while its payload is changed, so the payload's storage is
    /// not shared and changes in place instead of being copied. (Made each time: a stored
    /// global would hold a tagged pointer that leak checkers cannot see.)
    private static var placeholder: Declaration { .alias(AliasDecl(name: "", docs: [], target: .string)) }

    private static func topLevelIndex(_ types: [Declaration]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(types.count)
        for (i, decl) in types.enumerated() { index[decl.name] = i }
        return index
    }

    /// Changes the one declaration at `path`; nothing else is copied or rebuilt.
    private static func modify(_ types: inout [Declaration], at path: [String], topLevel: [String: Int], _ change: (inout Declaration) -> Void) {
        guard let first = path.first, let i = topLevel[first] else { return }
        modify(&types[i], at: path.dropFirst(), change)
    }

    private static func modify(_ decl: inout Declaration, at path: ArraySlice<String>, _ change: (inout Declaration) -> Void) {
        guard let name = path.first else { return change(&decl) }
        switch decl {
        case .structure(var s):
            guard let i = s.nested.firstIndex(where: { $0.name == name }) else { return }
            decl = placeholder
            modify(&s.nested[i], at: path.dropFirst(), change)
            decl = .structure(s)
        case .oneOf(var o):
            guard let i = o.nested.firstIndex(where: { $0.name == name }) else { return }
            decl = placeholder
            modify(&o.nested[i], at: path.dropFirst(), change)
            decl = .oneOf(o)
        case .enumeration, .alias:
            return
        }
    }
}

/// Generated types as a graph: which type stores which other type inline.
struct TypeGraph {
    struct Breaks {
        /// Struct path → properties to store boxed.
        var properties: [[String]: Set<String>] = [:]
        var indirectEnums: Set<[String]> = []
    }

    private var structs: [[String]: StructDecl] = [:]
    private var oneOfs: [[String]: OneOfDecl] = [:]
    private var aliases: [[String]: TypeUsage] = [:]

    init(_ module: ModuleDecl) {
        for decl in module.types { add(decl, parent: []) }
    }

    private mutating func add(_ decl: Declaration, parent: [String]) {
        let path = parent + [decl.name]
        switch decl {
        case .structure(let s):
            structs[path] = s
            for n in s.nested { add(n, parent: path) }
        case .oneOf(let o):
            oneOfs[path] = o
            for n in o.nested { add(n, parent: path) }
        case .alias(let a):
            aliases[path] = a.target
        case .enumeration:
            break
        }
    }

    /// The struct or oneOf a type stores inline (not behind an array or dictionary), if any.
    private func inlineTarget(_ type: TypeUsage, hops: Int = 0) -> [String]? {
        guard hops < 32 else { return nil }
        switch type {
        case .optional(let wrapped): return inlineTarget(wrapped, hops: hops)
        case .named(let path):
            if let target = aliases[path] { return inlineTarget(target, hops: hops + 1) }
            return structs[path] != nil || oneOfs[path] != nil ? path : nil
        default: return nil
        }
    }

    /// Every generated type a type refers to, through collections too.
    private func references(_ type: TypeUsage, into result: inout [[String]], hops: Int = 0) {
        guard hops < 32 else { return }
        switch type {
        case .optional(let t), .array(let t), .dictionary(let t): references(t, into: &result, hops: hops)
        case .named(let path):
            if let target = aliases[path] { references(target, into: &result, hops: hops + 1) } else { result.append(path) }
        case .builtin: break
        }
    }

    /// Types reachable from the given roots through any property, element or case.
    func reachable(from roots: [TypeUsage]) -> Set<[String]> {
        var seen: Set<[String]> = []
        var stack: [[String]] = []
        for root in roots { references(root, into: &stack) }
        while let path = stack.popLast() {
            guard seen.insert(path).inserted else { continue }
            if let s = structs[path] {
                for p in s.properties { references(p.type, into: &stack) }
                if let extra = s.additionalProperties { references(extra, into: &stack) }
            }
            if let o = oneOfs[path] { for c in o.cases { references(c.type, into: &stack) } }
        }
        return seen
    }

    /// Properties to make optional: `readOnly` ones in types that are sent, `writeOnly` ones in
    /// types that are received (struct path → property indices).
    func relaxedProperties(sent: Set<[String]>, received: Set<[String]>) -> [[String]: [Int]] {
        var result: [[String]: [Int]] = [:]
        for (path, s) in structs {
            let isSent = sent.contains(path), isReceived = received.contains(path)
            guard isSent || isReceived else { continue }
            let indices = s.properties.indices.filter { i in
                let p = s.properties[i]
                return ((p.readOnly && isSent) || (p.writeOnly && isReceived)) && !p.type.isOptional
            }
            if !indices.isEmpty { result[path] = indices }
        }
        return result
    }

    /// Strongly connected components of the inline-storage graph (Tarjan, on integer ids), then
    /// the edges to box.
    mutating func recursionBreaks() -> Breaks {
        // Any order will do: strongly connected components are unique, and so are the edges
        // inside them, whatever order the search visits nodes in.
        let nodes: [[String]] = Array(structs.keys) + Array(oneOfs.keys)
        var id: [[String]: Int] = [:]
        id.reserveCapacity(nodes.count)
        for (i, path) in nodes.enumerated() { id[path] = i }
        // Edges: (property that stores the target, or nil for a oneOf case; target id).
        var edges = [[(property: String?, target: Int)]](repeating: [], count: nodes.count)
        for (i, path) in nodes.enumerated() {
            if let s = structs[path] {
                edges[i] = s.properties.compactMap { p in inlineTarget(p.type).flatMap { id[$0] }.map { (p.name, $0) } }
            } else if let o = oneOfs[path] {
                edges[i] = o.cases.compactMap { c in inlineTarget(c.type).flatMap { id[$0] }.map { (nil, $0) } }
            }
        }
        var index = 0
        var indices = [Int](repeating: -1, count: nodes.count)
        var lowlinks = [Int](repeating: 0, count: nodes.count)
        var onStack = [Bool](repeating: false, count: nodes.count)
        var component = [Int](repeating: -1, count: nodes.count)
        var stack: [Int] = []
        var componentCount = 0

        // Iterative, so deep type chains cannot overflow the stack.
        for start in nodes.indices where indices[start] < 0 {
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
                    let target = edges[node][next].target
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

        var breaks = Breaks()
        for (node, out) in edges.enumerated() {
            for edge in out where component[edge.target] == component[node] {
                if let property = edge.property, structs[nodes[edge.target]] != nil {
                    breaks.properties[nodes[node], default: []].insert(property)
                } else if edge.property == nil {
                    breaks.indirectEnums.insert(nodes[node])
                }
            }
        }
        return breaks
    }
}
