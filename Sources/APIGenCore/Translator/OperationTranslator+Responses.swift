/// The answers of an operation: the 2xx body the client returns, the streamed body, the typed
/// error bodies, every documented status (the server's answer cases) and the mock's example.
extension OperationTranslator {
    /// What the 2xx answers of an operation return.
    struct Success {
        /// `.json` for any structured body (a form or multipart answer is read as JSON too).
        var encoding: OperationDecl.Body.Encoding
        /// The body's schema: the one 2xx body's, or a `oneOf` of the JSON bodies when 2xx answers
        /// differ (200 and 201 with different schemas).
        var schema: Schema?
        /// The schema the answer's type comes from, and the name it is made from.
        var typed: OperationPlan.Typed?
        /// With several bodies: each status and the `oneOf` alternative it selects.
        var statuses: [OperationDecl.StatusCase] = []
        /// A 2xx answer is declared without a body beside one with a body (200 and 204).
        var mayBeEmpty = false
        /// The media types the answer is documented in, as an `Accept` header lists them.
        var accept = ""
    }

    /// The 2xx answers, exact codes before `2XX`: their body, or the bodies by status.
    func successBody(_ operation: Operation, typePrefix: String, warnings: inout [Diagnostic]) -> Success? {
        let successes = operation.responses.filter(\.isSuccess).sorted { a, b in
            let ar = a.status.hasSuffix("XX"), br = b.status.hasSuffix("XX")
            return ar != br ? !ar : a.status < b.status
        }
        guard let first = successes.first(where: { !$0.content.isEmpty }), let (media, picked) = pick(first.content, warnings: &warnings) else {
            return nil
        }
        let encoding: OperationDecl.Body.Encoding = picked == .text || picked == .binary ? picked : .json
        var success = Success(encoding: encoding, schema: media.schema)
        success.accept = first.content.map(\.contentType).filter { $0.contains("/") }.joined(separator: ", ")
        success.mayBeEmpty = successes.contains { $0.content.isEmpty }
        let hint = first.componentName ?? typePrefix + "Response"
        if picked == .json, media.schema != nil {
            // Several JSON bodies: one alternative per distinct schema, in status order.
            var alternatives: [Schema] = [], keys: [String] = []
            for response in successes {
                guard let json = response.content.first(where: { Self.isJSON($0.contentType) }), let schema = json.schema else { continue }
                let key: String
                switch schema.ref {
                case .component(let raw): key = "#" + raw
                default: key = schema.location.description
                }
                if let index = keys.firstIndex(of: key) {
                    success.statuses.append(OperationDecl.StatusCase(status: response.status, alternative: index))
                } else {
                    success.statuses.append(OperationDecl.StatusCase(status: response.status, alternative: alternatives.count))
                    keys.append(key)
                    alternatives.append(schema)
                }
            }
            if alternatives.count > 1 {
                // At the operation's location, which no other schema has: a response shared by
                // several operations does not make them share one enum.
                let union = Schema(location: operation.location, description: "The body of a 2xx answer of `\(operation.operationID ?? typePrefix)`, by status.", oneOf: alternatives)
                success.schema = union
                success.typed = .init(schema: union, hint: typePrefix + "Response")
                return success
            }
            success.statuses = []
        }
        guard encoding == .json, let schema = success.schema else { return success }
        if isBinaryString(schema) {
            success.encoding = .binary
        } else {
            success.typed = .init(schema: schema, hint: hint)
        }
        return success
    }

    /// The method's return type, its encoding and, with several bodies, the status of each.
    func translateResponse(_ success: Success?) -> (TypeUsage?, OperationDecl.Body.Encoding, [OperationDecl.StatusCase]) {
        guard let success else { return (nil, .json, []) }
        switch success.encoding {
        case .text: return (success.mayBeEmpty ? TypeUsage.string.optional : .string, .text, [])
        case .binary: return (success.mayBeEmpty ? TypeUsage.builtin(.data).optional : .builtin(.data), .binary, [])
        default:
            guard let typed = success.typed else { return (success.mayBeEmpty ? TypeUsage.jsonValue.optional : .jsonValue, .json, []) }
            var scope = TypeScope(path: [], reserved: [])
            var type = types.usage(for: typed.schema, hint: typed.hint, scope: &scope)
            if types.isNullable(typed.schema) || success.mayBeEmpty { type = type.optional }
            context.operationDecls.append(contentsOf: scope.nested)
            return (type, .json, success.statuses)
        }
    }

    static let streamKinds: [String: OperationDecl.Stream.Kind] = [
        "text/event-stream": .events, "application/jsonl": .jsonLines, "application/x-ndjson": .jsonLines,
        "application/x-jsonlines": .jsonLines, "application/json-seq": .jsonSequence,
    ]

