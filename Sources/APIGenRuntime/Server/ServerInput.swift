import Foundation

/// A routed request, as a generated route reads it: the path parameters the route's template
/// matched (still percent-encoded), the query, the headers and the body.
public struct ServerInput: Sendable {
    public let pathParameters: [String: String]
    /// Each `name=value` pair of the query, decoded (`+` is a space), in order.
    public let queryItems: [(name: String, value: String)]
    /// The same items with each value as it arrived, percent-encoded: a style's delimiters are
    /// not encoded and the values' own characters are (`a,b%2Cc` is two items).
    let rawQueryItems: [(name: String, raw: String)]
    /// The whole query as it arrived (a 3.2 `querystring` parameter reads it as one value).
    let rawQuery: String
    public let headers: [(name: String, value: String)]
    public let body: Data

    public init(pathParameters: [String: String], query: String?, headers: [(name: String, value: String)], body: Data) {
        self.pathParameters = pathParameters
        var decoded: [(name: String, value: String)] = [], raw: [(name: String, raw: String)] = []
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.formDecoded(parts[0]), let value = parts.count > 1 ? Self.formDecoded(parts[1]) : "" else { continue }
            decoded.append((name, value))
            raw.append((name, parts.count > 1 ? String(parts[1]) : ""))
        }
        self.queryItems = decoded
        self.rawQueryItems = raw
        self.rawQuery = query ?? ""
        self.headers = headers
        self.body = body
    }

    static func formDecoded(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Every value of a header, its name matched in any case.
    func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}

/// A value a path segment, query item or header holds as text: the inverse of `ParameterValue`.
/// A static function, not an initializer: an `init` here would make `Int.init` ambiguous in
/// every file that imports the SPI.
@_spi(Generated) public protocol ParameterDecodable: Sendable {
    static func read(parameterText: String) -> Self?
}

@_spi(Generated) extension String: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { parameterText }
}

@_spi(Generated) extension Int: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { Self(parameterText) }
}

@_spi(Generated) extension Int64: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { Self(parameterText) }
}

@_spi(Generated) extension Int32: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { Self(parameterText) }
}

@_spi(Generated) extension Double: ParameterDecodable {
    /// Finite numbers only: `nan` and `inf` are no JSON numbers, and no schema's.
    public static func read(parameterText: String) -> Self? {
        Double(parameterText).flatMap { $0.isFinite ? $0 : nil }
    }
}

@_spi(Generated) extension Float: ParameterDecodable {
    public static func read(parameterText: String) -> Self? {
        Float(parameterText).flatMap { $0.isFinite ? $0 : nil }
    }
}

@_spi(Generated) extension Bool: ParameterDecodable {
    public static func read(parameterText: String) -> Self? {
        parameterText == "true" ? true : parameterText == "false" ? false : nil
    }
}

@_spi(Generated) extension Date: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { ISO8601.parse(parameterText) }
}

@_spi(Generated) extension UUID: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { Self(uuidString: parameterText) }
}

@_spi(Generated) extension URL: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { Self(string: parameterText) }
}

@_spi(Generated) extension Data: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { Self(base64Encoded: parameterText) }
}

@_spi(Generated) extension IntOrString: ParameterDecodable {
    public static func read(parameterText: String) -> Self? { Int(parameterText).map(IntOrString.int) ?? .string(parameterText) }
}

