/// Prints `Client`: its init (server URL, credentials, transport, timeout, validation switch)
/// and one `async throws` method per operation, plus a `…Pages` sequence for paginated lists.
struct ClientRenderer: Sendable {
    let options: RenderOptions
    let index: TypeIndex

    var access: String { options.access }

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

    func parameterDocs(_ operation: OperationDecl, excluding: Identifier? = nil, fileBody: Bool = false) -> [String] {
        var lines: [String] = []
        for parameter in operation.parameters where parameter.name != excluding {
            lines.append("  - \(parameter.name.name): \(parameter.docs.lines.first.map(SwiftSpelling.docLine) ?? "The `\(parameter.wireName)` \(parameter.location.rawValue) parameter.")")
        }
        if operation.body != nil, fileBody {
            lines.append("  - \(OperationTranslator.fileBodyLabel): A file whose bytes are the body, read as they are sent (never loaded whole).")
        } else if let body = operation.body {
            lines.append("  - body: \(body.docs.lines.first.map(SwiftSpelling.docLine) ?? "The request body.")")
        }
        if let body = operation.body, body.callerNamesType {
            lines.append("  - \(OperationTranslator.contentTypeLabel): The bytes' media type: one type within `\(SwiftSpelling.docLine(body.contentType))`, the range the document allows.")
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
        printSignature("\(access) func \(operation.name.swift)", OperationSignature(operation).parameters(options, fileBody: fileBody), " async throws\(returns)", into: &p) { p in
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
        for location in [ParameterLocation.querystring, .query, .header, .cookie] {
            for parameter in operation.parameters where parameter.location == location { p.line(ParameterCalls.call(parameter)) }
        }
        if let body = operation.body { renderBody(body, fromFile: fileBody, into: &p) }
    }

    /// The documentation every method of an operation has (its text, parameters, what it
    /// returns and where its error bodies are read), and the deprecation mark.
    private func renderPrologue(_ operation: OperationDecl, fileBody: Bool = false, returns: String, into p: inout CodePrinter) {
        var docs = operation.docs.lines
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
        printSignature("\(access) func \(stream.name.swift)", OperationSignature(operation).parameters(options), " async throws -> \(returns)", into: &p) { p in
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
        let accessor = "`errorBody(of: .\(operation.name.name))`"
        if order.count == 1 { return ["- Throws: `APIError`; \(accessor) is the decoded body: \(byType[0])."] }
        return ["- Throws: `APIError`; \(accessor) is the decoded body, a `\(errorEnumName(operation))`: \(byType.joined(separator: "; "))."]
    }

    /// With different 2xx bodies: each status with the case and type of the response enum it
    /// decodes into, exact codes first (as the translator sorted them), then ranges.
    private func statusCases(_ operation: OperationDecl, _ type: TypeUsage) -> [(status: String, name: Identifier, type: TypeUsage)]? {
        guard !operation.responseStatuses.isEmpty, case .named(let path) = type.unwrapped,
              let cases = index.oneOfCases(at: path) else { return nil }
        return operation.responseStatuses.compactMap { entry in
            cases.indices.contains(entry.alternative) ? (entry.status, cases[entry.alternative].name, cases[entry.alternative].type) : nil
        }
    }

    /// `switch status { case 201: return .created(…) … }`; a 2xx the document does not list
    /// decodes as the first.
    private func renderDecodingByStatus(_ cases: [(status: String, name: Identifier, type: TypeUsage)], mayBeEmpty: Bool, into p: inout CodePrinter) {
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
                p.line("case \(pattern): return \(entry.name.member)(try JSONCoding.decode(\(options.spell(entry.type)).self, from: _data))")
            }
            if let first = cases.first {
                p.line("default: return \(first.name.member)(try JSONCoding.decode(\(options.spell(first.type)).self, from: _data))")
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
            if let call = ValidationCalls.call(value: parameter.name.swift, name: SwiftSpelling.string(parameter.name.name), type: parameter.type, constraints: parameter.constraints, index: index, checkEnums: true) {
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
            out += SwiftSpelling.string(PathText.encoded(text)).dropFirst().dropLast()
        }
        // A fragment is never sent (the translator warns): the path ends before it.
        var rest = operation.path.prefix { $0 != "#" }
        // `{name}` becomes the argument, percent-encoded; a `{` that is never closed drops the
        // rest, and in `{a{b}` the parameter is `b`.
        while let open = rest.firstIndex(of: "{") {
            literal(rest[..<open])
            guard let close = rest[open...].firstIndex(of: "}") else { return out + "\"" }
            var name = rest[rest.index(after: open)..<close]
            if let inner = name.lastIndex(of: "{") { name = name[name.index(after: inner)...] }
            if let parameter = operation.parameters.first(where: { $0.location == .path && $0.wireName == name }) {
                out += "\\(\(ParameterCalls.pathText(parameter)))"
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
        // Bytes of a range are sent as the caller's type, checked to be one within it.
        let type = body.sentContentType.map(SwiftSpelling.string) ?? OperationTranslator.contentTypeLabel
        let within = body.callerNamesType ? ", within: \(SwiftSpelling.string(body.contentType))" : ""
        let tries = body.callerNamesType ? "try " : ""
        if fromFile {
            p.line("try _request.setFileBody(\(OperationTranslator.fileBodyLabel), contentType: \(type)\(within))")
            return
        }
        // An optional body is unwrapped by `if let body` below, so the call always takes `body`.
        let call: String
        switch body.encoding {
        case .json: call = "try _request.setJSONBody(body, contentType: \(type))"
        case .form: call = "try _request.setFormBody(body\(Self.fieldsArgument(body.fields)))"
        case .multipart: call = "try _request.setMultipartBody(body\(Self.fieldsArgument(body.fields)))"
        case .text: call = "_request.setTextBody(body, contentType: \(type))"
        case .binary: call = "\(tries)_request.setDataBody(body, contentType: \(type)\(within))"
        }
        if body.type.isOptional {
            p.block("if let body") { p in p.line(call) }
        } else {
            p.line(call)
        }
    }
}
