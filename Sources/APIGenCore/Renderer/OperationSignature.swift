/// What an operation's method takes, in order: its parameters, then `body`, then `contentType`
/// when the caller names the type of bytes of a media range. Every product that declares,
/// calls or receives the method (the client and its pages, the protocol, the mock and its
/// closures, the server's handler and routes, the round trip) takes its arguments from here, so
/// they cannot list them differently.
struct OperationSignature {
    struct Argument {
        var name: Identifier
        var type: TypeUsage
        /// A `String` whose default is the one media type to assume (`contentType`).
        var isContentType = false
        var defaultContentType: String?
        var isBody = false
    }

    var arguments: [Argument] = []

    /// `excluding`: a parameter the caller does not give (a pager's position).
    init(_ operation: OperationDecl, excluding: Identifier? = nil) {
        for parameter in operation.parameters where parameter.name != excluding {
            arguments.append(Argument(name: parameter.name, type: parameter.type))
        }
        if let body = operation.body {
            arguments.append(Argument(name: "body", type: body.type, isBody: true))
            if body.callerNamesType {
                arguments.append(Argument(name: Identifier(OperationTranslator.contentTypeLabel), type: .string, isContentType: true, defaultContentType: body.defaultNamedType))
            }
        }
    }

    /// The method's parameter list. `fileBody`: the form of a binary-body method that sends a
    /// file (`bodyFile: URL`, always required: with a default, a call without a body would match
    /// both methods). `defaults`: optional arguments default to nil (a protocol's requirements
    /// have none).
    func parameters(_ options: RenderOptions, fileBody: Bool = false, defaults: Bool = true) -> [String] {
        arguments.map { argument in
            if argument.isBody && fileBody { return "\(OperationTranslator.fileBodyLabel): URL" }
            if argument.isContentType {
                return "\(argument.name.swift): String" + (defaults ? argument.defaultContentType.map { " = \(SwiftSpelling.string($0))" } ?? "" : "")
            }
            return "\(argument.name.swift): \(options.spell(argument.type))" + (argument.type.isOptional && defaults ? " = nil" : "")
        }
    }

    /// The arguments' names, as a closure that receives them calls them.
    var names: [String] { arguments.map(\.name.swift) }

    /// `label: name` for each: a call that passes every argument on under its own name.
    var passedOn: [String] { arguments.map { "\($0.name.label): \($0.name.swift)" } }

    /// A closure that receives the arguments: `@Sendable (_ id: String, _ body: Job) async throws -> R`.
    func closureType(_ options: RenderOptions, returning result: TypeUsage?) -> String {
        let types = arguments.map { "_ \($0.name.swift): \(options.spell($0.type))" }
        return "@Sendable (\(types.joined(separator: ", "))) async throws -> \(result.map(options.spell) ?? "Void")"
    }
}
