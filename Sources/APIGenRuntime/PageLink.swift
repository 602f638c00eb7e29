import Foundation

/// The link a page gives to the page after it (`next`, `next_page_uri`), read for its query
/// only: a `…Pages` sequence takes the operation's parameters from it and sends them to the
/// client's own server, so a link cannot send a request, or credentials, anywhere else.
public struct PageLink: Sendable, Hashable {
    /// The link as the server wrote it.
    public let text: String
    private let query: [String: String]

    /// Nil for an empty link (the last page).
    public init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        self.text = text
        // Only what follows `?` matters; a relative or malformed link still has a query to read.
        let query = text.firstIndex(of: "?").map { text[text.index(after: $0)...] } ?? ""
        var items: [String: String] = [:]
        for pair in query.prefix(while: { $0 != "#" }).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(parts[0]) else { continue }
            // The first value of a repeated name wins, as for a scalar parameter on a server.
            if items[name] == nil { items[name] = parts.count > 1 ? Self.decoded(parts[1]) : "" }
        }
        self.query = items
    }

    /// The query value named `name` (as the document spells the parameter), or nil when the
    /// link has none or it does not read as a `T`. A next link is the whole next request: a
    /// parameter it leaves out is left out.
    public func value<T: LosslessStringConvertible>(_ name: String) -> T? {
        query[name].flatMap(T.init)
    }

    /// A generated enum's case; nil for a value the enum does not list, which the client would
    /// refuse to send.
    public func value<T: OpenEnum>(_ name: String) -> T? where T.RawValue: LosslessStringConvertible {
        query[name].flatMap(T.RawValue.init).map(T.init(rawValue:)).flatMap { $0.isUnknown ? nil : $0 }
    }

    private static func decoded(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
