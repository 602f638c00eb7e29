import Foundation

/// A request being built by a generated method: path already encoded, query items in order.
/// (Not `HTTPRequest`: swift-http-types, which every swift-openapi-runtime transport and
/// Hummingbird use, has one, and a file importing both could not name either.)
@_spi(Generated) public struct APIRequest: Sendable {
    /// The operation it sends, for middleware: its ID and path template.
    public var operation: OperationInfo
    public var method: String
    /// The path below the server URL, each parameter value already percent-encoded.
    public var path: String
    /// The query's components, each `name=value` already percent-encoded by its style.
    public var query: [String] = []
    public var headers: [(name: String, value: String)] = []
    /// Cookie parameters as `name=value` pairs, sent in one `Cookie` header with the client's.
    public var cookies: [String] = []
    public var body: Data?
    /// A file sent as the body, read as it is sent (a fresh stream for each attempt).
    public var bodyFile: URL?
    /// Names of the security schemes this operation accepts.
    public var security: [String]
    /// The types of the error bodies the document declares.
    public var errors: ErrorBodies

    public init(method: String, path: String, security: [String] = [], operation: String = "", template: String = "", errors: ErrorBodies = [:]) {
        self.operation = OperationInfo(id: operation, method: method, pathTemplate: template.isEmpty ? path : template)
        self.method = method
        self.path = path
        self.security = security
        self.errors = errors
    }

    /// Adds `name=value` unless `value` is nil (`form`, the query's default style).
    public mutating func addQuery(_ name: String, _ value: (some ParameterValue)?, style: ParameterStyle = .form, allowReserved: Bool = false) {
        if let value { query += style.query(name, StyledValue(value), explode: true, allowReserved: allowReserved) }
    }

    /// Adds an array: `a=1&a=2` when `explode` (the default of `form`), else `a=1,2`, or in
    /// another `style` (`a=1%7C2` for `pipeDelimited`).
    public mutating func addQuery(_ name: String, _ values: [some ParameterValue]?, style: ParameterStyle = .form, explode: Bool = true,
                                  allowReserved: Bool = false) {
        if let values { query += style.query(name, StyledValue(values), explode: explode, allowReserved: allowReserved) }
    }

    /// Adds an object's fields in a style: `R=100&G=200` (`form`, exploded), `color=R,100,G,200`,
    /// `color%5BR%5D=100` (`deepObject`)…
    public mutating func addQuery(_ name: String, object value: (some Encodable)?, style: ParameterStyle = .form, explode: Bool = true,
                                  allowReserved: Bool = false) throws {
        guard let value else { return }
        if style == .deepObject {
            // Nested values in brackets, as form bodies write them.
            query += FormBody.components(name, try FormValue.of(value), FieldEncoding(style: .deepObject, allowReserved: allowReserved))
        } else {
            query += style.query(name, try StyledValue(object: value), explode: explode, allowReserved: allowReserved)
        }
    }

    /// Adds a value as compact JSON text (a parameter given by `content`).
    public mutating func addQueryJSON(_ name: String, _ value: (some Encodable)?) throws {
        guard let value else { return }
        query.append("\(PercentEncoding.escape(name))=\(PercentEncoding.escape(String(decoding: try JSONCoding.encode(value), as: UTF8.self)))")
    }

    public mutating func addHeader(_ name: String, _ value: (some ParameterValue)?) {
        if let value { headers.append((name, value.parameterValue)) }
    }

    /// An array as `simple` (`a,b,c`: `explode` changes nothing for an array in a header).
    public mutating func addHeader(_ name: String, _ values: [some ParameterValue]?) {
        if let values { headers.append((name, ParameterStyle.header(StyledValue(values), explode: false))) }
    }

    /// An object as `simple`: `R,100,G,200`, or `R=100,G=200` exploded.
    public mutating func addHeader(_ name: String, object value: (some Encodable)?, explode: Bool = false) throws {
        if let value { headers.append((name, ParameterStyle.header(try StyledValue(object: value), explode: explode))) }
    }

    /// A value as compact JSON text (a header given by `content`).
    public mutating func addHeaderJSON(_ name: String, _ value: (some Encodable)?) throws {
        if let value { headers.append((name, String(decoding: try JSONCoding.encode(value), as: UTF8.self))) }
    }

