/// Percent-encoding of text that goes into a URL (RFC 3986): every byte but those `keeps`
/// allows as `%XX`, uppercase.
enum URLEscaping {
    /// The unreserved characters: what a path segment value keeps.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// Whether `bytes[i]` is a `%` followed by two hex digits.
    static func startsEscape(_ bytes: some RandomAccessCollection<UInt8>, at i: Int) -> Bool {
        let start = bytes.index(bytes.startIndex, offsetBy: i)
        guard bytes[start] == UInt8(ascii: "%"), i + 2 < bytes.count else { return false }
        return isHex(bytes[bytes.index(start, offsetBy: 1)]) && isHex(bytes[bytes.index(start, offsetBy: 2)])
    }

    /// `text` with each byte `keeps(bytes, i)` refuses written `%XX`.
    static func encoded<S: StringProtocol>(_ text: S, keeps: ([UInt8], Int) -> Bool) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        for i in bytes.indices {
            if bytes[i] < 0x80, keeps(bytes, i) {
                out.unicodeScalars.append(Unicode.Scalar(bytes[i]))
            } else {
                out += "%" + String(hex[Int(bytes[i] >> 4)]) + String(hex[Int(bytes[i] & 15)])
            }
        }
        return out
    }

    private static let hex = Array("0123456789ABCDEF")
}
