/// The server: `APIHandler`, a protocol with a typed method per operation (the decoded
/// parameters and body in, the operation's answer enum out), and `APIServer`, whose routes read
/// each request as the document says, check it as the client checks its arguments, call the
/// handler, and write its answer.
struct ServerRenderer: ProductRenderer {
    let options: RenderOptions
    let index: TypeIndex
    /// By operation name: the earlier operation with the same method and path (Box writes
    /// `/files/{id}#update` beside `/files/{id}`), which a request for it reaches instead.
    let shadowedBy: [Identifier: Identifier]

    init(options: RenderOptions, index: TypeIndex, module: ModuleDecl) {
        self.options = options
        self.index = index
        var first: [String: Identifier] = [:], shadowed: [Identifier: Identifier] = [:]
        for operation in module.operations {
            let key = operation.method.wireName + " " + Self.template(operation)
            if let earlier = first[key] { shadowed[operation.name] = earlier } else { first[key] = operation.name }
        }
        self.shadowedBy = shadowed
    }

    /// The path a route matches (`PathText.routeTemplate`).
    static func template(_ operation: OperationDecl) -> String {
        PathText.routeTemplate(operation.path)
    }

    static let handler = "APIHandler", server = "APIServer"
    /// The runtime's server types, spelled with the module so that no generated type hides them.
    static let runtime = "APIGenRuntime."

    private var access: String { options.access }
    private var answers: ServerAnswers { ServerAnswers(options: options, index: index) }
    private var client: ClientRenderer { ClientRenderer(options: options, index: index) }

    func render(_ module: ModuleDecl, into p: inout CodePrinter) {
        renderHandler(module, into: &p)
        p.line()
        renderServer(module, into: &p)
    }

    /// `GetJobAnswer`: a member of `APIServer`, numbered when a top-level type has the name
    /// (inside `APIServer` it would hide that type).
    func answerName(_ operation: OperationDecl) -> String {
        index.nestedTypeName(TypeIndex.upperFirst(operation.name) + "Answer")
    }

    private func renderHandler(_ module: ModuleDecl, into p: inout CodePrinter) {
        let title = module.title.isEmpty ? "the API" : module.title
        p.docs(["What a server of \(SwiftSpelling.docLine(title)) implements: one method per operation, given the",
                "request's decoded parameters and body, answering one of the statuses the document lists.", "",
                "`\(Self.server)(handler:)` routes requests to it (`respond(to:)`, or a swift-openapi-runtime",
                "`ServerTransport` through APIGenOpenAPIRuntime's `register(_:)`)."])
        p.block("\(options.isolation)\(access) protocol \(Self.handler): Sendable") { p in
            for (i, operation) in module.operations.enumerated() {
                if i > 0 { p.line() }
                var docs = operation.summary
                if shadowedBy[operation.name] != nil, let reason = unsupported(operation) {
                    docs += (docs.isEmpty ? [] : [""]) + ["Not called: \(reason)."]
                } else if let reason = unsupported(operation) {
                    docs += (docs.isEmpty ? [] : [""]) + ["Not called: the route answers 501, as \(reason)."]
                }
                // Not marked `@available(deprecated)`: the routes call it, and a server still answers it.
                if operation.deprecated { docs += (docs.isEmpty ? [] : [""]) + ["Deprecated in the API document."] }
                p.docs(docs)
                let params = OperationSignature(operation).parameters(options, defaults: false)
                p.line("func \(operation.name.swift)(\(params.joined(separator: ", "))) async throws -> \(Self.server).\(answerName(operation))")
            }
        }
    }

