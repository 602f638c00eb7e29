import APIGenYAML

/// The specification's rules that the reader's own reading does not meet on its way, checked on
/// every object the main document holds, components nobody references among them. Each broken
/// rule is a located warning that names the rule and says what is kept: these documents have a
/// sound reading, and a document that breaks a rule in a corner the client never uses must
/// still generate.
struct SpecificationRules {
    let context: ReaderContext

    private func warn(_ message: String, _ node: YAMLNode) { context.warning(message, at: node) }
    private func warn(_ message: String, key pair: YAMLPair) { context.diagnostics.warning(message, at: context.location(pair.keyMark)) }

    private var v32: Bool { context.version32 }

    static let topLevelKeys: Set<String> = ["openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs", "webhooks", "jsonSchemaDialect", "$self"]

    func check(_ root: YAMLNode) {
        guard let pairs = root.mapping else { return }
        for pair in pairs where !Self.topLevelKeys.contains(pair.key) && !pair.key.hasPrefix("x-") {
            warn("'\(pair.key)' is not a field of an OpenAPI document (extensions start with 'x-'); it is ignored", key: pair)
        }
        if context.version31, root["paths"] == nil, root["components"] == nil, root["webhooks"] == nil {
            warn("an OpenAPI \(v32 ? "3.2" : "3.1") document must have at least one of 'paths', 'components' and 'webhooks'; nothing is generated", root)
        }
        servers(root["servers"])
        for item in root["paths"]?.mapping ?? [] where !item.key.hasPrefix("x-") { pathItem(item.value) }
        for item in root["webhooks"]?.mapping ?? [] where !item.key.hasPrefix("x-") { pathItem(item.value) }
        guard let components = root["components"] else { return }
        func each(_ key: String, _ check: (YAMLNode) -> Void) {
            for pair in components[key]?.mapping ?? [] where pair.value["$ref"] == nil { check(pair.value) }
        }
        each("parameters", parameter)
        each("headers", header)
        each("examples", example)
        each("requestBodies") { content($0["content"]) }
        each("responses", response)
        each("pathItems", pathItem)
        each("links", link)
        each("callbacks", callback)
        each("mediaTypes", mediaType)
        if v32 { each("schemas", schema) }
    }

    private func servers(_ node: YAMLNode?) {
        for server in node?.sequence ?? [] {
            for variable in server["variables"]?.mapping ?? [] {
                guard let list = variable.value["enum"]?.sequence else { continue }
                if list.isEmpty {
                    warn("server variable '\(variable.key)' has an empty 'enum', which the specification forbids; its default is used", variable.value["enum"]!)
                } else if let value = variable.value["default"]?.scalar?.text, !list.contains(where: { $0.scalar?.text == value }) {
                    warn("server variable '\(variable.key)': the default '\(value)' must be one of its 'enum'; the default is used", variable.value["default"]!)
                }
            }
        }
    }

    private func pathItem(_ node: YAMLNode) {
        guard node.mapping != nil, node["$ref"] == nil else { return }
        servers(node["servers"])
        let shared = node["parameters"]?.sequence ?? []
        shared.forEach(parameter)
        var operations = HTTPMethod.fixed.compactMap { node[$0.rawValue] }
        operations += (node["additionalOperations"]?.mapping ?? []).map(\.value)
        for op in operations where op.mapping != nil {
            servers(op["servers"])
            let own = op["parameters"]?.sequence ?? []
            own.forEach(parameter)
            queryStrings(shared + own)
            if let body = op["requestBody"], body["$ref"] == nil { content(body["content"]) }
            for pair in op["responses"]?.mapping ?? [] where pair.value["$ref"] == nil { response(pair.value) }
            for pair in op["callbacks"]?.mapping ?? [] where pair.value["$ref"] == nil { callback(pair.value) }
        }
        if operations.isEmpty { queryStrings(shared) }
    }

    /// One `querystring` parameter at most, and none beside `query` parameters.
    private func queryStrings(_ list: [YAMLNode]) {
        let places = list.map { ($0, $0["in"]?.scalar?.text) }
        let strings = places.filter { $0.1 == "querystring" }
        for extra in strings.dropFirst() {
            warn(Self.secondQueryString, extra.0)
        }
        if !strings.isEmpty, let query = places.first(where: { $0.1 == "query" }) {
            warn(Self.queryBesideQueryString, query.0)
        }
    }

    static let secondQueryString = "an operation has at most one querystring parameter; this one is ignored"
    static let queryBesideQueryString = "a querystring parameter excludes query parameters; this one is sent after the query string nonetheless"
    static let contentWithStyle = "a parameter given by 'content' takes no 'style'; it is ignored"
    static let queryStringWithSchema = "a querystring parameter must use 'content', not 'schema'; it is sent as application/x-www-form-urlencoded"

    /// A Parameter Object's rules; the reader runs them too on parameters of other files.
    func parameter(_ node: YAMLNode) {
        guard node.mapping != nil, node["$ref"] == nil else { return }
        let place = node["in"]?.scalar?.text ?? ""
        exampleBesideExamples(node)
        if let reserved = node["allowReserved"] {
            let style = node["style"]?.scalar?.text
            let allowed = v32 ? (place == "query" || place == "path" || (place == "cookie" && (style ?? "form") == "form")) : place == "query"
            if !allowed {
                warn("allowReserved is defined only for \(v32 ? "query and path parameters and form-style cookies" : "query parameters"); it is ignored for this \(place) parameter", reserved)
            }
        }
        if let style = node["style"], node["content"] != nil { warn(Self.contentWithStyle, style) }
        if place == "querystring", node["content"] == nil { warn(Self.queryStringWithSchema, node["schema"] ?? node) }
        if let nameNode = node["name"], let name = nameNode.scalar?.text {
            if (place == "header" || place == "cookie") && !HTTPToken.isValid(name) {
                // The reader refuses such a parameter where it is used (it would inject a header): the same error.
                context.error("\(place) parameter name \(TextEscaping.quoted(name)) is not allowed: \(HTTPToken.rule)", at: nameNode)
            } else if place == "path" && (name.contains("{") || name.contains("}")) {
                warn("path parameter name \(TextEscaping.quoted(name)) must not contain '{' or '}'; no template can name it", nameNode)
            }
        }
        content(node["content"])
    }

