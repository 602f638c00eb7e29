/// RFC 9110's `token`: what a header or cookie name may be. A name from a document that is not
/// one (a line break in it, say) would let generated code write another header.
enum HTTPToken {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    static let rule = "a header or cookie name must be an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~)"
}
