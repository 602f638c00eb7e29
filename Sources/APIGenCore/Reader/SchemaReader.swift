import APIGenYAML

/// Reads schema objects (3.0 and 3.1) into `Schema` values; `$ref`s are checked and kept.
struct SchemaReader {
    let context: ReaderContext

    private static let knownTypes: Set<String> = ["string", "number", "integer", "boolean", "object", "array", "null"]

    /// Long for a reason: one case per schema keyword, in one flat switch, reads better than
    /// the keywords scattered over helpers.
    func read(_ node: YAMLNode, depth: Int = 0) -> Schema {
        let location = context.location(node)
        if depth > context.maxSchemaDepth {
            context.error("schema nesting is deeper than \(context.maxSchemaDepth) levels", at: node)
            return Schema(location: location)
        }
        // 3.1 boolean schemas: `true` accepts anything, `false` nothing; both become free-form.
        if let scalar = node.scalar, case .bool = scalar.value {
            return Schema(location: location)
        }
        guard let pairs = context.object(node, "a schema") else { return Schema(location: location) }

        var ref: Schema.Reference?
        var types: [String] = []
        var nullable = false
        // `type` first: it decides how enum values are read.
        if let typeNode = node["type"] {
            if let items = typeNode.sequence {
                for item in items { if let t = context.string(item, "type") { types.append(t) } }
            } else if let t = context.string(typeNode, "type") {
                types = [t]
            }
            for (index, t) in types.enumerated() where !Self.knownTypes.contains(t) {
                context.warning("unknown schema type '\(t)'; treated as free-form", at: typeNode.sequence?[index] ?? typeNode)
            }
            types = types.filter { Self.knownTypes.contains($0) }
            if types.contains("null") { nullable = true }
        }
        let isString = types.contains("string")

        var format: String?, title: String?, summary: String?, description: String?
        var enumValues: [Literal]?, constValue: Literal?
        var properties: [Schema.Property] = []
        var required: [String] = []
        var items: Schema?
        var additional: Schema.AdditionalProperties?
        var allOf: [Schema] = [], oneOf: [Schema] = [], anyOf: [Schema] = []
        var discriminator: Schema.Discriminator?
        var defaultValue: Literal?, example: Literal?
        var deprecated = false, readOnly = false, writeOnly = false
        var minimum: Double?, maximum: Double?
        var exclusiveMinimum = false, exclusiveMaximum = false
        var minLength: Int?, maxLength: Int?, minItems: Int?, maxItems: Int?
        var pattern: String?
        var prefixItems: [Schema] = []
        var contentSchema: Schema?
        /// Keywords that describe members the generated type has no property for: with an open
        /// `additionalProperties`, those members are kept as JSON.
        var describesOtherMembers: [(keyword: String, node: YAMLNode)] = []
        var patternProperties: [Schema.Property] = []
        var unevaluated: Schema.AdditionalProperties?

        for pair in pairs {
            let value = pair.value
            switch pair.key {
            case "$ref":
                ref = readRef(value, depth: depth)
            case "format": format = context.string(value, "format")
            case "title": title = context.string(value, "title")
            case "summary": summary = context.string(value, "summary")
            case "description": description = context.documentation(value, "description")
            case "enum":
                if context.isNull(value) {
                    // No list: the schema is not an enum (an empty list would be one without cases).
                    context.warning("enum is null; the schema is read without an enum", at: value)
                } else if let list = context.sequence(value, "enum") {
                    enumValues = list.map { item in
                        if isString, item.scalar != nil, item.scalar?.value != .null { return .string(item.scalar!.text) }
                        return context.literal(item)
                    }
                }
            case "const": constValue = context.literal(value, stringsAsWritten: isString && value.scalar?.value != .null)
            case "properties":
                // The whole map as a `$ref` (a property named `$ref` would hold a schema, not a
                // string): followed like other misplaced references, relative to its file.
                if value.mapping?.count == 1, value["$ref"]?.scalar != nil {
                    guard let (map, other) = context.followUnofficial(value, "a properties map"), let props = other.mapping(map, "properties") else { break }
                    let reader = other === context ? self : SchemaReader(context: other)
                    properties = props.map {
                        Schema.Property(name: $0.key, location: other.location($0.keyMark), schema: reader.read($0.value, depth: depth + 1))
                    }
                } else if let props = context.mapping(value, "properties") {
                    properties = props.map {
                        Schema.Property(name: $0.key, location: context.location($0.keyMark), schema: read($0.value, depth: depth + 1))
                    }
                }
            case "required":
                // Some documents write `required: true` on a property (a 2.0 habit): warn and ignore.
                if let list = value.sequence {
                    required = list.compactMap { context.string($0, "required entry") }
                } else if context.isNull(value) {
                    context.warning("required is null; read as an empty list", at: value)
                } else {
                    context.warning("'required' of a schema must be a list of property names; ignored", at: value)
                }
            case "items":
                if value.sequence != nil {
                    // Draft 4's tuple form, which 3.0 documents sometimes use: `prefixItems`.
                    prefixItems = readList(value, "items", depth: depth)
                } else if let scalar = value.scalar, case .bool(let allowed) = scalar.value {
                    // 2020-12: `items: false` after `prefixItems` closes the tuple.
                    if allowed { items = Schema(location: context.location(value)) }
                } else {
                    items = read(value, depth: depth + 1)
                }
            case "prefixItems": prefixItems = readList(value, "prefixItems", depth: depth)
            case "contentSchema": contentSchema = read(value, depth: depth + 1)
            case "patternProperties":
                if let props = context.mapping(value, "patternProperties") {
                    patternProperties = props.map {
                        Schema.Property(name: $0.key, location: context.location($0.keyMark), schema: read($0.value, depth: depth + 1))
                    }
                }
            case "unevaluatedProperties":
                if let scalar = value.scalar, case .bool(let allowed) = scalar.value {
                    unevaluated = .allowed(allowed)
                } else {
                    unevaluated = .schema(read(value, depth: depth + 1))
                }
            case "if", "then", "else", "dependentSchemas":
                describesOtherMembers.append((pair.key, value))
            case "x-kubernetes-int-or-string":
                if context.bool(value, "x-kubernetes-int-or-string") == true { format = "int-or-string" }
            case "$dynamicRef":
                context.warning("$dynamicRef is not followed; the value is free-form JSON (JSONValue)", at: value)
            case "additionalProperties":
                if let scalar = value.scalar, case .bool(let allowed) = scalar.value {
                    additional = .allowed(allowed)
                } else {
                    additional = .schema(read(value, depth: depth + 1))
                }
            case "allOf": allOf = readList(value, "allOf", depth: depth)
            case "oneOf": oneOf = readList(value, "oneOf", depth: depth)
            case "anyOf": anyOf = readList(value, "anyOf", depth: depth)
            case "discriminator": discriminator = readDiscriminator(value, depth: depth)
            case "nullable": if let b = context.bool(value, "nullable") { nullable = nullable || b }
            case "default": defaultValue = context.literal(value, stringsAsWritten: isString && value.scalar != nil && value.scalar?.value != .null)
            case "example": example = context.literal(value, stringsAsWritten: isString && value.scalar != nil && value.scalar?.value != .null)
            case "deprecated": deprecated = context.bool(value, "deprecated") ?? false
            case "readOnly": readOnly = context.bool(value, "readOnly") ?? false
            case "writeOnly": writeOnly = context.bool(value, "writeOnly") ?? false
            case "minimum": minimum = context.number(value, "minimum")
            case "maximum": maximum = context.number(value, "maximum")
            case "exclusiveMinimum":
                // 3.0: a boolean modifying `minimum`; 3.1: the bound itself.
                if let scalar = value.scalar, case .bool(let b) = scalar.value { exclusiveMinimum = b } else if let n = context.number(value, "exclusiveMinimum") {
                    minimum = n
                    exclusiveMinimum = true
                }
            case "exclusiveMaximum":
                if let scalar = value.scalar, case .bool(let b) = scalar.value { exclusiveMaximum = b } else if let n = context.number(value, "exclusiveMaximum") {
                    maximum = n
                    exclusiveMaximum = true
                }
            case "minLength": minLength = context.integer(value, "minLength")
            case "maxLength": maxLength = context.integer(value, "maxLength")
            case "minItems": minItems = context.integer(value, "minItems")
            case "maxItems": maxItems = context.integer(value, "maxItems")
            case "pattern": pattern = context.string(value, "pattern").map { context.pattern($0, at: value) }
            default: break // unknown keys and x- extensions are ignored
            }
        }
        if let enumValues, enumValues.contains(.null) { nullable = true }
        additional = membersBeyondProperties(additional, patterns: patternProperties, unevaluated: unevaluated,
                                             describing: describesOtherMembers, hasProperties: !properties.isEmpty || !allOf.isEmpty)

        return Schema(
            location: location, ref: ref, types: types, format: format, title: title, summary: summary,
            description: description, enumValues: enumValues, constValue: constValue, properties: properties,
            required: required, items: items, additionalProperties: additional, allOf: allOf, oneOf: oneOf,
            anyOf: anyOf, discriminator: discriminator, nullable: nullable, defaultValue: defaultValue,
            example: example, deprecated: deprecated, readOnly: readOnly, writeOnly: writeOnly,
            minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, minLength: minLength, maxLength: maxLength,
            minItems: minItems, maxItems: maxItems, pattern: pattern, prefixItems: prefixItems,
            contentSchema: contentSchema
        )
    }

