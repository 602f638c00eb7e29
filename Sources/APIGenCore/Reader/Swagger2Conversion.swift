import APIGenYAML

/// Swagger 2.0 → OpenAPI 3.0, on the YAML node tree, before the reader sees it: the reader,
/// and everything after it, then reads one kind of document. Every node keeps the mark of what
/// it came from, so each diagnostic points into the 2.0 file.
///
/// What moves: `definitions`, `parameters`, `responses` and `securityDefinitions` into
/// `components`; `in: body` and `in: formData` parameters into request bodies (by `consumes`);
/// response schemas into `content` (by `produces`); `host`/`basePath`/`schemes` into `servers`;
/// `collectionFormat` into `style`/`explode`; `type: file` into binary strings; `x-nullable`
/// into `nullable`.
struct Swagger2Conversion {
    let file: String
    let diagnostics: DiagnosticSink
    private var root: YAMLNode

    /// True for a document that declares `swagger: "2.0"` (and no `openapi`).
    static func applies(to root: YAMLNode) -> Bool { root["swagger"] != nil && root["openapi"] == nil }

    init(_ root: YAMLNode, file: String, diagnostics: DiagnosticSink) {
        self.root = root
        self.file = file
        self.diagnostics = diagnostics
    }

    private func warning(_ message: String, at node: YAMLNode) {
        diagnostics.warning(message, at: SourceLocation(file: file, mark: node.mark))
    }

    private func error(_ message: String, at node: YAMLNode) {
        diagnostics.error(message, at: SourceLocation(file: file, mark: node.mark))
    }

    /// The document as OpenAPI 3.0.
    func converted() -> YAMLNode {
        guard let pairs = root.mapping, let swagger = root["swagger"] else { return root }
        if swagger.scalar?.text != "2.0" {
            error("unsupported Swagger version '\(swagger.scalar?.text ?? swagger.kindName)'; APIGen reads Swagger 2.0 and OpenAPI 3.0.x to 3.2.x", at: swagger)
            return root
        }
        var out: [YAMLPair] = []
        var components: [YAMLPair] = []
        for pair in pairs {
            switch pair.key {
            case "swagger":
                out.append(YAMLPair(key: "openapi", keyMark: pair.keyMark, value: Self.string("3.0.3", at: pair.value)))
            case "host", "basePath", "schemes", "consumes", "produces":
                if pair.key == "host" || (pair.key == "basePath" && root["host"] == nil) || (pair.key == "schemes" && root["host"] == nil && root["basePath"] == nil) {
                    out.append(YAMLPair(key: "servers", keyMark: pair.keyMark, value: servers(at: pair.value)))
                }
            case "definitions":
                components.append(YAMLPair(key: "schemas", keyMark: pair.keyMark, value: mapValues(pair.value, names: true) { schema($0) }))
            case "parameters":
                // Body and form parameters are not parameters in 3.0: operations take them in
                // from here (`parameterTarget`); the others stay components.
                let kept = (pair.value.mapping ?? []).filter { !["body", "formData"].contains($0.value["in"]?.scalar?.text ?? "") }
                components.append(YAMLPair(key: "parameters", keyMark: pair.keyMark,
                                           value: YAMLNode(.mapping(kept.map { YAMLPair(key: $0.key, keyMark: $0.keyMark, value: parameter($0.value)) }), mark: pair.value.mark)))
            case "responses":
                components.append(YAMLPair(key: "responses", keyMark: pair.keyMark, value: mapValues(pair.value) { response($0, produces: nil) }))
            case "securityDefinitions":
                components.append(YAMLPair(key: "securitySchemes", keyMark: pair.keyMark, value: mapValues(pair.value) { securityScheme($0) }))
            case "paths":
                out.append(YAMLPair(key: "paths", keyMark: pair.keyMark, value: mapValues(pair.value) { pathItem($0) }))
            default:
                out.append(pair)
            }
        }
        if !components.isEmpty {
            out.append(YAMLPair(key: "components", keyMark: root.mark, value: YAMLNode(.mapping(components), mark: root.mark)))
        }
        return YAMLNode(.mapping(out), mark: root.mark)
    }

    // MARK: Servers

