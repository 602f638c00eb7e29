/// Documentation as the Markdown lines of a Swift doc comment: text as it is, the generator's
/// facts as list items (`- Deprecated`, `- Default: `7``, `- Maximum: 60`), a route as code.
extension Documentation {
    var lines: [String] {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .text(let text):
                if !lines.isEmpty { lines.append("") }
                lines += text
            case .deprecated:
                lines += (lines.isEmpty ? [] : [""]) + ["- Deprecated"]
            case .defaultValue(let value):
                lines += (lines.isEmpty ? [] : [""]) + ["- Default: `\(Self.display(value))`"]
            case .constraints(let constraints):
                // Another list of facts goes on; text ends with a blank line first.
                if lines.last?.hasPrefix("- ") != true, !lines.isEmpty { lines.append("") }
                lines += Self.lines(constraints)
            case .route(let method, let path):
                lines += (lines.isEmpty ? [] : [""]) + ["`\(method) \(path)`"]
            }
        }
        return lines
    }

    /// A value in a doc comment: strings with line breaks or control characters are shown escaped,
    /// and quoted where a code span would lose them (empty, or with a space at either end, which
    /// Markdown strips or shows as "``").
    static func display(_ value: Literal) -> String {
        if case .string(let text) = value, text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "`" }) {
            return String(TextEscaping.quoted(text).replacingOccurrences("`", with: "'"))
        }
        if case .string(let text) = value, text.isEmpty || text.first == " " || text.last == " " {
            return TextEscaping.quoted(text)
        }
        return value.display
    }

    /// The checks as list items: `- Minimum: 60`, `- Maximum length: 32`…
    static func lines(_ c: Constraints) -> [String] {
        var lines: [String] = []
        if let minimum = c.minimum { lines.append("- \(c.exclusiveMinimum ? "Exclusive minimum" : "Minimum"): \(formatNumber(minimum))") }
        if let maximum = c.maximum { lines.append("- \(c.exclusiveMaximum ? "Exclusive maximum" : "Maximum"): \(formatNumber(maximum))") }
        if let minLength = c.minLength { lines.append("- Minimum length: \(minLength)") }
        if let maxLength = c.maxLength { lines.append("- Maximum length: \(maxLength)") }
        if let pattern = c.pattern { lines.append("- Pattern: `\(pattern)`") }
        if let minItems = c.minItems { lines.append("- Minimum items: \(minItems)") }
        if let maxItems = c.maxItems { lines.append("- Maximum items: \(maxItems)") }
        return lines
    }

    /// The first paragraph: what a summary shows.
    var summary: [String] { Array(lines.prefix { !$0.isEmpty }) }
}
