/// A header value with parameters, `value; name=token; name="quoted \"text\""`, as RFC 9110
/// writes `Content-Type` and RFC 6266 `Content-Disposition`. Read in one place, with quotes
/// respected: a `;` or a `name=` inside a quoted file name is never taken for a parameter.
struct ParameterizedValue {
    /// What comes before the first `;`, trimmed, in lower case.
    var value: String
    /// In the order written; names in lower case, quoted values unquoted. A parameter without
    /// `=`, or whose quoted value does not end, is left out (and so is everything after it).
    var parameters: [(name: String, value: String)] = []

    init(_ text: String) {
        var rest = Substring(text)
        let head = rest.prefix { $0 != ";" }
        value = head.trimmingCharacters(in: .whitespaces).lowercased()
        rest = rest[head.endIndex...]
        while rest.first == ";" {
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            let name = rest.prefix { $0 != "=" && $0 != ";" }
            rest = rest[name.endIndex...]
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst()
            let value: String
            if rest.first == "\"" {
                guard let (text, after) = Self.quoted(rest) else { return }
                value = text
                rest = after.drop { $0 != ";" }
            } else {
                let token = rest.prefix { $0 != ";" }
                value = token.trimmingCharacters(in: .whitespaces)
                rest = rest[token.endIndex...]
            }
            parameters.append((name.trimmingCharacters(in: .whitespaces).lowercased(), value))
        }
    }

    /// The first parameter of that name (in any case).
    func parameter(_ name: String) -> String? {
        let name = name.lowercased()
        return parameters.first { $0.name == name }?.value
    }

    /// A quoted-string at the start of `text`, unescaped, and what follows it.
    private static func quoted(_ text: Substring) -> (String, Substring)? {
        var result = "", escaped = false
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return (result, text[index...])
            } else {
                result.append(character)
            }
        }
        return nil
    }
}

/// A media type (`type/subtype; parameters`): the one reading of `Content-Type` that every
/// check of the runtime makes, on what a server sent, on what a request arrived with, and on
/// what a caller names.
@_spi(Generated) public struct MediaType: Sendable, Equatable {
    /// Both in lower case; `*` in a range.
    public var type: String
    public var subtype: String
    var parameters: [String: String]

    /// Nil unless `text` is `token/token` with parameters and nothing a header cannot hold.
    public init?(_ text: String) {
        guard HeaderField.isValidValue(text) else { return nil }
        let read = ParameterizedValue(text)
        let halves = read.value.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2, HeaderField.isValidName(String(halves[0])), HeaderField.isValidName(String(halves[1])) else { return nil }
        (type, subtype) = (String(halves[0]), String(halves[1]))
        parameters = Dictionary(read.parameters.map { ($0.name, $0.value) }) { first, _ in first }
    }

    /// `type/subtype`, without parameters.
    public var essence: String { type + "/" + subtype }

    /// `application/json`, `text/json`, or any `…+json`.
    public var isJSON: Bool { subtype == "json" || subtype.hasSuffix("+json") }

    /// `*/*` or `image/*`: what an `Accept` header or a document may name, never a body.
    public var isRange: Bool { type == "*" || subtype == "*" }

    /// Whether this type is one the range (or type) `range` names.
    public func isWithin(_ range: MediaType) -> Bool {
        (range.type == "*" || range.type == type) && (range.subtype == "*" || range.subtype == subtype)
    }

    /// A parameter's value (`boundary`, `charset`), unquoted.
    public func parameter(_ name: String) -> String? {
        parameters[name.lowercased()]
    }

    /// The media type to send a body of the document's range `range` as: `given`, when it is
    /// one media type within it; else an `APIError.invalidArgument` that says why.
    static func checked(_ given: String, within range: String) throws -> String {
        let shown = String(given.unicodeScalars.prefix(100).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        guard let type = MediaType(given), !type.isRange else {
            throw APIError.invalidArgument(name: "contentType", reason: "'\(shown)' is not one media type (type/subtype, no wildcard, no control characters)")
        }
        if let range = MediaType(range), !type.isWithin(range) {
            throw APIError.invalidArgument(name: "contentType", reason: "'\(shown)' is not within \(range.essence), the media types the operation takes")
        }
        return given
    }
}
