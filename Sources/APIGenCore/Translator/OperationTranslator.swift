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
                OperationTranslator(context: types.context, types: types).translate(named[i].operation, name: named[i].name, rawName: named[i].rawName, streamName: named[i].streamName, auth: auth)
            }
        }
        types.merge(units) { i in
            for warning in named[i].warnings { context.diagnostics.append(warning) }
        }
        return zip(units, keeping).filter(\.1).map(\.0.result)
    }

    /// An operation's method name and the typed schemas of its signature, with the type name
    /// each suggests, in the order `translate` meets them.
    struct Plan {
        var rawName: String
        var swiftName: String
        var usages: [(schema: Schema, hint: String, typeName: String)] = []
        var streams = false
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

    func plan(_ operation: Operation) -> Plan {
        let rawName = rawName(operation)
        var plan = Plan(rawName: rawName, swiftName: SwiftNaming.memberName(rawName))
        let typePrefix = SwiftNaming.upperCamel(rawName)
        func add(_ schema: Schema, _ hint: String) { plan.usages.append((schema, hint, SwiftNaming.typeName(hint))) }
        for parameter in orderedParameters(operation) where Self.constantPathSegment(parameter) == nil {
            if let schema = parameter.schema, isTyped(parameter, schema) { add(schema, typePrefix + "_" + parameter.name) }
        }
        if let body = operation.requestBody, let (media, encoding) = pick(body.content, warns: false), let schema = media.schema,
           [.json, .form, .multipart].contains(encoding) {
            add(schema, body.componentName ?? typePrefix + "Request")
        }
        if let success = successBody(operation, typePrefix: typePrefix), let schema = success.schema,
           success.encoding != .text && success.encoding != .binary {
            add(schema, success.hint)
        }
        if let stream = streamBody(operation) {
            plan.streams = true
            if let schema = stream.schema { add(schema, typePrefix + Self.streamElementSuffix(stream.kind)) }
        }
        return plan
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
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "-._~".contains(c)) {
                out.append(c)
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }

    static func fallbackName(_ operation: Operation) -> String {
        let words = operation.path.split(separator: "/").map { String($0).replacingOccurrences("{", with: "by_").replacingOccurrences("}", with: "") }
        return ([operation.method.rawValue] + words).joined(separator: "_")
    }

    func translate(_ operation: Operation, name: String, rawName: String, streamName: String? = nil, auth: [AuthDecl]) -> OperationDecl {
        let typePrefix = SwiftNaming.upperCamel(rawName)
        var scope = TypeScope(path: [], reserved: [])
        // `body:` and `bodyFile:` are the request body's labels; every other name of the generated method is `_name`.
        var argumentNames = NameScope(reserved: ["body", Self.fileBodyLabel])

        var parameters: [OperationDecl.Parameter] = []
        var path = operation.path
        for parameter in orderedParameters(operation, warns: true) {
            // A path parameter that allows one value is that value, written into the path: the
            // caller does not pass a constant (`dagID: .tilde`).
            if let text = Self.constantPathSegment(parameter) {
                path = path.replacingOccurrences("{\(parameter.name)}", with: text)
                continue
            }
            let (argName, _) = argumentNames.claim(context.memberName(parameter.name))
            var type: TypeUsage = .string
            var constraints = Constraints()
            if let schema = parameter.schema, isTyped(parameter, schema) {
                type = types.usage(for: schema, hint: typePrefix + "_" + parameter.name, scope: &scope)
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

        let body = operation.requestBody.flatMap { translateBody($0, typePrefix: typePrefix) }
        // Bytes of a media range take their type as `contentType:`, which no parameter may be.
        if body?.callerNamesType == true, let i = parameters.firstIndex(where: { $0.name.name == Self.contentTypeLabel }) {
            parameters[i].name = Identifier(argumentNames.claim(Self.contentTypeLabel).name)
        }
        let (response, encoding, statuses) = translateResponse(operation, typePrefix: typePrefix)
        let stream = translateStream(operation, name: streamName, typePrefix: typePrefix)

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
            name: Identifier(name), method: operation.method, path: path, docs: docs,
            deprecated: operation.deprecated, parameters: parameters, body: body, response: response,
            responseEncoding: encoding, responseStatuses: statuses, errors: translateErrors(operation),
            pagination: nil, security: security, operationID: rawName
        )
        decl.location = operation.location
        decl.stream = stream
        decl.answers = translateAnswers(operation)
        decl.example = successExample(operation)
        if encoding == .text || encoding == .binary {
            decl.responseAccept = successBody(operation, typePrefix: typePrefix)?.accept
        }
        return decl
    }

    /// `application/json`, `…+json` and `*/*` (with parameters), in any case.
    static func isJSON(_ contentType: String) -> Bool {
        let base = MediaTypeName.essence(contentType)
        return base == "application/json" || base.hasSuffix("+json") || base == "*/*"
    }

    /// Path parameters in template order, then the query and header ones in document order.
    /// `warns`: about the parameters left out (once per operation: the first pass reads them too).
    private func orderedParameters(_ operation: Operation, warns: Bool = false) -> [Parameter] {
        var seenInTemplate: Set<String> = []
        let templateOrder = OperationReader.templateNames(operation.path).filter { seenInTemplate.insert($0).inserted }
        let pathParams = templateOrder.compactMap { n in operation.parameters.first { $0.location == .path && $0.name == n } }
        // A header named Accept, Content-Type or Authorization "SHALL be ignored": the client
        // sets those itself (the media types, the credentials).
        var headers: [String: String] = [:]
        let others = operation.parameters.filter { parameter in
            guard parameter.location == .header else { return parameter.location != .path }
            if ["accept", "content-type", "authorization"].contains(parameter.name.lowercased()) {
                if warns { context.warning("header parameter '\(parameter.name)' is ignored, as the specification says: the client sets \(parameter.name) itself", at: parameter.sourceLocation) }
                return false
            }
            // Header names are case-insensitive (RFC 9110): `X-Id` and `x-id` are one header, and
            // sending both would join their values into one.
            if let first = headers[parameter.name.lowercased()] {
                if warns { context.warning("header parameter '\(parameter.name)' is the header '\(first)' again (header names are case-insensitive); only '\(first)' is generated", at: parameter.sourceLocation) }
                return false
            }
            headers[parameter.name.lowercased()] = parameter.name
            return true
        }
        return pathParams + others
    }

    /// Whether a parameter gets its schema's type: a path segment or header holds text, so there
    /// only a single scalar does.
    private func isTyped(_ parameter: Parameter, _ schema: Schema) -> Bool {
        parameter.location == .query || types.isScalar(schema) || ["array", "object"].contains(types.kind(of: schema))
    }

    /// The media type a body is read or sent as; `warns` about entries that are no media type.
    func pick(_ content: [MediaType], warns: Bool = true) -> (MediaType, OperationDecl.Body.Encoding)? {
        if let json = content.first(where: { Self.isJSON($0.contentType) }) { return (json, .json) }
        if let form = content.first(where: { $0.contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") }) { return (form, .form) }
        if let multipart = content.first(where: { $0.contentType.lowercased().hasPrefix("multipart/") }) { return (multipart, .multipart) }
        if let text = content.first(where: { $0.contentType.lowercased().hasPrefix("text/") }) { return (text, .text) }
        for media in content {
            let t = media.contentType.lowercased()
            if t.contains("/") { return (media, .binary) }
            if warns { context.warning("content type '\(media.contentType)' is not a media type; ignored", at: media.location) }
        }
        return nil
    }

    private func translateBody(_ body: RequestBody, typePrefix: String) -> OperationDecl.Body? {
        guard let (media, picked) = pick(body.content) else { return nil }
        var encoding = picked
        if encoding == .json, let schema = media.schema, isBinaryString(schema) { encoding = .binary }
        var scope = TypeScope(path: [], reserved: [])
        var type: TypeUsage
        switch encoding {
        case .json, .form, .multipart:
            if let schema = media.schema {
                // A multipart part of `format: binary` is a file, with its file name and type.
                types.binaryAsFiles = encoding == .multipart
                defer { types.binaryAsFiles = false }
                type = types.usage(for: schema, hint: body.componentName ?? typePrefix + "Request", scope: &scope)
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
