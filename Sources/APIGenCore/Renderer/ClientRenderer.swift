/// Prints `Client`: its init (server URL, credentials, transport, timeout, validation switch)
/// and one `async throws` method per operation, plus a `…Pages` sequence for paginated lists.
struct ClientRenderer: Sendable {
    let options: RenderOptions
    let index: TypeIndex

    var access: String { options.access }

    /// The `Client` struct (in the namespace, when there is one).
    func renderClient(_ module: ModuleDecl, into p: inout CodePrinter) {
        let title = module.title.isEmpty ? "the API" : module.title
        p.docs(["A client for \(SwiftSpelling.docLine(title))\(module.version.isEmpty ? "" : " (version \(module.version))").", "",
                "Every method sends one request and returns the decoded 2xx body. It throws `APIError`:",
                "`.invalidArgument` before sending when an argument breaks the schema, `.http` for a non-2xx",
                "status, `.decoding`, `.timedOut` or `.transport`; and `CancellationError` when its task is cancelled."])
        if let namespace = options.namespace {
            p.line("extension \(namespace) {")
            p.indent()
        }
        p.block("\(options.isolation)\(access) struct Client: Sendable, CustomStringConvertible") { p in
            if let server = module.serverURL {
                p.docs(["The document's first server: `\(server)`."])
                p.line("\(access) static let defaultServerURL = ServerURL.parse(\(SwiftSpelling.string(server)))")
                p.line()
            }
            // `_` and a letter: a spelling the naming stage never hands out, so no operation or
            // parameter of the document can take or shadow it (the same for the locals below).
            p.line("var _core: ClientCore")
            p.line()
            renderInit(module, into: &p)
            p.line()
            renderWith(into: &p)
            p.line()
            p.docs(["The server this client sends to."])
            p.line("\(access) var serverURL: URL { self._core.serverURL }")
            p.line()
            p.docs(["Shows the server URL only, never a credential."])
            p.line("\(access) var description: String { self._core.description }")
        }
        if !module.responseHeaders.isEmpty {
            p.line()
            renderResponseHeaders(module.responseHeaders, into: &p)
        }
        if options.namespace != nil {
            p.outdent()
            p.line("}")
        }
    }

    /// The declared headers of an answer, typed, over the metadata `withResponseMetadata` gives.
    private func renderResponseHeaders(_ headers: [ResponseHeaderDecl], into p: inout CodePrinter) {
        p.docs([
            "The response headers the document declares, read as their types (nil when absent or not of the type):",
            "",
            "    let (value, answer) = try await withResponseMetadata { try await client.someCall(…) }",
            "    let headers = answer.map(\(ResponseHeaderDecl.typeName).init)",
        ])
        p.block("\(options.isolation)\(access) struct \(ResponseHeaderDecl.typeName): Sendable") { p in
            p.docs(["The status and every header of the answer."])
            p.line("\(access) var \(ResponseHeaderDecl.metadata): ResponseMetadata")
            p.line()
            p.line("\(access) init(_ metadata: ResponseMetadata) { self.\(ResponseHeaderDecl.metadata) = metadata }")
            for header in headers {
                p.line()
                p.docs(header.docs + (header.docs.isEmpty ? [] : [""]) + ["`\(SwiftSpelling.docLine(header.wireName))`"])
                p.line("\(access) var \(header.name): \(options.spell(header.type))? { self.\(ResponseHeaderDecl.metadata).value(\(SwiftSpelling.string(header.wireName))) }")
            }
        }
    }

    var clientType: String { options.namespace.map { "\($0).Client" } ?? "Client" }

    /// The header of the `extension Client` that holds a file's operations.
    var operationsExtension: String { "\(options.isolation)extension \(clientType) {" }

