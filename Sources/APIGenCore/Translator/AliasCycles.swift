/// The cycles of a graph in which each node has at most one successor (a component that is a
/// pure `$ref` alias points at one other), found with one walk per node that stops at any node
/// already seen: linear in the number of components, however long the chains.
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