    /// One server per scheme (`https` when none is given): `scheme://host/basePath`, or the
    /// base path alone when there is no host (served from where the document is).
    private func servers(at node: YAMLNode) -> YAMLNode {
        let host = root["host"]?.scalar?.text
        var basePath = root["basePath"]?.scalar?.text ?? ""
        if basePath == "/" { basePath = "" }
        var schemes = (root["schemes"]?.sequence ?? []).compactMap { $0.scalar?.text.lowercased() }.filter { ["https", "http", "ws", "wss"].contains($0) }
        if schemes.isEmpty { schemes = ["https"] }
        // https first: the same API over plain http is a fallback, never the default.
        schemes.sort { ($0 == "https" ? 0 : 1) < ($1 == "https" ? 0 : 1) }
        let urls = host.map { host in schemes.map { "\($0)://\(host)\(basePath)" } } ?? [basePath.isEmpty ? "/" : basePath]
        return YAMLNode(.sequence(urls.map { url in
            YAMLNode(.mapping([YAMLPair(key: "url", keyMark: node.mark, value: Self.string(url, at: node))]), mark: node.mark)
        }), mark: node.mark)
    }

    // MARK: Paths and operations

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch"]

    private func pathItem(_ node: YAMLNode) -> YAMLNode {
        guard let pairs = node.mapping, node["$ref"] == nil else { return node }
        // Body and form parameters of the path item go to each of its operations.
        let shared = (node["parameters"]?.sequence ?? [])
        let (kept, moved) = split(shared)
        var out: [YAMLPair] = []
        for pair in pairs {
            if pair.key == "parameters" {
                if !kept.isEmpty || moved.isEmpty {
                    out.append(YAMLPair(key: "parameters", keyMark: pair.keyMark, value: YAMLNode(.sequence(kept.map(parameter)), mark: pair.value.mark)))
                }
            } else if Self.methods.contains(pair.key.lowercased()) {
                out.append(YAMLPair(key: pair.key, keyMark: pair.keyMark, value: operation(pair.value, inherited: moved)))
            } else {
                out.append(pair)
            }
        }
        return YAMLNode(.mapping(out), mark: node.mark)
    }

    /// A parameter list split into what stays a parameter and what becomes the body.
    private func split(_ list: [YAMLNode]) -> (kept: [YAMLNode], body: [YAMLNode]) {
        var kept: [YAMLNode] = [], body: [YAMLNode] = []
        for item in list {
            let place = parameterTarget(item)?["in"]?.scalar?.text
            if place == "body" || place == "formData" { body.append(item) } else { kept.append(item) }
        }
        return (kept, body)
    }

    /// The parameter a list item is: itself, or what its `#/parameters/…` reference names.
    private func parameterTarget(_ item: YAMLNode) -> YAMLNode? {
        guard let ref = item["$ref"]?.scalar?.text else { return item }
        guard let tokens = PointerResolver.tokens(of: ref), tokens.count == 2, tokens[0] == "parameters" else { return nil }
        return root["parameters"]?[tokens[1]]
    }

    private func operation(_ node: YAMLNode, inherited: [YAMLNode]) -> YAMLNode {
        guard let pairs = node.mapping else { return node }
        let consumes = mediaTypes(node["consumes"] ?? root["consumes"])
        let produces = mediaTypes(node["produces"] ?? root["produces"])
        var (kept, moved) = split(node["parameters"]?.sequence ?? [])
        // The operation's own body or form parameter replaces the path item's of the same name.
        let ownNames = Set(moved.compactMap { parameterTarget($0)?["name"]?.scalar?.text })
        moved = inherited.filter { !ownNames.contains(parameterTarget($0)?["name"]?.scalar?.text ?? "") } + moved
        var out: [YAMLPair] = []
        for pair in pairs {
            switch pair.key {
            case "consumes", "produces": continue
            case "schemes":
                warning("an operation's own 'schemes' has no OpenAPI 3 equivalent; the document's servers are used", at: pair.value)
            case "parameters":
                if !kept.isEmpty {
                    out.append(YAMLPair(key: "parameters", keyMark: pair.keyMark, value: YAMLNode(.sequence(kept.map(parameter)), mark: pair.value.mark)))
                }
                if let body = requestBody(moved, consumes: consumes, at: pair.value) {
                    out.append(YAMLPair(key: "requestBody", keyMark: pair.keyMark, value: body))
                }
            case "responses":
                out.append(YAMLPair(key: "responses", keyMark: pair.keyMark, value: mapValues(pair.value) { response($0, produces: produces) }))
            default:
                out.append(pair)
            }
        }
        if node["parameters"] == nil, let body = requestBody(moved, consumes: consumes, at: node) {
            out.append(YAMLPair(key: "requestBody", keyMark: node.mark, value: body))
        }
        return YAMLNode(.mapping(out), mark: node.mark)
    }

