import Foundation

/// Reads a parameter written in one of the specification's styles back into a value: the
/// inverse of `ParameterStyle`. The text is split while still percent-encoded (a style's
/// delimiters are not encoded, a value's own characters are), then each piece is decoded.
enum StyledText {
    /// `a,b%2Cc` by `,` → `a`, `b%2Cc`. Space and pipe delimiters arrive encoded (`%20`, `%7C`).
    static func split(_ raw: String, by delimiter: Character) -> [String] {
        switch delimiter {
        case " ": return raw.replacingOccurrences(of: "+", with: "%20").components(separatedBy: "%20")
        case "|": return raw.replacingOccurrences(of: "%7c", with: "%7C").components(separatedBy: "%7C").flatMap { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        default: return raw.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
        }
    }

    static func decoded(_ piece: String) -> String? { piece.removingPercentEncoding }

    /// An array's items, or an object's members (`R,100,G,200`, or `R=100,G=200` exploded), as a
    /// form tree the generated types decode from.
    static func node(items raw: [String], object: Bool, explode: Bool) throws -> FormDecoding.Node {
        guard object else {
            return .list(try raw.map { .text(try text($0), items: nil) })
        }
        var members: [String: FormDecoding.Node] = [:], order: [String] = []
        func add(_ key: String, _ value: String) throws {
            let name = try text(key)
            if members[name] == nil { order.append(name) }
            members[name] = .text(try text(value), items: nil)
        }
        if explode {
            for pair in raw where !pair.isEmpty {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                try add(String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }
        } else {
            guard raw.count % 2 == 0 || raw == [""] else { throw ServerRequestError(message: "an object's members come in pairs") }
            for i in stride(from: 0, to: raw.count - 1, by: 2) { try add(raw[i], raw[i + 1]) }
        }
        return .object(members, order: order)
    }

    private static func text(_ piece: String) throws -> String {
        guard let text = decoded(piece) else { throw ServerRequestError(message: "a value is not percent-encoded text") }
        return text
    }

    /// A path segment's pieces by its style: `simple` (`a,b`), `label` (`.a,b`, `.a.b` exploded),
    /// `matrix` (`;name=a,b`, `;name=a;name=b` exploded, `;R=100;G=200` for an exploded object).
    static func pathPieces(_ raw: String, name: String, style: ParameterStyle, explode: Bool, object: Bool) throws -> [String] {
        switch style {
        case .label:
            guard raw.hasPrefix(".") else { throw ServerRequestError(message: "the path parameter '\(name)' does not start with '.' as the label style writes it") }
            return split(String(raw.dropFirst()), by: explode && !object ? "." : explode ? "." : ",")
        case .matrix:
            guard raw.hasPrefix(";") else { throw ServerRequestError(message: "the path parameter '\(name)' does not start with ';' as the matrix style writes it") }
            let pairs = raw.dropFirst().split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if object && explode { return pairs }
            let prefix = PercentEncoding.escape(name)
            let values = pairs.map { pair -> String in
                guard pair.hasPrefix(prefix) else { return "\u{0}" }
                let rest = pair.dropFirst(prefix.count)
                return rest.hasPrefix("=") ? String(rest.dropFirst()) : String(rest)
            }
            guard !values.contains("\u{0}") else { throw ServerRequestError(message: "the path parameter '\(name)' is not written as ;\(name)=…") }
            return explode ? values : values.flatMap { split($0, by: ",") }
        default:
            return split(raw, by: ",")
        }
    }
}

/// What a styled parameter holds: one value, an array, or an object's members.
@_spi(Generated) public enum StyledShape: Sendable {
    case primitive, array, object
}

@_spi(Generated) extension ServerInput {
    /// A path parameter of the label or matrix style, or an array or object in any style.
    public func pathStyled<T: Decodable>(_ name: String, style: ParameterStyle, explode: Bool, shape: StyledShape, as type: T.Type = T.self) throws -> T {
        guard let raw = pathParameters[name], !raw.isEmpty else { throw ServerRequestError(message: "the path parameter '\(name)' is missing") }
        let pieces = try StyledText.pathPieces(raw, name: name, style: style, explode: explode, object: shape == .object)
        return try decodeStyled(pieces, object: shape == .object, explode: explode, collection: shape == .array, what: "the path parameter '\(name)'")
    }

    /// An object in the query: `deepObject` (`name[key]=v`), `form` exploded (its members are
    /// items of their own), or joined by the style's delimiter (`name=R,100,G,200`); nil when absent.
    public func queryObject<T: Decodable>(_ name: String, style: ParameterStyle, explode: Bool, as type: T.Type = T.self) throws -> T? {
        let what = "the query parameter '\(name)'"
        switch style {
        case .deepObject:
            let pairs = queryItems.filter { $0.name.hasPrefix(name + "[") }
            guard !pairs.isEmpty else { return nil }
            guard case .object(let members, _)? = try FormDecoding.tree(pairs, fields: [:]) as FormDecoding.Node?, let node = members[name] else { return nil }
            return try decodeNode(node, what: what)
        case .form where explode:
            // The members are items of the query like any other: the type reads the ones it has.
            var members: [String: FormDecoding.Node] = [:], order: [String] = []
            for item in queryItems where members[item.name] == nil {
                order.append(item.name)
                members[item.name] = .text(item.value, items: nil)
            }
            return try decodeNode(.object(members, order: order), what: what)
        default:
            guard let raw = rawQueryItems.first(where: { $0.name == name })?.raw else { return nil }
            let delimiter: Character = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
            return try decodeStyled(StyledText.split(raw, by: delimiter), object: true, explode: false, collection: false, what: what)
        }
    }

    /// An array or object in cookies (`form`): joined by commas in one cookie, or, exploded, an
    /// array as a cookie per item and an object as a cookie per member; nil when absent.
    public func cookieStyled<T: Decodable>(_ name: String, explode: Bool, shape: StyledShape, as type: T.Type = T.self) throws -> T? {
        let what = "the cookie '\(name)'"
        let pairs = cookiePairs
        if explode && shape == .array {
            let values = pairs.filter { $0.name == name }.map(\.raw)
            return values.isEmpty ? nil : try decodeStyled(values, object: false, explode: true, collection: true, what: what)
        }
        if explode && shape == .object {
            return try decodeStyled(pairs.map { "\($0.name)=\($0.raw)" }, object: true, explode: true, collection: false, what: what)
        }
        guard let raw = pairs.first(where: { $0.name == name })?.raw else { return nil }
        return try decodeStyled(StyledText.split(raw, by: ","), object: shape == .object, explode: false, collection: shape == .array, what: what)
    }

    /// An object in a header (`simple`: `R,100,G,200`, or `R=100,G=200` exploded); nil when absent.
    public func headerObject<T: Decodable>(_ name: String, explode: Bool, as type: T.Type = T.self) throws -> T? {
        guard let value = headerValues(name).first else { return nil }
        // A header is not percent-encoded: escape `%` so that decoding gives the text back.
        let raw = value.replacingOccurrences(of: "%", with: "%25")
        return try decodeStyled(StyledText.split(raw, by: ","), object: true, explode: explode, collection: false, what: "the header '\(name)'")
    }

    private func decodeStyled<T: Decodable>(_ pieces: [String], object: Bool, explode: Bool, collection: Bool, what: String) throws -> T {
        // A single value (a primitive in the label or matrix style) is its one piece.
        if !object && !collection {
            guard pieces.count == 1, let text = StyledText.decoded(pieces[0]) else { throw ServerRequestError(message: "\(what) is not one value") }
            return try decodeNode(.text(text, items: nil), what: what)
        }
        return try decodeNode(try StyledText.node(items: pieces, object: object, explode: explode), what: what)
    }

    private func decodeNode<T: Decodable>(_ node: FormDecoding.Node, what: String) throws -> T {
        do {
            return try FormTreeDecoder.decode(T.self, node, codingPath: [])
        } catch let error as ServerRequestError {
            throw error
        } catch {
            throw ServerRequestError(message: "\(what) does not decode as \(String(describing: T.self))")
        }
    }
}
