/// `<operation>Pages(…)`: a list operation's pages (and, through `.items`, their items) as a
/// `PageSequence`, in the style the operation pages in.
extension ClientRenderer {
    typealias Pagination = OperationDecl.Pagination

    func renderPages(_ operation: OperationDecl, _ pagination: Pagination, into p: inout CodePrinter) {
        guard let response = operation.response else { return }
        var excluded: Identifier?
        if case .parameter(let name)? = pagination.position { excluded = name }
        let start: (parameter: String, docs: String, argument: String)
        switch pagination.style {
        case .page: start = ("startingAt _firstPage: Int = 1", "The page number to start from.", "firstPage: _firstPage")
        case .offset: start = ("startingAt _firstOffset: Int = 0", "The offset of the first item to read.", "firstOffset: _firstOffset")
        case .cursor: start = ("startingAfter _cursor: String? = nil", "The cursor to start from (nil: the first page).", "cursor: _cursor")
        case .link: start = ("", "", "link: nil")
        }
        p.docs(pagesDocs(operation, pagination, excluding: excluded, start: start.docs))
        if operation.deprecated { p.line("@available(*, deprecated, message: \"This operation is deprecated in the API document.\")") }
        var params = OperationSignature(operation, excluding: excluded).parameters(options)
        if !start.parameter.isEmpty { params.append(start.parameter) }
        let returns = " -> PageSequence<\(options.spell(response)), \(options.spell(pagination.item))>"
        printSignature("\(access) func \(pagination.methodName.swift)", params, returns, into: &p) { p in
            p.line("PageSequence(")
            p.indent()
            p.line(start.argument + ",")
            p.line("maxPages: self._core.limits.maxPages,")
            renderFetch(operation, pagination, into: &p)
            var items = Self.access(pagination.items, from: "$0")
            if pagination.itemsAreJSON { items += (pagination.items.last?.isOptional == true ? "?" : "") + ".arrayValue" }
            let optional = pagination.itemsAreJSON || pagination.items.contains(where: \.isOptional)
            p.line("items: { \(items)\(optional ? " ?? []" : "") },")
            var tail: [String] = []
            if let total = pagination.totalCount {
                tail.append("totalCount: { \(Self.count(total, isDouble: pagination.totalCountIsDouble)) }")
            }
            if let pages = pagination.pageCount {
                tail.append("pageCount: { \(Self.count(pages, isDouble: pagination.pageCountIsDouble)) }")
            }
            if let next = pagination.next {
                let read = Self.access(next, from: "$0")
                let text = !pagination.nextIsURL ? read : read + (next.contains(where: \.isOptional) ? "?" : "") + ".absoluteString"
                tail.append("\(pagination.style == .link ? "nextLink" : "nextCursor"): { \(text) }")
            }
            if tail.isEmpty {
                // `fetch:` ended with a comma for the arguments after it.
                p.line("totalCount: { _ in nil }")
            } else {
                for (i, line) in tail.enumerated() { p.line(line + (i == tail.count - 1 ? "" : ",")) }
            }
            p.outdent()
            p.line(")")
        }
    }

    private func pagesDocs(_ operation: OperationDecl, _ pagination: Pagination, excluding: Identifier?, start: String) -> [String] {
        let next = switch pagination.style {
        case .page: "the next page number"
        case .offset: "the offset after the items read so far"
        case .cursor: "the cursor the page before gave"
        case .link: "the query of the link the page before gave (sent to this client's server)"
        }
        var ends: [String] = []
        if pagination.style == .page || pagination.style == .offset { ends.append("after a page with no items") }
        if pagination.style == .cursor || pagination.style == .link { ends.append("after a page without a next \(pagination.style == .link ? "link" : "cursor")") }
        if pagination.totalCount != nil { ends.append("once the total count the server reports is reached") }
        if pagination.pageCount != nil { ends.append("at the last page the server reports") }
        var docs = ["Every page of `\(operation.name.name)`, fetched lazily, one request per page; `.items` walks their items.", "",
                    "Each request asks for \(next).", "It stops \(ends.joined(separator: ", or ")).",]
        if case .bodyProperty(let property)? = pagination.position {
            docs.append("The body's `\(property.name)` is set for each request.")
        }
        var paramDocs = parameterDocs(operation, excluding: excluding)
        if !start.isEmpty {
            if paramDocs.isEmpty { paramDocs = ["- Parameters:"] }
            let label = pagination.style == .cursor ? "cursor" : pagination.style == .offset ? "firstOffset" : "firstPage"
            paramDocs.append("  - \(label): \(start)")
        }
        return docs + (paramDocs.isEmpty ? [] : [""] + paramDocs)
    }

    /// `fetch:`: the operation's call with the position in its place. The closure's parameter is
    /// anonymous or `_`-named, so no parameter name of the document can shadow it.
    private func renderFetch(_ operation: OperationDecl, _ pagination: Pagination, into p: inout CodePrinter) {
        let value = pagination.positionIsDouble ? "Double(_position)" : "_position"
        var arguments: [String] = []
        for parameter in operation.parameters {
            let label = parameter.name.label
            if case .parameter(parameter.name)? = pagination.position {
                arguments.append("\(label): \(value)")
            } else if pagination.linkParameters.contains(parameter.name) {
                // After the first page, an optional parameter the link leaves out is left out; a
                // required one keeps the caller's value.
                let read = "value(\(SwiftSpelling.string(parameter.wireName)))"
                arguments.append("\(label): " + (parameter.type.isOptional ? "_link.map { $0.\(read) } ?? \(parameter.name.swift)" : "_link?.\(read) ?? \(parameter.name.swift)"))
            } else {
                arguments.append("\(label): \(parameter.name.swift)")
            }
        }
        let inBody: String? = if case .bodyProperty(let property)? = pagination.position { property.swift } else { nil }
        for argument in OperationSignature(operation).arguments where argument.isBody || argument.isContentType {
            arguments.append(argument.isBody && inBody != nil ? "body: _body" : "\(argument.name.label): \(argument.name.swift)")
        }
        let call = "try await self.\(operation.name.swift)(\(arguments.joined(separator: ", ")))"
        let input = pagination.style == .link ? "_link" : "_position"
        if let inBody {
            p.line("fetch: { \(input) in")
            p.indent()
            let body = operation.body.map(\.type)
            p.line("var _body = body" + (body?.isOptional == true ? " ?? \(options.spell(body!.unwrapped))()" : ""))
            p.line("_body.\(inBody) = \(value)")
            p.line("return \(call)")
            p.outdent()
            p.line("},")
        } else {
            p.line("fetch: { \(input) in \(call) },")
        }
    }

    /// A count read as an `Int?`. `Int(exactly:)`: a server's 1e300 or NaN reads as no count,
    /// where `Int(_:)` would trap.
    static func count(_ steps: [Pagination.Step], isDouble: Bool) -> String {
        let read = access(steps, from: "$0")
        guard isDouble else { return read }
        return steps.contains(where: \.isOptional) ? "(\(read)).flatMap { Int(exactly: $0.rounded(.down)) }" : "Int(exactly: (\(read)).rounded(.down))"
    }

    /// `$0.paging?.totalCount`: optional chaining after each optional step but the last.
    static func access(_ steps: [Pagination.Step], from root: String) -> String {
        var out = root
        for (i, step) in steps.enumerated() {
            out += "." + step.property.swift
            if step.isOptional && i < steps.count - 1 { out += "?" }
        }
        return out
    }
}