    /// The operation's method and, for lists, its pages, indented as members of `extension Client`.
    func renderOperationMembers(_ operation: OperationDecl, into p: inout CodePrinter) {
        p.indent()
        renderOperation(operation, into: &p)
        if operation.body?.encoding == .binary {
            p.line()
            renderOperation(operation, fileBody: true, into: &p)
        }
        if let stream = operation.stream {
            p.line()
            renderStream(operation, stream, into: &p)
        }
        if let pagination = operation.pagination {
            p.line()
            renderPages(operation, pagination, into: &p)
        }
        renderErrorBodyEnum(operation, into: &p)
        if let accessor = errorAccessor(operation) { p.errorAccessors.append(accessor) }
        p.outdent()
    }

    private func renderInit(_ module: ModuleDecl, into p: inout CodePrinter) {
        let required = module.auth.count == 1
        var params: [String] = []
        var docs = ["Creates a client.", "", "- Parameters:"]
        if let _ = module.serverURL {
            params.append("serverURL: URL = \(options.namespace.map { "\($0).Client" } ?? "Client").defaultServerURL")
        } else {
            params.append("serverURL: URL")
        }
        docs.append("  - serverURL: Where requests go.")
        for auth in module.auth {
            params.append("\(auth.argumentName): String\(required ? "" : "? = nil")")
            let what: String
            switch auth.kind {
            case .bearer: what = "Sent as `Authorization: Bearer …`."
            case .basic: what = "`user:password`, sent as `Authorization: Basic …`."
            case .apiKey(let name, let location): what = "Sent in the `\(name)` \(location == .header ? "header" : location == .cookie ? "cookie" : "query item")."
            }
            docs.append("  - \(auth.argumentName): \(auth.docs.first.map { SwiftSpelling.docLine($0) + " " } ?? "")\(what)")
        }
        params.append("transport: any HTTPTransport = URLSessionTransport()")
        params.append("timeout: Double = 60")
        params.append("validatesArguments: Bool = true")
        params.append("retry: RetryPolicy = .default")
        params.append("limits: Limits = .default")
        params.append("redirects: RedirectPolicy = .default")
        params.append("middlewares: [any APIMiddleware] = []")
        docs.append("  - transport: Sends the requests; `URLSessionTransport` by default.")
        docs.append("  - timeout: Seconds for each call, its retries and reading its body included (`.infinity`: none).")
        docs.append("  - validatesArguments: Check the schema's constraints before sending (turn off for schemas that are wrong).")
        docs.append("  - retry: When a failed call is sent again (`.none`: never).")
        docs.append("  - limits: What a server may make one call cost: body and event sizes, idle time of a stream, pages, redirects.")
        docs.append("  - redirects: Which redirects are followed; credentials never go to another origin.")
        docs.append("  - middlewares: Steps around every attempt, the first outermost (logging, tracing, token refresh).")
        p.docs(docs)
        p.line("\(access) init(")
        p.indent()
        for (i, param) in params.enumerated() { p.line(param + (i == params.count - 1 ? "" : ",")) }
        p.outdent()
        p.block(")") { p in
            if module.auth.isEmpty {
                p.line("let _credentials: [Credential] = []")
            } else {
                p.line("var _credentials: [Credential] = []")
                for auth in module.auth {
                    let placement: String
                    switch auth.kind {
                    case .bearer: placement = ".bearer"
                    case .basic: placement = ".basic"
                    case .apiKey(let name, let location):
                        let kind = location == .query ? "query" : location == .cookie ? "cookie" : "header"
                        placement = ".\(kind)(\(SwiftSpelling.string(name)))"
                    }
                    let scheme = SwiftSpelling.string(auth.schemeName)
                    if required {
                        p.line("_credentials.append(Credential(scheme: \(scheme), placement: \(placement), secret: \(auth.argumentName)))")
                    } else {
                        p.line("if let \(auth.argumentName) { _credentials.append(Credential(scheme: \(scheme), placement: \(placement), secret: \(auth.argumentName))) }")
                    }
                }
            }
            p.line("self._core = ClientCore(")
            p.indent()
            p.line("serverURL: serverURL, transport: transport, credentials: _credentials, timeout: timeout,")
            p.line("validatesArguments: validatesArguments, retry: retry, limits: limits, redirects: redirects, middlewares: middlewares")
            p.outdent()
            p.line(")")
        }
    }