    private func renderServer(_ module: ModuleDecl, into p: inout CodePrinter) {
        p.docs(["Routes requests to an `\(Self.handler)`: each is read and checked as the document says, then",
                "answered with what the handler returns. A request that does not read is answered 400 with",
                "the reason in plain text; an error the handler throws, 500 with no details."])
        p.block("\(options.isolation)\(access) struct \(Self.server): Sendable") { p in
            p.line("\(access) let handler: any \(Self.handler)")
            p.docs(["Whether each request's parameters and body are checked against the schema's constraints (as the client checks its arguments)."])
            p.line("\(access) let validatesRequests: Bool")
            p.docs(["One route per operation: its method, its path template and what answers it."])
            p.line("\(access) let routes: [\(Self.runtime)ServerRoute]")
            p.line("private let _router: \(Self.runtime)ServerRouter")
            p.line()
            p.docs(["- Parameters:",
                    "  - handler: Answers the operations.",
                    "  - validatesRequests: Check parameters and bodies against the schema's constraints.",
                    "  - prefix: The path `respond(to:)` finds the routes under (a server URL's path, `/v1`)."])
            p.block("\(access) init(handler: any \(Self.handler), validatesRequests: Bool = true, prefix: String = \"\")") { p in
                p.line("self.handler = handler")
                p.line("self.validatesRequests = validatesRequests")
                p.line("self.routes = Self._routes(handler, validatesRequests)")
                p.line("self._router = \(Self.runtime)ServerRouter(routes: self.routes, prefix: prefix)")
            }
            p.line()
            p.block("private static func _routes(_ _handler: any \(Self.handler), _ _validates: Bool) -> [\(Self.runtime)ServerRoute]") { p in
                p.line("[")
                p.indent()
                for operation in module.operations where shadowedBy[operation.name] == nil {
                    let method = SwiftSpelling.string(operation.method.wireName), path = SwiftSpelling.string(Self.template(operation))
                    p.line("\(Self.runtime)ServerRoute(method: \(method), template: \(path)) { try await Self.\(routeName(operation))(_handler, $0, _validates) },")
                }
                p.outdent()
                p.line("]")
            }
            p.line()
            p.docs(["The answer to one request, routed by its method and path (404 and 405 when no route matches)."])
            p.block("\(access) func respond(to request: \(Self.runtime)ServerRequest) async -> \(Self.runtime)ServerResponse") { p in
                p.line("await self._router.respond(to: request)")
            }
            for operation in module.operations {
                p.line()
                renderAnswerEnum(operation, into: &p)
                p.line()
                renderRoute(operation, into: &p)
            }
        }
    }

    private func routeName(_ operation: OperationDecl) -> String { "_" + operation.name.name }

    private func renderAnswerEnum(_ operation: OperationDecl, into p: inout CodePrinter) {
        p.docs(["What `\(operation.name.name)` answers: a case per documented status."])
        let cases = answers.cases(operation)
        p.block("\(access) enum \(answerName(operation)): Sendable") { p in
            for entry in cases {
                p.docs(["`\(entry.documented)`" + (entry.contentType.map { " `\(SwiftSpelling.docLine($0))`" } ?? "")])
                p.line(answers.declaration(entry))
            }
            for entry in cases where entry.headersType != nil {
                p.line()
                answers.renderHeaders(entry, access: access, into: &p)
            }
        }
    }

    /// Why the server cannot read an operation's request exactly, if it cannot.
    func unsupported(_ operation: OperationDecl) -> String? {
        if let earlier = shadowedBy[operation.name] {
            return "`\(earlier.name)` has the same method and path, and its route answers every such request"
        }
        if let body = operation.body, body.encoding == .form {
            let (fields, decl) = flattenedFormFields(body)
            if fields.count > 1 {
                return "the form fields '\(fields[0].wireName)' and '\(fields[1].wireName)' are objects whose members are fields of the body itself, which cannot be told apart"
            }
            if let field = fields.first, decl?.additionalProperties != nil {
                return "the form field '\(field.wireName)' is an object whose members are fields of the body itself, which cannot be told from the body's other fields"
            }
        }
        return nil
    }

    /// The properties of a form body that are objects written in exploded `form` style: their
    /// members become fields of the body itself (`a=1&b=2`). One is read as the fields the body
    /// does not declare (`FormFlattening`); two cannot be told apart.
    private func flattenedFormFields(_ body: OperationDecl.Body) -> (fields: [PropertyDecl], body: StructDecl?) {
        guard case .named(let path) = index.resolved(body.type).unwrapped, let decl = index.structDecl(at: path) else { return ([], nil) }
        var result: [PropertyDecl] = []
        for property in decl.properties {
            let field = body.fields.first { $0.name == property.wireName }
            let style = field?.style ?? .form
            guard style == .form || style == .spaceDelimited || style == .pipeDelimited else { continue }
            let resolved = index.resolved(property.type).unwrapped
            var isObject = false
            if case .dictionary = resolved { isObject = true }
            if resolved == .jsonValue { isObject = true }   // free-form: may be an object
            if index.kind(of: resolved) == .structure { isObject = true }
            if isObject && (field?.explode ?? (style == .form)) { result.append(property) }
        }
        return (result, decl)
    }

    /// `, flattening: FormFlattening(…)` for a form body with one flattened object property.
    private func flatteningArgument(_ body: OperationDecl.Body) -> String {
        let (fields, decl) = flattenedFormFields(body)
        guard let field = fields.first, let decl else { return "" }
        let others = decl.properties.filter { $0.wireName != field.wireName }.map { SwiftSpelling.string($0.wireName) }
        return ", flattening: .init(field: \(SwiftSpelling.string(field.wireName)), others: [\(others.joined(separator: ", "))], required: \(!field.type.isOptional))"
    }

