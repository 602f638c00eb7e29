/// `webhooks` and `callbacks`: requests the API sends rather than receives. Their payload types
/// are generated (named after the webhook or callback), and the webhooks get one entry point a
/// receiving server calls: `Webhook`, an enum with a case per webhook operation and its typed
/// payload, and a raw case for an event the document does not declare.
struct Webhooks {
    let context: TranslationContext
    let types: TypeTranslator

    /// A webhook's name: its path, with its method when the path has several.
    private static func rawNames(_ webhooks: [Operation]) -> [String] {
        let several = Dictionary(grouping: webhooks, by: \.path).filter { $0.value.count > 1 }
        return webhooks.map { several[$0.path] == nil ? $0.path : $0.path + " " + $0.method.rawValue }
    }

    /// A request the API sends, and the schema and name its payload type is made from: listed
    /// once, so the naming pass (`TopLevelNaming`) names what `translate` builds.
    struct Payload {
        var request: Operation
        var hint: String
        /// The JSON body's schema; nil when the request has none (it has no payload type).
        var typed: OperationPlan.Typed?
    }

    private func payload(_ request: Operation, hint: String) -> Payload {
        let body = request.requestBody
        let hint = body?.componentName ?? hint
        return Payload(request: request, hint: hint, typed: body.flatMap(jsonSchema).map { .init(schema: $0, hint: hint) })
    }

    /// Each webhook's payload, with the webhook's name.
    func webhookPayloads(_ webhooks: [Operation]) -> [(raw: String, payload: Payload)] {
        zip(webhooks, Self.rawNames(webhooks)).map { webhook, raw in (raw, payload(webhook, hint: SwiftNaming.upperCamel(raw) + "Payload")) }
    }

    /// The payloads of each callback of `operations`.
    func callbackPayloads(of operations: [Operation]) -> [(operation: Operation, callback: Callback, payloads: [Payload])] {
        operations.flatMap { operation in
            operation.callbacks.map { callback in
                (operation, callback, callback.operations.map { payload($0, hint: Self.callbackHint(operation, callback, $0)) })
            }
        }
    }

    private static func callbackHint(_ operation: Operation, _ callback: Callback, _ request: Operation) -> String {
        let name = operation.operationID ?? OperationTranslator.fallbackName(operation)
        return SwiftNaming.upperCamel(name) + SwiftNaming.upperCamel(callback.name) + (callback.operations.count > 1 ? SwiftNaming.upperCamel(request.method.rawValue) : "") + "Payload"
    }

    /// The `Webhook` enum, named `name` (`TopLevelNaming`), when the document declares a
    /// webhook with a JSON body.
    func translate(_ webhooks: [Operation], name: String?) -> OneOfDecl? {
        guard !webhooks.isEmpty else { return nil }
        var names = NameScope(reserved: ["unknown", "decode", "webhookNames"])
        var cases: [OneOfDecl.Case] = []
        var entries: [OneOfDecl.WebhookEntry] = []
        for (raw, payload) in webhookPayloads(webhooks) {
            let webhook = payload.request
            guard let type = type(of: payload, what: "webhook '\(webhook.path)'") else { continue }
            let (caseName, _) = names.claim(context.memberName(raw))
            var decl = OneOfDecl.Case(name: Identifier(caseName), type: type, tags: [])
            if let typed = payload.typed { decl.pins = types.pins(of: typed.schema) }
            cases.append(decl)
            entries.append(OneOfDecl.WebhookEntry(name: webhook.path, method: webhook.method.wireName, caseName: Identifier(caseName), type: type,
                                                  headers: fixedHeaders(webhook)))
        }
        guard !cases.isEmpty, let name else { return nil }
        var decl = OneOfDecl(name: name, docs: [
            "A webhook request this API sends, decoded: a case per webhook of the document, with its payload.",
            "", "A receiving server calls `\(name).decode(webhook:method:body:)` when its route names the webhook,",
            "else `\(name).decode(body:headers:)`, which goes by a header the document fixes for each webhook,",
            "then by the JSON (the payload type that keeps most of it).",
        ], cases: cases, discriminator: nil, hasUnknownCase: true, nested: [])
        decl.webhooks = entries
        return decl
    }

    /// Each operation's callbacks get their payload types, and a note that says so.
    func translateCallbacks(of operations: [Operation]) {
        for (operation, callback, payloads) in callbackPayloads(of: operations) {
            let made = payloads.compactMap { type(of: $0, what: "callback '\(callback.name)'") }.map { SwiftSpelling.type($0, namespace: nil) }
            let what = made.isEmpty ? "no JSON payload" : "payload type\(made.count > 1 ? "s" : "") \(made.joined(separator: ", "))"
            context.diagnostics.note("callback '\(callback.name)' of \(operation.operationID ?? operation.path): \(what) generated; the client does not receive callbacks (a server of yours does)", at: callback.location)
        }
    }

    private func jsonSchema(_ body: RequestBody) -> Schema? {
        body.content.first { OperationTranslator.isJSON($0.contentType) }?.schema
    }

    /// The payload's type: its JSON body's schema, a component's type or one named by its hint.
    private func type(of payload: Payload, what: String) -> TypeUsage? {
        guard let body = payload.request.requestBody else {
            context.warning("\(what) has no request body; it has no payload type", at: payload.request.location)
            return nil
        }
        guard let typed = payload.typed else {
            context.warning("\(what) has no JSON body (\(body.content.map(\.contentType).joined(separator: ", "))); it has no payload type and decodes as unknown", at: body.location)
            return nil
        }
        var scope = TypeScope(path: [], reserved: [])
        let type = types.usage(for: typed.schema, hint: typed.hint, scope: &scope)
        context.operationDecls.append(contentsOf: scope.nested)
        return type
    }

    /// Headers the document fixes for a webhook (a `const`, or an `enum` of one value): a
    /// request that carries one is that webhook, whatever its body.
    private func fixedHeaders(_ webhook: Operation) -> [OneOfDecl.WebhookEntry.Header] {
        webhook.parameters.compactMap { parameter in
            guard parameter.location == .header, let schema = parameter.schema else { return nil }
            let values = schema.constValue.map { [$0] } ?? schema.enumValues ?? []
            guard values.count == 1, case .string(let value) = values[0] else { return nil }
            return .init(name: parameter.name.lowercased(), value: value)
        }
    }
}