    /// A cookie parameter (`form`, percent-encoded).
    public mutating func addCookie(_ name: String, _ value: (some ParameterValue)?) {
        if let value { cookies += ParameterStyle.cookie(name, StyledValue(value), explode: true) }
    }

    public mutating func addCookie(_ name: String, _ values: [some ParameterValue]?, explode: Bool = true) {
        if let values { cookies += ParameterStyle.cookie(name, StyledValue(values), explode: explode) }
    }

    public mutating func addCookie(_ name: String, object value: (some Encodable)?, explode: Bool = true) throws {
        if let value { cookies += ParameterStyle.cookie(name, try StyledValue(object: value), explode: explode) }
    }

    /// A cookie holding JSON text (a parameter given by `content`, or a value the styles cannot
    /// write), percent-encoded as `form` style encodes a cookie: JSON's quotes, commas and spaces
    /// are no cookie characters.
    public mutating func addCookieJSON(_ name: String, _ value: (some Encodable)?) throws {
        guard let value else { return }
        cookies.append("\(PercentEncoding.escape(name))=\(PercentEncoding.escape(String(decoding: try JSONCoding.encode(value), as: UTF8.self)))")
    }

    /// A file's bytes as the body, streamed from disk; its size is the `Content-Length`.
    public mutating func setFileBody(_ file: URL, contentType: String = "application/octet-stream") throws {
        guard file.isFileURL, FileManager.default.isReadableFile(atPath: file.path) else {
            throw APIError.invalidArgument(name: "bodyFile", reason: "'\(file.path)' is not a readable file")
        }
        bodyFile = file
        headers.append(("Content-Type", contentType))
    }

    /// A JSON body (`Content-Type: application/json`).
    public mutating func setJSONBody(_ value: some Encodable, contentType: String = "application/json") throws {
        body = try JSONCoding.encode(value)
        headers.append(("Content-Type", contentType))
    }

    public mutating func setTextBody(_ text: String, contentType: String = "text/plain") {
        body = Data(text.utf8)
        headers.append(("Content-Type", contentType))
    }

    public mutating func setDataBody(_ data: Data, contentType: String = "application/octet-stream") {
        body = data
        headers.append(("Content-Type", contentType))
    }

    /// Bytes whose document names a range of media types (`image/*`): no request may send a
    /// range, so the caller names the type, which must be one within it.
    public mutating func setDataBody(_ data: Data, contentType: String, within range: String) throws {
        let type = try MediaType.checked(contentType, within: range)
        setDataBody(data, contentType: type)
    }

    /// A file's bytes whose document names a range of media types: see `setDataBody(_:contentType:within:)`.
    public mutating func setFileBody(_ file: URL, contentType: String, within range: String) throws {
        let type = try MediaType.checked(contentType, within: range)
        try setFileBody(file, contentType: type)
    }
}

/// The JSON coders generated code uses. Model properties code their own dates; a date anywhere
/// else (an aliased date in an array or a map, a body that is a date) is ISO 8601 too, through
/// the coders' date strategies, which are called for dates only.
public enum JSONCoding {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.format(date))
        }
        do {
            return try encoder.encode(value)
        } catch {
            throw APIError.encoding(reason: "\(error)")
        }
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected an ISO 8601 date-time, found '\(text)'")
            }
            return date
        }
        do {
            return try decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw APIError.decoding(type: String(describing: type), path: error.pathDescription, reason: error.reasonDescription, body: data.prefix(APIError.maxBodyBytes))
        }
    }
}

extension DecodingError {
    /// `data[0].created_at`.
    var pathDescription: String {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        @unknown default: path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    var reasonDescription: String {
        switch self {
        case .typeMismatch(let type, let c): "expected \(type): \(c.debugDescription)"
        case .valueNotFound(let type, let c): "expected \(type), found null: \(c.debugDescription)"
        case .keyNotFound(let key, _): "required key '\(key.stringValue)' is missing"
        case .dataCorrupted(let c): c.debugDescription + (c.underlyingError.map { " (\($0))" } ?? "")
        @unknown default: "\(self)"
        }
    }
}
