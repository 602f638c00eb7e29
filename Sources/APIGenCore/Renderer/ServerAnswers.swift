/// The cases of a server's answer to one operation: one per documented status, named after it
/// (`ok`, `notFound`; `clientError(status:…)` for `4XX`, `other(status:…)` for `default`), with
/// the body's type.
struct ServerAnswers {
    let options: RenderOptions
    let index: TypeIndex

    struct Case {
        var name: String
        /// An exact status, or nil for a range or `default` (the handler gives the status).
        var status: Int?
        /// The statuses a range or `default` covers.
        var range: Range<Int>
        var payload: TypeUsage?
        var encoding: OperationDecl.Body.Encoding
        var contentType: String?
        var documented: String
        /// A streamed body: the payload is a sequence of these elements.
        var streamKind: OperationDecl.Stream.Kind?
        var headers: [OperationDecl.Answer.Header] = []
        /// The struct of its headers, a member of the answer enum (`CreatedHeaders`).
        var headersType: String?

        /// Bytes whose document names a range (`image/*`): the handler names their type, as a
        /// client's caller does for a request.
        var namesType: Bool {
            guard streamKind == nil, encoding != .json, payload == .builtin(.data), let contentType else { return false }
            return MediaTypeName.isRange(contentType)
        }
    }

    func cases(_ operation: OperationDecl) -> [Case] {
        var result: [Case] = []
        for answer in operation.answers {
            var entry = Case(name: "", status: Int(answer.status), range: 0..<0, payload: nil, encoding: answer.encoding,
                             contentType: answer.contentType, documented: answer.status)
            if let status = entry.status {
                entry.name = Self.statusNames[status] ?? "status\(status)"
                entry.range = status..<(status + 1)
            } else if answer.status == "default" {
                entry.name = "other"
                entry.range = 100..<600
            } else if let first = answer.status.first?.wholeNumberValue {
                entry.name = Self.rangeNames[first] ?? "status\(answer.status)"
                entry.range = (first * 100)..<(first * 100 + 100)
            } else {
                continue
            }
            if answer.contentType != nil { entry.payload = payload(operation, answer) }
            // A JSON media type whose schema is `format: binary`: bytes, as the client reads them.
            if answer.status.hasPrefix("2"), answer.encoding == .json, operation.responseEncoding != .json { entry.encoding = operation.responseEncoding }
            if entry.payload == nil { entry.contentType = nil }
            if !answer.headers.isEmpty {
                entry.headers = answer.headers
                entry.headersType = headersTypeName(entry.name)
            }
            result.append(entry)
        }
        // A streamed body: a case of its own, whose elements are written as they come.
        if let stream = operation.stream {
            let status = Int(stream.status) ?? 200
            var entry = Case(name: "stream", status: status, range: status..<(status + 1), payload: stream.element,
                             encoding: .json, contentType: stream.contentType, documented: stream.status)
            entry.streamKind = stream.kind
            result.append(entry)
        }
        // An operation that documents no answer still has one: 200 with no body.
        if result.isEmpty { result.append(Case(name: "ok", status: 200, range: 200..<201, payload: nil, encoding: .json, contentType: nil, documented: "200")) }
        return result
    }

    /// The body's type for a status: the client's success type (or its alternative for this
    /// status), the typed error body, `JSONValue` for an untyped JSON error, `String` for text,
    /// and `Data` for anything else, which the handler writes as bytes.
    private func payload(_ operation: OperationDecl, _ answer: OperationDecl.Answer) -> TypeUsage {
        switch answer.encoding {
        case .text: return .string
        case .binary, .form, .multipart: return .builtin(.data)
        case .json: break
        }
        if let error = operation.errors.first(where: { $0.status == answer.status }) { return error.type }
        if answer.isUntypedJSON || !answer.status.hasPrefix("2") { return .jsonValue }
        if operation.responseEncoding == .binary { return .builtin(.data) }
        if operation.responseEncoding == .text { return .string }
        if let entry = operation.responseStatuses.first(where: { $0.status == answer.status }),
           case .named(let path)? = operation.response?.unwrapped, let cases = index.oneOfCases(at: path),
           cases.indices.contains(entry.alternative) {
            return cases[entry.alternative].type
        }
        guard let response = operation.response, operation.responseEncoding == .json else { return .jsonValue }
        return response.unwrapped
    }

    /// `CreatedHeaders`, numbered when a top-level type has the name (inside the answer enum it
    /// would hide that type).
    private func headersTypeName(_ caseName: String) -> String {
        index.nestedTypeName(TypeIndex.upperFirst(Identifier(caseName)) + "Headers")
    }

