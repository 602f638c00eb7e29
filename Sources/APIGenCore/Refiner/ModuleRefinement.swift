/// A last pass over the translated module, for facts that need every type at once:
///
/// - **Alias cycles**: aliases that hold themselves become `JSONValue` (`AliasCycles`).
/// - **Paging**: which list operations get a `…Pages` method, from their response
///   declarations or a `paging:` rule (`Pagers`).
/// - **Recursion**: a struct that contains itself (directly or through other structs) would have
///   infinite size; such properties are stored boxed, and `oneOf` enums on a cycle are `indirect`.
/// - **readOnly / writeOnly**: a `readOnly` property is not required in a type that is sent
///   (reachable from a request body), a `writeOnly` one not in a type that is received
///   (reachable from a response); elsewhere `required` is kept as written.
/// - **Clearing**: only a type that is sent can be asked to write a nil property as `null`.
/// - **Validation**: which structs check their constraints, directly or through what they
///   hold (`ValidationReach`).
/// - **Parameter shapes**: whether a parameter is written as a value, an array, an object or
///   JSON text (`ParameterShapes`).
enum ModuleRefinement {
    static func apply(_ module: inout ModuleDecl, pagingRules: [String: PagingRule], diagnostics: DiagnosticSink) {
        // Aliases that hold themselves become JSONValue first: every later step follows aliases.
        AliasCycles.apply(&module, diagnostics: diagnostics)
        // 0. Pagers, on the types as translated (what a page holds is read, not what is sent).
        Pagers.apply(&module, rules: pagingRules, diagnostics: diagnostics)
        // 1. readOnly / writeOnly, from where each type is used.
        let (relaxed, unsentClearables) = directions(module)
        for (indexPath, properties) in relaxed {
            modify(&module.types, at: indexPath) { decl in
                guard case .structure(var s) = decl else { return }
                decl = placeholder
                for i in properties {
                    s.properties[i].type = s.properties[i].type.optional
                    s.properties[i].defaultValue = DefaultValue.absent
                }
                decl = .structure(s)
            }
        }
        for indexPath in unsentClearables {
            modify(&module.types, at: indexPath) { decl in
                guard case .structure(var s) = decl else { return }
                decl = placeholder
                for i in s.properties.indices { s.properties[i].isClearable = false }
                decl = .structure(s)
            }
        }
        // 2. Identical nested types exist once.
        Deduplication.apply(&module)
        // 3. On the final set of types: recursion breaks, which structs validate, and how each
        // parameter is written.
        let (boxes, validating) = finalAnalyses(&module)
        for (indexPath, properties) in boxes.properties {
            modify(&module.types, at: indexPath) { decl in
                guard case .structure(var s) = decl else { return }
                decl = placeholder
                s.boxedProperties = properties
                decl = .structure(s)
            }
        }
        for indexPath in boxes.indirectEnums {
            modify(&module.types, at: indexPath) { decl in
                guard case .oneOf(var o) = decl else { return }
                decl = placeholder
                o.isIndirect = true
                decl = .oneOf(o)
            }
        }
        for indexPath in validating {
            modify(&module.types, at: indexPath) { decl in
                guard case .structure(var s) = decl else { return }
                decl = placeholder
                s.validates = true
                decl = .structure(s)
            }
        }
    }

    /// The analyses of step 1: the properties to relax, and the structs that are never sent (and
    /// so cannot write `null`). Like `finalAnalyses`, the graph is gone when this returns.
    private static func directions(_ module: ModuleDecl) -> (relaxed: [(indexPath: [Int], properties: [Int])], unsentClearables: [[Int]]) {
        let uses = TypeGraph(module)
        let references = uses.referenceLists()
        let sent = uses.reachable(from: module.operations.compactMap { $0.body?.type }, references: references)
        let received = uses.reachable(from: module.operations.compactMap(\.response), references: references)
        return (uses.relaxedProperties(sent: sent, received: received), uses.unsentClearables(sent: sent))
    }

    /// The analyses of step 3, from one graph of the types. The graph is gone when this returns:
    /// while it holds the declarations, changing one would copy it instead of changing it in place.
    private static func finalAnalyses(_ module: inout ModuleDecl) -> (boxes: TypeGraph.Breaks, validating: [[Int]]) {
        let graph = TypeGraph(module)
        ParameterShapes.apply(&module.operations, graph.declarations)
        return (graph.recursionBreaks(), ValidationReach.structs(graph.declarations))
    }

    /// Put in a declaration's place while its payload is changed, so the payload's storage is
    /// not shared and changes in place instead of being copied. (Made each time: a stored
    /// global would hold a tagged pointer that leak checkers cannot see.)
    private static var placeholder: Declaration { .alias(AliasDecl(name: "", docs: [], target: .string)) }

    /// Changes the one declaration at `indexPath` (top-level index, then indices into `nested`);
    /// nothing else is copied or rebuilt.
    private static func modify(_ types: inout [Declaration], at indexPath: [Int], _ change: (inout Declaration) -> Void) {
        guard let first = indexPath.first, types.indices.contains(first) else { return }
        modify(&types[first], at: indexPath.dropFirst(), change)
    }

    private static func modify(_ decl: inout Declaration, at indexPath: ArraySlice<Int>, _ change: (inout Declaration) -> Void) {
        guard let i = indexPath.first else { return change(&decl) }
        switch decl {
        case .structure(var s):
            guard s.nested.indices.contains(i) else { return }
            decl = placeholder
            modify(&s.nested[i], at: indexPath.dropFirst(), change)
            decl = .structure(s)
        case .oneOf(var o):
            guard o.nested.indices.contains(i) else { return }
            decl = placeholder
            modify(&o.nested[i], at: indexPath.dropFirst(), change)
            decl = .oneOf(o)
        case .enumeration, .alias:
            return
        }
    }
}
