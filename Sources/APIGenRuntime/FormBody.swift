import Foundation

/// How one field of a form or multipart body is written: its entry in the media type's
/// `encoding` object. A field with no entry is written with the defaults.
@_spi(Generated) public struct FieldEncoding: Sendable {
    public var style: ParameterStyle
    public var explode: Bool
    public var allowReserved: Bool
    /// A multipart part's `Content-Type`, when the document names one.
    public var contentType: String?
    /// A multipart part's extra headers, with the values the document fixes.
    public var headers: [(name: String, value: String)]

    public init(style: ParameterStyle = .form, explode: Bool? = nil, allowReserved: Bool = false,
                contentType: String? = nil, headers: [(name: String, value: String)] = []) {
        self.style = style
        self.explode = explode ?? (style == .form)
        self.allowReserved = allowReserved
        self.contentType = contentType
        self.headers = headers
    }
}

@_spi(Generated) extension APIRequest {
    /// `application/x-www-form-urlencoded`: each top-level field as a query parameter of its
    /// `encoding` style would be (`form`, exploded, by default), in the type's order. What the
    /// specification does not define, a value nested in an array or object, is written in
    /// brackets as most form servers read it: `metadata[key]=v`, `expand[]=a`, `items[0][price]=p`.
    public mutating func setFormBody(_ value: some Encodable, fields: [String: FieldEncoding] = [:]) throws {
        let text = try FormBody.components(of: FormValue.of(value), fields: fields).joined(separator: "&")
        body = Data(text.utf8)
        headers.append(("Content-Type", "application/x-www-form-urlencoded"))
    }

    /// `multipart/form-data`: a part for each top-level field, in the type's order. A string,
    /// number or Boolean is a text part, a `FileUpload` or `Data` a file part, an object or array
    /// of objects JSON (`application/json`), an array a part for each element; a nil field sends
    /// no part. The `encoding` object's `contentType` and fixed `headers` are each part's.
    public mutating func setMultipartBody(_ value: some Encodable, fields: [String: FieldEncoding] = [:]) throws {
        let parts = try Multipart.parts(of: FormValue.of(value), fields: fields)
        let boundary = Multipart.boundary(avoiding: parts) { "apigen-" + UUID().uuidString }
        body = Multipart.body(parts, boundary: boundary)
        headers.append(("Content-Type", "multipart/form-data; boundary=\(boundary)"))
    }
}

enum FormBody {
    static func components(of value: FormValue, fields: [String: FieldEncoding]) throws -> [String] {
        guard case .object(let members) = value else {
            throw APIError.encoding(reason: "a form body must be an object")
        }
        var out: [String] = []
        for (name, member) in members {
            let field = fields[name] ?? FieldEncoding()
            out += components(name, member, field)
        }
        return out
    }

    /// One field, as the query parameter `name` of its style; nested values in brackets.
    static func components(_ name: String, _ value: FormValue, _ field: FieldEncoding) -> [String] {
        let style = field.style
        switch value {
        case .null:
            return []
        case .string, .literal, .file:
            // Every style writes a single value as `form` does.
            return [PercentEncoding.escape(name) + "=" + leafText(value, field)]
        case .array where style == .deepObject:
            return bracketed(PercentEncoding.escape(name), value, field)
        case .array(let items) where items.allSatisfy({ !$0.isContainer }):
            let texts = items.compactMap { leaf -> String? in
                if case .null = leaf { return nil }
                return plainText(leaf)
            }
            return style.query(name, .array(texts), explode: field.explode, allowReserved: field.allowReserved)
        case .object(let members) where members.allSatisfy({ !$0.value.isContainer }):
            let pairs = members.compactMap { member -> StyledValue.Field? in
                if case .null = member.value { return nil }
                return StyledValue.Field(member.key, plainText(member.value))
            }
            return style.query(name, .object(pairs), explode: field.explode, allowReserved: field.allowReserved)
        case .array, .object:
            return bracketed(PercentEncoding.escape(name), value, field)
        }
    }

    /// `name[key]=v`, `name[]=v` for an array of leaves, `name[0][key]=v` for an array of
    /// containers; nulls send nothing.
    static func bracketed(_ prefix: String, _ value: FormValue, _ field: FieldEncoding) -> [String] {
        switch value {
        case .null:
            return []
        case .string, .literal, .file:
            return [prefix + "=" + leafText(value, field)]
        case .array(let items):
            let leaves = items.allSatisfy { !$0.isContainer }
            return items.enumerated().flatMap { index, item in
                bracketed(prefix + (leaves ? "%5B%5D" : "%5B\(index)%5D"), item, field)
            }
        case .object(let members):
            return members.flatMap { bracketed(prefix + "%5B" + PercentEncoding.escape($0.key) + "%5D", $0.value, field) }
        }
    }

