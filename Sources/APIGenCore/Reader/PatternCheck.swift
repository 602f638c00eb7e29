import APIGenPattern
import APIGenYAML

extension ReaderContext {
    /// A schema's `pattern` as the generated client will check it, with a warning where it will
    /// not be checked as the document means (ECMA-262): invalid, beyond a linear-time matcher,
    /// or written with `/…/` delimiters (checked without them: as written, no value would match).
    func pattern(_ text: String, at node: YAMLNode) -> String {
        var source = text
        if let body = Self.delimitedBody(text) {
            warning("pattern \(TextEscaping.quoted(text)) is written with /…/ delimiters, which JSON Schema patterns do not have; it is checked as \(TextEscaping.quoted(body))", at: node)
            source = body
        }
        do {
            _ = try Pattern(source)
        } catch {
            warning("pattern \(TextEscaping.quoted(source)) is \(error); it is documented but not checked", at: node)
        }
        return source
    }

    /// The body of `/body/flags` (flags: ECMA-262's letters, possibly none).
    private static func delimitedBody(_ text: String) -> String? {
        guard text.count > 2, text.hasPrefix("/"), let close = text.lastIndex(of: "/"), close > text.startIndex else { return nil }
        let flags = text[text.index(after: close)...]
        guard flags.allSatisfy({ "dgimsuyv".contains($0) }) else { return nil }
        let body = text[text.index(after: text.startIndex)..<close]
        return body.isEmpty ? nil : String(body)
    }
}
