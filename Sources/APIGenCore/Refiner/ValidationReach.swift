/// The refiner's validation step: which structs get a `validate(path:)`. A struct validates
/// when a property has a constraint the runtime can check, or holds (directly or in arrays,
/// through aliases) a struct that validates. Structs with checks of their own come first; then
/// validation spreads to the structs that hold them, each struct handled once.
enum ValidationReach {
    /// The index paths of the structs that validate.
    static func structs(_ index: DeclarationIndex) -> [[Int]] {
        var validates = [Bool](repeating: false, count: index.count)
        var holders = [[Int]](repeating: [], count: index.count)
        var work: [Int] = []
        for id in 0..<index.count {
            guard case .structure(let s) = index[id].declaration else { continue }
            var checksItself = false
            for property in s.properties {
                let resolved = index.resolved(property.type)
                if !checksItself && !property.constraints.isEmpty && checkable(resolved) { checksItself = true }
                if let held = heldStruct(resolved, index) { holders[held].append(id) }
            }
            if checksItself { work.append(id) }
        }
        while let id = work.popLast() {
            guard !validates[id] else { continue }
            validates[id] = true
            work.append(contentsOf: holders[id])
        }
        return validates.indices.filter { validates[$0] }.map(index.indexPath(of:))
    }

    /// Types whose constraints the runtime can check (strings, numbers, arrays).
    static func checkable(_ type: TypeUsage) -> Bool {
        switch type.unwrapped {
        case .builtin(let builtin): [.string, .int, .double].contains(builtin)
        case .array: true
        default: false
        }
    }

    /// The struct a value of this (resolved) type holds directly or as array elements, if any.
    private static func heldStruct(_ resolved: TypeUsage, _ index: DeclarationIndex) -> Int? {
        var current = resolved
        // Arrays of arrays, each step possibly through an alias: bounded, since an alias that
        // contains itself (`A = [A]`, which the translator breaks) must not loop here either.
        for _ in 0...(index.count + 256) {
            switch current.unwrapped {
            case .named(let path):
                guard let id = index.id(at: path), case .structure = index[id].declaration else { return nil }
                return id
            case .array(let element): current = index.resolved(element)
            default: return nil
            }
        }
        return nil
    }
}