    /// `client.with(timeout: 5)`: per-call settings as a configured copy, so no method's
    /// signature grows an options argument.
    private func renderWith(into p: inout CodePrinter) {
        p.docs(["A copy of this client whose calls use these settings instead: the timeout of a whole call,",
                "the retry policy, the limits, the redirect policy, and headers added to every request.", "",
                "    try await client.with(timeout: 5, headers: [\"X-Request-ID\": id]).getMeeting(…)"])
        p.block("\(access) func with(timeout: Double? = nil, retry: RetryPolicy? = nil, limits: Limits? = nil, redirects: RedirectPolicy? = nil, headers: [String: String] = [:]) -> Self") { p in
            p.line("var _copy = self")
            p.line("_copy._core = self._core.with(CallOptions(timeout: timeout, retry: retry, limits: limits, redirects: redirects, headers: headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))")
            p.line("return _copy")
        }
    }

    /// `fileBody`: the form of a binary-body method that sends a file, `bodyFile: URL`.
    /// `defaults`: optional arguments default to nil (a protocol's requirements have none).
    func signature(_ operation: OperationDecl, excluding: String? = nil, fileBody: Bool = false, defaults: Bool = true) -> [String] {
        var params: [String] = []
        for parameter in operation.parameters where parameter.name != excluding {
            params.append("\(parameter.name): \(options.spell(parameter.type))" + (parameter.type.isOptional && defaults ? " = nil" : ""))
        }
        if let body = operation.body {
            // The file is always required: with a default, a call without a body would match both methods.
            if fileBody {
                params.append("\(OperationTranslator.fileBodyLabel): URL")
            } else {
                params.append("body: \(options.spell(body.type))" + (body.type.isOptional && defaults ? " = nil" : ""))
            }
        }
        return params
    }

    func parameterDocs(_ operation: OperationDecl, excluding: String? = nil, fileBody: Bool = false) -> [String] {
        var lines: [String] = []
        for parameter in operation.parameters where parameter.name != excluding {
            lines.append("  - \(SwiftNaming.unescaped(parameter.name)): \(parameter.docs.first.map(SwiftSpelling.docLine) ?? "The `\(parameter.wireName)` \(parameter.location.rawValue) parameter.")")
        }
        if operation.body != nil, fileBody {
            lines.append("  - \(OperationTranslator.fileBodyLabel): A file whose bytes are the body, read as they are sent (never loaded whole).")
        } else if let body = operation.body {
            lines.append("  - body: \(body.docs.first.map(SwiftSpelling.docLine) ?? "The request body.")")
        }
        return lines.isEmpty ? [] : ["- Parameters:"] + lines
    }

    func printSignature(_ head: String, _ params: [String], _ tail: String, into p: inout CodePrinter, body: (inout CodePrinter) -> Void) {
        if CodePrinter.width("\(head)(\(params.joined(separator: ", ")))\(tail) {") + 4 <= 120 {
            p.block("\(head)(\(params.joined(separator: ", ")))\(tail)", body)
        } else {
            p.line("\(head)(")
            p.indent()
            for (i, param) in params.enumerated() { p.line(param + (i == params.count - 1 ? "" : ",")) }
            p.outdent()
            p.block(")\(tail)", body)
        }
    }

