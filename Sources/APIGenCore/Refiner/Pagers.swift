/// The refiner's paging step: which kept operations get a `…Pages` method, by detection or by
/// a `paging:` rule, and that method's name. It reads every response declaration, and a
/// pager's name must not take another method's, so it runs on the whole module.
enum Pagers {
    static func apply(_ module: inout ModuleDecl, rules: [String: PagingRule], diagnostics: DiagnosticSink) {
        var used: Set<String> = []
        // Built when first needed: most documents have list operations, a fragment may not.
        var paging: Paging?
        for i in module.operations.indices {
            let key = ruleKey(module.operations[i], rules)
            if let key { used.insert(key) }
            let rule = key.flatMap { rules[$0] }
            guard module.operations[i].response != nil || rule != nil else { continue }
            paging = paging ?? Paging(structs: DeclarationIndex(module.types), diagnostics: diagnostics)
            module.operations[i].pagination = paging?.pagination(for: module.operations[i], rule: rule)
        }
        for (key, rule) in rules.sorted(by: { $0.value.location < $1.value.location }) where !used.contains(key) {
            diagnostics.warning("paging rule '\(key)' matches no operation of the document", at: rule.location)
        }
        name(&module.operations, diagnostics)
    }

    /// The key of `paging:` that names this operation, if any: its operationId, or `METHOD /path`.
    static func ruleKey(_ operation: OperationDecl, _ rules: [String: PagingRule]) -> String? {
        if rules[operation.operationID] != nil { return operation.operationID }
        let route = operation.method.rawValue.uppercased() + " " + operation.path
        return rules[route] != nil ? route : nil
    }

    /// `<operation>Pages`, unless another method is so named (an operation `listPages` beside
    /// `list`): then it is numbered, with a warning.
    private static func name(_ operations: inout [OperationDecl], _ diagnostics: DiagnosticSink) {
        var names = NameScope(reserved: OperationTranslator.clientMembers)
        for operation in operations {
            _ = names.claim(operation.name.name)
            if let stream = operation.stream { _ = names.claim(stream.name.name) }
        }
        for i in operations.indices where operations[i].pagination != nil {
            let wanted = operations[i].name.name + "Pages"
            let (name, clashed) = names.claim(wanted)
            if clashed, let location = operations[i].location {
                diagnostics.warning("the pages of '\(operations[i].name.name)' are generated as '\(name)' because '\(wanted)' is taken", at: location)
            }
            operations[i].pagination?.methodName = Identifier(name)
        }
    }
}