    /// A leaf's text percent-encoded, with reserved characters kept when the field allows them.
    static func leafText(_ value: FormValue, _ field: FieldEncoding) -> String {
        if case .file(let file) = value { return PercentEncoding.escape(bytes: (try? file.contents()) ?? Data()) }
        let text = plainText(value)
        return field.allowReserved ? PercentEncoding.escapeAllowingReserved(text) : PercentEncoding.escape(text)
    }

    static func plainText(_ value: FormValue) -> String {
        switch value {
        case .file(let file): String(decoding: (try? file.contents()) ?? Data(), as: UTF8.self)
        default: value.text ?? value.json
        }
    }
}

/// The parts of a `multipart/form-data` body (RFC 7578).
enum Multipart {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String?
        var headers: [(name: String, value: String)]
        var body: Data
    }

    static func parts(of value: FormValue, fields: [String: FieldEncoding]) throws -> [Part] {
        guard case .object(let members) = value else {
            throw APIError.encoding(reason: "a multipart body must be an object")
        }
        var parts: [Part] = []
        for (name, member) in members {
            let field = fields[name] ?? FieldEncoding()
            // An array is a part for each element; an array of arrays is one JSON part.
            let elements: [FormValue]
            if case .array(let items) = member, !items.contains(where: { if case .array = $0 { true } else { false } }) {
                elements = items
            } else {
                elements = [member]
            }
            for element in elements {
                if let part = try part(name, element, field) { parts.append(part) }
            }
        }
        return parts
    }

    private static func part(_ name: String, _ value: FormValue, _ field: FieldEncoding) throws -> Part? {
        for header in field.headers {
            guard HeaderField.isValidName(header.name), HeaderField.isValidValue(header.value) else {
                throw APIError.invalidArgument(name: name, reason: "has a part header that is not a valid header")
            }
        }
        switch value {
        case .null:
            return nil
        case .string(let text), .literal(let text):
            return Part(name: name, contentType: field.contentType.map { single($0, fitting: "text/plain") }, headers: field.headers, body: Data(text.utf8))
        case .file(let file):
            if let type = file.contentType, MediaType(type).map({ $0.isRange }) != false {
                throw APIError.invalidArgument(name: name, reason: "has a file content type that is not one media type (type/subtype, no wildcard, no control characters)")
            }
            let type = file.contentType ?? field.contentType.map { single($0, fitting: "application/octet-stream") } ?? "application/octet-stream"
            return Part(name: name, fileName: file.fileName ?? name, contentType: type, headers: field.headers, body: try file.contents())
        case .array, .object:
            return Part(name: name, contentType: field.contentType.map { single($0, fitting: "application/json") } ?? "application/json", headers: field.headers, body: Data(value.json.utf8))
        }
    }

    /// `encoding.contentType` may list several types (`image/png, image/jpeg`) or a range
    /// (`text/*`), which no part may be sent as: a part is sent as the first type of the list,
    /// or as the type that fits its value when that is a range (or no media type at all).
    private static func single(_ list: String, fitting: String) -> String {
        let first = list.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let type = MediaType(first), !type.isRange else { return fitting }
        return first
    }

    /// A boundary no part holds: a file holding it would end its part early.
    static func boundary(avoiding parts: [Part], next: () -> String) -> String {
        var boundary = next()
        while parts.contains(where: { $0.body.range(of: Data(boundary.utf8)) != nil }) { boundary = next() }
        return boundary
    }

    static func body(_ parts: [Part], boundary: String) -> Data {
        var data = Data()
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(quoted(part.name))\""
            if let fileName = part.fileName { head += "; filename=\"\(quoted(fileName))\"" }
            head += "\r\n"
            if let type = part.contentType { head += "Content-Type: \(type)\r\n" }
            for header in part.headers where header.name.lowercased() != "content-type" {
                head += "\(header.name): \(header.value)\r\n"
            }
            data.append(Data((head + "\r\n").utf8))
            data.append(part.body)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        return data
    }

    /// A name or file name inside a quoted `Content-Disposition` parameter, escaped as the HTML
    /// standard's form submission does: `"` as `%22`, CR and LF as `%0D` and `%0A`.
    static func quoted(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "%22"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "%%%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

@_spi(Generated) extension APIRequest {
    /// OpenAPI 3.2's `in: querystring`: the whole query from one value, by its media type.
    /// A form (`application/x-www-form-urlencoded`) writes an object's fields as a form body
    /// would; JSON writes the value's compact JSON text, percent-encoded; other media types
    /// write a string's text as it is, percent-encoded. Nothing is added for nil.
    public mutating func setQueryString(_ value: (some Encodable)?, mediaType: String) throws {
        guard let value else { return }
        let type = MediaType(mediaType)
        if type?.essence == "application/x-www-form-urlencoded" {
            query += try FormBody.components(of: FormValue.of(value), fields: [:])
        } else if let text = value as? String, type?.isJSON != true {
            query.append(PercentEncoding.escape(text))
        } else {
            query.append(PercentEncoding.escape(String(decoding: try JSONCoding.encode(value), as: UTF8.self)))
        }
    }
}
