/// A path key as a request writes it. The document's text is a URL path template, but nothing
/// stops it holding a space or a letter outside ASCII (`/files/{id}/café`), which a URL carries
/// percent-encoded: written raw, every call would fail to make its URL. The client sends the
/// encoded text and the server's routes match it, since they compare paths as they arrive.
enum PathText {
    /// `literal` with every byte a path may not hold raw percent-encoded: all but the unreserved
    /// characters, the sub-delimiters, `:`, `@`, `/`, a `%` that starts an escape, and (in a query
    /// written into the path) `?`.
    static func encoded<S: StringProtocol>(_ literal: S) -> String {
        let bytes = Array(literal.utf8)
        var out = ""
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte < 0x80, allowed.contains(Unicode.Scalar(byte)) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
            i += 1
        }
        return out
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

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?".unicodeScalars)
    private static let hex = Array("0123456789ABCDEF")

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
