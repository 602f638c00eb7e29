/// How a parameter is written, as the OpenAPI Specification's `style` and `explode` say, for
/// every combination its "Style Examples" table defines (RFC 6570 expansion for `simple`,
/// `label`, `matrix` and `form`). Values are percent-encoded; the styles' delimiters are not,
/// so `["a", "b,c"]` and `["a", "b", "c"]` are sent apart (`a,b%2Cc` and `a,b,c`).
///
/// Where the table says "n/a", the choice made is documented on each case, and the generator
/// warns where the document asks for it.
@_spi(Generated) public enum ParameterStyle: String, Sendable {
    /// Path and header default: `blue`, `blue,black,brown`, `R,100,G,200` (`R=100,G=200` exploded).
    case simple
    /// `.blue`, `.blue,black` (`.blue.black` exploded), `.R,100,G,200` (`.R=100.G=200`).
    case label
    /// `;color=blue`, `;color=blue,black` (`;color=blue;color=black`), `;color=R,100` (`;R=100`).
    case matrix
    /// Query and cookie default: `color=blue`, `color=blue,black` (`color=blue&color=black`
    /// exploded), `color=R,100,G,200` (`R=100&G=200`).
    case form
    /// `color=blue%20black`; a primitive, or `explode: true`, is written as `form`.
    case spaceDelimited
    /// `color=blue%7Cblack`; a primitive, or `explode: true`, is written as `form`.
    case pipeDelimited
    /// `color%5BR%5D=100&color%5BG%5D=200`, with or without `explode`. Undefined there, and
    /// written as most servers read them: an array as `color%5B%5D=blue&color%5B%5D=black`,
    /// nested values in brackets (`color%5Bsub%5D%5Bx%5D=1`), a primitive as `form`.
    case deepObject
}

@_spi(Generated) extension ParameterStyle {
    /// The query components (`name=value`, percent-encoded) of one parameter.
    public func query(_ name: String, _ value: StyledValue, explode: Bool, allowReserved: Bool = false) -> [String] {
        let n = PercentEncoding.escape(name)
        func v(_ text: String) -> String { allowReserved ? PercentEncoding.escapeAllowingReserved(text) : PercentEncoding.escape(text) }
        switch (self, value) {
        case (.spaceDelimited, .array(let items)) where !explode:
            return ["\(n)=" + items.map(v).joined(separator: "%20")]
        case (.spaceDelimited, .object(let fields)) where !explode:
            return ["\(n)=" + fields.flatMap { [v($0.key), v($0.value)] }.joined(separator: "%20")]
        case (.pipeDelimited, .array(let items)) where !explode:
            return ["\(n)=" + items.map(v).joined(separator: "%7C")]
        case (.pipeDelimited, .object(let fields)) where !explode:
            return ["\(n)=" + fields.flatMap { [v($0.key), v($0.value)] }.joined(separator: "%7C")]
        case (.deepObject, .object(let fields)):
            return fields.map { "\(n)%5B\(PercentEncoding.escape($0.key))%5D=\(v($0.value))" }
        case (.deepObject, .array(let items)):
            return items.map { "\(n)%5B%5D=\(v($0))" }
        case (.deepObject, _), (.spaceDelimited, _), (.pipeDelimited, _):
            return ParameterStyle.form.query(name, value, explode: true, allowReserved: allowReserved)
        case (_, .primitive(let text)):
            return ["\(n)=\(v(text))"]
        case (_, .array(let items)):
            return explode ? items.map { "\(n)=\(v($0))" } : ["\(n)=" + items.map(v).joined(separator: ",")]
        case (_, .object(let fields)):
            return explode ? fields.map { "\(PercentEncoding.escape($0.key))=\(v($0.value))" }
                : ["\(n)=" + fields.flatMap { [v($0.key), v($0.value)] }.joined(separator: ",")]
        }
    }

    /// The text of a path parameter (`simple`, `label` or `matrix`; others are written as
    /// `simple`), percent-encoded. `name` is the parameter's name in the template, which
    /// `matrix` writes.
    public func path(_ name: String, _ value: StyledValue, explode: Bool) -> String {
        let escape = PercentEncoding.escape
        switch self {
        case .label:
            let separator = explode ? "." : ","
            switch value {
            case .primitive(let text): return "." + escape(text)
            case .array(let items): return "." + items.map(escape).joined(separator: separator)
            case .object(let fields):
                return "." + (explode ? fields.map { "\(escape($0.key))=\(escape($0.value))" }.joined(separator: ".")
                    : fields.flatMap { [escape($0.key), escape($0.value)] }.joined(separator: ","))
            }
        case .matrix:
            let n = escape(name)
            func pair(_ key: String, _ text: String) -> String { text.isEmpty ? ";\(key)" : ";\(key)=\(text)" }
            switch value {
            case .primitive(let text): return pair(n, escape(text))
            case .array(let items):
                return explode ? items.map { pair(n, escape($0)) }.joined() : pair(n, items.map(escape).joined(separator: ","))
            case .object(let fields):
                return explode ? fields.map { pair(escape($0.key), escape($0.value)) }.joined()
                    : pair(n, fields.flatMap { [escape($0.key), escape($0.value)] }.joined(separator: ","))
            }
        default:
            return Self.simple(value, explode: explode, escape)
        }
    }

    /// A header's value: `simple`, not percent-encoded (a header is text; the client refuses
    /// line breaks before sending).
    public static func header(_ value: StyledValue, explode: Bool) -> String {
        simple(value, explode: explode) { $0 }
    }

    /// The `name=value` pairs of a cookie parameter (`form`, percent-encoded), joined into the
    /// `Cookie` header with `; `. Several values are one pair (`color=blue,black`) or, exploded,
    /// one pair each, as cookies are written; the specification leaves cookies with several
    /// values undefined.
    public static func cookie(_ name: String, _ value: StyledValue, explode: Bool) -> [String] {
        form.query(name, value, explode: explode)
    }

    private static func simple(_ value: StyledValue, explode: Bool, _ escape: (String) -> String) -> String {
        switch value {
        case .primitive(let text): return escape(text)
        case .array(let items): return items.map(escape).joined(separator: ",")
        case .object(let fields):
            return explode ? fields.map { "\(escape($0.key))=\(escape($0.value))" }.joined(separator: ",")
                : fields.flatMap { [escape($0.key), escape($0.value)] }.joined(separator: ",")
        }
    }
}
