/// What a declaration's documentation says, as data: the document's own text, and the facts the
/// generator adds (deprecation, a default, the checks a value must pass, an operation's route),
/// which each renderer words in its own format (`Documentation+Markdown` for Swift's).
public struct Documentation: Sendable, Hashable, ExpressibleByArrayLiteral {
    public enum Block: Sendable, Hashable {
        /// Lines of text: the document's own (OpenAPI descriptions are CommonMark), or the
        /// generator's prose about something it made (the `Webhook` enum).
        case text([String])
        /// The schema or operation is deprecated.
        case deprecated
        /// The value a property takes when it is left out.
        case defaultValue(Literal)
        /// The checks a value must pass.
        case constraints(Constraints)
        /// The operation's method and path, as the document writes them.
        case route(method: String, path: String)
    }

    public var blocks: [Block]

    public init(_ blocks: [Block] = []) {
        self.blocks = blocks.filter { block in
            switch block {
            case .text(let lines): !lines.isEmpty
            case .constraints(let constraints): !constraints.isEmpty
            default: true
            }
        }
    }

    /// Text alone: `docs: ["A line."]`.
    public init(arrayLiteral lines: String...) {
        self.init([.text(lines)])
    }

    public static func text(_ lines: [String]) -> Documentation { Documentation([.text(lines)]) }

    public var isEmpty: Bool { blocks.isEmpty }

    /// A description's first line that has text, as a member's one-line documentation (a
    /// parameter, a body, a header, a credential); empty for no description.
    public static func firstLine(of description: String?) -> Documentation {
        .text(description.map { [$0.split(separator: "\n").first.map(String.init) ?? $0] } ?? [])
    }

    /// The first line: the first text line, or the first fact when there is no text (a
    /// parameter's one-line summary of its schema's documentation).
    public var firstLine: Documentation {
        switch blocks.first {
        case .text(let lines)?: return .text(Array(lines.prefix(1)))
        case let block?: return Documentation([block])
        case nil: return []
        }
    }

    public mutating func append(_ block: Block) {
        self = Documentation(blocks + [block])
    }
}
