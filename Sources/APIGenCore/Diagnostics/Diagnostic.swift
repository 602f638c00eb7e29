/// A problem found in the input, printed like a compiler message:
/// `path:line:column: error: message`, which SwiftPM and IDEs recognise.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// Extra lines printed under the message (a source snippet with a caret).
    public var detail: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, detail: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.detail = detail
    }

    /// One line per diagnostic, whatever the document holds: a NUL, a newline or an escape
    /// sequence in a name or value is printed as `\u{…}`, never raw (a raw NUL cuts the line for
    /// many readers; a newline would forge a second diagnostic in the build log).
    public var description: String {
        var text = location.map { Self.printable("\($0)") + ": " } ?? ""
        text += "\(severity.rawValue): \(Self.printable(message))"
        if let detail {
            text += "\n" + detail.split(separator: "\n", omittingEmptySubsequences: false).map { Self.printable($0, keepingTabs: true) }.joined(separator: "\n")
        }
        return text
    }

    /// Control characters (C0, DEL, C1, the Unicode line separators) written as `\u{…}`: the one
    /// rule for text from the document that goes into a diagnostic or a generated comment.
    /// `keepingTabs`: an excerpt or a comment keeps its tabs (the caret under it still lines up).
    static func printable<S: StringProtocol>(_ text: S, keepingTabs: Bool = false) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || HiddenCharacters.mayStart($0) }) else { return String(text) }
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && !(keepingTabs && v == 9)) || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029
                || HiddenCharacters.isHidden(v) {
                out += "\\u{\(String(v, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Collects diagnostics as the stages run; errors stop the pipeline at the end of a stage.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// Warnings and errors already given: a rule that two stages check (the specification's
    /// rules on every object, the reader on what it reads) is reported once.
    private var given: Set<Diagnostic> = []

    public func warning(_ message: String, at location: SourceLocation?) {
        let diagnostic = Diagnostic(.warning, message, at: location)
        if given.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    /// Where each error call was made, a repeated one too: a `$ref` that leads to an error already
    /// reported still gets its note (`ReaderContext.noting`).
    public private(set) var errorCalls: [SourceLocation?] = []

    public func error(_ message: String, at location: SourceLocation?) {
        errorCalls.append(location)
        let diagnostic = Diagnostic(.error, message, at: location)
        if given.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    public func note(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.note, message, at: location))
    }

    public func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Throws a `GenerationError` holding everything collected when an error was reported.
    public func throwIfErrors() throws(GenerationError) {
        if hasErrors { throw GenerationError(diagnostics: diagnostics) }
    }
}

/// Generation failed; `diagnostics` holds the errors (and any warnings before them).
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
