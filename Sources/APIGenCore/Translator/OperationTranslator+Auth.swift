/// The client's credentials, from the security schemes the operations use.
extension OperationTranslator {
    /// The credentials the client takes: the schemes that `operations` (or the document) use.
    func translateAuth(_ operations: [Operation]) -> [AuthDecl] {
        var used: Set<String> = []
        for alternative in context.document.security { used.formUnion(alternative) }
        for operation in operations {
            for alternative in operation.security ?? [] { used.formUnion(alternative) }
        }
        var names = NameScope(reserved: Self.initLabels)
        var result: [AuthDecl] = []
        var hasBearer = false
        for scheme in context.document.securitySchemes where used.contains(scheme.name) {
            let kind: AuthDecl.Kind
            var wanted: String
            switch scheme.kind {
            case .unsupported:
                continue
            case .bearer, .other:
                kind = .bearer
                wanted = hasBearer ? context.memberName(scheme.name) : "apiToken"
                hasBearer = true
            case .basic:
                kind = .basic
                wanted = context.memberName(scheme.name)
            case .apiKey(let name, let location):
                kind = .apiKey(name: name, location: location)
                wanted = context.memberName(scheme.name)
            }
            let (argument, _) = names.claim(wanted)
            let docs = Documentation.firstLine(of: scheme.description)
            result.append(AuthDecl(schemeName: scheme.name, argumentName: Identifier(argument), kind: kind, docs: docs))
        }
        return result
    }
}
