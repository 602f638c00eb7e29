/// Turns schema spellings into Swift names by the API Design Guidelines, with uniform
/// acronyms: `rtmp_url` → `rtmpURL`, `account_id` → `accountID`, `"left top"` → `leftTop`.
public enum SwiftNaming {
    /// Words written all upper case when they are not the first word of a lowerCamel name.
    static let acronyms: Set<String> = [
        "api", "cpu", "css", "csv", "dns", "ftp", "html", "http", "https", "id", "ip", "json", "jwt",
        "mtls", "os", "pdf", "rtmp", "sdk", "sftp", "sql", "ssh", "ssl", "sso", "tcp", "tls", "ttl",
        "udp", "ui", "uri", "url", "utc", "uuid", "xml", "waf", "cdn", "acl", "mfa", "ssrf", "rpc",
    ]
    /// Plural acronyms: `ids` → `IDs`.
    static let pluralAcronyms: [String: String] = ["ids": "IDs", "urls": "URLs", "uris": "URIs", "ips": "IPs", "apis": "APIs", "acls": "ACLs"]

    /// Keywords that need backticks where a declaration name goes.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "_", "Type", "Protocol", "async", "some", "any", "consume", "borrowing",
        "consuming", "copy", "discard", "each", "macro", "package", "isolated", "nonisolated",
    ]
    /// Names that stay ambiguous even in backticks (`.init`, `.self`, `.Type`): a `_` is appended.
    static let unescapable: Set<String> = ["init", "self", "Self", "Type", "Protocol", "deinit", "subscript", "_"]

    /// Type names that would shadow a type the generated code uses: a suffix is appended.
    static let reservedTypeNames: Set<String> = [
        "Any", "Array", "Bool", "Character", "Client", "Codable", "CodingKey", "CodingKeys", "Data", "Date",
        "Decodable", "Decoder", "Dictionary", "Double", "Encodable", "Encoder", "Equatable", "Error", "Float",
        "Foundation", "Hashable", "Int", "Int32", "Int64", "JSONValue", "Never", "Optional", "Protocol",
        "RawRepresentable", "Result", "Self", "Sendable", "Set", "String", "Swift", "Task", "Type", "URL",
        "UUID", "Void", "APIError", "APIGenRuntime", "CaseIterable", "Element",
        // Runtime and Foundation names generated code uses unqualified.
        "OpenEnum", "Box", "Validatable", "Validation", "APIRequest", "ClientCore", "RetryPolicy", "APIMiddleware", "CallOptions", "Credential", "PageSequence", "OperationErrorBody",
        // The products' own types (`outputs:`); the runtime's server types are spelled qualified.
        "APIProtocol", "MockClient", "APIHandler", "APIServer",
        "ISO8601", "ISO8601Date", "AnyCodingKey", "PercentEncoding", "ServerURL", "HTTPTransport",
        "URLSessionTransport", "JSONCoding", "ServerError", "ParameterValue", "DecodingError", "EncodingError",
        "KeyedDecodingContainer", "KeyedEncodingContainer", "URLRequest", "HTTPURLResponse", "CustomStringConvertible",
        "AsyncSequence", "Substring", "Unicode", "UInt8", "Float", "Numeric", "FieldCodable", "FieldEquatable", "FieldReader", "FieldWriter",
        // A sent struct's enum of its nullable optionals (`sendingNull(_:)`).
        "NullableField",
        // The typed response headers, and what they read.
        "ResponseHeaders", "ResponseMetadata",
        // What streamed answers are read as.
        "ServerSentEvents", "JSONLines",
        // The client's limits and redirect policy.
        "Limits", "RedirectPolicy",
        // Parameters in a style; unions without a discriminator; multipart files.
        "StyledValue", "UnionMatch", "FileUpload",
        // `format: int-or-string`.
        "IntOrString",
    ]

    /// What the word rule sees of a character.
    enum WordClass {
        case upper, lower, digit, separator
        /// A lower-case `s` (`URLs` is one word).
        case lowerS
        /// A letter without case (`名`).
        case caseless
    }

    /// The one word rule: words end at separators, at a lower→upper change, after digits that
    /// follow a letter (`v2Meetings` → `v2`, `Meetings`), and at the end of an acronym
    /// (`URLPath` → `URL`, `Path`, but `URLs` stays one word). Digits stay with the word before
    /// them (`v2`, `H264`). `body` gets each word's range of positions.
    @inline(__always)
    static func forEachWord(count: Int, _ classAt: (Int) -> WordClass, _ body: (Range<Int>) -> Void) {
        @inline(__always) func isLower(_ c: WordClass) -> Bool { c == .lower || c == .lowerS }
        var start = -1
        var hasLetter = false
        for i in 0..<count {
            let c = classAt(i)
            if c == .separator {
                if start >= 0 { body(start..<i) }
                start = -1
                hasLetter = false
                continue
            }
            if c == .upper, start >= 0 {
                let last = classAt(i - 1)
                var ends = isLower(last) || (last == .digit && hasLetter)
                if !ends, last == .upper, i + 1 < count, isLower(classAt(i + 1)) {
                    ends = !(classAt(i + 1) == .lowerS && (i + 2 == count || !isLower(classAt(i + 2))))
                }
                if ends {
                    body(start..<i)
                    start = -1
                    hasLetter = false
                }
            }
            if start < 0 { start = i }
            if c != .digit { hasLetter = true }
        }
        if start >= 0 { body(start..<count) }
    }

    @inline(__always)
    static func wordClass(ascii c: UInt8) -> WordClass {
        switch c {
        case 65...90: .upper
        case 115: .lowerS
        case 97...122: .lower
        case 48...57: .digit
        default: .separator
        }
    }

    static func wordClass(_ c: Character) -> WordClass {
        if c.isASCII, let byte = c.asciiValue { return wordClass(ascii: byte) }
        // Other scripts' digits separate: an identifier keeps ASCII digits only.
        guard c.isLetter else { return .separator }
        return c.isUppercase ? .upper : c.isLowercase ? .lower : .caseless
    }

    /// A spelling's words, by `forEachWord`.
    public static func words(_ raw: String) -> [String] {
        var words: [String] = []
        // Nearly every name is ASCII: split its bytes without Unicode property look-ups.
        if raw.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(raw.utf8)
            forEachWord(count: bytes.count, { wordClass(ascii: bytes[$0]) }) { words.append(String(decoding: bytes[$0], as: UTF8.self)) }
        } else {
            // Hidden characters (a zero-width joiner) are dropped, and the rest composed (NFC),
            // so that a name is spelt by what it shows. `_nfcCodeUnits` is the standard
            // library's own normalization (the generator has no Foundation).
            let chars = Array(String(decoding: HiddenCharacters.removed(from: raw)._nfcCodeUnits, as: UTF8.self))
            forEachWord(count: chars.count, { wordClass(chars[$0]) }) { words.append(String(chars[$0])) }
        }
        return words
    }

    /// `upperCamel`/`lowerCamel` of ASCII text in one pass over its bytes (`forEachWord`, then
    /// `capitalized` and `leading` on bytes), without a String per word; nil for other text.
    /// Names are computed hundreds of thousands of times for a large document.
    private static func asciiCamel(_ raw: String, lowerFirst: Bool) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 4)
            var wordCount = 0
            forEachWord(count: bytes.count, { wordClass(ascii: bytes[$0]) }) { range in
                appendWord(UnsafeBufferPointer(rebasing: bytes[range]), leading: lowerFirst && wordCount == 0, into: &out)
                wordCount += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One ASCII word, cased as `capitalized` (or `leading` for the first word of a lowerCamel name).
    private static func appendWord(_ word: UnsafeBufferPointer<UInt8>, leading: Bool, into out: inout [UInt8]) {
        var hasLetter = false, hasLower = false
        for c in word {
            if c >= 97 && c <= 122 { hasLetter = true; hasLower = true } else if c >= 65 && c <= 90 { hasLetter = true }
        }
        let allUpper = hasLetter && !hasLower
        @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        @inline(__always) func upper(_ c: UInt8) -> UInt8 { c >= 97 && c <= 122 ? c - 32 : c }
        // Acronyms and their plurals are at most five letters: looked up as the lowercased word
        // packed into an integer (most words are short, and hashing a String per word cost more
        // than the rest of the naming).
        if word.count <= 5 {
            var key: UInt64 = 0
            for c in word { key = key << 8 | UInt64(lower(c)) }
            switch ShortWords.kind(of: key) {
            case .acronym?:
                for c in word { out.append(leading ? lower(c) : upper(c)) }
                return
            case .pluralAcronym(let plural)?:
                if leading { for c in word { out.append(lower(c)) } } else { out.append(contentsOf: plural.utf8) }
                return
            case nil:
                break
            }
        }
        for (i, c) in word.enumerated() {
            if i == 0 {
                out.append(leading ? lower(c) : upper(c))
            } else {
                out.append(allUpper ? lower(c) : c)
            }
        }
    }

    /// `acronyms` and `pluralAcronyms` keyed by their bytes packed into an integer, sorted for a
    /// binary search.
    private enum ShortWords {
        enum Kind { case acronym, pluralAcronym(String) }

        static func pack(_ word: String) -> UInt64 {
            word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
        }

        static let table: [(key: UInt64, kind: Kind)] = (
            acronyms.map { (pack($0), Kind.acronym) } + pluralAcronyms.map { (pack($0.key), Kind.pluralAcronym($0.value)) }
        ).sorted { $0.0 < $1.0 }

        static func kind(of key: UInt64) -> Kind? {
            var low = 0, high = table.count
            while low < high {
                let mid = (low + high) / 2
                if table[mid].key < key { low = mid + 1 } else { high = mid }
            }
            return low < table.count && table[low].key == key ? table[low].kind : nil
        }
    }

    private static func isAllUpper(_ word: String) -> Bool {
        word.contains(where: \.isLetter) && !word.contains(where: \.isLowercase)
    }

    /// An ASCII word's casing on bytes: (all letters upper case, lower-cased bytes).
    private static func asciiShape(_ word: String) -> (allUpper: Bool, lower: [UInt8])? {
        var lower: [UInt8] = []
        lower.reserveCapacity(word.utf8.count)
        var hasLetter = false, hasLower = false
        for c in word.utf8 {
            guard c < 0x80 else { return nil }
            if c >= 65 && c <= 90 {
                hasLetter = true
                lower.append(c + 32)
            } else {
                if c >= 97 && c <= 122 { hasLetter = true; hasLower = true }
                lower.append(c)
            }
        }
        return (hasLetter && !hasLower, lower)
    }

    /// A word in the middle of a name (or first of a type name): acronyms upper case, others capitalised.
    private static func capitalized(_ word: String) -> String {
        if let (allUpper, lowerBytes) = asciiShape(word) {
            let lower = String(decoding: lowerBytes, as: UTF8.self)
            if acronyms.contains(lower) { return lower.uppercased() }
            if let plural = pluralAcronyms[lower] { return plural }
            var bytes = allUpper ? lowerBytes : Array(word.utf8)
            if let first = bytes.first, first >= 97 && first <= 122 { bytes[0] = first - 32 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let lower = word.lowercased()
        if acronyms.contains(lower) { return lower.uppercased() }
        if let plural = pluralAcronyms[lower] { return plural }
        let body = isAllUpper(word) ? lower : word
        return body.prefix(1).uppercased() + body.dropFirst()
    }

    /// The first word of a lowerCamel name.
    private static func leading(_ word: String) -> String {
        if let (allUpper, lowerBytes) = asciiShape(word) {
            let lower = String(decoding: lowerBytes, as: UTF8.self)
            if allUpper || acronyms.contains(lower) || pluralAcronyms[lower] != nil { return lower }
            var bytes = Array(word.utf8)
            if let first = bytes.first, first >= 65 && first <= 90 { bytes[0] = first + 32 }
            return String(decoding: bytes, as: UTF8.self)
        }
        let lower = word.lowercased()
        if acronyms.contains(lower) || pluralAcronyms[lower] != nil || isAllUpper(word) { return lower }
        return word.prefix(1).lowercased() + word.dropFirst()
    }

    /// UpperCamelCase, without escaping.
    static func upperCamel(_ raw: String) -> String {
        asciiCamel(raw, lowerFirst: false) ?? upperCamelByWords(raw)
    }

    /// lowerCamelCase, without escaping.
    static func lowerCamel(_ raw: String) -> String {
        asciiCamel(raw, lowerFirst: true) ?? lowerCamelByWords(raw)
    }

    /// The definition `upperCamel` follows, word by word (any text; tests check the fast path against it).
    static func upperCamelByWords(_ raw: String) -> String {
        words(raw).map(capitalized).joined()
    }

    /// The definition `lowerCamel` follows, word by word.
    static func lowerCamelByWords(_ raw: String) -> String {
        let parts = words(raw)
        guard let first = parts.first else { return "" }
        return leading(first) + parts.dropFirst().map(capitalized).joined()
    }

    /// Names for values made only of symbols (`>=` in a filter enum).
    static let symbolNames: [String: String] = [
        "==": "equal", "=": "equal", "!=": "notEqual", "<>": "notEqual", ">": "greaterThan", ">=": "greaterThanOrEqual",
        "<": "lessThan", "<=": "lessThanOrEqual", "*": "asterisk", "+": "plus", "-": "minus", "/": "slash",
        "~": "tilde", "!": "not", "?": "questionMark", "%": "percent", "&": "ampersand", "|": "pipe", "@": "at",
        "#": "hash", "$": "dollar", ".": "dot", ",": "comma", ":": "colon", ";": "semicolon", "^": "caret",
    ]

    /// Makes a valid identifier: a leading digit gets `_`, an empty name becomes `fallback`.
    private static func validIdentifier(_ name: String, fallback: String) -> String {
        if name.isEmpty { return fallback }
        if let first = name.first, first.isNumber { return "_" + name }
        return name
    }

    /// A type name: `realtimekit_Meeting` → `RealtimekitMeeting`, `data` → `DataValue` (not `Data`).
    public static func typeName(_ raw: String) -> String {
        var name = validIdentifier(upperCamel(raw), fallback: "Value")
        if reservedTypeNames.contains(name) || keywords.contains(name) {
            // A type name written in its own casing that only the acronym rule turns into a
            // reserved one (`JsonValue` → `JSONValue`) keeps that casing, not a suffix.
            if raw.first?.isUppercase == true, raw != name, raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
               !reservedTypeNames.contains(raw) {
                return raw
            }
            name += "Value"
        }
        return name
    }

    /// A property, parameter, method or case name. A keyword stays as it is (the renderer
    /// escapes it), except one that no escaping makes usable after a dot, which gets a `_`.
    public static func memberName(_ raw: String) -> String {
        let name = validIdentifier(lowerCamel(raw), fallback: symbolNames[raw.trimmingCharacters()] ?? "value")
        if unescapable.contains(name) { return name + "_" }
        return name
    }

    /// Why `text` cannot be a name the user gives (`--name`, `namespace:`, a config rename), or
    /// nil when it can: a plain identifier, no keyword, and for a type no name that the
    /// generated code uses itself. `--name` also names files, so this keeps paths out too.
    public static func problem(withGivenName text: String, isType: Bool) -> String? {
        let valid = text.first.map { $0.isLetter || $0 == "_" } == true && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        guard valid, !keywords.contains(text) else { return "'\(text)' is not a valid Swift identifier" }
        if isType && reservedTypeNames.contains(text) { return "'\(text)' is a type name the generated code uses itself" }
        return nil
    }
}

/// Hands out unique names within one scope; a clash gets `2`, `3`… and a warning.
struct NameScope {
    private var used: Set<String>
    /// The next suffix to try for each name that clashed: N names that all want `foo` cost N
    /// claims, not N² (a hostile document can have 100,000 of them).
    private var nextSuffix: [String: Int] = [:]

    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// `name`, or `name2`, `name3`… when taken; `clashed` tells whether a suffix was needed.
    mutating func claim(_ name: String) -> (name: String, clashed: Bool) {
        if used.insert(name).inserted { return (name, false) }
        var n = nextSuffix[name] ?? 2
        while !used.insert("\(name)\(n)").inserted { n += 1 }
        nextSuffix[name] = n + 1
        return ("\(name)\(n)", true)
    }

    func contains(_ name: String) -> Bool { used.contains(name) }

    /// Skeletons of the names claimed so far that have lookalikes (`Lookalikes`), and the name
    /// each came from.
    private var skeletons: [String: String] = [:]

    /// Another name of this scope that `name` (just claimed) reads the same as, if any.
    mutating func lookalike(of name: String) -> String? {
        if let skeleton = Lookalikes.skeleton(name) {
            if let other = skeletons[skeleton] { return other }
            skeletons[skeleton] = name
            return used.contains(skeleton) ? skeleton : nil
        }
        return skeletons[name]
    }
}
