/// A path key as a request writes it. The document's text is a URL path template, but nothing
/// stops it holding a space or a letter outside ASCII (`/files/{id}/café`), which a URL carries
/// percent-encoded: written raw, every call would fail to make its URL. The client sends the
/// encoded text and the server's routes match it, since they compare paths as they arrive.
enum PathText {
    /// `literal` with every byte a path may not hold raw percent-encoded: all but the unreserved
    /// characters, the sub-delimiters, `:`, `@`, `/`, a `%` that starts an escape, and (in a query
    /// written into the path) `?`.
    static func encoded<S: StringProtocol>(_ literal: S) -> String {
        URLEscaping.encoded(literal) { bytes, i in
            if bytes[i] == UInt8(ascii: "%") { return URLEscaping.startsEscape(bytes, at: i) }
            return URLEscaping.isUnreserved(bytes[i]) || subDelimitersAndMore.contains(bytes[i])
        }
    }

    /// The path a server's route matches: the document's, without a `#…` suffix (a URL's
    /// fragment is never sent, so it cannot tell two operations apart) or a query written into it
    /// (`/search?type=user`: a request's path has no query, which the route reads as
    /// parameters), its literal text encoded as the client sends it and `{name}`s kept.
    static func routeTemplate(_ path: String) -> String {
        var out = ""
        var rest = path.prefix { $0 != "#" && $0 != "?" }
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += encoded(rest[..<open]) + rest[open...close]
            rest = rest[rest.index(after: close)...]
        }
        return out + encoded(rest)
    }

    /// Besides the unreserved characters: the sub-delimiters, `:`, `@`, `/` and `?`.
    private static let subDelimitersAndMore = Set("!$&'()*+,;=:@/?".utf8)
}