    /// The route's function: decode, check, call, encode.
    private func renderRoute(_ operation: OperationDecl, into p: inout CodePrinter) {
        let runtime = Self.runtime
        p.block("static func \(routeName(operation))(_ _handler: any \(Self.handler), _ _input: \(runtime)ServerInput, _ _validates: Bool) async throws -> \(runtime)ServerResponse") { p in
            if let reason = unsupported(operation) {
                p.line("throw \(runtime)ServerRequestError(status: 501, message: \(SwiftSpelling.string("the server cannot read this request: " + reason)))")
                return
            }
            for parameter in operation.parameters { p.line(decode(parameter)) }
            if let body = operation.body { p.line(decode(body)) }
            if let body = operation.body, body.callerNamesType {
                // Bytes of a range come with the type they are: the handler is told which.
                p.line("let \(OperationTranslator.contentTypeLabel): String = try _input.contentType(within: \(SwiftSpelling.string(body.contentType)))")
            }
            renderValidation(operation, into: &p)
            let arguments = OperationSignature(operation).passedOn
            p.line("switch try await _handler.\(operation.name.swift)(\(arguments.joined(separator: ", "))) {")
            for entry in answers.cases(operation) { p.line(answers.encodingCase(entry)) }
            p.line("}")
        }
    }

    /// `let id: String = try _input.path("id")`.
    private func decode(_ parameter: OperationDecl.Parameter) -> String {
        let wire = SwiftSpelling.string(parameter.wireName)
        let type = options.spell(parameter.type)
        let shape = parameter.shape
        let read: String
        let styled = "style: .\(parameter.style.rawValue), explode: \(parameter.explode)"
        switch (parameter.location, shape) {
        case (.path, .json): read = "_input.pathJSON(\(wire))"
        case (.path, .primitive) where parameter.style == .simple: read = "_input.path(\(wire))"
        case (.path, .primitive): read = "_input.pathStyled(\(wire), \(styled), shape: .primitive)"
        case (.path, .array): read = "_input.pathStyled(\(wire), \(styled), shape: .array)"
        case (.path, _): read = "_input.pathStyled(\(wire), \(styled), shape: .object)"
        case (.query, .object): read = "_input.queryObject(\(wire), \(styled))"
        // An array in `deepObject` is written in brackets, as an object's members are.
        case (.query, .array) where parameter.style == .deepObject: read = "_input.queryObject(\(wire), \(styled))"
        case (.header, .object): read = "_input.headerObject(\(wire), explode: \(parameter.explode))"
        case (.query, .array):
            let delimiter = parameter.style == .spaceDelimited ? ", delimiter: \" \"" : parameter.style == .pipeDelimited ? ", delimiter: \"|\"" : ""
            read = "_input.queryArray(\(wire), explode: \(parameter.explode)\(delimiter))"
        case (.query, .json): read = "_input.queryJSON(\(wire))"
        case (.query, _): read = "_input.query(\(wire))"
        case (.header, .array): read = "_input.headerArray(\(wire))"
        case (.header, .json): read = "_input.headerJSON(\(wire))"
        case (.header, _): read = "_input.header(\(wire))"
        case (.cookie, .array): read = "_input.cookieStyled(\(wire), explode: \(parameter.explode), shape: .array)"
        case (.cookie, .object): read = "_input.cookieStyled(\(wire), explode: \(parameter.explode), shape: .object)"
        case (.cookie, .json): read = "_input.cookieJSON(\(wire))"
        case (.querystring, _): read = "_input.queryString(mediaType: \(SwiftSpelling.string(parameter.queryStringMediaType ?? "")))"
        default: read = "_input.cookie(\(wire))"
        }
        let what = SwiftSpelling.string("the \(parameter.location.rawValue) parameter '\(parameter.wireName)'")
        if parameter.location == .path || parameter.type.isOptional { return "let \(parameter.name.swift): \(type) = try \(read)" }
        return "let \(parameter.name.swift): \(type) = try _input.required(\(read), \(what))"
    }

    private func decode(_ body: OperationDecl.Body) -> String {
        let type = options.spell(body.type)
        let read: String
        switch body.encoding {
        case .text: read = "_input.textBody(required: \(body.required))"
        case .binary: read = "_input.dataBody(required: \(body.required))"
        case .multipart: read = "_input.multipartBody(\(options.spell(body.type.unwrapped)).self, required: \(body.required))"
        case .form: read = "_input.formBody(\(options.spell(body.type.unwrapped)).self, required: \(body.required)\(ClientRenderer.fieldsArgument(body.fields))\(flatteningArgument(body)))"
        default: read = "_input.jsonBody(\(options.spell(body.type.unwrapped)).self, required: \(body.required))"
        }
        if body.type.isOptional { return "let body: \(type) = try \(read)" }
        return "let body: \(type) = try _input.required(\(read), \"the request body\")"
    }

    /// The checks the client makes before sending, made on what arrived.
    private func renderValidation(_ operation: OperationDecl, into p: inout CodePrinter) {
        let calls = client.validationCalls(operation)
        guard !calls.isEmpty else { return }
        p.block("if _validates") { p in
            for call in calls { p.line(call) }
        }
    }
}
