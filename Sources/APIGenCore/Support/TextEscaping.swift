/// The one rule for quoting text: `"…"`, with quotes, backslashes and control characters
/// escaped. Swift string literals and values shown in doc comments use the Swift form; `apigen
/// diff --json` and the example oracle's JSON the JSON form, which differs only in how another
/// control character is written (`\u{1b}` against `\u001b`) and in leaving DEL, C1 and the line
/// separators as they are (JSON allows them). Both escape bidi controls and invisible characters.
enum TextEscaping {
    static func quoted(_ s: String) -> String { quoted(s, json: false) }

    static func jsonQuoted(_ s: String) -> String { quoted(s, json: true) }

    private static func quoted(_ s: String, json: Bool) -> String {
        // Most strings (wire names, paths) need no escape: printable ASCII without `"` or `\`.
        if !s.containsUTF8(where: { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C }) {
            var out = "\""
            out.reserveCapacity(s.utf8.count + 2)
            out += s
            out += "\""
            return out
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if json, v < 0x20 || HiddenCharacters.isHidden(v) {
                    // Above the BMP (tags), as a surrogate pair.
                    let units = v > 0xFFFF ? [0xD800 + ((v - 0x10000) >> 10), 0xDC00 + ((v - 0x10000) & 0x3FF)] : [v]
                    for unit in units {
                        let hex = String(unit, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                } else if !json, v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x2028...0x2029).contains(v) || HiddenCharacters.isHidden(v) {
                    out += "\\u{\(String(v, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