    /// `consumes`/`produces`, `application/json` when the document gives none.
    private func mediaTypes(_ node: YAMLNode?) -> [String] {
        let list = (node?.sequence ?? []).compactMap { $0.scalar?.text }
        return list.isEmpty ? ["application/json"] : list
    }

    /// The request body of an operation's `in: body` parameter, or of its `in: formData` ones.
    private func requestBody(_ parameters: [YAMLNode], consumes: [String], at anchor: YAMLNode) -> YAMLNode? {
        let resolved = parameters.compactMap { item in parameterTarget(item).map { (item, $0) } }
        guard !resolved.isEmpty else { return nil }
        let bodies = resolved.filter { $0.1["in"]?.scalar?.text == "body" }
        let form = resolved.filter { $0.1["in"]?.scalar?.text == "formData" }
        if let (written, body) = bodies.first {
            for (extra, _) in bodies.dropFirst() {
                warning("an operation has one body parameter; this one is ignored", at: extra)
            }
            if !form.isEmpty {
                warning("a body parameter and formData parameters cannot be combined; the formData parameters are ignored", at: form[0].0)
            }
            let converted = body["schema"].map { schema($0) } ?? YAMLNode(.mapping([]), mark: body.mark)
            let types = consumes.filter { !$0.lowercased().hasPrefix("multipart/") && !$0.lowercased().hasPrefix("application/x-www-form-urlencoded") }
            var pairs = [YAMLPair(key: "content", keyMark: written.mark, value: content(types.isEmpty ? ["application/json"] : types, schema: converted, at: body))]
            if let description = body["description"] { pairs.insert(YAMLPair(key: "description", keyMark: description.mark, value: description), at: 0) }
            if let required = body["required"] { pairs.append(YAMLPair(key: "required", keyMark: required.mark, value: required)) }
            return YAMLNode(.mapping(pairs), mark: written.mark)
        }
        // formData: one object whose properties are the fields; a file field needs multipart.
        var properties: [YAMLPair] = [], required: [YAMLNode] = []
        var hasFile = false
        for (written, field) in form {
            guard let name = field["name"]?.scalar?.text else { continue }
            if field["type"]?.scalar?.text == "file" { hasFile = true }
            properties.append(YAMLPair(key: name, keyMark: written.mark, value: parameterSchema(field)))
            if field["required"]?.scalar?.value == .bool(true) { required.append(Self.string(name, at: written)) }
        }
        var object = [YAMLPair(key: "type", keyMark: anchor.mark, value: Self.string("object", at: anchor)),
                      YAMLPair(key: "properties", keyMark: anchor.mark, value: YAMLNode(.mapping(properties), mark: anchor.mark))]
        if !required.isEmpty { object.append(YAMLPair(key: "required", keyMark: anchor.mark, value: YAMLNode(.sequence(required), mark: anchor.mark))) }
        let multipart = consumes.first { $0.lowercased().hasPrefix("multipart/") }
        let urlencoded = consumes.first { $0.lowercased().hasPrefix("application/x-www-form-urlencoded") }
        let type = hasFile ? (multipart ?? "multipart/form-data") : (urlencoded ?? multipart ?? "application/x-www-form-urlencoded")
        if hasFile && multipart == nil && consumes != ["application/json"] {
            warning("formData with a file field is sent as multipart/form-data, which 'consumes' does not list", at: form[0].0)
        }
        var pairs = [YAMLPair(key: "content", keyMark: anchor.mark, value: content([type], schema: YAMLNode(.mapping(object), mark: anchor.mark), at: form[0].0))]
        if !required.isEmpty { pairs.append(YAMLPair(key: "required", keyMark: anchor.mark, value: YAMLNode(.scalar(YAMLScalar(text: "true", isQuoted: false)), mark: anchor.mark))) }
        return YAMLNode(.mapping(pairs), mark: form[0].0.mark)
    }

    private func content(_ types: [String], schema: YAMLNode, at anchor: YAMLNode, examples: YAMLNode? = nil) -> YAMLNode {
        YAMLNode(.mapping(types.map { type in
            var media = [YAMLPair(key: "schema", keyMark: schema.mark, value: schema)]
            if let example = examples?[type] { media.append(YAMLPair(key: "example", keyMark: example.mark, value: example)) }
            return YAMLPair(key: type, keyMark: anchor.mark, value: YAMLNode(.mapping(media), mark: anchor.mark))
        }), mark: anchor.mark)
    }

    // MARK: Parameters

    /// The 2.0 keys that describe a non-body parameter's value; they move into its `schema`.
    static let valueKeys: Set<String> = [
        "type", "format", "items", "enum", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf", "x-nullable",
    ]