    private func renderOperation(_ operation: OperationDecl, fileBody: Bool = false, into p: inout CodePrinter) {
        renderPrologue(operation, fileBody: fileBody, returns: operation.response.map { type in
            type.isOptional ? "The decoded `\(options.spell(type.unwrapped))` of a 2xx answer; nil for an empty or `null` body."
                : "The decoded `\(options.spell(type))` of a 2xx answer."
        } ?? "Nothing; a 2xx answer means success.", into: &p)
        let returns = operation.response.map { " -> \(options.spell($0))" } ?? ""
        printSignature("\(access) func \(operation.name)", signature(operation, fileBody: fileBody), " async throws\(returns)", into: &p) { p in
            renderRequest(operation, fileBody: fileBody, into: &p)
            switch (operation.response, operation.responseEncoding) {
            case (nil, _): p.line("try await self._core.send(_request)")
            case (_, .text), (_, .binary):
                let method = operation.responseEncoding == .text ? "sendForText" : "sendForData"
                let accept = operation.responseAccept.map { ", accept: \(SwiftSpelling.string($0))" } ?? ""
                p.line("return try await self._core.\(method)(_request\(accept))")
            case (let type?, _):
                if let cases = statusCases(operation, type) {
                    renderDecodingByStatus(cases, mayBeEmpty: type.isOptional, into: &p)
                } else {
                    p.line("return try await self._core.send(_request, decoding: \(options.spell(type)).self)")
                }
            }
        }
    }

    /// Validation, then `_request` with its path, query, headers and body: the start of every
    /// method of an operation.
    private func renderRequest(_ operation: OperationDecl, fileBody: Bool = false, into p: inout CodePrinter) {
        renderValidation(operation, into: &p)
        let security = "[" + operation.security.map(SwiftSpelling.string).joined(separator: ", ") + "]"
        let mutates = operation.body != nil || operation.parameters.contains { $0.location != .path }
        var info = "operation: \(SwiftSpelling.string(operation.operationID)), template: \(SwiftSpelling.string(operation.path))"
        if !operation.errors.isEmpty {
            info += ", errors: [" + operation.errors.map { "\(SwiftSpelling.string($0.status)): \(options.spell($0.type)).self" }.joined(separator: ", ") + "]"
        }
        let path = pathExpression(operation)
        // An empty path value would address another resource (`/items/` for `/items/{id}`):
        // each one is checked, so the path throws.
        let tries = path.contains("PercentEncoding.segment(") ? "try " : ""
        p.line("\(mutates ? "var" : "let") _request = \(tries)APIRequest(method: \"\(operation.method.wireName)\", path: \(path), security: \(security), \(info))")
        let calls = ParameterCalls(index: index)
        for location in [ParameterLocation.querystring, .query, .header, .cookie] {
            for parameter in operation.parameters where parameter.location == location { p.line(calls.call(parameter)) }
        }
        if let body = operation.body { renderBody(body, fromFile: fileBody, into: &p) }
    }

    /// The documentation every method of an operation has (its text, parameters, what it
    /// returns and where its error bodies are read), and the deprecation mark.
    private func renderPrologue(_ operation: OperationDecl, fileBody: Bool = false, returns: String, into p: inout CodePrinter) {
        var docs = operation.docs
        let paramDocs = parameterDocs(operation, fileBody: fileBody)
        if !paramDocs.isEmpty { docs += [""] + paramDocs }
        docs.append("- Returns: " + returns)
        docs += errorDocs(operation)
        p.docs(docs)
        if operation.deprecated { p.line("@available(*, deprecated, message: \"This operation is deprecated in the API document.\")") }
    }

    /// `<name>Stream(…)`: the same request, its 2xx body read as it arrives.
    private func renderStream(_ operation: OperationDecl, _ stream: OperationDecl.Stream, into p: inout CodePrinter) {
        let element = options.spell(stream.element)
        let (returns, call, what): (String, String, String)
        switch stream.kind {
        case .events:
            returns = "ServerSentEvents<\(element)>"
            call = stream.element == .string ? "textEvents(_request)" : "events(_request, decoding: \(element).self)"
            what = stream.element == .string ? "its events, each with its data as text" : "its events, each event's data decoded as `\(element)`"
        case .jsonLines, .jsonSequence:
            returns = "JSONLines<\(element)>"
            call = "jsonLines(_request, decoding: \(element).self, contentType: \(SwiftSpelling.string(stream.contentType)))"
            what = "its values, each decoded as `\(element)`"
        }
        renderPrologue(operation, returns: "The 2xx `\(SwiftSpelling.docLine(stream.contentType))` answer, \(what), as they arrive.", into: &p)
        printSignature("\(access) func \(stream.name)", signature(operation), " async throws -> \(returns)", into: &p) { p in
            renderRequest(operation, into: &p)
            p.line("return try await self._core.\(call)")
        }
    }

