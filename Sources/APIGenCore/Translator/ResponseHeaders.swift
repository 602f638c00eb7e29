/// The response headers the kept operations declare on 2xx answers, once each by name, for the
/// module's `ResponseHeaders`: read as their schema's type (`X-RateLimit-Remaining: Int`).
enum ResponseHeaders {
    static func declarations(_ operations: [Operation], context: TranslationContext) -> [ResponseHeaderDecl] {
        var result: [ResponseHeaderDecl] = []
        var byName: [String: Int] = [:]
        // `metadata` is the struct's own stored property.
        var members = NameScope(reserved: [ResponseHeaderDecl.metadata])
        for operation in operations {
            for response in operation.responses where response.isSuccess {
                for header in response.headers {
                    let key = header.name.lowercased()
                    // The specification ignores a `Content-Type` response header.
                    guard key != "content-type" else { continue }
                    let type = header.schema.map(valueType) ?? .string
                    let docs = Documentation.firstLine(of: header.description)
                    if let index = byName[key] {
                        // Declared with other types by other operations: read as text.
                        if result[index].type != type { result[index].type = .string }
                        if result[index].docs.isEmpty { result[index].docs = docs }
                        continue
                    }
                    let (name, _) = members.claim(context.memberName(header.name))
                    byName[key] = result.count
                    result.append(ResponseHeaderDecl(name: Identifier(name), wireName: header.name, type: type, docs: docs))
                }
            }
        }
        return result
    }

    /// The header types `HeaderValue` reads; anything else (arrays, objects) is its text.
    static func valueType(_ schema: Schema) -> TypeUsage {
        switch (schema.singleType, schema.format) {
        case ("integer", _): .int
        case ("number", _): .double
        case ("boolean", _): .bool
        case ("string", "date-time"?): .date
        case ("string", "uri"?), ("string", "url"?): .builtin(.url)
        case ("string", "uuid"?): .builtin(.uuid)
        default: .string
        }
    }
}
