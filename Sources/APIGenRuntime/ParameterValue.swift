import Foundation

/// A value that can go into a path segment, a query item or a header, as text.
@_spi(Generated) public protocol ParameterValue: Sendable {
    var parameterValue: String { get }
}

@_spi(Generated) extension String: ParameterValue {
    public var parameterValue: String { self }
}

@_spi(Generated) extension Int: ParameterValue {
    public var parameterValue: String { String(self) }
}

@_spi(Generated) extension Double: ParameterValue {
    /// Whole numbers without a fraction (`50`, not `50.0`).
    public var parameterValue: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}

@_spi(Generated) extension Bool: ParameterValue {
    public var parameterValue: String { self ? "true" : "false" }
}

@_spi(Generated) extension Date: ParameterValue {
    /// ISO 8601, UTC, with milliseconds.
    public var parameterValue: String { ISO8601.format(self) }
}

@_spi(Generated) extension UUID: ParameterValue {
    /// Lower case, as servers usually print them.
    public var parameterValue: String { uuidString.lowercased() }
}

@_spi(Generated) extension Data: ParameterValue {
    /// `format: byte` is base64 text: in a path, a query or a header as in JSON.
    public var parameterValue: String { base64EncodedString() }
}

@_spi(Generated) extension URL: ParameterValue {
    public var parameterValue: String { absoluteString }
}

/// Percent-encoding of path segments and query components.
@_spi(Generated) public enum PercentEncoding {
    /// Everything but RFC 3986 unreserved characters is escaped, so a value like `a/b?c#d`
    /// or `../x` stays inside its own path segment.
    public static func segment(_ value: some ParameterValue) -> String {
        escape(value.parameterValue)
    }

    /// A path argument's segment; an empty value is an argument error (it would address
    /// another resource: `/items/` for `/items/{id}`, `/items//sub` for `/items/{id}/sub`).
    public static func segment(_ value: some ParameterValue, name: String) throws -> String {
        let text = value.parameterValue
        guard !text.isEmpty else { throw APIError.invalidArgument(name: name, reason: "is empty; a path argument must not be") }
        return escape(text)
    }

    /// A path argument in a `style` (`wireName`: the template's name, which `matrix` writes).
    /// A `simple` value that is empty is an argument error, as above; `label` and `matrix`
    /// always write a delimiter, so an empty value addresses nothing else.
    public static func segment(_ value: StyledValue, name: String, wireName: String, style: ParameterStyle, explode: Bool) throws -> String {
        let text = style.path(wireName, value, explode: explode)
        guard !text.isEmpty else { throw APIError.invalidArgument(name: name, reason: "is empty; a path argument must not be") }
        // An empty `label` value is `.`: a dot segment, which URL handling removes.
        guard text != ".", text != ".." else { throw APIError.invalidArgument(name: name, reason: "is empty; a path argument must not be") }
        return text
    }

    /// RFC 6570's reserved expansion, for `allowReserved: true`: reserved characters and
    /// `%XX` triples pass unchanged, except those a query string cannot carry as they are
    /// (`[`, `]`, `#`) or that mean something in form data (`&`, `+`); the rest as `escape`.
    public static func escapeAllowingReserved(_ text: String) -> String {
        let kept = Set(":/?@!$'()*,;=".utf8)
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        let hex = Array("0123456789ABCDEF".utf8)
        func isHex(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b) }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%"), i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) {
                out += bytes[i...(i + 2)]
                i += 3
                continue
            }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "."):
                out.append(byte)
            case _ where kept.contains(byte):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func escape(_ text: String) -> String {
        escape(bytes: text.utf8)
    }

    /// Any bytes (a file sent as a form field), escaped as text is.
    static func escape(bytes: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "."):
                // A segment that is only dots would be read as `.`/`..` by URL handling: escape those.
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        var result = String(decoding: out, as: UTF8.self)
        if result == "." || result == ".." { result = result.replacingOccurrences(of: ".", with: "%2E") }
        return result
    }
}
