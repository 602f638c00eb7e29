import Foundation

/// A secret the client sends, and how. Its description never shows the secret.
public struct Credential: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Placement: Sendable, Equatable {
        /// `Authorization: Bearer <token>`.
        case bearer
        /// `Authorization: Basic <base64(user:password)>`; the value is `user:password`.
        case basic
        /// A header with this name.
        case header(String)
        /// A query item with this name.
        case query(String)
        /// A cookie with this name, in the `Cookie` header.
        case cookie(String)
    }

    /// The security scheme's name in the document.
    public let scheme: String
    public let placement: Placement
    private let secret: String

    public init(scheme: String, placement: Placement, secret: String) {
        self.scheme = scheme
        self.placement = placement
        self.secret = secret
    }

    /// Applies the secret to a request.
    func apply(to headers: inout [(name: String, value: String)], query: inout [String], cookies: inout [String]) {
        switch placement {
        case .bearer: headers.append(("Authorization", "Bearer \(secret)"))
        case .basic: headers.append(("Authorization", "Basic \(Base64.encode(Array(secret.utf8)))"))
        case .header(let name): headers.append((name, secret))
        case .query(let name): query.append("\(PercentEncoding.escape(name))=\(PercentEncoding.escape(secret))")
        case .cookie(let name): cookies.append("\(name)=\(secret)")
        }
    }

    /// The secret as it may appear in text about a request: raw, percent-encoded, and as sent.
    var sentForms: [String] {
        var forms = [secret, PercentEncoding.escape(secret)]
        if let query = secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) { forms.append(query) }
        if placement == .basic { forms.append(Base64.encode(Array(secret.utf8))) }
        return forms
    }

    public var description: String { "Credential(\(scheme), redacted)" }
    public var debugDescription: String { description }
    /// `dump()` and debuggers see the scheme and placement, never the secret.
    public var customMirror: Mirror { Mirror(self, children: ["scheme": scheme, "placement": placement, "secret": "redacted"]) }
}

enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? table[Int(b2 & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