    /// What the generated type keeps of the members its properties do not name, as one
    /// `additionalProperties`: `unevaluatedProperties` where that is not given (the struct's
    /// properties are every part's, so what is left is what no part evaluated); one
    /// `patternProperties` schema when nothing else may appear; otherwise any member as JSON, so
    /// that decoding and encoding again loses nothing. Each keyword not modelled is warned about.
    private func membersBeyondProperties(_ additional: Schema.AdditionalProperties?, patterns: [Schema.Property], unevaluated: Schema.AdditionalProperties?,
                                         describing: [(keyword: String, node: YAMLNode)], hasProperties: Bool) -> Schema.AdditionalProperties? {
        var result = additional ?? unevaluated
        if !patterns.isEmpty {
            let names = patterns.map { "'\($0.name)'" }.joined(separator: ", ")
            if patterns.count == 1, case .allowed(false)? = result {
                result = .schema(patterns[0].schema)
                context.diagnostics.warning("patternProperties: members are read as \(hasProperties ? "additionalProperties" : "a dictionary") of the schema for \(names); their names are not checked against the pattern", at: patterns[0].location)
            } else {
                result = .allowed(true)
                context.diagnostics.warning("patternProperties \(names) are not typed: those members are kept as JSON (JSONValue) \(hasProperties ? "in additionalProperties" : "in a dictionary")", at: patterns[0].location)
            }
        }
        for (keyword, node) in describing {
            if case .allowed(false)? = result {
                context.warning("'\(keyword)' is not generated; additionalProperties or unevaluatedProperties false leaves no other member to keep", at: node)
            } else {
                if result == nil { result = .allowed(true) }
                context.warning("'\(keyword)' is not generated: the type has the properties the schema lists, and keeps other members as JSON in additionalProperties", at: node)
            }
        }
        return result
    }

