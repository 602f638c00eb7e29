/// A product generated from the module besides the types and the client, in a file of its own
/// (`APIGen.Protocol.swift`…): one renderer per `OutputMode`, chosen by `outputs:`. A new product
/// is a new conformance here and a case in `SwiftRenderer.productRenderers`.
protocol ProductRenderer: Sendable {
    /// The declarations, inside the namespace when there is one.
    func render(_ module: ModuleDecl, into p: inout CodePrinter)
    /// Lines at the file's top level, after the declarations (conformances of other types).
    func fileScope(_ module: ModuleDecl) -> [String]
}

extension ProductRenderer {
    func fileScope(_ module: ModuleDecl) -> [String] { [] }
}

extension OperationDecl {
    /// The operation's first paragraph, for a requirement or a handler's documentation.
    var summary: [String] {
        docs.summary
    }
}

/// `APIProtocol`: each operation's method as a requirement, which `Client` meets, so that code
/// written against the protocol can be handed a `MockClient` or any other double.
struct ProtocolRenderer: ProductRenderer {
    let options: RenderOptions
    let index: TypeIndex

    static let name = "APIProtocol"

    var client: ClientRenderer { ClientRenderer(options: options, index: index) }

    /// What a requirement returns: the client method's decoded body.
    func returnClause(_ operation: OperationDecl) -> String {
        operation.response.map { " -> \(options.spell($0))" } ?? ""
    }

    func render(_ module: ModuleDecl, into p: inout CodePrinter) {
        let title = module.title.isEmpty ? "the API" : module.title
        p.docs(["The operations of \(SwiftSpelling.docLine(title)), one method each, as `Client` sends them.", "",
                "Code that takes `some \(Self.name)` can be given `Client` in the app and a test double",
                "(`MockClient`, or a type of your own) in tests. Optional arguments have no default here:",
                "pass `nil`, or call `Client` directly."])
        p.block("\(options.isolation)\(options.access) protocol \(Self.name): Sendable") { p in
            for (i, operation) in module.operations.enumerated() {
                if i > 0 { p.line() }
                p.docs(operation.summary)
                if operation.deprecated { p.line("@available(*, deprecated, message: \"This operation is deprecated in the API document.\")") }
                let params = OperationSignature(operation).parameters(options, defaults: false)
                p.line("func \(operation.name.swift)(\(params.joined(separator: ", "))) async throws\(returnClause(operation))")
            }
        }
    }

    func fileScope(_ module: ModuleDecl) -> [String] {
        guard options.outputs.contains(.client) else { return [] }
        let prefix = options.namespace.map { "\($0)." } ?? ""
        return ["\(options.isolation)extension \(prefix)Client: \(prefix)\(Self.name) {}"]
    }
}
