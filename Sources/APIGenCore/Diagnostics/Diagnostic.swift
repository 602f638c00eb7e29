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

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let detail { text += "\n" + detail }
        return text
    }
}

/// Collects diagnostics as the stages run; errors stop the pipeline at the end of a stage.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    public func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.error, message, at: location))
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