    /// A query, path or header parameter (or a `$ref` to one).
    private func parameter(_ node: YAMLNode) -> YAMLNode {
        guard let pairs = node.mapping else { return node }
        if let ref = node["$ref"] { return YAMLNode(.mapping([YAMLPair(key: "$ref", keyMark: ref.mark, value: reference(ref))]), mark: node.mark) }
        let place = node["in"]?.scalar?.text ?? ""
        var out: [YAMLPair] = []
        for pair in pairs where !Self.valueKeys.contains(pair.key) && pair.key != "collectionFormat" && pair.key != "allowEmptyValue" {
            out.append(pair)
        }
        out.append(YAMLPair(key: "schema", keyMark: node.mark, value: parameterSchema(node)))
        if node["type"]?.scalar?.text == "array" {
            let format = node["collectionFormat"]?.scalar?.text ?? "csv"
            let anchor = node["collectionFormat"] ?? node
            var style: String?, explode = false
            switch format {
            case "csv": style = place == "query" ? "form" : "simple"
            case "ssv": style = "spaceDelimited"
            case "pipes": style = "pipeDelimited"
            case "multi":
                style = "form"
                explode = true
                if place != "query" {
                    warning("collectionFormat 'multi' is for query and formData parameters; this \(place) array is sent comma-separated", at: anchor)
                    style = "simple"
                    explode = false
                }
            default:
                warning("collectionFormat '\(format)' has no OpenAPI 3 equivalent; the array is sent comma-separated (csv)", at: anchor)
                style = place == "query" ? "form" : "simple"
            }
            if (style == "spaceDelimited" || style == "pipeDelimited") && place != "query" {
                warning("collectionFormat '\(format)' is defined for query parameters only in OpenAPI 3; this \(place) array is sent comma-separated", at: anchor)
                style = "simple"
            }
            if let style { out.append(YAMLPair(key: "style", keyMark: anchor.mark, value: Self.string(style, at: anchor))) }
            out.append(YAMLPair(key: "explode", keyMark: anchor.mark, value: Self.bool(explode, at: anchor)))
        }
        return YAMLNode(.mapping(out), mark: node.mark)
    }

    /// A non-body parameter's (or a header's, or a form field's) value keys as a schema.
    private func parameterSchema(_ node: YAMLNode) -> YAMLNode {
        var pairs = (node.mapping ?? []).filter { Self.valueKeys.contains($0.key) }
        if let description = node["description"], node["in"]?.scalar?.text == "formData" {
            pairs.append(YAMLPair(key: "description", keyMark: description.mark, value: description))
        }
        if let items = node["items"], items.mapping != nil, let i = pairs.firstIndex(where: { $0.key == "items" }) {
            // Items of a 2.0 array parameter are value keys too (with their own collectionFormat, dropped).
            pairs[i].value = parameterSchema(items)
        }
        return schema(YAMLNode(.mapping(pairs), mark: node.mark))
    }

    // MARK: Responses

    private func response(_ node: YAMLNode, produces: [String]?) -> YAMLNode {
        guard let pairs = node.mapping else { return node }
        if let ref = node["$ref"] { return YAMLNode(.mapping([YAMLPair(key: "$ref", keyMark: ref.mark, value: reference(ref))]), mark: node.mark) }
        var out: [YAMLPair] = []
        for pair in pairs {
            switch pair.key {
            case "schema":
                let types = produces ?? mediaTypes(root["produces"])
                out.append(YAMLPair(key: "content", keyMark: pair.keyMark, value: content(types, schema: schema(pair.value), at: pair.value, examples: node["examples"])))
            case "examples": continue
            case "headers":
                out.append(YAMLPair(key: "headers", keyMark: pair.keyMark, value: mapValues(pair.value) { header in
                    var fields = (header.mapping ?? []).filter { $0.key == "description" }
                    fields.append(YAMLPair(key: "schema", keyMark: header.mark, value: parameterSchema(header)))
                    return YAMLNode(.mapping(fields), mark: header.mark)
                }))
            default:
                out.append(pair)
            }
        }
        // 3.0 requires a description; 2.0 did too, but a missing one must not stop generation.
        if node["description"] == nil { out.insert(YAMLPair(key: "description", keyMark: node.mark, value: Self.string("", at: node)), at: 0) }
        return YAMLNode(.mapping(out), mark: node.mark)
    }

    // MARK: Security

