/// A YAML syntax or structure error, located in its file, printed like a compiler error with
/// the source line and a caret under the column.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var mark: Mark
    public var message: String
    /// The text of the offending line, when known.
    public var sourceLine: String?

    public init(file: String, mark: Mark, message: String, sourceLine: String? = nil) {
        self.file = file
        self.mark = mark
        self.message = message
        self.sourceLine = sourceLine
    }

    public var description: String {
        var text = mark == .wholeFile ? "\(file): error: \(message)" : "\(file):\(mark.line):\(mark.column): error: \(message)"
        if let snippet = YAMLError.snippet(line: sourceLine, column: mark.column) {
            text += "\n" + snippet
        }
        return text
    }

    /// Two lines: the source line (tabs kept) and a caret under `column` (1-based).
    public static func snippet(line: String?, column: Int) -> String? {
        guard let line, !line.isEmpty else { return nil }
        let shown = line.count > 200 ? String(line.prefix(200)) + "…" : line
        let prefix = shown.prefix(max(0, min(column - 1, shown.count)))
        let pad = String(prefix.map { $0 == "\t" ? "\t" : " " })
        return "\(shown)\n\(pad)^"
    }
}

/// The text of 1-based line `line` of a UTF-8 buffer, without its line break.
func lineText(in bytes: UnsafeBufferPointer<UInt8>, line: Int) -> String? {
    guard line >= 1 else { return nil }
    var current = 1
    var start = 0
    var index = 0
    while index < bytes.count, current < line {
        if bytes[index] == 10 { current += 1; start = index + 1 }
        index += 1
    }
    guard current == line, start <= bytes.count else { return nil }
    var end = start
    while end < bytes.count, bytes[end] != 10, bytes[end] != 13 { end += 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
}