    private func readList(_ node: YAMLNode, _ what: String, depth: Int) -> [Schema] {
        guard let list = context.sequence(node, what) else { return [] }
        return list.map { read($0, depth: depth + 1) }
    }

    private func readDiscriminator(_ node: YAMLNode, depth: Int) -> Schema.Discriminator? {
        guard context.object(node, "discriminator") != nil else { return nil }
        guard let nameNode = node["propertyName"], let name = context.string(nameNode, "propertyName") else {
            context.error("discriminator needs a 'propertyName'", at: node)
            return nil
        }
        var mapping: [(String, String, Schema.Reference?)] = []
        if let mapNode = node["mapping"], let pairs = context.mapping(mapNode, "discriminator mapping") {
            for pair in pairs {
                guard let target = context.string(pair.value, "mapping target") else { continue }
                // A value is a schema's name, or a reference resolved exactly as a `$ref` with the
                // same text (`./Dessert.yaml`, `#/components/schemas/Dessert`).
                let isName = !target.contains("/") && !target.contains("#") && !Self.isFileName(target)
                if target.hasPrefix("#"), context.resolver.resolve(target) == nil {
                    context.error("discriminator mapping '\(pair.key)' names '\(target)', which is not a schema of this document", at: pair.value)
                    mapping.append((pair.key, target, nil))
                    continue
                }
                let resolved: Schema.Reference? = isName
                    ? (context.resolver.resolve("#/components/schemas/" + Self.escape(target)) != nil ? .component(target) : nil)
                    : readRef(pair.value, depth: depth + 1)
                mapping.append((pair.key, target, resolved))
            }
        }
        return Schema.Discriminator(propertyName: name, mapping: mapping)
    }

    private static func isFileName(_ text: String) -> Bool {
        [".yaml", ".yml", ".json"].contains { text.lowercased().hasSuffix($0) }
    }

