/// The naming pass of translation: every top-level name that operations, webhooks and callbacks
/// declare, claimed in document order before any of them is built. Components are named first,
/// when they are translated (`TypeTranslator.translateComponents`).
///
/// Its result is fixed once made (`TranslationContext.names`, a `NameTable`): the declarations
/// are then built under these names (operations on all cores), and building claims no top-level
/// name of its own (only a naming pass may: `TranslationContext.naming`), so a name never
/// depends on which core built what, or in which order.
struct TopLevelNaming {
    let context: TranslationContext
    let types: TypeTranslator

    /// An operation as this pass leaves it: its plan, its method name, its naming warnings, and
    /// the top-level types it declares, in the order it declares them.
    struct NamedOperation {
        var operation: Operation
        var plan: OperationPlan
        var name: String
        /// `<name>Stream`, when a 2xx answer can be streamed.
        var streamName: String?
        var warnings: [Diagnostic]
        var claimed: [Schema]
    }

    /// What the pass hands on.
    struct Names {
        var operations: [NamedOperation]
        /// The payload types of the webhooks, and of the kept operations' callbacks.
        var webhookTypes: [Schema]
        var callbackTypes: [Schema]
        /// The `Webhook` enum's name, when a webhook has a JSON payload.
        var webhookEnum: String?
    }

    /// `kept[i]`: whether operation `i` gets a method (only their callbacks are generated).
    func run(keeping kept: [Bool]) -> Names {
        let names = context.naming { claimAll(keeping: kept) }
        context.settle()
        return names
    }

    private func claimAll(keeping kept: [Bool]) -> Names {
        let operations = nameOperations()
        let webhooks = Webhooks(context: context, types: types)
        let payloads = webhooks.webhookPayloads(context.document.webhooks).compactMap(\.payload.typed)
        let webhookTypes = claimTypes(payloads)
        // After the payloads, as the enum is declared after its cases' types.
        let webhookEnum = payloads.isEmpty ? nil : context.claimTopLevel("Webhook")
        let keptOperations = zip(context.document.operations, kept).filter(\.1).map(\.0)
        let callbackTypes = claimTypes(webhooks.callbackPayloads(of: keptOperations).flatMap(\.payloads).compactMap(\.typed))
        return Names(operations: operations, webhookTypes: webhookTypes, callbackTypes: callbackTypes, webhookEnum: webhookEnum)
    }

    /// Method names (numbered on a clash), then each operation's type names. What each
    /// operation would name is worked out on all cores (it reads only the settled components);
    /// only the claiming, which depends on every earlier claim, goes in order.
    private func nameOperations() -> [NamedOperation] {
        var names = NameScope(reserved: OperationTranslator.clientMembers)
        var seenIDs: [String: SourceLocation] = [:]
        let translator = Unshared(value: OperationTranslator(context: context, types: types))
        // With the type names their hints make, which are worked out here on all cores too.
        let plans = ParallelMap.map(context.document.operations) { operation in
            let plan = translator.value.plan(operation)
            return (plan, plan.typed.map { SwiftNaming.typeName($0.hint) })
        }
        var result: [NamedOperation] = []
        result.reserveCapacity(plans.count)
        for (operation, (plan, typeNames)) in zip(context.document.operations, plans) {
            var warnings: [Diagnostic] = []
            if let id = operation.operationID {
                if let first = seenIDs[id] {
                    warnings.append(Diagnostic(.warning, "operationId '\(id)' is also used at \(first); this operation gets a numbered name", at: operation.location))
                } else {
                    seenIDs[id] = operation.location
                }
            }
            if let key = translator.value.overrideKey(operation) { context.useOverride("operations." + key) }
            let (name, clashed) = names.claim(plan.swiftName)
            if clashed && (operation.operationID.map { seenIDs[$0] == operation.location } ?? true) {
                warnings.append(Diagnostic(.warning, "operation '\(plan.rawName)' is generated as '\(name)' because its Swift name is taken", at: operation.location))
            }
            let streamName = plan.stream == nil ? nil : names.claim(name + "Stream").name
            let typed = plan.typed
            for (typed, typeName) in zip(typed, typeNames) { context.rememberTypeName(typeName, for: typed.hint) }
            let claimed = claimTypes(typed)
            result.append(NamedOperation(operation: operation, plan: plan, name: name, streamName: streamName, warnings: warnings, claimed: claimed))
        }
        return result
    }

    /// Names the top-level types that translating these usages will declare, in the same order,
    /// building none (`namesOnly`): their declarations are built where translation reaches them
    /// (`TypeTranslator.building`).
    private func claimTypes(_ usages: [OperationPlan.Typed]) -> [Schema] {
        types.namesOnly = true
        types.claimed = []
        defer { types.namesOnly = false }
        var scope = TypeScope(path: [], reserved: [])
        for typed in usages { _ = types.usage(for: typed.schema, hint: typed.hint, scope: &scope) }
        return types.claimed
    }
}
