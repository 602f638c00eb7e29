/// Which list operations get a `…Pages` method, and how each asks for the page after another:
/// from the names the document gives its parameters and response fields (compared without case
/// or separators: `page_token`, `PageToken`), or from a `paging:` rule of the configuration.
///
/// A pager needs an item array in a response object, and one of:
/// - a page number or an offset, with the total count the response reports;
/// - a cursor parameter, with the next cursor in the response;
/// - a link to the next page in the response (GET only), whose query fills the parameters;
/// - a page number or an offset without a total (the walk ends at an empty page), unless the
///   operation also takes a cursor that the response does not give.
/// In that order: Box's `marker` works only with `usemarker=true`, so its offset wins, and
/// Twilio's `Page` is informational, so its `next_page_uri` wins over it.
/// A position goes in a query parameter (GET) or a property of the body (any method).
struct Paging {
    typealias Pagination = OperationDecl.Pagination
    typealias Step = Pagination.Step

    let structs: DeclarationIndex
    let diagnostics: DiagnosticSink

    static let pageNames: Set<String> = ["page", "pageno", "pagenumber", "pagenum"]
    static let offsetNames: Set<String> = ["offset", "skip", "startindex", "startat"]
    static let cursorNames: Set<String> = ["cursor", "after", "pagetoken", "nextpagetoken", "nexttoken", "continuationtoken",
                                           "continuation", "marker", "pagecursor", "startcursor"]
    static let itemNames: Set<String> = ["data", "result", "results", "items", "entries", "records", "values", "elements", "rows", "list"]
    static let totalNames: Set<String> = ["totalcount", "total", "totalentries", "totalresults", "totalrecordcount", "totalitems",
                                          "totalrecords", "totalsize"]
    static let pageCountNames: Set<String> = ["totalpages", "pages", "pagecount", "numpages", "lastpage"]
    static let nextCursorNames: Set<String> = ["nextcursor", "nextpagetoken", "nexttoken", "continuationtoken", "nextmarker",
                                               "nextpagecursor", "endcursor", "cursor", "after"]
    static let nextLinkNames: Set<String> = ["next", "nextpage", "nextpageurl", "nextpageuri", "nextlink", "nextpagelink",
                                             "odatanextlink", "nexturl", "nexturi"]

    /// Objects a total, cursor or link is looked for in, below the response.
    static let containerNames: Set<String> = ["paging", "pagination", "resultinfo", "meta", "metadata", "pageinfo", "cursors",
                                              "responsemetadata", "links", "next"]

