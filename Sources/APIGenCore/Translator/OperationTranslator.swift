/// Turns operations into client methods, and security schemes into client credentials.
struct OperationTranslator {
    let context: TranslationContext
    let types: TypeTranslator

    /// The public members of a generated `Client` (and `MockClient`'s `handlers`), which no
    /// operation may take. Its internal
    /// members and the generated code's locals are spelled `_name`, which `SwiftNaming` never
    /// hands out, so they need no entry here.
    static let clientMembers: Set<String> = ["serverURL", "description", "defaultServerURL", "with", "handlers"]
    /// The labels of `Client.init` besides the credentials.
    static let initLabels: Set<String> = ["serverURL", "transport", "timeout", "validatesArguments", "retry", "middlewares"]

    /// Every operation's method, each built under the names the first pass gave it
    /// (`TopLevelNaming`): a function of those settled names alone, so the operations are built
    /// on all cores, and `workers` (nil: one per core) changes nothing but the speed.
    /// `keeping[i]`: whether operation `i` gets a method (all are translated, for stable names).
    func translateAll(_ named: [TopLevelNaming.NamedOperation], auth: [AuthDecl], keeping: [Bool], workers: Int? = nil) -> [OperationDecl] {
        let units = types.translateUnits(named.count, workers: workers) { types, i in
            types.building(named[i].claimed) {
                OperationTranslator(context: types.context, types: types).translate(named[i], auth: auth)
            }
        }
        types.merge(units) { i in
            for warning in named[i].warnings { context.diagnostics.append(warning) }
        }
        return zip(units, keeping).filter(\.1).map(\.0.result)
    }

    /// The key of `names.operations` that names this operation, if any: its operationId, or
    /// `METHOD /path`.
    func overrideKey(_ operation: Operation) -> String? {
        if let id = operation.operationID, context.operationOverrides[id] != nil { return id }
        let route = operation.method.rawValue.uppercased() + " " + operation.path
        return context.operationOverrides[route] != nil ? route : nil
    }

    /// The name an operation's method and types are made from: the configured one, else its
    /// operationId (shortened when asked), else one made of its method and path.
    func rawName(_ operation: Operation) -> String {
        if let key = overrideKey(operation), let name = context.operationOverrides[key] { return name }
        guard let id = operation.operationID else { return Self.fallbackName(operation) }
        return context.shortensOperationIDs ? Self.shortened(id, operation) : id
    }

    /// An operationId without the path and method it repeats at its end, as FastAPI writes them
    /// (`read_variable_by_name_variables_name__name__get`, or camel-cased); unchanged when it does
    /// not end so, or when nothing would be left.
    static func shortened(_ id: String, _ operation: Operation) -> String {
        let words = SwiftNaming.words(id).map { $0.lowercased() }
        let route = (SwiftNaming.words(operation.path) + [operation.method.rawValue]).map { $0.lowercased() }
        guard words.count > route.count, Array(words.suffix(route.count)) == route else { return id }
        return words.dropLast(route.count).joined(separator: "_")
    }

    /// The argument of a binary body's second method, which sends a file as it is read.
    static let fileBodyLabel = "bodyFile"
    /// The argument that names the media type of bytes the document gives a range for (`image/*`).
    static let contentTypeLabel = "contentType"

    /// `GET /accounts/{account_id}/meetings` → `get_accounts_account_id_meetings`.
    /// The percent-encoded path segment of the one value a (simple-style) path parameter's
    /// schema allows (a `const` or an enum of one string or integer), if it allows one.
    static func constantPathSegment(_ parameter: Parameter) -> String? {
        guard parameter.location == .path, parameter.style == nil || parameter.style == "simple", let schema = parameter.schema else { return nil }
        let text: String
        switch TypeTranslator.onlyValue([schema]) {
        case .string(let value)?: text = value
        case .int(let value)?: text = String(value)
        default: return nil
        }
        guard !text.isEmpty else { return nil }
        return URLEscaping.encoded(text) { bytes, i in URLEscaping.isUnreserved(bytes[i]) }
    }

    static func fallbackName(_ operation: Operation) -> String {
        let words = operation.path.split(separator: "/").map { String($0).replacingOccurrences("{", with: "by_").replacingOccurrences("}", with: "") }
        return ([operation.method.rawValue] + words).joined(separator: "_")
    }

