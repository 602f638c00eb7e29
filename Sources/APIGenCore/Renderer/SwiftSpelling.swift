/// How IR values are spelled in Swift source.
enum SwiftSpelling {
    static func type(_ usage: TypeUsage, namespace: String? = nil) -> String {
        switch usage {
        case .builtin(let builtin): swiftName(builtin)
        case .named(let path): named(path, namespace: namespace)
        case .array(let element): "[\(type(element, namespace: namespace))]"
        case .dictionary(let value): "[String: \(type(value, namespace: namespace))]"
        case .optional(let wrapped): type(wrapped, namespace: namespace) + "?"
        }
    }

    /// `Namespace.Outer.Inner`, without building an array (this is spelled for every property).
    private static func named(_ path: [String], namespace: String?) -> String {
        if namespace == nil, path.count == 1 { return path[0] }
        var out = namespace.map { $0 + "." } ?? ""
        for (i, name) in path.enumerated() {
            if i > 0 { out += "." }
            out += name
        }
        return out
    }

    /// `a_b` → `.aB` as a member reference (`CodingKeys` case etc.).
    static func member(_ name: String) -> String { "." + name }

    /// A string literal for any text.
    static func string(_ text: String) -> String { TextEscaping.quoted(text) }

    /// A builtin type's Swift name: the standard library's, Foundation's or the runtime's.
    static func swiftName(_ builtin: BuiltinType) -> String {
        switch builtin {
        case .string: "String"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .date: "Date"
        case .uuid: "UUID"
        case .url: "URL"
        case .data: "Data"
        case .jsonValue: "JSONValue"
        case .fileUpload: "FileUpload"
        case .iso8601Date: "ISO8601Date"
        case .intOrString: "IntOrString"
        }
    }

    /// An enum's raw value: `"MP3"`, `1`, `2.5` (`2.0` in a `Double` enum), `true`. Without a
    /// raw type, a value as written.
    static func literal(_ value: Literal, rawType: BuiltinType?) -> String {
        if rawType == .jsonValue { return jsonLiteral(value) }
        return switch value {
        case .string(let s): string(s)
        case .int(let i): rawType == .double ? "\(i).0" : String(i)
        case .double(let d): String(d)
        case .bool(let b): String(b)
        default: string(value.text)
        }
    }

    /// A `JSONValue`: `.string("a")`, `.int(1)`, `.object(["a": .array([.bool(true)])])`, keys sorted.
    static func jsonLiteral(_ value: Literal) -> String {
        switch value {
        case .null: ".null"
        case .bool(let b): ".bool(\(b))"
        case .int(let i): ".int(\(i))"
        case .double(let d): ".double(\(d))"
        case .string(let s): ".string(\(string(s)))"
        case .array(let items): ".array([" + items.map(jsonLiteral).joined(separator: ", ") + "])"
        case .object(let object):
            object.isEmpty ? ".object([:])" : ".object([" + object.keys.sorted().map { "\(string($0)): \(jsonLiteral(object[$0]!))" }.joined(separator: ", ") + "])"
        }
    }

    /// A property's default: `nil`, `7`, `"text"`, `.caseName`.
    static func defaultValue(_ value: DefaultValue) -> String {
        switch value {
        case .absent: "nil"
        case .enumCase(let name): name.member
        // Not an enum's raw value: an integer for a `Double` property stays as written (`7`).
        case .value(let value): literal(value, rawType: nil)
        }
    }

    /// A doc-comment-safe single line.
    static func docLine(_ text: String) -> String { text.replacingOccurrences("\n", with: " ") }
}

extension Identifier {
    /// The name where Swift declares or refers to it: in backticks when it is a keyword.
    var swift: String { mayBeKeyword && SwiftNaming.keywords.contains(name) ? "`\(name)`" : name }

    /// False for most names without hashing them (every name is spelled several times): no
    /// keyword is longer than 15 bytes, holds a digit, or has a capital after its first letter.
    private var mayBeKeyword: Bool {
        let bytes = name.utf8
        guard bytes.count <= 15 else { return false }
        for (i, byte) in bytes.enumerated() where (48...57).contains(byte) || (i > 0 && (65...90).contains(byte)) {
            return false
        }
        return true
    }

    /// The name as an argument label in a call: keywords need no backticks there (the compiler
    /// warns about them), except `inout`.
    var label: String { name == "inout" ? swift : name }

    /// `.name`: a reference to a member or case.
    var member: String { "." + swift }
}
