/// Aliases that hold themselves (`typealias A = B` and `typealias B = A`, or `typealias A = [A]`):
/// Swift has no such type. Each alias of a cycle becomes free-form `JSONValue`, with a warning
/// when the cycle goes through arrays or maps (the schema is sound: JSON that nests), and an
/// error when it does not (the components only name each other, and so describe no value).
///
/// The cycles are those of a graph in which each node has at most one successor (an alias names
/// at most one other), found with one walk per node that stops at any node already seen: linear
/// in the number of aliases, however long the chains.
struct AliasCycles {
    private var cycleOf: [String: Int] = [:]
    private var cycles: [[String]] = []

    init() {}

    init(_ nodes: [String], next: (String) -> String?) {
        var state: [String: Int] = [:]   // absent: unseen; -1: done; n >= 0: position on the walk
        for start in nodes where state[start] == nil {
            var walk: [String] = []
            var current: String? = start
            while let node = current, state[node] == nil {
                state[node] = walk.count
                walk.append(node)
                current = next(node)
            }
            if let node = current, let position = state[node], position >= 0 {
                let cycle = Array(walk[position...])
                for member in cycle { cycleOf[member] = cycles.count }
                cycles.append(cycle)
            }
            for node in walk { state[node] = -1 }
        }
    }

    /// The cycle through `node`, starting at the member first met; nil when it is on none.
    func cycle(containing node: String) -> [String]? {
        cycleOf[node].map { cycles[$0] }
    }
}

extension AliasCycles {
    static func apply(_ module: inout ModuleDecl, diagnostics: DiagnosticSink) {
        var aliases: [String: (index: Int, alias: AliasDecl)] = [:]
        for (index, decl) in module.types.enumerated() {
            if case .alias(let alias) = decl { aliases[alias.name] = (index, alias) }
        }
        guard !aliases.isEmpty else { return }
        let order = module.types.compactMap { decl -> String? in
            if case .alias(let alias) = decl { return alias.name } else { return nil }
        }
        let cycles = AliasCycles(order) { name in aliases[name].flatMap { step(from: $0.alias.target, aliases: aliases) }?.next }
        for name in order {
            guard let cycle = cycles.cycle(containing: name), let (index, alias) = aliases[name] else { continue }
            // One diagnostic per cycle, at its first member, in the document's names.
            if cycle.first == name, let component = alias.component {
                let names = cycle.map { aliases[$0]?.alias.component?.name ?? $0 }
                let shown = names.count <= 8 ? names + [component.name] : Array(names.prefix(8)) + ["… (\(names.count) components)"]
                let throughContainer = cycle.contains { aliases[$0].flatMap { step(from: $0.alias.target, aliases: aliases) }?.throughContainer == true }
                if throughContainer {
                    diagnostics.warning("component '\(component.name)' holds itself only through arrays or maps (\(shown.joined(separator: " → "))); it is generated as free-form JSONValue", at: component.location)
                } else {
                    diagnostics.error("component '\(component.name)' is only a $ref to itself (\(shown.joined(separator: " → ")))", at: component.location)
                }
            }
            module.types[index] = .alias(AliasDecl(name: alias.name, docs: [], target: .jsonValue, component: alias.component))
        }
    }

    /// The top-level alias a target names, through optionals, arrays and maps.
    private static func step(from target: TypeUsage, aliases: [String: (index: Int, alias: AliasDecl)]) -> (next: String, throughContainer: Bool)? {
        var current = target, container = false
        while true {
            switch current {
            case .optional(let wrapped): current = wrapped
            case .array(let element): current = element; container = true
            case .dictionary(let value): current = value; container = true
            case .named(let path) where path.count == 1 && aliases[path[0]] != nil: return (path[0], container)
            default: return nil
            }
        }
    }
}
