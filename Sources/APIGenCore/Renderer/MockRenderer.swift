/// `MockClient`: an `APIProtocol` for tests, with no network. Each operation calls its closure in
/// `handlers`, which by default answers the document's example of the 2xx body.
struct MockRenderer: ProductRenderer {
    let options: RenderOptions
    let index: TypeIndex

    static let name = "MockClient", handlers = "handlers"

    private var access: String { options.access }

    /// `Handlers`, numbered when a top-level type has the name (inside `MockClient` it would
    /// hide that type from the closures' signatures).
    private var handlersType: String { index.nestedTypeName("Handlers") }
    private var requirement: ProtocolRenderer { ProtocolRenderer(options: options, index: index) }

    func render(_ module: ModuleDecl, into p: inout CodePrinter) {
        p.docs(["A test double of `\(ProtocolRenderer.name)`: each call answers with its closure in `\(Self.handlers)`.", "",
                "By default a closure returns the document's example of the operation's 2xx body, and throws",
                "`MockError` when the document has none. Set one to answer otherwise, or to record the call:", "",
                "    var mock = \(Self.name)()",
                "    mock.\(Self.handlers).someOperation = { _ in throw APIError.http(status: 404, error: nil, body: Data()) }"])
        p.block("\(options.isolation)\(access) struct \(Self.name): \(ProtocolRenderer.name)") { p in
            p.docs(["One closure per operation, taking the method's arguments in order."])
            let handlersType = handlersType
            p.block("\(access) struct \(handlersType): Sendable") { p in
                for operation in module.operations {
                    p.docs(["`\(operation.name.name)`: \(defaultDoc(operation))"])
                    p.line("\(access) var \(operation.name.swift): \(closureType(operation)) = \(defaultClosure(operation))")
                }
                p.line()
                p.line("\(access) init() {}")
            }
            p.line()
            p.line("\(access) var \(Self.handlers): \(handlersType)")
            p.line()
            p.line("\(access) init(\(Self.handlers): \(handlersType) = \(handlersType)()) { self.\(Self.handlers) = \(Self.handlers) }")
            for operation in module.operations {
                p.line()
                if operation.deprecated { p.line("@available(*, deprecated, message: \"This operation is deprecated in the API document.\")") }
                let params = OperationSignature(operation).parameters(options, defaults: false)
                let arguments = argumentNames(operation).joined(separator: ", ")
                p.block("\(access) func \(operation.name.swift)(\(params.joined(separator: ", "))) async throws\(requirement.returnClause(operation))") { p in
                    p.line("try await self.\(Self.handlers).\(operation.name.swift)(\(arguments))")
                }
            }
        }
    }

    /// The method's argument names, in order, as the closure receives them.
    private func argumentNames(_ operation: OperationDecl) -> [String] {
        OperationSignature(operation).names
    }

    private func closureType(_ operation: OperationDecl) -> String {
        OperationSignature(operation).closureType(options, returning: operation.response)
    }

    private func defaultDoc(_ operation: OperationDecl) -> String {
        guard let response = operation.response else { return "returns." }
        if operation.example != nil { return "the document's example." }
        return response.isOptional ? "nil (the document has no example)." : "throws `MockError` (the document has no example)."
    }

    /// `{ _, _ in try APIGenRuntime.MockExample.decode(Job.self, "{…}", operation: "getJob") }`.
    private func defaultClosure(_ operation: OperationDecl) -> String {
        let count = argumentNames(operation).count
        let head = count == 0 ? "{ " : "{ " + Array(repeating: "_", count: count).joined(separator: ", ") + " in "
        let name = SwiftSpelling.string(operation.name.name)
        guard let response = operation.response else { return head + "}" }
        guard let example = operation.example else {
            return head + (response.isOptional ? "nil }" : "try APIGenRuntime.MockExample.missing(\(name)) }")
        }
        switch operation.responseEncoding {
        case .text:
            if case .string(let text) = example { return head + "\(SwiftSpelling.string(text)) }" }
            return head + "\(SwiftSpelling.string(ExampleChecksRenderer.jsonText(example))) }"
        case .binary:
            let text: String
            if case .string(let s) = example { text = s } else { text = ExampleChecksRenderer.jsonText(example) }
            return head + "Data(\(SwiftSpelling.string(text)).utf8) }"
        default:
            return head + "try APIGenRuntime.MockExample.decode(\(options.spell(response)).self, \(SwiftSpelling.string(ExampleChecksRenderer.jsonText(example))), operation: \(name)) }"
        }
    }
}
