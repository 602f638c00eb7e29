/// With an operation filter, only the types that the kept operations reach are generated, plus
/// the component schemas the configuration names (`schemas:`).
///
/// Every operation and component is translated and named before anything is dropped, so a
/// kept type has the same name whatever the filter drops. A type is kept whole, with the types
/// nested in it; what it refers to (through properties, `allOf` parts merged into it, `oneOf`
/// cases, map values, array items and aliases) is kept too.
enum TypePruning {
    static func keep(_ types: [Declaration], roots: [TypeUsage]) -> [Declaration] {
        let index = DeclarationIndex(types)
        var kept = [Bool](repeating: false, count: types.count)
        var work = roots
        while let usage = work.popLast() {
            switch usage {
            case .optional(let t), .array(let t), .dictionary(let t): work.append(t)
            case .builtin: break
            case .named(let path):
                guard let id = index.id(at: path) else { continue }
                let top = topLevel(of: id, in: index)
                guard !kept[top] else { continue }
                kept[top] = true
                usages(in: types[top], into: &work)
            }
        }
        return types.indices.filter { kept[$0] }.map { types[$0] }
    }

    /// The index among the top-level types of the declaration that holds `id`.
    private static func topLevel(of id: Int, in index: DeclarationIndex) -> Int {
        var current = id
        while index[current].parent >= 0 { current = index[current].parent }
        return index[current].index
    }

    /// Every type a declaration and the ones nested in it name.
    private static func usages(in decl: Declaration, into work: inout [TypeUsage]) {
        switch decl {
        case .structure(let s):
            work += s.properties.map(\.type)
            if let extra = s.additionalProperties { work.append(extra) }
            for n in s.nested { usages(in: n, into: &work) }
        case .oneOf(let o):
            work += o.cases.map(\.type)
            for n in o.nested { usages(in: n, into: &work) }
        case .alias(let a): work.append(a.target)
        case .enumeration: break
        }
    }
}
