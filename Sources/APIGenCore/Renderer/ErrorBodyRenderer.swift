/// The typed error bodies of an operation: `error.errorBody(of: .getMeeting)`, whose type the
/// compiler knows, through a static member of the runtime's `OperationErrorBody<Body>`.
extension ClientRenderer {
    /// The distinct types of an operation's error bodies, in the document's order.
    func errorTypes(_ operation: OperationDecl) -> [TypeUsage] {
        var seen: Set<TypeUsage> = []
        return operation.errors.map(\.type).filter { seen.insert($0).inserted }
    }

    /// `GetMeetingErrorBody`: the enum of an operation whose statuses have different types,
    /// a member of `Client` (method names are unique, and lower camel case, so these are too).
    /// One that a top-level type already has is numbered: inside `extension Client` it would
    /// hide that type from the methods.
    func errorEnumName(_ operation: OperationDecl) -> String {
        index.nestedTypeName(TypeIndex.upperFirst(operation.name) + "ErrorBody")
    }

    /// The enum's cases: each type's name as a member name, numbered when two would be the same.
    private func errorCases(_ operation: OperationDecl) -> [(name: String, type: String)] {
        var scope = NameScope()
        return errorTypes(operation).map { type in
            let spelled = options.spell(type)
            let words = spelled.split(separator: ".").last.map(String.init) ?? spelled
            return (Identifier(scope.claim(SwiftNaming.memberName(words)).name).swift, spelled)
        }
    }

    /// Inside `extension Client`: the enum, when the statuses have different types.
    func renderErrorBodyEnum(_ operation: OperationDecl, into p: inout CodePrinter) {
        guard errorTypes(operation).count > 1 else { return }
        p.line()
        p.docs(["The error bodies `\(operation.name.name)` documents: the one its answer's status has."])
        p.block("\(access) enum \(errorEnumName(operation)): Hashable, Sendable") { p in
            for (name, type) in errorCases(operation) { p.line("case \(name)(\(type))") }
        }
    }

    /// Whether the operation gets a member: two documents in one module (each in its
    /// namespace) could both extend `OperationErrorBody<String>` with a member of one name, so
    /// only generated types, or a module of one document, get a member for a builtin type.
    func hasErrorAccessor(_ operation: OperationDecl) -> Bool {
        let types = errorTypes(operation)
        return types.count > 1 || types.first.map { $0.namesAType || options.namespace == nil } == true
    }

    /// `404, 4XX and other statuses`.
    static func statusList(_ statuses: [String]) -> String {
        statuses.count == 1 ? statuses[0] : statuses.dropLast().joined(separator: ", ") + " and " + statuses.last!
    }

    /// The static member `errorBody(of:)` takes, and the `Body` type it is declared for.
    func errorAccessor(_ operation: OperationDecl) -> CodePrinter.ErrorAccessor? {
        guard hasErrorAccessor(operation) else { return nil }
        let types = errorTypes(operation)
        let id = SwiftSpelling.string(operation.operationID)
        let statuses = operation.errors.map { $0.status == "default" ? "other statuses" : $0.status }
        let doc = "    /// `\(operation.name.name)`'s error body, for \(Self.statusList(statuses))."
        guard types.count > 1 else {
            return .init(body: options.spell(types[0]), lines: [doc, "    \(access) static var \(operation.name.swift): Self { Self(operation: \(id)) }"])
        }
        let enumType = "\(clientType).\(errorEnumName(operation))"
        let reads = errorCases(operation).map { "($0 as? \($0.type)).map(\(enumType).\($0.name))" }
        return .init(body: enumType, lines: [doc, "    \(access) static var \(operation.name.swift): Self { Self(operation: \(id)) { \(reads.joined(separator: " ?? ")) } }"])
    }
}
