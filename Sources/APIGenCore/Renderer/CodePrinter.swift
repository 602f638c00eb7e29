/// Accumulates Swift source with 4-space indentation; blank lines never carry spaces.
struct CodePrinter {
    private(set) var text = ""
    private var level = 0
    private var indentation = ""

    init(capacity: Int = 4096) {
        text.reserveCapacity(capacity)
    }

    /// Appends one line at the current indentation (an empty string gives a blank line).
    mutating func line(_ content: String = "") {
        if !content.isEmpty {
            text += indentation
            text += content
        }
        text += "\n"
    }

    /// `/// line` for each documentation line.
    mutating func docs(_ lines: [String]) {
        for l in lines { line(l.isEmpty ? "///" : "/// " + l) }
    }

    mutating func indent() {
        level += 1
        indentation = String(repeating: " ", count: level * 4)
    }

    mutating func outdent() {
        precondition(level > 0, "outdent below zero")
        level -= 1
        indentation = String(repeating: " ", count: level * 4)
    }

    /// `header {`, the body indented, `}`.
    mutating func block(_ header: String, _ body: (inout CodePrinter) -> Void) {
        line(header + " {")
        indent()
        body(&self)
        outdent()
        line("}")
    }
}