    /// The first 2xx body in a streaming media type, with the schema of one element: an
    /// event's data, or one value (the items, when the document writes the stream as an array).
    /// No schema, or a plain string, is an event's text.
    func streamBody(_ operation: Operation) -> (media: MediaType, kind: OperationDecl.Stream.Kind, schema: Schema?, status: String)? {
        for response in operation.responses where response.isSuccess {
            for media in response.content {
                guard let kind = Self.streamKinds[MediaTypeName.essence(media.contentType)] else { continue }
                var schema = media.itemSchema ?? media.schema
                if kind == .events, var item = media.itemSchema {
                    if let ref = item.ref, let target = types.resolvedTarget(ref) { item = target }
                    // 3.2: an event stream's item is the event (data, event, id, retry); the
                    // element is what its `data` holds, by `contentSchema` when it is JSON text.
                    let data = item.properties.first { $0.name == "data" }?.schema
                    schema = data.flatMap { $0.contentSchema ?? $0 }
                    if let data, data.contentSchema == nil, data.singleType == "string" { schema = nil }
                }
                if media.itemSchema == nil, kind != .events, let s = schema, s.singleType == "array", let items = s.items { schema = items }
                if let s = schema, s.ref == nil, s.singleType == "string", s.format == nil, s.enumValues == nil { schema = nil }
                return (media, kind, schema, response.status)
            }
        }
        return nil
    }

    /// The name an inline element schema's type ends in: `CreateChatEvent`, `ExportRowsItem`.
    static func streamElementSuffix(_ kind: OperationDecl.Stream.Kind) -> String { kind == .events ? "Event" : "Item" }

    func translateStream(_ planned: OperationPlan.Stream?, name: String?) -> OperationDecl.Stream? {
        guard let name, let planned else { return nil }
        var element = planned.kind == .events ? TypeUsage.string : .jsonValue
        if let typed = planned.typed {
            var scope = TypeScope(path: [], reserved: [])
            element = types.usage(for: typed.schema, hint: typed.hint, scope: &scope)
            context.operationDecls.append(contentsOf: scope.nested)
        }
        var stream = OperationDecl.Stream(name: Identifier(name), kind: planned.kind, element: element, contentType: planned.media.contentType)
        stream.status = planned.status
        return stream
    }

    /// The error answers whose JSON body is a named schema (a `$ref` to a component, or an
    /// `allOf` of one): those are decoded into its type. An inline error schema stays untyped
    /// (`ServerError` and the raw body): typing it would add a type per operation to compile.
    func errorBodies(_ operation: Operation) -> [(status: String, schema: Schema)] {
        operation.responses.compactMap { response in
            guard !response.isSuccess, let json = response.content.first(where: { Self.isJSON($0.contentType) }),
                  var schema = json.schema else { return nil }
            if schema.ref == nil, schema.allOf.count == 1, schema.properties.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty {
                schema = schema.allOf[0]
            }
            guard case .component? = schema.ref else { return nil }
            return (response.status, schema)
        }
    }

    func translateErrors(_ operation: Operation) -> [OperationDecl.ErrorBody] {
        var scope = TypeScope(path: [], reserved: [])
        return errorBodies(operation).map { status, schema in
            OperationDecl.ErrorBody(status: status, type: types.usage(for: schema, hint: "", scope: &scope))
        }
    }

    /// Every documented status and its body's media type, exact codes first, then ranges, then
    /// `default` (the order a server's `switch` needs no more than).
    func translateAnswers(_ operation: Operation) -> [OperationDecl.Answer] {
        let typed = Set(errorBodies(operation).map(\.status))
        func rank(_ status: String) -> Int { status == "default" ? 2 : status.hasSuffix("XX") ? 1 : 0 }
        let sorted = operation.responses.enumerated().sorted { a, b in
            rank(a.element.status) != rank(b.element.status) ? rank(a.element.status) < rank(b.element.status) : a.offset < b.offset
        }
        return sorted.map { _, response in
            var answer = OperationDecl.Answer(status: response.status, contentType: nil, encoding: .json)
            if let (media, encoding) = pick(response.content) {
                answer = OperationDecl.Answer(status: response.status, contentType: media.contentType, encoding: encoding)
                answer.isUntypedJSON = !response.isSuccess && encoding == .json && !typed.contains(response.status)
            }
            // The specification ignores a `Content-Type` response header; a header named twice in
            // another case is one header (names are case-insensitive).
            var names = NameScope(), seen: Set<String> = []
            for header in response.headers where header.name.lowercased() != "content-type" && seen.insert(header.name.lowercased()).inserted {
                let type = header.schema.map(ResponseHeaders.valueType) ?? .string
                answer.headers.append(.init(name: Identifier(names.claim(context.memberName(header.name)).name), wireName: header.name, type: type, required: header.required))
            }
            return answer
        }
    }

    /// The first example of the first 2xx body that has one: the media type's own, else its
    /// schema's (through a `$ref`).
    func successExample(_ operation: Operation) -> Literal? {
        for response in operation.responses where response.isSuccess {
            guard let (media, _) = pick(response.content) else { continue }
            if let first = media.examples.first { return first.value }
            guard var schema = media.schema else { continue }
            if let ref = schema.ref, let target = types.resolvedTarget(ref) { schema = target }
            if let example = schema.example { return example }
        }
        return nil
    }
}
