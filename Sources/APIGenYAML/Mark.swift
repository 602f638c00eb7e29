/// A position in a source document: 1-based line and column, as editors and compilers show them.
public struct Mark: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The file as a whole (it cannot be opened or read): no line to point at, none invented.
    public static let wholeFile = Mark(line: 0, column: 0)

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
