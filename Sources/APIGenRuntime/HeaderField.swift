/// RFC 9110's rules for a header field, checked on every request before anything is sent: a
/// name or value that breaks them could end the header early and add another one.
enum HeaderField {
    /// A `token`: visible ASCII except the separators.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isTokenByte)
    }

    /// No CR, LF or NUL (obsolete line folding is refused too), nor other control bytes but tab.
    static func isValidValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// Throws `APIError.invalidArgument` for the first field that breaks the rules. The error
    /// shows the name escaped and never the value (it may be a secret).
    static func check(_ fields: some Sequence<(String, String)>) throws {
        for (name, value) in fields {
            guard isValidName(name) else {
                throw APIError.invalidArgument(name: "header \(name.debugDescription)", reason: "a header name must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~)")
            }
            guard isValidValue(value) else {
                throw APIError.invalidArgument(name: "header \(name)", reason: "its value contains a line break, NUL or another control character")
            }
        }
    }
}

@_spi(Generated) extension Dictionary where Key == String, Value == String {
    /// A header's value from a map of headers, its name matched in any case (as HTTP does):
    /// what a generated `Webhook.decode(body:headers:)` reads.
    public func headerValue(_ name: String) -> String? {
        first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