    /// Where the typed error bodies are read: `errorBody(of: .getMeeting)`, and its type by status.
    private func errorDocs(_ operation: OperationDecl) -> [String] {
        var statuses: [String: [String]] = [:], order: [String] = []
        for error in operation.errors {
            let type = options.spell(error.type)
            if statuses[type] == nil { order.append(type) }
            statuses[type, default: []].append(error.status == "default" ? "other statuses" : error.status)
        }
        guard !order.isEmpty else { return [] }
        guard hasErrorAccessor(operation) else {
            return order.map { "- Throws: `APIError`; `errorBody(as: \($0).self)` is the decoded body for \(statuses[$0]!.joined(separator: ", "))." }
        }
        let byType = order.map { type in
            let list = statuses[type]!
            return "`\(type)` for " + Self.statusList(list)
        }
        let accessor = "`errorBody(of: .\(SwiftNaming.unescaped(operation.name)))`"
        if order.count == 1 { return ["- Throws: `APIError`; \(accessor) is the decoded body: \(byType[0])."] }
        return ["- Throws: `APIError`; \(accessor) is the decoded body, a `\(errorEnumName(operation))`: \(byType.joined(separator: "; "))."]
    }

    /// With different 2xx bodies: each status with the case and type of the response enum it
    /// decodes into, exact codes first (as the translator sorted them), then ranges.
    private func statusCases(_ operation: OperationDecl, _ type: TypeUsage) -> [(status: String, name: String, type: TypeUsage)]? {
        guard !operation.responseStatuses.isEmpty, case .named(let path) = type.unwrapped,
              let cases = index.oneOfCases(at: path) else { return nil }
        return operation.responseStatuses.compactMap { entry in
            cases.indices.contains(entry.alternative) ? (entry.status, cases[entry.alternative].name, cases[entry.alternative].type) : nil
        }
    }

    /// `switch status { case 201: return .created(…) … }`; a 2xx the document does not list
    /// decodes as the first.
    private func renderDecodingByStatus(_ cases: [(status: String, name: String, type: TypeUsage)], mayBeEmpty: Bool, into p: inout CodePrinter) {
        p.line("return try await self._core.send(_request) { _status, _data in")
        p.indent()
        do {
            if mayBeEmpty { p.line("if _data.isEmpty { return nil }") }
            p.line("switch _status {")
            for entry in cases {
                let pattern: String
                if let code = Int(entry.status) {
                    pattern = String(code)
                } else if let first = entry.status.first?.wholeNumberValue {
                    pattern = "\(first * 100)..<\(first * 100 + 100)"
                } else {
                    continue
                }
                p.line("case \(pattern): return .\(entry.name)(try JSONCoding.decode(\(options.spell(entry.type)).self, from: _data))")
            }
            if let first = cases.first {
                p.line("default: return .\(first.name)(try JSONCoding.decode(\(options.spell(first.type)).self, from: _data))")
            }
            p.line("}")
        }
        p.outdent()
        p.line("}")
    }

    /// The checks of the arguments against the schema, made before sending (and by a server on
    /// what arrived).
    func validationCalls(_ operation: OperationDecl) -> [String] {
        var calls: [String] = []
        for parameter in operation.parameters {
            if let call = ValidationCalls.call(value: parameter.name, name: SwiftSpelling.string(SwiftNaming.unescaped(parameter.name)), type: parameter.type, constraints: parameter.constraints, index: index, checkEnums: true) {
                calls.append(call)
            }
        }
        if let body = operation.body, let call = ValidationCalls.call(value: "body", name: "\"body\"", type: body.type, constraints: Constraints(), index: index, checkEnums: false) {
            calls.append(call)
        }
        return calls
    }