    /// `page_no`, `PageNo`, `page-no` → `pageno`.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    func pagination(for operation: OperationDecl, rule: PagingRule?) -> Pagination? {
        if let rule, rule.style == nil { return nil }
        // A page that may be missing (a nullable body, or a 204 beside the 200) has no items to walk.
        var response: StructDecl?
        var items: (steps: [Step], item: TypeUsage, inJSON: Bool)?
        switch operation.response {
        case .named(let path)?:
            response = structs.structDecl(at: path)
        case .array(let item)? where rule?.items == nil:
            // The page is the array (Prefect's `POST /flows/filter`): an offset or a page number
            // walks it, to the first empty page.
            items = ([], item, false)
        default:
            break
        }
        if let response, let wanted = rule?.items {
            guard let found = walk(response, wanted) else {
                return failed(rule, "items '\(wanted.joined(separator: "."))' is not in the response")
            }
            switch found.type.unwrapped {
            case .array(let item): items = (found.steps, item, false)
            case .jsonValue: items = (found.steps, .jsonValue, true)
            default: return failed(rule, "items '\(wanted.joined(separator: "."))' is no array in the response")
            }
        } else if let response {
            guard let found = itemArray(response) else { return failed(rule, "its response has no item array (name it with items:)") }
            items = found
        }
        guard let items else { return failed(rule, "its response is not an object or an array") }
        var pagination = Pagination(style: .page, items: items.steps, item: items.item)
        pagination.itemsAreJSON = items.inJSON
        if let total = rule?.total {
            guard let found = walk(response, total), [TypeUsage.int, .double].contains(found.type.unwrapped) else {
                return failed(rule, "total '\(total.joined(separator: "."))' is no number in the response")
            }
            pagination.totalCount = found.steps
            pagination.totalCountIsDouble = found.type.unwrapped == .double
        } else if let found = find(in: response, where: { name, _ in Self.totalNames.contains(name) }, type: { [.int, .double].contains($0) }) {
            pagination.totalCount = found.steps
            pagination.totalCountIsDouble = found.type.unwrapped == .double
        }
        if let rule, let style = rule.style {
            return configured(style, rule, operation, response, pagination)
        }
        let numbered: (Pagination.Style, Pagination.Position, Bool)? = position(operation, names: Self.offsetNames, numeric: true).map { (.offset, $0.0, $0.1) }
            ?? position(operation, names: Self.pageNames, numeric: true).map { (.page, $0.0, $0.1) }
        if let numbered, pagination.totalCount != nil {
            return with(pagination, numbered, response: response)
        }
        let cursorParameter = position(operation, names: Self.cursorNames, numeric: false)
        if let (cursor, _) = cursorParameter,
           let next = find(in: response, where: { name, _ in Self.nextCursorNames.contains(name) }, type: { $0 == .string }) {
            pagination.style = .cursor
            pagination.position = cursor
            pagination.next = next.steps
            return pagination
        }
        if operation.method == .get, let link = nextLink(response) {
            pagination.style = .link
            pagination.next = link.steps
            pagination.nextIsURL = link.type.unwrapped == .builtin(.url)
            pagination.linkParameters = linkParameters(operation)
            if !pagination.linkParameters.isEmpty { return pagination }
        }
        // A token the response never gives back (Twilio's `PageToken` without a
        // `next_page_uri`) is what such a server pages by: its page number cannot be trusted.
        if cursorParameter != nil { return nil }
        return numbered.map { with(pagination, $0, response: response) }
    }

    private func with(_ pagination: Pagination, _ numbered: (Pagination.Style, Pagination.Position, Bool), response: StructDecl?) -> Pagination {
        var pagination = pagination
        (pagination.style, pagination.position, pagination.positionIsDouble) = numbered
        if pagination.style == .page {
            addPageCount(&pagination, response)
        }
        return pagination
    }

    private func addPageCount(_ pagination: inout Pagination, _ response: StructDecl?) {
        guard let found = find(in: response, where: { name, _ in Self.pageCountNames.contains(name) }, type: { [.int, .double].contains($0) }) else { return }
        pagination.pageCount = found.steps
        pagination.pageCountIsDouble = found.type.unwrapped == .double
    }

    /// A rule's style, with its parameter and next field found as written, or as without a rule.
    private func configured(_ style: PagingRule.Style, _ rule: PagingRule, _ operation: OperationDecl, _ response: StructDecl?,
                            _ base: Pagination) -> Pagination? {
        var pagination = base
        pagination.style = Pagination.Style(rawValue: style.rawValue)!
        let names: Set<String> = switch style {
        case .page: Self.pageNames
        case .offset: Self.offsetNames
        case .cursor: Self.cursorNames
        case .link: []
        }
        if style != .link {
            let numeric = style != .cursor
            let found = rule.parameter.map { position(operation, wireName: $0, numeric: numeric) }
                ?? position(operation, names: names, numeric: numeric)
            guard let (position, isDouble) = found else {
                let what = rule.parameter.map { "parameter '\($0)' is no " } ?? "no parameter is a "
                let kind = numeric ? "number" : "text that may be left out"
                return failed(rule, what + "\(kind) in the query or a required body (name it with parameter:)")
            }
            pagination.position = position
            pagination.positionIsDouble = isDouble
            if style == .page { addPageCount(&pagination, response) }
        }
        guard style == .cursor || style == .link else { return pagination }
        let isLink = style == .link
        let next: (steps: [Step], type: TypeUsage)?
        if let wanted = rule.next {
            next = walk(response, wanted).flatMap { found in
                found.type.unwrapped == .string || (isLink && found.type.unwrapped == .builtin(.url)) ? found : nil
            }
            if next == nil { return failed(rule, "next '\(wanted.joined(separator: "."))' is no \(isLink ? "link" : "text") in the response") }
        } else {
            next = isLink ? nextLink(response) : find(in: response, where: { name, _ in Self.nextCursorNames.contains(name) }, type: { $0 == .string })
            if next == nil { return failed(rule, "its response names no next \(isLink ? "link" : "cursor") (name it with next:)") }
        }
        pagination.next = next?.steps
        pagination.nextIsURL = next?.type.unwrapped == .builtin(.url)
        if isLink {
            pagination.linkParameters = linkParameters(operation)
            if pagination.linkParameters.isEmpty { return failed(rule, "no query parameter of it can be read from a link") }
        }
        return pagination
    }

    private func failed(_ rule: PagingRule?, _ reason: String) -> Pagination? {
        if let rule { diagnostics.warning("this paging rule is not used: \(reason); the operation gets no pager", at: rule.location) }
        return nil
    }

    // MARK: Requests

    /// The first query parameter (GET) or required body property whose name is in `names`.
    private func position(_ operation: OperationDecl, names: Set<String>, numeric: Bool) -> (Pagination.Position, Bool)? {
        position(operation, numeric: numeric) { names.contains(Self.key($0)) }
    }

    private func position(_ operation: OperationDecl, wireName: String, numeric: Bool) -> (Pagination.Position, Bool)? {
        position(operation, numeric: numeric, anyMethod: true) { $0 == wireName }
    }

    /// A number (`Int`, or `Double` written from one), or for cursors text that may be left out.
    private func position(_ operation: OperationDecl, numeric: Bool, anyMethod: Bool = false,
                          _ matches: (String) -> Bool) -> (Pagination.Position, Bool)? {
        func fits(_ type: TypeUsage) -> Bool {
            numeric ? [.int, .double].contains(type.unwrapped) : type == .optional(.string)
        }
        if operation.method == .get || anyMethod,
           let parameter = operation.parameters.first(where: { $0.location == .query && matches($0.wireName) && fits($0.type) }) {
            return (.parameter(parameter.name), parameter.type.unwrapped == .double)
        }
        // An optional body (FastAPI's) is paged from `Body()` when every property has a default.
        if let body = operation.body, [.json, .form].contains(body.encoding),
           case .named(let path) = body.type.unwrapped, let decl = structs.structDecl(at: path),
           !body.type.isOptional || decl.properties.allSatisfy({ $0.type.isOptional || $0.defaultValue != nil }),
           let property = decl.properties.first(where: { matches($0.wireName) && fits($0.type) && !$0.readOnly }) {
            return (.bodyProperty(property.name), property.type.unwrapped == .double)
        }
        return nil
    }

    /// The query parameters a link may carry that read from text: strings, numbers, booleans and
    /// enums; the others keep the caller's value.
    private func linkParameters(_ operation: OperationDecl) -> [Identifier] {
        operation.parameters.filter { parameter in
            guard parameter.location == .query, !parameter.isJSON, parameter.queryStringMediaType == nil else { return false }
            switch parameter.type.unwrapped {
            case .string, .int, .double, .bool: return true
            case .named(let path):
                if case .enumeration? = structs.declaration(at: path) { return true }
                return false
            default: return false
            }
        }.map(\.name)
    }

    // MARK: Responses

    /// The item array: a property with an item-array name, else the response's only array.
    private func itemArray(_ response: StructDecl) -> (steps: [Step], item: TypeUsage, inJSON: Bool)? {
        let arrays = response.properties.compactMap { property -> (PropertyDecl, TypeUsage)? in
            guard case .array(let item) = property.type.unwrapped else { return nil }
            return (property, item)
        }
        if let (property, item) = arrays.first(where: { Self.itemNames.contains(Self.key($0.0.wireName)) }) ?? (arrays.count == 1 ? arrays[0] : nil) {
            return ([Step(property: property.name, isOptional: property.type.isOptional)], item, false)
        }
        // Any JSON, where a document's `allOf` says both `object` and `array` (Cloudflare's
        // envelopes): its items are read from the JSON.
        guard let json = response.properties.first(where: { Self.itemNames.contains(Self.key($0.wireName)) && $0.type.unwrapped == .jsonValue }) else {
            return nil
        }
        return ([Step(property: json.name, isOptional: json.type.isOptional)], .jsonValue, true)
    }

    /// `next`, `next_page_uri`, `links.next`, `_links.next.href`: text or a URL.
    private func nextLink(_ response: StructDecl?) -> (steps: [Step], type: TypeUsage)? {
        find(in: response, where: { name, parent in
            Self.nextLinkNames.contains(name) || (name == "href" && parent == "next")
        }, type: { $0 == .string || $0 == .builtin(.url) })
    }

    /// A property by its wire names, from the response through objects.
    private func walk(_ response: StructDecl?, _ wireNames: [String]) -> (steps: [Step], type: TypeUsage)? {
        guard var decl = response else { return nil }
        var steps: [Step] = []
        for (i, wireName) in wireNames.enumerated() {
            guard let property = decl.properties.first(where: { $0.wireName == wireName }) else { return nil }
            steps.append(Step(property: property.name, isOptional: property.type.isOptional))
            if i == wireNames.count - 1 { return (steps, property.type) }
            guard case .named(let path) = property.type.unwrapped, let next = structs.structDecl(at: path) else { return nil }
            decl = next
        }
        return nil
    }

    /// The first property, breadth first through paging objects up to two levels down
    /// (`result_info`, `result_info.cursors`), whose name (and its parent's) `matches` and whose
    /// type fits. Other objects are not looked in: a `summary.total` is an amount, not a count.
    private func find(in response: StructDecl?, where matches: (String, String) -> Bool,
                      type fits: (TypeUsage) -> Bool) -> (steps: [Step], type: TypeUsage)? {
        guard let response else { return nil }
        var level: [(decl: StructDecl, steps: [Step], parent: String)] = [(response, [], "")]
        for depth in 0..<3 {
            var deeper: [(decl: StructDecl, steps: [Step], parent: String)] = []
            for (decl, steps, parent) in level {
                for property in decl.properties {
                    let step = steps + [Step(property: property.name, isOptional: property.type.isOptional)]
                    if matches(Self.key(property.wireName), parent), fits(property.type.unwrapped) { return (step, property.type) }
                    if depth < 2, Self.containerNames.contains(Self.key(property.wireName)),
                       case .named(let path) = property.type.unwrapped, let nested = structs.structDecl(at: path) {
                        deeper.append((nested, step, Self.key(property.wireName)))
                    }
                }
            }
            level = deeper
        }
        return nil
    }
}