    /// `public struct CreatedHeaders: Sendable { … }`: the declared headers, optional unless
    /// the document requires them.
    func renderHeaders(_ entry: Case, access: String, into p: inout CodePrinter) {
        guard let type = entry.headersType else { return }
        p.docs(["The headers `\(entry.documented)` declares, written as text."])
        p.block("\(access) struct \(type): Sendable") { p in
            for header in entry.headers {
                p.docs(["`\(SwiftSpelling.docLine(header.wireName))`"])
                p.line("\(access) var \(header.name.swift): \(options.spell(header.required ? header.type : header.type.optional))")
            }
            p.line()
            let params = entry.headers.map { "\($0.name.swift): \(options.spell($0.required ? $0.type : $0.type.optional))\($0.required ? "" : " = nil")" }
            p.block("\(access) init(\(params.joined(separator: ", ")))") { p in
                for header in entry.headers { p.line("self.\(header.name.swift) = \(header.name.swift)") }
            }
        }
    }

    /// `case .ok(let _value): return try .json(200, _value, contentType: "application/json")`;
    /// with declared headers, `.adding([("Location", _headers.location), …])` after it.
    func encodingCase(_ entry: Case) -> String {
        let status = entry.status.map(String.init) ?? "try APIGenRuntime.ServerResponse.status(_status, in: \(entry.range.lowerBound)..<\(entry.range.upperBound), case: \"\(entry.name)\")"
        var bindings: [String] = entry.status == nil ? ["let _status"] : []
        if entry.payload != nil { bindings.append("let _value") }
        if entry.namesType { bindings.append("let _contentType") }
        if entry.headersType != nil { bindings.append("let _headers") }
        let pattern = ".\(entry.name)" + (bindings.isEmpty ? "" : "(\(bindings.joined(separator: ", ")))")
        let value: String
        if let documented = entry.contentType {
            if let kind = entry.streamKind {
                value = ".stream(\(status), _value, kind: .\(kind.rawValue), contentType: \(SwiftSpelling.string(documented)))"
            } else {
                switch (entry.encoding, entry.payload) {
                case (.text, _): value = ".text(\(status), _value, contentType: \(SwiftSpelling.string(OperationDecl.Body.Encoding.text.sentType(for: documented))))"
                case (let encoding, .builtin(.data)?) where encoding != .json && entry.namesType:
                    value = "try .data(\(status), _value, contentType: _contentType, within: \(SwiftSpelling.string(documented)))"
                case (let encoding, .builtin(.data)?) where encoding != .json:
                    value = ".data(\(status), _value, contentType: \(SwiftSpelling.string(OperationDecl.Body.Encoding.binary.sentType(for: documented))))"
                default: value = "try .json(\(status), _value, contentType: \(SwiftSpelling.string(OperationDecl.Body.Encoding.json.sentType(for: documented))))"
                }
            }
        } else {
            value = ".empty(\(status))"
        }
        guard entry.headersType != nil else { return "case \(pattern): return \(value)" }
        let pairs = entry.headers.map { "(\(SwiftSpelling.string($0.wireName)), _headers.\($0.name.swift))" }
        let base = value.hasPrefix("try ") ? String(value.dropFirst(4)) : value
        // `.json(…)` alone would look the member up on the array's element type: spell the type.
        return "case \(pattern): return try APIGenRuntime.ServerResponse\(base).adding([\(pairs.joined(separator: ", "))])"
    }

    /// `case ok(Job)`, `case clientError(status: Int, Problem)`.
    func declaration(_ entry: Case) -> String {
        var fields: [String] = entry.status == nil ? ["status: Int"] : []
        if let payload = entry.payload {
            fields.append(entry.streamKind == nil ? options.spell(payload) : "Swift.AsyncThrowingStream<\(options.spell(payload)), any Error>")
        }
        if entry.namesType { fields.append("\(OperationTranslator.contentTypeLabel): String") }
        if let type = entry.headersType {
            fields.append("headers: \(type)" + (entry.headers.contains(where: \.required) ? "" : " = \(type)()"))
        }
        return "case \(entry.name)" + (fields.isEmpty ? "" : "(\(fields.joined(separator: ", ")))")
    }

    static let rangeNames = [1: "informational", 2: "success", 3: "redirection", 4: "clientError", 5: "serverError"]

    static let statusNames: [Int: String] = [
        100: "continue", 101: "switchingProtocols", 200: "ok", 201: "created", 202: "accepted",
        203: "nonAuthoritativeInformation", 204: "noContent", 205: "resetContent", 206: "partialContent", 207: "multiStatus",
        300: "multipleChoices", 301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified",
        307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest", 401: "unauthorized", 402: "paymentRequired",
        403: "forbidden", 404: "notFound", 405: "methodNotAllowed", 406: "notAcceptable", 408: "requestTimeout",
        409: "conflict", 410: "gone", 411: "lengthRequired", 412: "preconditionFailed", 413: "contentTooLarge",
        414: "uriTooLong", 415: "unsupportedMediaType", 416: "rangeNotSatisfiable", 417: "expectationFailed",
        421: "misdirectedRequest", 422: "unprocessableContent", 423: "locked", 424: "failedDependency", 425: "tooEarly",
        426: "upgradeRequired", 428: "preconditionRequired", 429: "tooManyRequests", 431: "requestHeaderFieldsTooLarge",
        451: "unavailableForLegalReasons", 500: "internalServerError", 501: "notImplemented", 502: "badGateway",
        503: "serviceUnavailable", 504: "gatewayTimeout", 505: "httpVersionNotSupported",
    ]
}
