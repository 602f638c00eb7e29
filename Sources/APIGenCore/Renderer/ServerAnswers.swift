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
            if entry.payload == nil { entry.contentType = nil }
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
        case .binary, .form, .multipart: return .builtin("Data")
        case .json: break
        }
        if let error = operation.errors.first(where: { $0.status == answer.status }) { return error.type }
        if answer.isUntypedJSON || !answer.status.hasPrefix("2") { return .jsonValue }
        if let entry = operation.responseStatuses.first(where: { $0.status == answer.status }),
           case .named(let path)? = operation.response?.unwrapped, let cases = index.oneOfCases(at: path),
           cases.indices.contains(entry.alternative) {
            return cases[entry.alternative].type
        }
        guard let response = operation.response, operation.responseEncoding == .json else { return .jsonValue }
        return response.unwrapped
    }

    /// `case .ok(let _value): return try .json(200, _value, contentType: "application/json")`.
    func encodingCase(_ entry: Case) -> String {
        let status = entry.status.map(String.init) ?? "try APIGenRuntime.ServerResponse.status(_status, in: \(entry.range.lowerBound)..<\(entry.range.upperBound), case: \"\(entry.name)\")"
        var bindings: [String] = entry.status == nil ? ["let _status"] : []
        if entry.payload != nil { bindings.append("let _value") }
        let pattern = ".\(entry.name)" + (bindings.isEmpty ? "" : "(\(bindings.joined(separator: ", ")))")
        guard let contentType = entry.contentType.map(SwiftSpelling.string) else {
            return "case \(pattern): return .empty(\(status))"
        }
        if let kind = entry.streamKind {
            return "case \(pattern): return .stream(\(status), _value, kind: .\(kind.rawValue), contentType: \(contentType))"
        }
        switch (entry.encoding, entry.payload) {
        case (.text, _): return "case \(pattern): return .text(\(status), _value, contentType: \(contentType))"
        case (_, .builtin("Data")?): return "case \(pattern): return .data(\(status), _value, contentType: \(contentType))"
        default: return "case \(pattern): return try .json(\(status), _value, contentType: \(contentType))"
        }
    }

    /// `case ok(Job)`, `case clientError(status: Int, Problem)`.
    func declaration(_ entry: Case) -> String {
        var fields: [String] = entry.status == nil ? ["status: Int"] : []
        if let payload = entry.payload {
            fields.append(entry.streamKind == nil ? options.spell(payload) : "AsyncThrowingStream<\(options.spell(payload)), any Error>")
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