    private func securityScheme(_ node: YAMLNode) -> YAMLNode {
        guard let pairs = node.mapping else { return node }
        switch node["type"]?.scalar?.text {
        case "basic":
            var out = pairs.filter { $0.key != "type" }
            let at = node["type"]!
            out.insert(YAMLPair(key: "scheme", keyMark: at.mark, value: Self.string("basic", at: at)), at: 0)
            out.insert(YAMLPair(key: "type", keyMark: at.mark, value: Self.string("http", at: at)), at: 0)
            return YAMLNode(.mapping(out), mark: node.mark)
        case "oauth2":
            // The flow's details document how a token is obtained; the client sends it as a bearer token.
            let kept = pairs.filter { ["type", "description"].contains($0.key) || $0.key.hasPrefix("x-") }
            return YAMLNode(.mapping(kept + [YAMLPair(key: "flows", keyMark: node.mark, value: YAMLNode(.mapping([]), mark: node.mark))]), mark: node.mark)
        default:
            return node
        }
    }

    // MARK: Schemas

    /// A schema with 2.0's differences rewritten, at every depth: references into `definitions`,
    /// `type: file`, `x-nullable`, a discriminator given as a property name.
    func schema(_ node: YAMLNode) -> YAMLNode {
        guard let pairs = node.mapping else { return node }
        var out: [YAMLPair] = []
        for pair in pairs {
            switch pair.key {
            case "$ref":
                out.append(YAMLPair(key: pair.key, keyMark: pair.keyMark, value: reference(pair.value)))
            case "type" where pair.value.scalar?.text == "file":
                out.append(YAMLPair(key: "type", keyMark: pair.keyMark, value: Self.string("string", at: pair.value)))
                out.append(YAMLPair(key: "format", keyMark: pair.keyMark, value: Self.string("binary", at: pair.value)))
            case "format" where node["type"]?.scalar?.text == "file":
                continue
            case "x-nullable":
                out.append(YAMLPair(key: "nullable", keyMark: pair.keyMark, value: pair.value))
            case "discriminator" where pair.value.scalar != nil:
                out.append(YAMLPair(key: "discriminator", keyMark: pair.keyMark, value: YAMLNode(.mapping([
                    YAMLPair(key: "propertyName", keyMark: pair.value.mark, value: pair.value),
                ]), mark: pair.value.mark)))
            case "properties", "patternProperties":
                out.append(YAMLPair(key: pair.key, keyMark: pair.keyMark, value: mapValues(pair.value, names: true) { schema($0) }))
            case "items", "additionalProperties", "not":
                if let list = pair.value.sequence {
                    out.append(YAMLPair(key: pair.key, keyMark: pair.keyMark, value: YAMLNode(.sequence(list.map { schema($0) }), mark: pair.value.mark)))
                } else {
                    out.append(YAMLPair(key: pair.key, keyMark: pair.keyMark, value: schema(pair.value)))
                }
            case "allOf", "anyOf", "oneOf":
                let list = pair.value.sequence.map { $0.map { schema($0) } }
                out.append(YAMLPair(key: pair.key, keyMark: pair.keyMark, value: list.map { YAMLNode(.sequence($0), mark: pair.value.mark) } ?? pair.value))
            default:
                out.append(pair)
            }
        }
        return YAMLNode(.mapping(out), mark: node.mark)
    }

    /// `#/definitions/X` → `#/components/schemas/X` (and parameters, responses); other files' pointers are kept.
    private func reference(_ node: YAMLNode) -> YAMLNode {
        guard let text = node.scalar?.text, text.hasPrefix("#/") else { return node }
        for (old, new) in [("#/definitions/", "#/components/schemas/"), ("#/parameters/", "#/components/parameters/"), ("#/responses/", "#/components/responses/")]
        where text.hasPrefix(old) {
            return Self.string(new + text.dropFirst(old.count), at: node)
        }
        return node
    }

    // MARK: Nodes

    /// Each value of a map transformed; `x-` keys are extensions, kept as written, except in a
    /// map of names (`properties`), where `x-request-id` is a name like any other.
    private func mapValues(_ node: YAMLNode, names: Bool = false, _ transform: (YAMLNode) -> YAMLNode) -> YAMLNode {
        guard let pairs = node.mapping else { return node }
        return YAMLNode(.mapping(pairs.map { YAMLPair(key: $0.key, keyMark: $0.keyMark, value: !names && $0.key.hasPrefix("x-") ? $0.value : transform($0.value)) }), mark: node.mark)
    }

    static func string(_ text: String, at node: YAMLNode) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, isQuoted: true)), mark: node.mark)
    }

    static func bool(_ value: Bool, at node: YAMLNode) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: value ? "true" : "false", isQuoted: false)), mark: node.mark)
    }
}
