/// How IR values are spelled in Swift source.
enum SwiftSpelling {
    static func type(_ usage: TypeUsage, namespace: String? = nil) -> String {
        switch usage {
        case .builtin(let name): name
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
    static func string(_ text: String) -> String { TypeTranslator.swiftString(text) }

    /// A doc-comment-safe single line.
    static func docLine(_ text: String) -> String { text.replacingOccurrences("\n", with: " ") }
}
