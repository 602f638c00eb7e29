/// Resolves plain scalars by the YAML 1.2 core schema (not YAML 1.1: `yes`, `on`, `1:10`
/// and timestamps stay strings).
enum ScalarResolver {
    static func resolve(_ text: String) -> ScalarValue {
        var utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        // Fast path: most scalars start with a letter that cannot begin a special value.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
            return .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if text == "true" || text == "True" || text == "TRUE" { return .bool(true) }
            return .string(text)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if text == "false" || text == "False" || text == "FALSE" { return .bool(false) }
            return .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            utf8 = text.utf8
            return resolveNumber(text, Array(utf8))
        default:
            return .string(text)
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func resolveNumber(_ text: String, _ bytes: [UInt8]) -> ScalarValue {
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        let rest = bytes[i...]
        // Special floats.
        switch String(decoding: rest, as: UTF8.self) {
        case ".inf", ".Inf", ".INF": return .double(negative ? -.infinity : .infinity)
        case ".nan", ".NaN", ".NAN": return i == 0 ? .double(.nan) : .string(text)
        default: break
        }
        // Octal and hexadecimal (unsigned only, per the core schema).
        if i == 0, bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") {
                let digits = bytes[2...]
                if digits.allSatisfy({ $0 >= 48 && $0 <= 55 }), let v = Int(String(decoding: digits, as: UTF8.self), radix: 8) {
                    return .int(v)
                }
                return .string(text)
            }
            if bytes[1] == UInt8(ascii: "x") {
                let digits = String(decoding: bytes[2...], as: UTF8.self)
                if let v = Int(digits, radix: 16) , !digits.contains("-"), !digits.contains("+") { return .int(v) }
                return .string(text)
            }
        }
        // [-+]?[0-9]+
        if i < bytes.count, rest.allSatisfy(isDigit) {
            if let v = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .int(v) }
            return .bigInt(text)
        }
        // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        var j = i
        var mantissaDigits = 0
        while j < bytes.count, isDigit(bytes[j]) { j += 1; mantissaDigits += 1 }
        if j < bytes.count, bytes[j] == UInt8(ascii: ".") {
            j += 1
            var fraction = 0
            while j < bytes.count, isDigit(bytes[j]) { j += 1; fraction += 1 }
            if mantissaDigits == 0 && fraction == 0 { return .string(text) }
            mantissaDigits += fraction
        }
        guard mantissaDigits > 0 else { return .string(text) }
        if j < bytes.count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
            j += 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") { j += 1 }
            var exponent = 0
            while j < bytes.count, isDigit(bytes[j]) { j += 1; exponent += 1 }
            if exponent == 0 { return .string(text) }
        }
        guard j == bytes.count, let v = Double(text) else { return .string(text) }
        return .double(v)
    }
}
