/// Prints the round-trip check of a module's client and server (`Scripts/check-round-trip.sh`):
/// a handler that compares every argument it receives with the value the client sent and
/// answers a value of the operation's type, and a runner that calls every operation through the
/// generated client, over a loopback to the generated server, and compares the answer, once
/// with the first 2xx case and once with the first typed error. Values are built from JSON the
/// IR describes (every property set, optional ones sometimes `null`), decoded by the generated
/// types; an operation whose values do not decode, or that the server does not read, is skipped
/// and counted. Like `ExampleChecksRenderer`, a checking tool, not a product.
public struct RoundTripChecksRenderer {
    let module: ModuleDecl
    let index: TypeIndex
    let declarations: DeclarationIndex
    let options = RenderOptions()

    public init(_ module: ModuleDecl) {
        self.module = module
        self.index = TypeIndex(module)
        self.declarations = DeclarationIndex(module.types)
    }

    private var answers: ServerAnswers { ServerAnswers(options: options, index: index) }
    private var server: ServerRenderer { ServerRenderer(options: options, index: index, module: module) }

    // MARK: The check

    struct Plan {
        var operation: OperationDecl
        /// Each argument's label and value.
        var arguments: [(label: String, name: Identifier, value: String)]
        /// The handler's answer and what the client returns.
        var answer: String
        var expected: String?
        /// The typed error the second call answers: the case, its status and the expected body.
        var error: (answer: String, status: Int, expected: String, type: String)?
        /// No 2xx answer is documented: the first one is an error the client must throw.
        var onlyStatus: Int?
        /// A streamed answer: one element's value, which the stream carries twice.
        var streamElement: String?
        /// The success case's declared headers: each wire name, its type and value.
        var headers: [(wireName: String, type: String, value: String)] = []
        /// The body holds a `FileUpload`: what arrives has the file name and media type the
        /// client gave its part, so the body is compared by its JSON, where a file is its bytes.
        var bodyHoldsFile = false
    }

    /// Why an operation is not checked, when it is not.
    func skipReason(_ operation: OperationDecl) -> String? {
        if let why = server.unsupported(operation) { return "the server does not read it: " + why }
        guard plan(operation) == nil else { return nil }
        return answer(operation) == nil ? "no answer the client reads back (only informational statuses, or none)" : "no value of a type it takes"
    }

    /// The answer the server gives and the status it has: the first 2xx case, else the first
    /// case, when that is an exact status the client throws as an `APIError` (a redirect without
    /// a `Location` is one too: the client has nowhere to follow it).
    func answer(_ operation: OperationDecl, cases: [ServerAnswers.Case]? = nil) -> (answer: ServerAnswers.Case, code: Int)? {
        let cases = cases ?? answers.cases(operation)
        guard let success = cases.first(where: { $0.range.lowerBound >= 200 && $0.range.upperBound <= 300 }) ?? cases.first else { return nil }
        // A range or `default` is answered with its first 2xx status, when it covers one.
        let code = success.status ?? success.range.first { (200..<300).contains($0) } ?? success.range.lowerBound
        if !(200..<300).contains(code) {
            guard let status = success.status, status >= 300 else { return nil }
        }
        return (success, code)
    }

    /// One media type within a range the document names, spelled: `image/*` → `"image/x-round-trip"`.
    static func oneType(within range: String) -> String {
        let type = MediaTypeName.essence(range).split(separator: "/").first.map(String.init) ?? "*"
        return SwiftSpelling.string(type == "*" || type == "application" ? "application/octet-stream" : type + "/x-round-trip")
    }