    private func header(_ node: YAMLNode) {
        guard node.mapping != nil, node["$ref"] == nil else { return }
        exampleBesideExamples(node)
        if let reserved = node["allowReserved"] {
            warn("a header takes no 'allowReserved' (headers are not percent-encoded); it is ignored", reserved)
        }
        content(node["content"])
    }

    private func headers(_ node: YAMLNode?) {
        for pair in node?.mapping ?? [] {
            if !HTTPToken.isValid(pair.key) {
                warn("header name \(TextEscaping.quoted(pair.key)) is not allowed: \(HTTPToken.rule); it is ignored", key: pair)
            }
            header(pair.value)
        }
    }

    private func exampleBesideExamples(_ node: YAMLNode) {
        if let example = node["example"], node["examples"] != nil {
            warn("'example' and 'examples' are mutually exclusive; both are read as examples", example)
        }
        for pair in node["examples"]?.mapping ?? [] { example(pair.value) }
    }

    /// An Example Object: `value`, `externalValue` and (3.2) `dataValue`/`serializedValue` exclude each other by pairs.
    private func example(_ node: YAMLNode) {
        guard node.mapping != nil, node["$ref"] == nil else { return }
        let exclusive = [("value", "externalValue"), ("value", "dataValue"), ("value", "serializedValue"), ("serializedValue", "externalValue")]
        for (a, b) in exclusive where node[a] != nil && node[b] != nil {
            warn("an example's '\(a)' and '\(b)' are mutually exclusive; '\(a)' is read", node[b]!)
        }
    }

    private func content(_ node: YAMLNode?) {
        for pair in node?.mapping ?? [] { mediaType(pair.value) }
    }

    private func mediaType(_ node: YAMLNode) {
        guard node.mapping != nil, node["$ref"] == nil else { return }
        exampleBesideExamples(node)
        encodingExclusion(node, what: "a media type")
        for pair in node["encoding"]?.mapping ?? [] { encoding(pair.value) }
        for item in node["prefixEncoding"]?.sequence ?? [] { encoding(item) }
        if let item = node["itemEncoding"] { encoding(item) }
    }

    /// 3.2: `encoding` names properties; `prefixEncoding`/`itemEncoding` positions: not both.
    private func encodingExclusion(_ node: YAMLNode, what: String) {
        guard let encoding = node["encoding"] else { return }
        for other in ["prefixEncoding", "itemEncoding"] where node[other] != nil {
            warn("\(what)'s 'encoding' and '\(other)' are mutually exclusive; '\(other)' is ignored", encoding)
        }
    }

    private func encoding(_ node: YAMLNode) {
        guard node.mapping != nil else { return }
        encodingExclusion(node, what: "an encoding")
        headers(node["headers"])
        for pair in node["encoding"]?.mapping ?? [] { encoding(pair.value) }
        for item in node["prefixEncoding"]?.sequence ?? [] { encoding(item) }
        if let item = node["itemEncoding"] { encoding(item) }
    }

    private func response(_ node: YAMLNode) {
        guard node.mapping != nil, node["$ref"] == nil else { return }
        headers(node["headers"])
        content(node["content"])
        for pair in node["links"]?.mapping ?? [] { link(pair.value) }
    }

    static let linkKeys: Set<String> = ["operationRef", "operationId", "parameters", "requestBody", "description", "server"]

    private func link(_ node: YAMLNode) {
        guard let pairs = node.mapping, node["$ref"] == nil else { return }
        for pair in pairs where !Self.linkKeys.contains(pair.key) && !pair.key.hasPrefix("x-") {
            warn("'\(pair.key)' is not a field of a Link Object\(pair.key == "body" ? " (the request body is 'requestBody')" : ""); it is ignored", key: pair)
        }
        if let ref = node["operationRef"], node["operationId"] != nil {
            warn("a link's 'operationRef' and 'operationId' are mutually exclusive", ref)
        }
    }

    private func callback(_ node: YAMLNode) {
        for pair in node.mapping ?? [] where !pair.key.hasPrefix("x-") { pathItem(pair.value) }
    }

    /// 3.2's XML Object: `nodeType` replaces `attribute` and `wrapped`.
    private func schema(_ node: YAMLNode) {
        guard let pairs = node.mapping else { return }
        if let xml = node["xml"], let nodeType = xml["nodeType"] {
            for old in ["attribute", "wrapped"] where xml[old] != nil {
                warn("an XML object's 'nodeType' and '\(old)' are mutually exclusive; XML is not generated, both are ignored", nodeType)
            }
        }
        for pair in pairs {
            switch pair.key {
            case "properties", "patternProperties", "$defs", "dependentSchemas":
                for member in pair.value.mapping ?? [] { schema(member.value) }
            case "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties":
                schema(pair.value)
            case "allOf", "anyOf", "oneOf", "prefixItems":
                pair.value.sequence?.forEach(schema)
            default: break
            }
        }
    }
}