    /// Checks a schema `$ref` and says where it points. A component of another file (or of a
    /// file reached through one) becomes a component here too, under its own name.
    private func readRef(_ node: YAMLNode, depth: Int) -> Schema.Reference? {
        guard let reference = context.string(node, "$ref") else { return nil }
        let (file, written) = ReaderContext.split(reference)
        var target = context, pointer = written
        if let file {
            guard let other = context.documents.context(for: file, from: context, refNode: node) else { return nil }
            target = other
        }
        guard let tokens = target.resolver.cachedTokens(of: pointer) else {
            context.error("$ref '\(reference)' is not a valid JSON pointer", at: node)
            return nil
        }
        if tokens.isEmpty, target.resolver.resolve("#/openapi") != nil || target.resolver.resolve("#/swagger") != nil {
            context.warning("$ref '\(reference)' is a whole OpenAPI document, not a schema; the value is free-form JSON (JSONValue)", at: node)
            return nil
        }
        var owner: String?
        if let (holder, prefix, rest) = redirectedComponent(tokens, in: target), let name = rest.first {
            // `components.schemas` is a `$ref` to a map: `#/components/schemas/Name` is `Name`
            // in that map, and a pointer into that map from its own file is a component too.
            guard holder.resolver.resolve(prefix + "/" + Self.escape(name)) != nil else {
                context.unresolved(reference, in: holder, at: node)
                return nil
            }
            if rest.count == 1 { return .component(name) }
            (target, pointer, owner) = (holder, prefix + "/" + rest.map(Self.escape).joined(separator: "/"), name)
        } else if !target.isMain, let key = Self.definitionsEntry(tokens, in: target), let entry = target.resolver.resolve(pointer), entry.mapping != nil {
            // An entry of a shared definitions file (`#/apiAgent`, `#/definitions/Pet` in
            // `schemas.yaml`) is a component of that file: named, so it may contain itself.
            return .component(externalComponent(key, node: entry, in: target))
        } else if tokens.count >= 3, tokens[0] == "components", tokens[1] == "schemas" {
            guard let schemaNode = target.resolver.resolve("#/components/schemas/" + Self.escape(tokens[2])) else {
                context.unresolved(reference, in: target, at: node)
                return nil
            }
            owner = target.isMain ? tokens[2] : externalComponent(tokens[2], node: schemaNode, in: target)
            if tokens.count == 3 { return owner.map { .component($0) } }
        }
        let reader = target === context ? self : SchemaReader(context: target)
        guard let schema = context.noting(node, { target.schemaAtPointer(pointer, reference: reference, refNode: node, referrer: context, depth: depth, read: { reader.read($0, depth: $1) }) }) else {
            return nil
        }
        if let owner { target.documents.pointerOwners[schema.location] = owner }
        return .pointer(reference, target: schema)
    }

    /// When `components.schemas` is a `$ref` to a map: the map's file and pointer, and the
    /// tokens below the map that `tokens` (in `file`) names, or nil when it names no entry of it.
    private func redirectedComponent(_ tokens: [String], in file: ReaderContext) -> (ReaderContext, String, ArraySlice<String>)? {
        guard let (holder, prefix) = context.documents.redirectedSchemas, let prefixTokens = PointerResolver.tokens(of: prefix) else { return nil }
        if file.isMain, tokens.count >= 3, tokens[0] == "components", tokens[1] == "schemas" { return (holder, prefix, tokens[2...]) }
        if file === holder, tokens.count > prefixTokens.count, Array(tokens.prefix(prefixTokens.count)) == prefixTokens {
            return (holder, prefix, tokens[prefixTokens.count...])
        }
        return nil
    }

    /// The name of a definitions-file entry a pointer names: `#/Name` in a file that is a map of
    /// schemas (not a schema itself), or `#/definitions/Name`, `#/$defs/Name`, `#/schemas/Name`.
    private static func definitionsEntry(_ tokens: [String], in file: ReaderContext) -> String? {
        if tokens.count == 2, ["definitions", "$defs", "schemas"].contains(tokens[0]) { return tokens[1] }
        guard tokens.count == 1, let root = file.resolver.root.mapping else { return nil }
        let schemaKeys: Set<String> = ["type", "properties", "allOf", "oneOf", "anyOf", "items", "$ref", "enum", "openapi", "swagger", "components", "paths"]
        return root.contains { schemaKeys.contains($0.key) } ? nil : tokens[0]
    }

    /// Registers another file's component (reading it the first time) and returns its name here.
    private func externalComponent(_ name: String, node: YAMLNode, in target: ReaderContext) -> String {
        let (assigned, isNew) = target.documents.externalComponent(path: target.path, name: name)
        if isNew {
            let keyMark = target.resolver.resolve("#/components/schemas")?.mapping?.first { $0.key == name }?.keyMark ?? node.mark
            let schema = SchemaReader(context: target).read(node)
            target.documents.addExternalSchema(.init(name: assigned, location: target.location(keyMark), schema: schema))
        }
        return assigned
    }

    /// A JSON-pointer token with `~` and `/` escaped.
    static func escape(_ token: String) -> String {
        token.replacingOccurrences("~", with: "~0").replacingOccurrences("/", with: "~1")
    }
}
