/// The `Client` struct: its server URL, its init (credentials, transport, timeout, retries,
/// limits, middlewares), `with(…)` for per-call settings, and the typed response headers.
extension ClientRenderer {
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
    func renderResponseHeaders(_ headers: [ResponseHeaderDecl], into p: inout CodePrinter) {
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
                p.docs(header.docs.lines + (header.docs.isEmpty ? [] : [""]) + ["`\(SwiftSpelling.docLine(header.wireName))`"])
                p.line("\(access) var \(header.name.swift): \(options.spell(header.type))? { self.\(ResponseHeaderDecl.metadata).value(\(SwiftSpelling.string(header.wireName))) }")
            }
        }
    }

    func renderInit(_ module: ModuleDecl, into p: inout CodePrinter) {
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
            params.append("\(auth.argumentName.swift): String\(required ? "" : "? = nil")")
            let what: String
            switch auth.kind {
            case .bearer: what = "Sent as `Authorization: Bearer …`."
            case .basic: what = "`user:password`, sent as `Authorization: Basic …`."
            case .apiKey(let name, let location): what = "Sent in the `\(name)` \(location == .header ? "header" : location == .cookie ? "cookie" : "query item")."
            }
            docs.append("  - \(auth.argumentName.swift): \(auth.docs.lines.first.map { SwiftSpelling.docLine($0) + " " } ?? "")\(what)")
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
                        p.line("_credentials.append(Credential(scheme: \(scheme), placement: \(placement), secret: \(auth.argumentName.swift)))")
                    } else {
                        p.line("if let \(auth.argumentName.swift) { _credentials.append(Credential(scheme: \(scheme), placement: \(placement), secret: \(auth.argumentName.swift))) }")
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
    func renderWith(into p: inout CodePrinter) {
        p.docs(["A copy of this client whose calls use these settings instead: the timeout of a whole call,",
                "the retry policy, the limits, the redirect policy, and headers added to every request.", "",
                "    try await client.with(timeout: 5, headers: [\"X-Request-ID\": id]).getMeeting(…)"])
        p.block("\(access) func with(timeout: Double? = nil, retry: RetryPolicy? = nil, limits: Limits? = nil, redirects: RedirectPolicy? = nil, headers: [String: String] = [:]) -> Self") { p in
            p.line("var _copy = self")
            p.line("_copy._core = self._core.with(CallOptions(timeout: timeout, retry: retry, limits: limits, redirects: redirects, headers: headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))")
            p.line("return _copy")
        }
    }
}