    func plan(_ operation: OperationDecl) -> Plan? {
        guard server.unsupported(operation) == nil else { return nil }
        var arguments: [(String, Identifier, String)] = []
        for (i, parameter) in operation.parameters.enumerated() {
            guard let v = value(parameter.type, seed: i + 1) else { return nil }
            arguments.append((parameter.name.label, parameter.name, v))
        }
        if let body = operation.body {
            let encoded: String?
            switch body.encoding {
            case .text: encoded = "\"body text\""
            case .binary: encoded = "Data([0, 1, 2, 255])"
            default: encoded = value(body.type, seed: 40)
            }
            guard let encoded else { return nil }
            arguments.append(("body", "body", encoded))
            if body.callerNamesType {
                // The server must hand the type on as it was sent.
                let label = OperationTranslator.contentTypeLabel
                arguments.append((label, Identifier(label), Self.oneType(within: body.contentType)))
            }
        }
        let cases = answers.cases(operation)
        guard let (success, code) = answer(operation, cases: cases) else { return nil }
        var plan = Plan(operation: operation, arguments: arguments, answer: "", expected: nil)
        plan.bodyHoldsFile = operation.body.map { holdsFile($0.type) } ?? false
        if !(200..<300).contains(code) { plan.onlyStatus = code }
        let status = success.status == nil ? "status: \(code), " : ""
        var headers = ""
        if success.headersType != nil {
            var pairs: [String] = []
            for (i, header) in success.headers.enumerated() {
                guard let built = value(header.type, seed: 90 + i) else { return nil }
                pairs.append("\(header.name.label): \(built)")
                plan.headers.append((header.wireName, options.spell(header.type.unwrapped), built))
            }
            headers = ", headers: .init(\(pairs.joined(separator: ", ")))"
        }
        if let payload = success.payload {
            let built: String?
            switch payload {
            case .string: built = "\"answer text\""
            case .builtin(.data): built = "Data([9, 8, 7])"
            default: built = value(payload, seed: 60)
            }
            guard let built else { return nil }
            let type = success.namesType ? ", \(OperationTranslator.contentTypeLabel): \(Self.oneType(within: success.contentType ?? "*/*"))" : ""
            plan.answer = ".\(success.name)(\(status)\(built)\(type)\(headers))"
            plan.expected = operation.response == nil ? nil : built
            // 2xx bodies that differ by status: the client returns the case of that status.
            if let entry = operation.responseStatuses.first(where: { $0.status == success.documented }) {
                guard let response = operation.response, case .named(let path) = response.unwrapped,
                      let cases = index.oneOfCases(at: path), cases.indices.contains(entry.alternative) else { return nil }
                plan.expected = "\(options.spell(response.unwrapped))\(cases[entry.alternative].name.member)(\(built))"
            }
        } else {
            let fields = (success.status == nil ? "status: \(code)" : "") + headers
            plan.answer = fields.isEmpty ? ".\(success.name)" : ".\(success.name)(\(fields.hasPrefix(", ") ? String(fields.dropFirst(2)) : fields))"
        }
        if let stream = operation.stream {
            plan.streamElement = stream.element == .string ? "\"line one\\nline two\"" : value(stream.element, seed: 70)
        }
        if let error = cases.first(where: { entry in entry.range.lowerBound >= 400 && operation.errors.contains { $0.status == entry.documented } }),
           let payload = error.payload, let built = value(payload, seed: 80) {
            let documented = Set(cases.compactMap(\.status))
            let code = error.status ?? error.range.first { $0 >= 400 && !documented.contains($0) } ?? error.range.lowerBound
            let status = error.status == nil ? "status: \(code), " : ""
            plan.error = (".\(error.name)(\(status)\(built))", code, built, options.spell(payload))
        }
        return plan
    }

    public func render() -> String {
        var p = CodePrinter()
        p.line("// Generated by APIGen: the round-trip check of the generated client and server.")
        p.line("import Foundation")
        p.line("#if canImport(FoundationNetworking)")
        p.line("import FoundationNetworking")
        p.line("#endif")
        p.line("@_spi(Generated) import APIGenRuntime")
        p.line()
        p.append(Self.support)
        let plans = module.operations.map(plan)
        p.line()
        p.block("struct _RoundTripHandler: APIHandler") { p in
            p.line("let _check: _RoundTripCheck")
            for (operation, plan) in zip(module.operations, plans) {
                p.line()
                let params = OperationSignature(operation).parameters(options, defaults: false)
                p.block("func \(operation.name.swift)(\(params.joined(separator: ", "))) async throws -> APIServer.\(server.answerName(operation))") { p in
                    guard let plan else {
                        p.line("throw _RoundTripUnbuildable()")
                        return
                    }
                    let name = operation.name.name
                    for argument in plan.arguments {
                        let compare = plan.bodyHoldsFile && argument.name == "body" ? "sameJSON" : "same"
                        p.line("_check.\(compare)(\(argument.name.swift), \(argument.value), \(SwiftSpelling.string("\(name) \(argument.name.name)")))")
                    }
                    if let error = plan.error { p.line("if _check.answersError { return \(error.answer) }") }
                    if let element = plan.streamElement {
                        p.line("let _element = \(element)")
                        p.line("if _check.answersStream { return .stream(Swift.AsyncThrowingStream { $0.yield(_element); $0.yield(_element); $0.finish() }) }")
                    }
                    p.line("return \(plan.answer)")
                }
            }
        }
        p.line()
        let auth = module.auth.map { "\($0.argumentName.label): \"token\", " }.joined()
        p.block("public func runRoundTrips() async -> (passed: Int, skipped: [String], failed: [String], mocked: Int, examplesRefused: [String])") { p in
            p.line("let _check = _RoundTripCheck()")
            p.line("let _server = APIServer(handler: _RoundTripHandler(_check: _check), validatesRequests: false, prefix: \"/base\")")
            p.line("let _client = Client(serverURL: URL(string: \"https://round.trip.test/base\")!, \(auth)transport: _Loopback(server: _server), validatesArguments: false, retry: .none)")
            for (operation, plan) in zip(module.operations, plans) {
                let name = SwiftSpelling.string(operation.name.name)
                guard let plan else {
                    let reason = skipReason(operation) ?? ""
                    p.line("_check.skipped.append(\(SwiftSpelling.string("\(operation.name.name): \(reason)")))")
                    continue
                }
                let call = "try await _client.\(operation.name.swift)(\(plan.arguments.map { "\($0.label): \($0.value)" }.joined(separator: ", ")))"
                p.block("await _check.run(\(name))") { p in
                    if let status = plan.onlyStatus {
                        p.line("do { _ = \(call); _check.failed.append(\(SwiftSpelling.string("\(operation.name.name): the error answer succeeded"))) }")
                        p.line("catch let _error as APIGenRuntime.APIError { _check.same(_error.status, \(status), \(name)) }")
                    } else {
                        if let expected = plan.expected { p.line("let _expected = \(expected)") }
                        p.line("let (_result, _metadata) = try await withResponseMetadata { \(call) }")
                        if plan.expected != nil {
                            p.line("_check.same(_result, _expected, \(SwiftSpelling.string("\(operation.name.name) answer")))")
                        } else {
                            p.line("_ = _result")
                        }
                        for header in plan.headers {
                            let what = SwiftSpelling.string("\(operation.name.name) header \(header.wireName)")
                            p.line("_check.same(_metadata?.value(\(SwiftSpelling.string(header.wireName)), as: \(header.type).self), \(header.value), \(what))")
                        }
                    }
                }
                if let element = plan.streamElement, let stream = operation.stream {
                    let streamCall = "try await _client.\(stream.name.swift)(\(plan.arguments.map { "\($0.label): \($0.value)" }.joined(separator: ", ")))"
                    p.block("await _check.runStream(\(name))") { p in
                        p.line("let _expected = \(element)")
                        p.line("var _items: [\(options.spell(stream.element))] = []")
                        p.line("for try await _item in \(streamCall) { _items.append(_item\(stream.kind == .events ? ".data" : "")) }")
                        p.line("_check.same(_items, [_expected, _expected], \(SwiftSpelling.string("\(operation.name.name) stream")))")
                    }
                }
                if let error = plan.error {
                    p.block("await _check.runError(\(name), status: \(error.status))") { p in
                        p.line("let _expected = \(error.expected)")
                        p.line("do { _ = \(call); _check.failed.append(\(SwiftSpelling.string("\(operation.name.name): the error answer succeeded"))) }")
                        p.line("catch let _error as APIGenRuntime.APIError { _check.same(_error.status, \(error.status), \(name)); _check.same(_error.errorBody(as: \(error.type).self), _expected, \(name)) }")
                    }
                }
            }
            // The mock: every operation with an example answers it without a handler set.
            p.line("let _mock = MockClient()")
            for (operation, plan) in zip(module.operations, plans) where operation.example != nil {
                guard let plan else { continue }
                let call = "try await _mock.\(operation.name.swift)(\(plan.arguments.map { "\($0.label): \($0.value)" }.joined(separator: ", ")))"
                p.line("await _check.runMock(\(SwiftSpelling.string(operation.name.name))) { _ = \(call) }")
            }
            p.line("return (_check.passed, _check.skipped, _check.failed, _check.mocked, _check.examplesRefused)")
        }
        return p.text
    }

    /// The check's own types: a recorder, a loopback transport, and values from JSON (the
    /// runtime's types spelled with the module: a document may name a schema like them).
    static let support = #"""
    struct _RoundTripUnbuildable: Error { var reason = "" }

    final class _RoundTripCheck: @unchecked Sendable {
        private let lock = Foundation.NSLock()
        private var _passed = 0, _skipped: [String] = [], _failed: [String] = [], _answersError = false, _answersStream = false
        var passed: Int { lock.withLock { _passed } }
        var skipped: [String] { get { lock.withLock { _skipped } } set { lock.withLock { _skipped = newValue } } }
        var failed: [String] { get { lock.withLock { _failed } } set { lock.withLock { _failed = newValue } } }
        var answersError: Bool { lock.withLock { _answersError } }
        var answersStream: Bool { lock.withLock { _answersStream } }

        func same<T: Equatable>(_ actual: T, _ expected: T, _ what: String) {
            if actual != expected { failed.append("\(what): sent \(expected), arrived \(actual)") }
        }

        /// Equal as JSON with sorted keys: a file is its bytes there.
        func sameJSON<T: Encodable>(_ actual: T, _ expected: T, _ what: String) {
            let encoder = Foundation.JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            guard let a = try? encoder.encode(actual), let b = try? encoder.encode(expected) else {
                failed.append("\(what): does not encode")
                return
            }
            if a != b { failed.append("\(what): sent \(String(decoding: b, as: UTF8.self)), arrived \(String(decoding: a, as: UTF8.self))") }
        }

        func run(_ name: String, _ body: () async throws -> Void) async {
            let before = failed.count
            do {
                try await body()
                if failed.count == before { lock.withLock { _passed += 1 } }
            } catch let error as _RoundTripUnbuildable {
                skipped.append(name + ": a value does not decode as " + error.reason)
            } catch {
                failed.append("\(name): \(error)")
            }
        }

        private(set) var mocked = 0, examplesRefused: [String] = []

        /// A mock's answer: its example, which decodes unless the document's example breaks its
        /// own schema (the document's fault: reported, not failed).
        func runMock(_ name: String, _ body: () async throws -> Void) async {
            do {
                try await body()
                lock.withLock { mocked += 1 }
            } catch let error as APIGenRuntime.MockError {
                lock.withLock { examplesRefused.append(error.description) }
            } catch {
                failed.append("MockClient.\(name): \(error)")
            }
        }

        func runStream(_ name: String, _ body: () async throws -> Void) async {
            lock.withLock { _answersStream = true }
            await run(name + " (stream)", body)
            lock.withLock { _answersStream = false }
        }

        func runError(_ name: String, status: Int, _ body: () async throws -> Void) async {
            lock.withLock { _answersError = true }
            await run(name + " (error \(status))", body)
            lock.withLock { _answersError = false }
        }
    }

    func _value<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        do { return try APIGenRuntime.JSONCoding.decode(T.self, from: Data(json.utf8)) } catch { throw _RoundTripUnbuildable(reason: "\(T.self): \(error)") }
    }

    /// The client's requests, answered by the server in the same process over the same bytes.
    struct _Loopback: APIGenRuntime.HTTPTransport {
        let server: APIServer

        func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
            let (head, body) = try await stream(request)
            return (try await body.collect(), head)
        }

        func stream(_ request: URLRequest) async throws -> (HTTPURLResponse, APIGenRuntime.ByteStream) {
            guard let url = request.url, let parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { throw URLError(.badURL) }
            let headers = (request.allHTTPHeaderFields ?? [:]).map { (name: $0.key, value: $0.value) }
            let answer = await server.respond(to: APIGenRuntime.ServerRequest(method: request.httpMethod ?? "GET", path: parts.percentEncodedPath,
                                                                query: parts.percentEncodedQuery, headers: headers, body: request.httpBody ?? Data()))
            let fields = Dictionary(answer.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            return (HTTPURLResponse(url: url, statusCode: answer.status, httpVersion: "HTTP/1.1", headerFields: fields)!, answer.stream ?? APIGenRuntime.ByteStream(answer.body))
        }
    }
    """#
}
