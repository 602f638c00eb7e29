/// A form or multipart body's `encoding` object, as the specification defines it for that media
/// type, with a located warning wherever the document asks for something it does not define and
/// what is sent instead.
enum BodyFields {
    typealias Field = OperationDecl.Body.Field

    static func decide(_ media: MediaType, encoding: OperationDecl.Body.Encoding, types: TypeTranslator, context: TranslationContext) -> [Field] {
        let properties = media.schema.map { topLevelProperties($0, types: types) } ?? []
        var fields: [Field] = []
        for entry in media.encoding {
            guard properties.contains(where: { $0.name == entry.property }) else {
                context.warning("encoding entry '\(entry.property)' names no property of the body; it is ignored", at: entry.location)
                continue
            }
            var field = Field(name: entry.property, allowReserved: false, headers: [])
            if encoding == .form {
                field.allowReserved = entry.allowReserved ?? false
                field.explode = entry.explode
                if let written = entry.style {
                    if let style = OperationDecl.Parameter.Style(rawValue: written), [.form, .spaceDelimited, .pipeDelimited, .deepObject].contains(style) {
                        field.style = style
                    } else {
                        context.warning("style '\(written)' is not defined for a form field; 'form' is used", at: entry.location)
                    }
                }
            } else {
                field.contentType = entry.contentType
                for header in entry.headers where header.name.lowercased() != "content-type" {
                    guard HTTPToken.isValid(header.name) else {
                        context.warning("part header '\(header.name)' is not a valid header name; it is not sent", at: header.location)
                        continue
                    }
                    guard let value = header.schema.flatMap(fixedValue), !value.contains(where: { $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }) else {
                        context.warning("part header '\(header.name)' has no value the document fixes (a const, a single enum value or a default); it is not sent", at: header.location)
                        continue
                    }
                    field.headers.append(.init(name: header.name, value: value))
                }
            }
            if field.style != nil || field.explode != nil || field.allowReserved || field.contentType != nil || !field.headers.isEmpty {
                fields.append(field)
            }
        }
        if encoding == .form {
            let nested = properties.filter { property in
                let style = fields.first { $0.name == property.name }?.style ?? .form
                return holdsNestedValues(property.schema, deepObject: style == .deepObject, types: types)
            }
            if !nested.isEmpty {
                let names = nested.map { "'\($0.name)'" }.joined(separator: ", ")
                context.warning("form fields \(names) hold arrays or objects inside arrays or objects (or arrays in deepObject), which the specification does not define for form bodies; they are sent in brackets, name[key]=v, name[]=v, name[0][key]=v", at: media.location)
            }
        }
        return fields
    }

    /// A body's own properties, its `allOf` parts' included, `$ref`s followed.
    static func topLevelProperties(_ schema: Schema, types: TypeTranslator) -> [Schema.Property] {
        var out: [Schema.Property] = []
        var seen: Set<SourceLocation> = []
        func walk(_ schema: Schema, depth: Int) {
            guard depth < 32, seen.insert(schema.location).inserted else { return }
            if let reference = schema.ref, let target = types.resolvedTarget(reference) { return walk(target, depth: depth + 1) }
            for property in schema.properties where !out.contains(where: { $0.name == property.name }) { out.append(property) }
            for part in schema.allOf { walk(part, depth: depth + 1) }
        }
        walk(schema, depth: 0)
        return out
    }

    /// Whether a field's value is beyond what the styles define: an object holding arrays or
    /// objects, an array of arrays or objects, or an array in `deepObject`.
    private static func holdsNestedValues(_ schema: Schema, deepObject: Bool, types: TypeTranslator) -> Bool {
        var target = schema
        var seen: Set<SourceLocation> = [schema.location]
        while let reference = target.ref, let next = types.resolvedTarget(reference), seen.insert(next.location).inserted { target = next }
        switch types.kind(of: target) {
        case "object": return types.hasNestedValues(target)
        case "array": return deepObject || target.items.map { ["array", "object"].contains(types.kind(of: $0)) } ?? false
        default: return false
        }
    }

    /// The one value a part header can have: its `const`, single `enum` value or `default`.
    private static func fixedValue(_ schema: Schema) -> String? {
        if let value = schema.constValue { return value.text }
        if let values = schema.enumValues, values.count == 1 { return values[0].text }
        return schema.defaultValue?.text
    }
}
