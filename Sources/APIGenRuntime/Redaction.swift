import Foundation

/// The text of an underlying error, with every credential the client sends removed: what
/// `APIError.transport` carries instead of the error itself, whose description and user info
/// may hold the request's URL (an API key in the query) or its headers.
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    /// The underlying error's type (`URLError`, `HTTPClientError`…).
    public let type: String
    /// `URLError`'s code, when it was one.
    public let urlErrorCode: URLError.Code?
    /// The underlying error's text, every secret replaced by `<redacted>`.
    public let description: String

    init(_ error: any Error, redacting redactor: Redactor) {
        type = String(describing: Swift.type(of: error))
        urlErrorCode = (error as? URLError)?.code
        description = redactor.redact(String(describing: error))
    }
}

/// Removes the client's secrets from text, in each form they are sent in.
struct Redactor: Sendable {
    private let forms: [String]

    init(_ credentials: [Credential]) {
        var forms = Set<String>()
        for credential in credentials { forms.formUnion(credential.sentForms.filter { !$0.isEmpty }) }
        // The longest first, so a secret that contains another is removed whole.
        self.forms = forms.sorted { $0.count > $1.count }
    }

    func redact(_ text: String) -> String {
        var text = text
        for form in forms where text.contains(form) { text = text.replacingOccurrences(of: form, with: "<redacted>") }
        return text
    }
}
