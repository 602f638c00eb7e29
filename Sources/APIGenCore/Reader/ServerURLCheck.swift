/// Whether a server's URL can be the client's default: an absolute `http` or `https` URL with a
/// host, after its variables take their defaults. Anything else (a relative URL, which the
/// client has no document location to resolve against, or one that does not parse) gets a
/// located warning, and the client then requires `serverURL:`.
enum ServerURLCheck {
    /// The URL with each `{variable}` replaced by its default; nil, with the problem, when a
    /// variable has no definition.
    static func substitute(_ url: String, defaults: [String: String]) -> (url: String?, problem: String?) {
        var out = ""
        var rest = Substring(url)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return (nil, "has a '{' without its '}'") }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = defaults[name] else { return (nil, "names the variable '\(name)', which 'variables' does not define") }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return (out + rest, nil)
    }

    /// The URL as a message may show it: user information (a password, perhaps) left out.
    static func shown(_ url: String) -> String {
        let chars = Array(url)
        var start = 0
        while start + 2 < chars.count, !(chars[start] == ":" && chars[start + 1] == "/" && chars[start + 2] == "/") { start += 1 }
        guard start + 2 < chars.count else { return url }
        start += 3
        var end = start
        while end < chars.count, !"/?#".contains(chars[end]) { end += 1 }
        guard let at = chars[start..<end].lastIndex(of: "@") else { return url }
        return String(chars[..<start]) + "…" + String(chars[at...])
    }

    /// Why `url` cannot be the default server, or nil when it can.
    static func problem(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              bytes[..<colon].allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }),
              isAlpha(bytes[0]) else {
            return "is relative; a relative server URL is resolved against the document's own address, which the client does not know"
        }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else { return "has the scheme '\(scheme)', not http or https" }
        guard bytes.count >= colon + 3, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else {
            return "has no '//' and host after '\(scheme):'"
        }
        for (i, byte) in bytes.enumerated() {
            if byte <= 0x20 || byte >= 0x7F || #"<>"\^`{|}"#.utf8.contains(byte) { return "holds a character a URL cannot (\(TextEscaping.quoted(String(decoding: [byte], as: UTF8.self))))" }
            if byte == UInt8(ascii: "%"), !URLEscaping.startsEscape(bytes, at: i) { return "has a '%' that is not a percent-escape" }
        }
        let afterSlashes = bytes[(colon + 3)...]
        let authority = afterSlashes.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        if authority.contains(UInt8(ascii: "@")) { return "carries user information before its host; credentials are given to the client, not written in a URL" }
        var host = authority[...]
        var port: ArraySlice<UInt8> = []
        if host.first == UInt8(ascii: "[") {
            guard let end = host.firstIndex(of: UInt8(ascii: "]")) else { return "has an IPv6 host without its ']'" }
            let literal = host[host.index(after: host.startIndex)..<end]
            guard !literal.isEmpty, literal.allSatisfy({ URLEscaping.isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else { return "has an IPv6 host that is not an address" }
            let after = host[host.index(after: end)...]
            if let first = after.first {
                guard first == UInt8(ascii: ":") else { return "has text after its IPv6 host" }
                port = after.dropFirst()
            }
            host = host[...end]
        } else if let portColon = host.firstIndex(of: UInt8(ascii: ":")) {
            port = host[host.index(after: portColon)...]
            host = host[..<portColon]
        }
        guard !host.isEmpty else { return "has no host" }
        guard host.first == UInt8(ascii: "[") || host.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "%") }) else {
            return "has a host with characters a host name cannot have"
        }
        if !port.isEmpty || authority.last == UInt8(ascii: ":") {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(isDigit), Int(String(decoding: port, as: UTF8.self))! <= 65535 else { return "has a port that is not a number up to 65535" }
        }
        return nil
    }

    private static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
