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
}
