import Foundation

/// Turns a document's server URL into a `URL` without a force unwrap.
@_spi(Generated) public enum ServerURL {
    /// `https://{region}.example.com` has its variables' braces escaped; text that is not a URL
    /// at all gives `http://localhost`, so a wrong document never crashes a client.
    public static func parse(_ text: String) -> URL {
        if let url = URL(string: text) { return url }
        let escaped = text.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")
            .replacingOccurrences(of: " ", with: "%20")
        return URL(string: escaped) ?? URL(fileURLWithPath: "/")
    }
}
