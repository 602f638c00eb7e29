/// Accumulates Swift source with 4-space indentation; blank lines never carry spaces.
struct CodePrinter {
    private(set) var text = ""
    /// Lines for the file's top level, after the declarations being printed (the conformances
    /// only generated code uses, which must be extensions of their own to be SPI).
    var fileScope: [String] = []
    /// Static members of `OperationErrorBody<Body>`, grouped by `Body` at the file's end.
    var errorAccessors: [ErrorAccessor] = []
    private var level = 0

    struct ErrorAccessor: Sendable {
        var body: String
        var lines: [String]
    }
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
    /// Text for a comment: control characters (a NUL, a bell, U+0085…) and hidden ones (bidi
    /// controls, zero-width characters) are written as `\u{…}`, which the compiler would
    /// otherwise warn about or read as the end of the line, or a reader not see.
    static func commentSafe<S: StringProtocol>(_ text: S) -> String {
        Diagnostic.printable(text, keepingTabs: true)
    }

    mutating func docs(_ documentation: Documentation) {
        docs(documentation.lines)
    }

    mutating func docs(_ lines: [String]) {
        for text in lines {
            if !text.containsUTF8(where: { $0 < 0x20 || $0 == 0x7F || HiddenCharacters.mayStart($0) }) {
                self.text += indentation
                self.text += text.isEmpty ? "///\n" : "/// "
                if !text.isEmpty {
                    self.text += text
                    self.text += "\n"
                }
                continue
            }
            // A line break inside a line would end the comment: every piece gets its own `///`.
            for l in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                line(l.isEmpty ? "///" : "/// " + Self.commentSafe(l))
            }
        }
    }

    /// `prefix item, item, …` over as few lines as fit in `width` columns (after indentation),
    /// continuation lines repeating the prefix: `case a, b, c`.
    mutating func packed(_ prefix: String, _ items: [String], width: Int = 120) {
        // Widths in characters, kept as running totals (counting a String walks it).
        let prefixWidth = Self.width(prefix)
        var current = ""
        var currentWidth = 0
        for item in items {
            let itemWidth = Self.width(item)
            if current.isEmpty {
                current = prefix + item
                currentWidth = prefixWidth + itemWidth
            } else if level * 4 + currentWidth + 2 + itemWidth <= width {
                current += ", "
                current += item
                currentWidth += 2 + itemWidth
            } else {
                line(current)
                current = prefix + item
                currentWidth = prefixWidth + itemWidth
            }
        }
        if !current.isEmpty { line(current) }
    }

    /// `items` joined by `separator` over as few lines as fit in `width` columns (after
    /// indentation): a line that is continued ends with `lineEnd`, and the next one starts with
    /// `continuation` instead of the separator (`a && b` / `    && c`; `x: 1, y: 2,` / `z: 3`).
    mutating func wrapped(_ items: [String], separator: String, continuation: String, lineEnd: String = "", width: Int = 120) {
        let separatorWidth = Self.width(separator), continuationWidth = Self.width(continuation), endWidth = Self.width(lineEnd)
        var current = ""
        var currentWidth = 0
        for item in items {
            let itemWidth = Self.width(item)
            if current.isEmpty {
                current = item
                currentWidth = itemWidth
            } else if level * 4 + currentWidth + separatorWidth + itemWidth + endWidth <= width {
                current += separator
                current += item
                currentWidth += separatorWidth + itemWidth
            } else {
                line(current + lineEnd)
                current = continuation + item
                currentWidth = continuationWidth + itemWidth
            }
        }
        if !current.isEmpty { line(current) }
    }

    /// Appends text that is already indented and ends with a line break.
    mutating func append(_ printed: String) {
        text += printed
    }

    /// Columns a piece of code takes: its characters, counted as UTF-8 bytes when it is ASCII (the
    /// same number, found without walking grapheme clusters).
    static func width(_ code: String) -> Int {
        let ascii = code.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            // Eight bytes at a time: any byte with its high bit set ends the ASCII fast path.
            var i = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while i + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < raw.count {
                if raw[i] >= 0x80 { return false }
                i += 1
            }
            return true
        } ?? !code.utf8.contains { $0 >= 0x80 }
        return ascii ? code.utf8.count : code.count
    }

    /// Columns taken by the current indentation.
    var indentWidth: Int { level * 4 }

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
