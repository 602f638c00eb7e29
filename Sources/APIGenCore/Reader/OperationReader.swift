import APIGenYAML

/// Reads path items and their operations: parameters merged and `$ref`s followed.
struct OperationReader {
    let context: ReaderContext
    let schemas: SchemaReader
    /// Names in `components.securitySchemes`.
    var knownSchemes: Set<String> = []

    func readPaths(_ node: YAMLNode) -> [Operation] {
        guard let pairs = context.mapping(node, "paths") else { return [] }
        var operations: [Operation] = []
        for pair in pairs {
            let path = pair.key
            guard path.hasPrefix("/") else {
                context.diagnostics.error("path '\(path)' must start with '/'", at: context.location(pair.keyMark))
                continue
            }
            operations += pathItem(pair, path: path, isTemplate: true)
        }
        return operations
    }

    /// The operations of one path item (a path's, a webhook's, a callback's expression's).
    /// `isTemplate`: the key is a path template, whose names must be the path parameters.
    /// `readsCallbacks`: false inside a callback (a callback's own callbacks are not read, so a
    /// `$ref` cycle through components.callbacks cannot recur).
    func pathItem(_ pair: YAMLPair, path: String, isTemplate: Bool, readsCallbacks: Bool = true) -> [Operation] {
        var operations: [Operation] = []
        guard let (item, _, itemContext) = context.follow(pair.value, "a path item") else { return [] }
        let reader = on(itemContext)
        let shared = item["parameters"].map { reader.readParameters($0) } ?? []
        // Operation keys are lower case; `GET:` is read as `get:`, with a word.
        var upperCase: [String: YAMLNode] = [:]
        for key in item.mapping ?? [] where key.key.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) {
            let lower = key.key.lowercased()
            guard HTTPMethod(rawValue: lower) != nil else { continue }
            if item[lower] != nil {
                itemContext.diagnostics.error("'\(key.key)' and '\(lower)' are both given; operation keys are lower case", at: itemContext.location(key.keyMark))
            } else {
                itemContext.diagnostics.warning("operation key '\(key.key)' should be lower case; read as '\(lower)'", at: itemContext.location(key.keyMark))
                upperCase[lower] = upperCase[lower] ?? key.value
            }
        }
        for method in HTTPMethod.fixed {
            guard let written = item[method.rawValue] ?? upperCase[method.rawValue], let (opNode, opContext) = itemContext.followUnofficial(written, "an operation") else { continue }
            if method == .query, !itemContext.version32 {
                itemContext.warning("'query' is an OpenAPI 3.2 operation; it is read as the QUERY method", at: written)
            }
            if let operation = reader.on(opContext).readOperation(opNode, path: path, method: method, shared: shared, pathKeyLocation: context.location(pair.keyMark), isTemplate: isTemplate, readsCallbacks: readsCallbacks) {
                operations.append(operation)
            }
        }
        if let additional = item["additionalOperations"] {
            for (method, opNode, opContext) in reader.additionalOperations(additional, item: item) {
                if let operation = reader.on(opContext).readOperation(opNode, path: path, method: method, shared: shared, pathKeyLocation: context.location(pair.keyMark), isTemplate: isTemplate, readsCallbacks: readsCallbacks) {
                    operations.append(operation)
                }
            }
        }
        return operations
    }

    /// `webhooks`: each path item's operations, with the webhook's name as their path.
    func readWebhooks(_ node: YAMLNode) -> [Operation] {
        guard let pairs = context.mapping(node, "webhooks") else { return [] }
        if !context.version31 { context.warning("webhooks is an OpenAPI 3.1 field; it is read", at: node) }
        return pairs.filter { !$0.key.hasPrefix("x-") }.flatMap { pathItem($0, path: $0.key, isTemplate: false) }
    }

    /// An operation's `callbacks`: each callback's path items, by their URL expressions.
    private func readCallbacks(_ node: YAMLNode) -> [Callback] {
        guard let pairs = context.mapping(node, "callbacks") else { return [] }
        return pairs.filter { !$0.key.hasPrefix("x-") }.compactMap { pair in
            guard let (callback, _, other) = context.follow(pair.value, "a callback") else { return nil }
            let reader = on(other)
            let operations = (callback.mapping ?? []).filter { !$0.key.hasPrefix("x-") }.flatMap {
                reader.pathItem($0, path: $0.key, isTemplate: false, readsCallbacks: false)
            }
            return Callback(name: pair.key, operations: operations, location: context.location(pair.keyMark))
        }
    }

    /// A 3.2 path item's `additionalOperations`: methods sent as written, each an HTTP token
    /// (it goes on the request line) and none that a fixed field (`post`, `query`…) names.
    private func additionalOperations(_ node: YAMLNode, item: YAMLNode) -> [(HTTPMethod, YAMLNode, ReaderContext)] {
        guard let pairs = context.mapping(node, "additionalOperations") else { return [] }
        if !context.version32 { context.warning("additionalOperations is an OpenAPI 3.2 field; it is read", at: node) }
        var result: [(HTTPMethod, YAMLNode, ReaderContext)] = []
        for pair in pairs {
            let at = context.location(pair.keyMark)
            guard HTTPToken.isValid(pair.key) else {
                context.diagnostics.error("additionalOperations method \(TextEscaping.quoted(pair.key)) is not allowed: \(HTTPToken.rule)", at: at)
                continue
            }
            var method = HTTPMethod.additional(pair.key)
            if let fixed = HTTPMethod(rawValue: pair.key.lowercased()) {
                if item[fixed.rawValue] != nil {
                    context.diagnostics.warning("additionalOperations must not contain '\(pair.key)', which the path item's '\(fixed.rawValue)' field defines; this one is ignored", at: at)
                    continue
                }
                context.diagnostics.warning("additionalOperations must not contain '\(pair.key)'; it is read as the path item's '\(fixed.rawValue)' field", at: at)
                method = fixed
            }
            guard let (opNode, opContext) = context.followUnofficial(pair.value, "an operation") else { continue }
            result.append((method, opNode, opContext))
        }
        return result
    }

    /// A reader for another file's nodes.
    func on(_ other: ReaderContext) -> OperationReader {
        other === context ? self : OperationReader(context: other, schemas: SchemaReader(context: other), knownSchemes: knownSchemes)
    }

    private func readOperation(_ node: YAMLNode, path: String, method: HTTPMethod, shared: [Parameter], pathKeyLocation: SourceLocation,
                               isTemplate: Bool, readsCallbacks: Bool) -> Operation? {
        guard context.object(node, "an operation") != nil else { return nil }
        let location = context.location(node)
        var parameters = shared
        if let own = node["parameters"] {
            for parameter in readParameters(own) {
                if let i = parameters.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                    parameters[i] = parameter
                } else {
                    parameters.append(parameter)
                }
            }
        }
        if isTemplate { checkPathParameters(path: path, parameters: &parameters, at: pathKeyLocation, operation: location) }
        let queryStrings = parameters.filter { $0.location == .querystring }
        if let first = queryStrings.first {
            for extra in queryStrings.dropFirst() {
                context.diagnostics.warning(SpecificationRules.secondQueryString, at: extra.sourceLocation)
            }
            parameters.removeAll { $0.location == .querystring && $0.sourceLocation != first.sourceLocation }
            if let query = parameters.first(where: { $0.location == .query }) {
                context.diagnostics.warning(SpecificationRules.queryBesideQueryString, at: query.sourceLocation)
            }
        }

        var responses: [Response] = []
        if let responsesNode = node["responses"], let pairs = context.mapping(responsesNode, "responses") {
            for pair in pairs {
                if let response = readResponse(pair) { responses.append(response) }
            }
        } else if node["responses"] == nil {
            context.warning("operation has no 'responses'", at: node)
        }

        var security: [[String]]?
        if let securityNode = node["security"] {
            // `security:` with nothing after it: the document's own requirements still apply
            // (reading it as `[]` would silently drop authentication).
            if context.isNull(securityNode) {
                context.warning("security is null; the document's security requirements apply", at: securityNode)
            } else {
                security = readSecurity(securityNode)
            }
        }

        var callbacks: [Callback] = []
        if let node = node["callbacks"] {
            if readsCallbacks {
                callbacks = readCallbacks(node)
            } else {
                context.warning("a callback's operation declares callbacks of its own; they are not read", at: node)
            }
        }

        return Operation(
            path: path,
            method: method,
            operationID: node["operationId"].flatMap { context.string($0, "operationId") },
            tags: node["tags"].flatMap { context.sequence($0, "tags") }?.compactMap { context.string($0, "tag") } ?? [],
            summary: node["summary"].flatMap { context.string($0, "summary") },
            description: node["description"].flatMap { context.documentation($0, "description") },
            deprecated: node["deprecated"].flatMap { context.bool($0, "deprecated") } ?? false,
            parameters: parameters,
            requestBody: node["requestBody"].flatMap { readRequestBody($0) },
            responses: responses,
            security: security,
            location: location,
            callbacks: callbacks
        )
    }

    /// Every `{name}` of the template must be a path parameter, and every path parameter must be in the template.
    private func checkPathParameters(path: String, parameters: inout [Parameter], at pathLocation: SourceLocation, operation: SourceLocation) {
        let names = Self.templateNames(path)
        var seen: Set<String> = []
        var unique: [String] = []
        for name in names {
            if seen.insert(name).inserted { unique.append(name); continue }
            // Real documents do this (Cloudflare): one argument fills every segment it names.
            context.diagnostics.warning("path template '\(path)' names '{\(name)}' more than once; one argument fills each of them", at: pathLocation)
        }
        // One undeclared name and one path parameter not in the template: the parameter fills it
        // (the specification's own example writes `{id}` and declares `petId`).
        let undeclared = unique.filter { name in !parameters.contains { $0.location == .path && $0.name == name } }
        let unplaced = parameters.indices.filter { parameters[$0].location == .path && !names.contains(parameters[$0].name) }
        if undeclared.count == 1, unplaced.count == 1 {
            let i = unplaced[0]
            context.diagnostics.warning("path parameter '\(parameters[i].name)' is not in the path template '\(path)', whose '{\(undeclared[0])}' is not declared; it fills '{\(undeclared[0])}'", at: parameters[i].sourceLocation)
            parameters[i].name = undeclared[0]
            return
        }
        for name in undeclared {
            context.diagnostics.error("path parameter '{\(name)}' of '\(path)' is not declared", at: operation)
        }
        for parameter in parameters where parameter.location == .path && !names.contains(parameter.name) {
            context.diagnostics.error("path parameter '\(parameter.name)' is not in the path template '\(path)'", at: parameter.sourceLocation)
        }
    }

    /// The names between braces in a path template.
    static func templateNames(_ path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for c in path {
            if c == "{" { current = "" } else if c == "}" {
                if let name = current { names.append(name) }
                current = nil
            } else if current != nil {
                current!.append(c)
            }
        }
        return names
    }

    func readParameters(_ node: YAMLNode) -> [Parameter] {
        guard let list = context.sequence(node, "parameters") else { return [] }
        // A name and location once per list (the specification's rule): the first one is kept.
        var result: [Parameter] = []
        var seen: [String: SourceLocation] = [:]
        for parameter in list.compactMap(readParameter) {
            let key = parameter.location.rawValue + " " + parameter.name
            if let first = seen[key] {
                context.diagnostics.warning("\(parameter.location.rawValue) parameter '\(parameter.name)' is declared again (first at \(first)); this one is ignored", at: parameter.sourceLocation)
                continue
            }
            seen[key] = parameter.sourceLocation
            result.append(parameter)
        }
        return result
    }

    private func readParameter(_ raw: YAMLNode) -> Parameter? {
        guard let (node, _, other) = context.follow(raw, "a parameter") else { return nil }
        return context.noting(raw["$ref"]) { on(other).parameter(from: node) }
    }

    private func parameter(from node: YAMLNode) -> Parameter? {
        // The main document's were checked with the rest of it (`SpecificationRules.check`).
        if !context.isMain { SpecificationRules(context: context).parameter(node) }
        guard let nameNode = node["name"] else {
            context.error("parameter is missing 'name'", at: node)
            return nil
        }
        guard let inNode = node["in"] else {
            context.error("parameter is missing 'in'", at: node)
            return nil
        }
        guard let name = context.string(nameNode, "parameter name"), let inText = context.string(inNode, "parameter 'in'") else { return nil }
        guard let location = ParameterLocation(rawValue: inText) else {
            context.error("parameter 'in' must be path, query, querystring, header or cookie, found '\(inText)'", at: inNode)
            return nil
        }
        if location == .querystring, !context.version32 {
            context.warning("'in: querystring' is an OpenAPI 3.2 parameter location; it is read as one", at: inNode)
        }
        if location == .header || location == .cookie, !HTTPToken.isValid(name) {
            context.error("\(location.rawValue) parameter name \(TextEscaping.quoted(name)) is not allowed: \(HTTPToken.rule)", at: nameNode)
            return nil
        }
        var required = node["required"].flatMap { context.bool($0, "required") } ?? false
        if location == .path && !required {
            if node["required"] != nil {
                context.warning("path parameter '\(name)' must be required; treated as required", at: node)
            }
            required = true
        }
        var schema = node["schema"].map { schemas.read($0) }
        var contentType: String?
        if location == .querystring, node["content"] == nil {
            // The whole query string: only `content` says how it is written.
            context.warning(SpecificationRules.queryStringWithSchema, at: node["schema"] ?? node)
            contentType = "application/x-www-form-urlencoded"
        }
        if node["content"] != nil, let style = node["style"] {
            context.warning(SpecificationRules.contentWithStyle, at: style)
        }
        if schema == nil, let content = node["content"], let pairs = context.mapping(content, "content"), let first = pairs.first,
           let (media, other) = context.followUnofficial(first.value, "a media type") {
            schema = media["schema"].map { on(other).schemas.read($0) }
            contentType = first.key
        }
        return Parameter(
            name: name, location: location, required: required,
            description: node["description"].flatMap { context.documentation($0, "description") },
            deprecated: node["deprecated"].flatMap { context.bool($0, "deprecated") } ?? false,
            schema: schema,
            example: node["example"].map { context.literal($0) },
            explode: node["explode"].flatMap { context.bool($0, "explode") },
            style: node["style"].flatMap { context.string($0, "style") },
            allowReserved: node["allowReserved"].flatMap { context.bool($0, "allowReserved") },
            contentType: contentType,
            sourceLocation: context.location(node)
        )
    }

    /// Security requirements; each name must be one of `knownSchemes`.
    func readSecurity(_ node: YAMLNode) -> [[String]] {
        guard let list = context.sequence(node, "security") else { return [] }
        return list.compactMap { written in
            guard let (item, other) = context.followUnofficial(written, "a security requirement"),
                  let pairs = other.object(item, "a security requirement") else { return nil }
            // A name no scheme has cannot be sent: the alternative is left out, with a word.
            for pair in pairs where !knownSchemes.contains(pair.key) {
                other.diagnostics.warning("security requirement names '\(pair.key)', which is not in components.securitySchemes; this alternative is ignored", at: other.location(pair.keyMark))
            }
            return pairs.allSatisfy { knownSchemes.contains($0.key) } ? pairs.map(\.key) : nil
        }
    }
}