    /// The method of an operation, as its plan says, under the names the naming pass gave it.
    func translate(_ named: TopLevelNaming.NamedOperation, auth: [AuthDecl]) -> OperationDecl {
        let (operation, plan) = (named.operation, named.plan)
        if let hash = operation.path.firstIndex(of: "#") {
            context.warning("the path's fragment '\(operation.path[hash...])' is not sent (no request carries a fragment): this operation is sent to '\(operation.path[..<hash])'", at: operation.location)
        }
        report(plan.parameterWarnings)
        var scope = TypeScope(path: [], reserved: [])
        // `body:` and `bodyFile:` are the request body's labels; every other name of the generated method is `_name`.
        var argumentNames = NameScope(reserved: ["body", Self.fileBodyLabel])

        var parameters: [OperationDecl.Parameter] = []
        var path = operation.path
        for planned in plan.parameters {
            let parameter = planned.parameter
            // A path parameter that allows one value is that value, written into the path: the
            // caller does not pass a constant (`dagID: .tilde`).
            if let text = planned.constant {
                path = path.replacingOccurrences("{\(parameter.name)}", with: text)
                continue
            }
            let (argName, _) = argumentNames.claim(context.memberName(parameter.name))
            var type: TypeUsage = .string
            var constraints = Constraints()
            if let typed = planned.typed, let schema = parameter.schema {
                type = types.usage(for: typed.schema, hint: typed.hint, scope: &scope)
                constraints = types.constraints(of: schema)
                types.checkExample(schema, constraints: constraints, example: parameter.example)
            } else if let schema = parameter.schema {
                // A path segment or header holds text: a schema that is not a single scalar
                // (no type, an object, a oneOf of formats) is sent as the string the caller gives.
                constraints = types.constraints(of: schema)
                types.checkExample(schema, constraints: constraints, example: parameter.example)
            }
            if !parameter.required { type = type.optional }
            var docs = Documentation.firstLine(of: parameter.description)
            if let schema = parameter.schema, docs.isEmpty { docs = types.docs(for: schema).firstLine }
            let (style, explode) = ParameterStyles.decide(parameter, kind: parameter.schema.map { types.kind(of: $0) } ?? "string",
                                                          nested: parameter.schema.map { types.hasNestedValues($0) } ?? false, context: context)
            var decl = OperationDecl.Parameter(
                name: Identifier(argName), wireName: parameter.name, location: parameter.location, type: type,
                docs: docs, constraints: constraints, style: style, explode: explode
            )
            decl.allowReserved = parameter.location == .query && parameter.allowReserved == true
            decl.isJSON = parameter.contentType.map(Self.isJSON) ?? false
            if parameter.location == .querystring { decl.queryStringMediaType = parameter.contentType ?? "application/x-www-form-urlencoded" }
            parameters.append(decl)
        }
        context.operationDecls.append(contentsOf: scope.nested)

        report(plan.bodyWarnings)
        let body = operation.requestBody.flatMap { translateBody($0, plan.body) }
        // Bytes of a media range take their type as `contentType:`, which no parameter may be.
        if body?.callerNamesType == true, let i = parameters.firstIndex(where: { $0.name.name == Self.contentTypeLabel }) {
            parameters[i].name = Identifier(argumentNames.claim(Self.contentTypeLabel).name)
        }
        report(plan.successWarnings)
        let (response, encoding, statuses) = translateResponse(plan.success)
        let stream = translateStream(plan.stream, name: named.streamName)

        var text: [String] = []
        if let summary = operation.summary { text.append(summary.trimmingTrailingWhitespace()) }
        if let description = operation.description, description != operation.summary {
            if !text.isEmpty { text.append("") }
            text.append(contentsOf: description.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingWhitespace() })
        }
        while text.last?.isEmpty == true { text.removeLast() }
        let docs = Documentation([.text(text), .route(method: operation.method.wireName, path: operation.path)])

        let alternatives = operation.security ?? context.document.security
        var security: [String] = []
        for alternative in alternatives {
            for scheme in alternative where auth.contains(where: { $0.schemeName == scheme }) && !security.contains(scheme) {
                security.append(scheme)
            }
        }

        var decl = OperationDecl(
            name: Identifier(named.name), method: operation.method, path: path, docs: docs,
            deprecated: operation.deprecated, parameters: parameters, body: body, response: response,
            responseEncoding: encoding, responseStatuses: statuses, errors: translateErrors(operation),
            pagination: nil, security: security, operationID: plan.rawName
        )
        decl.location = operation.location
        decl.stream = stream
        decl.answers = translateAnswers(operation)
        decl.example = successExample(operation)
        if encoding == .text || encoding == .binary {
            decl.responseAccept = plan.success?.accept
        }
        return decl
    }

    /// Gives the plan's warnings (each once, like every warning).
    private func report(_ warnings: [Diagnostic]) {
        for warning in warnings { context.diagnostics.warning(warning.message, at: warning.location) }
    }

    /// `application/json`, `…+json` and `*/*` (with parameters), in any case.
    static func isJSON(_ contentType: String) -> Bool {
        let base = MediaTypeName.essence(contentType)
        return base == "application/json" || base.hasSuffix("+json") || base == "*/*"
    }

    private func translateBody(_ body: RequestBody, _ planned: OperationPlan.Body?) -> OperationDecl.Body? {
        guard let planned else { return nil }
        let (media, encoding) = (planned.media, planned.encoding)
        var scope = TypeScope(path: [], reserved: [])
        var type: TypeUsage
        switch encoding {
        case .json, .form, .multipart:
            if let typed = planned.typed {
                // A multipart part of `format: binary` is a file, with its file name and type.
                types.binaryAsFiles = encoding == .multipart
                defer { types.binaryAsFiles = false }
                type = types.usage(for: typed.schema, hint: typed.hint, scope: &scope)
            } else {
                type = .jsonValue
            }
        case .text: type = .string
        case .binary: type = .builtin(.data)
        }
        context.operationDecls.append(contentsOf: scope.nested)
        var isNamed = false
        if case .named = type { isNamed = true }
        if (encoding == .form || encoding == .multipart) && !isNamed {
            context.warning("\(media.contentType) bodies are sent from an object's top-level fields; this schema is not an object", at: media.location)
        }
        if !body.required { type = type.optional }
        let docs = Documentation.firstLine(of: body.description)
        var decl = OperationDecl.Body(type: type, contentType: media.contentType, encoding: encoding, required: body.required, docs: docs)
        if encoding == .form || encoding == .multipart {
            decl.fields = BodyFields.decide(media, encoding: encoding, types: types, context: context)
        }
        return decl
    }

}