    private func renderValidation(_ operation: OperationDecl, into p: inout CodePrinter) {
        let calls = validationCalls(operation)
        guard !calls.isEmpty else { return }
        p.block("if self._core.validatesArguments") { p in
            for call in calls { p.line(call) }
        }
    }

    /// The path as a string literal with each parameter percent-encoded into its segment.
    private func pathExpression(_ operation: OperationDecl) -> String {
        var out = "\""
        func literal(_ text: Substring) {
            guard !text.isEmpty else { return }
            out += SwiftSpelling.string(String(text)).dropFirst().dropLast()
        }
        var rest = Substring(operation.path)
        // `{name}` becomes the argument, percent-encoded; a `{` that is never closed drops the
        // rest, and in `{a{b}` the parameter is `b`.
        while let open = rest.firstIndex(of: "{") {
            literal(rest[..<open])
            guard let close = rest[open...].firstIndex(of: "}") else { return out + "\"" }
            var name = rest[rest.index(after: open)..<close]
            if let inner = name.lastIndex(of: "{") { name = name[name.index(after: inner)...] }
            if let parameter = operation.parameters.first(where: { $0.location == .path && $0.wireName == name }) {
                out += "\\(\(ParameterCalls(index: index).pathText(parameter)))"
            }
            rest = rest[rest.index(after: close)...]
        }
        literal(rest)
        return out + "\""
    }

    /// `, fields: ["metadata": .init(style: .deepObject, explode: true)]`, or nothing.
    static func fieldsArgument(_ fields: [OperationDecl.Body.Field]) -> String {
        guard !fields.isEmpty else { return "" }
        let entries = fields.map { field -> String in
            var arguments: [String] = []
            if let style = field.style { arguments.append("style: .\(style.rawValue)") }
            if let explode = field.explode { arguments.append("explode: \(explode)") }
            if field.allowReserved { arguments.append("allowReserved: true") }
            if let type = field.contentType { arguments.append("contentType: \(SwiftSpelling.string(type))") }
            if !field.headers.isEmpty {
                let pairs = field.headers.map { "(\(SwiftSpelling.string($0.name)), \(SwiftSpelling.string($0.value)))" }
                arguments.append("headers: [" + pairs.joined(separator: ", ") + "]")
            }
            return "\(SwiftSpelling.string(field.name)): .init(\(arguments.joined(separator: ", ")))"
        }
        return ", fields: [" + entries.joined(separator: ", ") + "]"
    }

    private func renderBody(_ body: OperationDecl.Body, fromFile: Bool, into p: inout CodePrinter) {
        if fromFile {
            p.line("try _request.setFileBody(\(OperationTranslator.fileBodyLabel), contentType: \(SwiftSpelling.string(body.contentType)))")
            return
        }
        // An optional body is unwrapped by `if let body` below, so the call always takes `body`.
        let call: String
        switch body.encoding {
        case .json: call = "try _request.setJSONBody(body, contentType: \(SwiftSpelling.string(body.contentType)))"
        case .form: call = "try _request.setFormBody(body\(Self.fieldsArgument(body.fields)))"
        case .multipart: call = "try _request.setMultipartBody(body\(Self.fieldsArgument(body.fields)))"
        case .text: call = "_request.setTextBody(body, contentType: \(SwiftSpelling.string(body.contentType)))"
        case .binary: call = "_request.setDataBody(body, contentType: \(SwiftSpelling.string(body.contentType)))"
        }
        if body.type.isOptional {
            p.block("if let body") { p in p.line(call) }
        } else {
            p.line(call)
        }
    }
}
