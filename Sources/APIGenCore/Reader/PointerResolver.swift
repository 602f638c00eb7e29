import APIGenYAML

/// Follows local JSON pointers (`#/components/schemas/Meeting`) through the node tree.
///
/// Large mappings (thousands of schemas) get a key index the first time a pointer walks
/// through them, so resolving many `$ref`s stays linear overall.
final class PointerResolver {
    let root: YAMLNode
    private var indexes: [String: [String: YAMLNode]] = [:]
    private var cache: [String: YAMLNode] = [:]

    init(root: YAMLNode) {
        self.root = root
    }

    /// The tokens of a pointer fragment (without `#`), unescaped (`~1` → `/`, `~0` → `~`, `%XX`).
    static func tokens(of pointer: String) -> [String]? {
        guard pointer.hasPrefix("#") else { return nil }
        var body = Substring(pointer.dropFirst())
        if body.isEmpty { return [] }
        guard body.hasPrefix("/") else { return nil }
        body = body.dropFirst()
        return body.split(separator: "/", omittingEmptySubsequences: false).map { token in
            var decoded = String(token)
            if token.utf8.contains(UInt8(ascii: "%")) { decoded = decoded.removingPercentEncodingASCII ?? decoded }
            guard decoded.utf8.contains(UInt8(ascii: "~")) else { return decoded }
            return decoded.replacingOccurrences("~1", with: "/").replacingOccurrences("~0", with: "~")
        }
    }

    private var tokenCache: [String: [String]] = [:]

    /// `tokens(of:)`, remembered: the same pointers are met again and again.
    func cachedTokens(of pointer: String) -> [String]? {
        if let known = tokenCache[pointer] { return known }
        guard let tokens = Self.tokens(of: pointer) else { return nil }
        tokenCache[pointer] = tokens
        return tokens
    }

    /// The node at `pointer` (`#/a/b`), or nil when it does not resolve.
    func resolve(_ pointer: String) -> YAMLNode? {
        if let hit = cache[pointer] { return hit }
        guard let tokens = cachedTokens(of: pointer) else { return nil }
        var node = root
        var prefix = "#"
        for token in tokens {
            switch node.content {
            case .mapping(let pairs):
                if pairs.count > 32 {
                    if indexes[prefix] == nil {
                        var index: [String: YAMLNode] = [:]
                        index.reserveCapacity(pairs.count)
                        for pair in pairs { index[pair.key] = pair.value }
                        indexes[prefix] = index
                    }
                    guard let next = indexes[prefix]![token] else { return nil }
                    node = next
                } else {
                    guard let next = node[token] else { return nil }
                    node = next
                }
            case .sequence(let items):
                guard let i = Int(token), i >= 0, i < items.count else { return nil }
                node = items[i]
            case .scalar:
                return nil
            }
            prefix += "/" + token
        }
        cache[pointer] = node
        return node
    }
}

extension String {
    /// Replaces every occurrence of `target` (a small, Foundation-free helper).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        // Byte comparison: no Foundation, no Unicode normalisation (names and pointers are exact).
        let bytes = Array(utf8), needle = Array(target.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return self }
        var out: [UInt8] = []
        var i = 0
        var changed = false
        while i < bytes.count {
            if bytes[i] == needle[0], i + needle.count <= bytes.count, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement.utf8)
                i += needle.count
                changed = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }

    /// Decodes `%XX` escapes of ASCII bytes; nil on a malformed escape.
    var removingPercentEncodingASCII: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let h = iterator.next(), let l = iterator.next(),
                      let hv = hexValue(h), let lv = hexValue(l) else { return nil }
                bytes.append(hv << 4 | lv)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case 48...57: c - 48
    case 65...70: c - 55
    case 97...102: c - 87
    default: nil
    }
}