@_spi(Generated) extension ServerInput {
    /// A path parameter, percent-decoded and read as `T`.
    public func path<T: ParameterDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let raw = pathParameters[name], let text = raw.removingPercentEncoding, !text.isEmpty else {
            throw ServerRequestError(message: "the path parameter '\(name)' is missing")
        }
        return try Self.read(text, as: T.self, what: "the path parameter '\(name)'")
    }

    /// A generated enum in the path.
    public func path<T: RawRepresentable & Sendable>(_ name: String, as type: T.Type = T.self) throws -> T where T.RawValue: ParameterDecodable {
        try Self.enumCase(try path(name, as: T.RawValue.self), what: "the path parameter '\(name)'")
    }

    /// A path parameter holding JSON text (a value the styles cannot write).
    public func pathJSON<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let raw = pathParameters[name], let text = raw.removingPercentEncoding, !text.isEmpty else {
            throw ServerRequestError(message: "the path parameter '\(name)' is missing")
        }
        return try Self.decodeJSON(Data(text.utf8), as: T.self, what: "the path parameter '\(name)'")
    }

    /// A query item (the first of its name); nil when absent.
    public func query<T: ParameterDecodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        try queryItems.first { $0.name == name }.map { try Self.read($0.value, as: T.self, what: "the query item '\(name)'") }
    }

    public func query<T: RawRepresentable & Sendable>(_ name: String, as type: T.Type = T.self) throws -> T? where T.RawValue: ParameterDecodable {
        try query(name, as: T.RawValue.self).map { try Self.enumCase($0, what: "the query item '\(name)'") }
    }

    /// An array in the query: one item per value (`explode`, `a=1&a=2`), or one item whose
    /// value joins them by the style's delimiter (`a=1,2`, `a=1|2`, `a=1%202`); nil when absent.
    public func queryArray<T: ParameterDecodable>(_ name: String, of type: T.Type = T.self, explode: Bool, delimiter: Character = ",") throws -> [T]? {
        try queryTexts(name, explode: explode, delimiter: delimiter)?.map { try Self.read($0, as: T.self, what: "an item of the query item '\(name)'") }
    }

    public func queryArray<T: RawRepresentable & Sendable>(_ name: String, of type: T.Type = T.self, explode: Bool, delimiter: Character = ",") throws -> [T]? where T.RawValue: ParameterDecodable {
        try queryArray(name, of: T.RawValue.self, explode: explode, delimiter: delimiter)?.map { try Self.enumCase($0, what: "an item of the query item '\(name)'") }
    }

    private func queryTexts(_ name: String, explode: Bool, delimiter: Character) -> [String]? {
        let values = queryItems.filter { $0.name == name }.map(\.value)
        guard !values.isEmpty else { return nil }
        if explode { return values }
        // Split as it arrived, then decode each item: an item's own delimiter is encoded.
        guard let raw = rawQueryItems.first(where: { $0.name == name })?.raw, !raw.isEmpty else { return [] }
        return StyledText.split(raw, by: delimiter).map { Self.formDecoded(Substring($0)) ?? $0 }
    }

    /// A query item holding JSON text (a parameter given by `content`, or a value the styles
    /// cannot write); nil when absent.
    public func queryJSON<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        try queryItems.first { $0.name == name }.map { try Self.decodeJSON(Data($0.value.utf8), as: T.self, what: "the query item '\(name)'") }
    }

    /// A header (its first value, names in any case); nil when absent.
    public func header<T: ParameterDecodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        try headerValues(name).first.map { try Self.read($0, as: T.self, what: "the header '\(name)'") }
    }

    public func header<T: RawRepresentable & Sendable>(_ name: String, as type: T.Type = T.self) throws -> T? where T.RawValue: ParameterDecodable {
        try header(name, as: T.RawValue.self).map { try Self.enumCase($0, what: "the header '\(name)'") }
    }

    /// A header holding a comma-separated list (every field of that name, joined).
    public func headerArray<T: ParameterDecodable>(_ name: String, of type: T.Type = T.self) throws -> [T]? {
        let values = headerValues(name)
        guard !values.isEmpty else { return nil }
        return try values.joined(separator: ",").split(separator: ",").map {
            try Self.read($0.trimmingCharacters(in: .whitespaces), as: T.self, what: "an item of the header '\(name)'")
        }
    }

    public func headerJSON<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        try headerValues(name).first.map { try Self.decodeJSON(Data($0.utf8), as: T.self, what: "the header '\(name)'") }
    }

    /// A cookie of the `Cookie` header; nil when absent.
    public func cookie<T: ParameterDecodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let raw = cookiePairs.first(where: { $0.name == name })?.raw else { return nil }
        guard let text = raw.removingPercentEncoding else { throw ServerRequestError(message: "the cookie '\(name)' is not percent-encoded text") }
        return try Self.read(text, as: T.self, what: "the cookie '\(name)'")
    }

    public func cookie<T: RawRepresentable & Sendable>(_ name: String, as type: T.Type = T.self) throws -> T? where T.RawValue: ParameterDecodable {
        try cookie(name, as: T.RawValue.self).map { try Self.enumCase($0, what: "the cookie '\(name)'") }
    }

    /// A cookie holding JSON text, percent-encoded (`addCookieJSON`); nil when absent.
    public func cookieJSON<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let raw = cookiePairs.first(where: { $0.name == name })?.raw else { return nil }
        guard let text = raw.removingPercentEncoding else { throw ServerRequestError(message: "the cookie '\(name)' is not percent-encoded text") }
        return try Self.decodeJSON(Data(text.utf8), as: T.self, what: "the cookie '\(name)'")
    }

    /// The `name=value` pairs of the `Cookie` headers, values as they arrived (percent-encoded).
    var cookiePairs: [(name: String, raw: String)] {
        headerValues("Cookie").flatMap { field in
            field.split(separator: ";").compactMap { pair -> (name: String, raw: String)? in
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }
        }
    }

    /// A required parameter: its value, or a 400 that names it.
    public func required<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw ServerRequestError(message: "\(what) is required") }
        return value
    }

    /// Whether a body arrived; none for a required one is the client's mistake.
    func hasBody(required: Bool) throws -> Bool {
        if body.isEmpty && required { throw ServerRequestError(message: "the request body is required") }
        return !body.isEmpty
    }

    /// The body decoded as JSON, checking the media type it came with; nil when there is none
    /// and it is optional.
    public func jsonBody<T: Decodable>(_ type: T.Type, required: Bool) throws -> T? {
        guard try hasBody(required: required) else { return nil }
        try checkContentType(\.isJSON)
        return try Self.decodeJSON(body, as: T.self, what: "the request body")
    }

    public func textBody(required: Bool) throws -> String? {
        if body.isEmpty, !required { return nil }
        guard let text = String(data: body, encoding: .utf8) else { throw ServerRequestError(message: "the request body is not UTF-8 text") }
        return text
    }

    public func dataBody(required: Bool) throws -> Data? {
        if body.isEmpty, !required { return nil }
        return body
    }

    /// The media type of bytes whose document names a range (`image/*`): the one they came
    /// with, which must be within it (else 415). Bytes without one are
    /// `application/octet-stream`, as RFC 9110 (8.3) lets a recipient assume; empty when no
    /// body came.
    public func contentType(within range: String) throws -> String {
        if body.isEmpty, headerValues("Content-Type").isEmpty { return "" }
        let header = headerValues("Content-Type").first ?? "application/octet-stream"
        guard (try? MediaType.checked(header, within: range)) != nil else {
            throw ServerRequestError(status: 415, message: "the request body's media type is not one the operation takes")
        }
        return header
    }

    /// A media type the operation does not take is answered 415, not read as another one.
    /// A body that came without one is read as the operation's.
    @discardableResult
    func checkContentType(_ accepts: (MediaType) -> Bool) throws -> MediaType? {
        guard let header = headerValues("Content-Type").first else { return nil }
        guard let type = MediaType(header), !type.isRange, accepts(type) else {
            throw ServerRequestError(status: 415, message: "the request body's media type is not one the operation takes")
        }
        return type
    }

    private static func read<T: ParameterDecodable>(_ text: String, as type: T.Type, what: String) throws -> T {
        guard let value = T.read(parameterText: text) else {
            throw ServerRequestError(message: "\(what) does not read as \(String(describing: T.self))")
        }
        return value
    }

    static func enumCase<T: RawRepresentable>(_ raw: T.RawValue, what: String) throws -> T {
        // A generated enum reads any value as `unknown(_)`: a request is held to the listed ones.
        guard let value = T(rawValue: raw), (value as? any OpenEnum)?.isUnknown != true else {
            throw ServerRequestError(message: "\(what) is not a value the document lists")
        }
        return value
    }

    static func decodeJSON<T: Decodable>(_ data: Data, as type: T.Type, what: String) throws -> T {
        do {
            return try JSONCoding.decode(T.self, from: data)
        } catch {
            throw ServerRequestError(message: "\(what) does not decode as \(String(describing: T.self))")
        }
    }
}
