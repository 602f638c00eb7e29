/// A media type as a document names it (a `content` key, an `encoding.contentType`).
enum MediaTypeName {
    /// Without its parameters, in lower case: `text/event-stream; charset=utf-8` → `text/event-stream`.
    static func essence(_ contentType: String) -> String {
        let lowered = contentType.lowercased()
        return lowered.split(separator: ";").first.map { $0.trimmingCharacters() } ?? lowered
    }

    /// `*/*`, `image/*`: a range, which names many types and is no type a body can be sent as.
    static func isRange(_ contentType: String) -> Bool {
        essence(contentType).contains("*")
    }

    /// RFC 9110's `type/subtype` of tokens (a range too), then parameters with no control
    /// character: what may be written into a `Content-Type` or `Accept` header, or a part's.
    static func isValid(_ contentType: String) -> Bool {
        guard !contentType.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) else { return false }
        let halves = essence(contentType).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        return halves.count == 2 && halves.allSatisfy { HTTPToken.isValid(String($0)) }
    }
}
