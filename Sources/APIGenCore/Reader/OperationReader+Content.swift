import APIGenYAML

/// What an operation sends and answers: media types with their examples and `encoding`, request
/// bodies, responses and their headers (components followed).
extension OperationReader {
    func readContent(_ node: YAMLNode?) -> [MediaType] {
        guard let node, let pairs = context.mapping(node, "content") else { return [] }
        return pairs.compactMap { pair in
            // Written into a `Content-Type` or `Accept` header, or a multipart part's: a line
            // break in it would add a header. (A key without `/` is warned about where it is used.)
            if pair.key.contains("/"), !MediaTypeName.isValid(pair.key) {
                context.diagnostics.warning("content type \(TextEscaping.quoted(pair.key)) is not a media type (type/subtype of tokens, no control characters); this entry is ignored", at: context.location(pair.keyMark))
                return nil
            }
            guard let (node, other) = context.followUnofficial(pair.value, "a media type"),
                  other.object(node, "a media type") != nil else { return nil }
            var examples: [(value: Literal, location: SourceLocation)] = []
            if let example = node["example"] { examples.append((other.literal(example), other.location(example))) }
            for entry in node["examples"]?.mapping ?? [] {
                // An Example Object, or a `$ref` to one under `components.examples`.
                guard let (object, _, holder) = other.follow(entry.value, "an example"), let value = object["value"] else { continue }
                examples.append((holder.literal(value), holder.location(value)))
            }
            let itemSchema = node["itemSchema"].map { on(other).schemas.read($0) }
            if let item = node["itemSchema"], !other.version32 {
                other.warning("itemSchema is an OpenAPI 3.2 field; it is read as the schema of each item of the stream", at: item)
            }
            return MediaType(
                contentType: pair.key,
                schema: node["schema"].map { on(other).schemas.read($0) },
                itemSchema: itemSchema,
                location: context.location(pair.keyMark),
                examples: examples,
                encoding: on(other).readEncoding(node["encoding"])
            )
        }
    }

    func readRequestBody(_ raw: YAMLNode) -> RequestBody? {
        guard let (node, component, other) = context.follow(raw, "a request body") else { return nil }
        return context.noting(raw["$ref"]) { on(other).requestBody(from: node, component: component) }
    }

    func requestBody(from node: YAMLNode, component: String?) -> RequestBody? {
        RequestBody(
            description: node["description"].flatMap { context.documentation($0, "description") },
            required: node["required"].flatMap { context.bool($0, "required") } ?? false,
            content: readContent(node["content"]),
            componentName: component,
            location: context.location(node)
        )
    }

    func readResponse(_ pair: YAMLPair) -> Response? {
        var status = pair.key
        let keyLocation = context.location(pair.keyMark)
        if status != "default" {
            let upper = status.uppercased()
            let valid = upper.count == 3 && upper.first.map { "12345".contains($0) } == true
                && (upper.dropFirst().allSatisfy(\.isNumber) || upper.dropFirst() == "XX")
            guard valid else {
                context.diagnostics.warning("response key '\(status)' is not a status code, a range like 2XX, or 'default'; ignored", at: keyLocation)
                return nil
            }
            if upper != status {
                context.diagnostics.warning("response range '\(status)' should be upper case ('\(upper)')", at: keyLocation)
            }
            status = upper
        }
        guard let (node, component, other) = context.follow(pair.value, "a response") else { return nil }
        return context.noting(pair.value["$ref"]) { on(other).response(from: node, status: status, component: component, keyLocation: keyLocation) }
    }

    func response(from node: YAMLNode, status: String, component: String?, keyLocation: SourceLocation) -> Response? {
        Response(
            status: status,
            description: node["description"].flatMap { context.documentation($0, "description") },
            content: readContent(node["content"]),
            headers: readHeaders(node["headers"]),
            componentName: component,
            location: keyLocation
        )
    }

    /// A `headers` map: a response's, or a multipart part's.
    func readHeaders(_ node: YAMLNode?) -> [Header] {
        guard let node, let pairs = context.mapping(node, "headers") else { return [] }
        return pairs.compactMap { header in
            guard HTTPToken.isValid(header.key) else {
                context.diagnostics.warning("header name \(TextEscaping.quoted(header.key)) is not allowed: \(HTTPToken.rule); it is ignored", at: context.location(header.keyMark))
                return nil
            }
            guard let (headerNode, _, other) = context.follow(header.value, "a header") else { return nil }
            let reader = on(other)
            return Header(
                name: header.key,
                description: headerNode["description"].flatMap { other.documentation($0, "description") },
                required: headerNode["required"].flatMap { other.bool($0, "required") } ?? false,
                schema: headerNode["schema"].map { reader.schemas.read($0) },
                location: context.location(header.keyMark)
            )
        }
    }

    /// A media type's `encoding` object, one entry per property.
    func readEncoding(_ node: YAMLNode?) -> [PropertyEncoding] {
        guard let node, let pairs = context.mapping(node, "encoding") else { return [] }
        return pairs.compactMap { pair in
            let entry = pair.value
            guard context.object(entry, "an encoding") != nil else { return nil }
            var contentType = entry["contentType"].flatMap { context.string($0, "contentType") }
            // A list (`image/png, image/jpeg`), written into the part's `Content-Type`.
            if let list = contentType, let node = entry["contentType"],
               !list.split(separator: ",", omittingEmptySubsequences: false).allSatisfy({ MediaTypeName.isValid($0.trimmingCharacters()) }) {
                context.warning("encoding contentType \(TextEscaping.quoted(list)) is not a list of media types (type/subtype of tokens, no control characters); the part is sent with its default type", at: node)
                contentType = nil
            }
            return PropertyEncoding(
                property: pair.key,
                contentType: contentType,
                headers: readHeaders(entry["headers"]),
                style: entry["style"].flatMap { context.string($0, "style") },
                explode: entry["explode"].flatMap { context.bool($0, "explode") },
                allowReserved: entry["allowReserved"].flatMap { context.bool($0, "allowReserved") },
                location: context.location(pair.keyMark)
            )
        }
    }
}
