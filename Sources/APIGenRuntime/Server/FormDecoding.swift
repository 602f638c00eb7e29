import Foundation

/// Reads an `application/x-www-form-urlencoded` body into a generated type, as `setFormBody`
/// writes it: each top-level field by its `encoding` style (exploded arrays as repeated names,
/// others joined by the style's delimiter), and values nested in arrays or objects in brackets
/// (`metadata[key]=v`, `expand[]=a`, `items[0][price]=p`). Text is read as the type asks:
/// `count=3` is an `Int` for an integer property and a `String` for a text one.
enum FormDecoding {
    indirect enum Node {
        /// A value; with `items`, a field in a joined style (`a,b%2Cc`), split as it arrived and
        /// then decoded, so that an item's own delimiter (encoded) stays in the item.
        case text(String, items: [String]?)
        case list([Node])
        case object([String: Node], order: [String])
        /// A multipart part that is a file, or not text.
        case bytes(Data, fileName: String?, contentType: String?)
        /// A multipart part in JSON.
        case json(Data)
    }

    /// The pairs as a tree. A name repeated without brackets is a list (an exploded array).
    /// `raw`: each pair's value as it arrived (percent-encoded), which a joined field is split in.
    static func tree(_ pairs: [(name: String, value: String)], raw: [String]? = nil, fields: [String: FieldEncoding]) throws -> Node {
        var root = Builder()
        for (i, (name, value)) in pairs.enumerated() {
            guard let open = name.firstIndex(of: "[") else {
                let field = fields[name] ?? FieldEncoding()
                guard !field.explode else {
                    root.add(path: [name], value, items: nil)
                    continue
                }
                let delimiter: Character = field.style == .spaceDelimited ? " " : field.style == .pipeDelimited ? "|" : ","
                let items = raw.map { StyledText.split($0[i], by: delimiter).map { ServerInput.formDecoded(Substring($0)) ?? $0 } }
                    ?? value.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
                root.add(path: [name], value, items: value.isEmpty ? [] : items)
                continue
            }
            var path = [String(name[..<open])]
            var rest = name[open...]
            while rest.first == "[", let close = rest.firstIndex(of: "]") {
                path.append(String(rest[rest.index(after: rest.startIndex)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty, path.count <= 32 else { throw ServerRequestError(message: "the form field '\(name)' is not a name the form writes") }
            root.add(path: path, value, items: nil)
        }
        return root.node
    }

    /// Builds the tree: `[]` appends, `[0]` and `[key]` address a member.
    struct Builder {
        var texts: [String] = []
        var items: [String]?
        var members: [String: Builder] = [:]
        var order: [String] = []

        mutating func add(path: [String], _ value: String, items: [String]?) {
            guard let first = path.first else {
                texts.append(value)
                self.items = items
                return
            }
            // `name[]=v`: an element of the array `name`.
            if first.isEmpty {
                texts.append(value)
                return
            }
            if members[first] == nil { order.append(first) }
            members[first, default: Builder()].add(path: Array(path.dropFirst()), value, items: items)
        }

        var node: Node {
            if !members.isEmpty {
                // `items[0][price]`: numbered members are a list, in their numbers' order.
                if order.allSatisfy({ Int($0) != nil }) {
                    return .list(order.sorted { Int($0)! < Int($1)! }.map { members[$0]!.node })
                }
                return .object(members.mapValues(\.node), order: order)
            }
            return texts.count == 1 ? .text(texts[0], items: items) : .list(texts.map { .text($0, items: nil) })
        }
    }
}

/// A `Decoder` over a form tree, reading text as each type asks.
struct FormTreeDecoder: Decoder {
    let node: FormDecoding.Node?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch node {
        case .object(let members, let order)?:
            return KeyedDecodingContainer(FormKeyedContainer<Key>(members: members, order: order, codingPath: codingPath))
        case .text(_, let items?)? where items.count % 2 == 0:
            // An object in a joined style: `name=x,1,label,a`.
            var members: [String: FormDecoding.Node] = [:], order: [String] = []
            for i in stride(from: 0, to: items.count, by: 2) where members[items[i]] == nil {
                members[items[i]] = .text(items[i + 1], items: nil)
                order.append(items[i])
            }
            return KeyedDecodingContainer(FormKeyedContainer<Key>(members: members, order: order, codingPath: codingPath))
        default:
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: "expected fields"))
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch node {
        case .list(let items)?: return FormUnkeyedContainer(items: items, codingPath: codingPath)
        case .text(let text, let items)?:
            // One value of an exploded array, or a joined one.
            guard let items else { return FormUnkeyedContainer(items: [.text(text, items: nil)], codingPath: codingPath) }
            return FormUnkeyedContainer(items: items.map { .text($0, items: nil) }, codingPath: codingPath)
        default:
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "expected a list"))
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        FormSingleValue(node: node, codingPath: codingPath)
    }

    /// A value of `T`: the types a form writes as text are read from it, the rest through their
    /// own `init(from:)`.
    static func decode<T: Decodable>(_ type: T.Type, _ node: FormDecoding.Node?, codingPath: [any CodingKey]) throws -> T {
        switch node {
        case .json(let data)?:
            return try JSONCoding.decode(T.self, from: data)
        case .bytes(let data, let fileName, let contentType)?:
            if T.self == FileUpload.self { return FileUpload(data: data, fileName: fileName, contentType: contentType) as! T }
            if T.self == Data.self { return data as! T }
            return try decode(T.self, .text(String(decoding: data, as: UTF8.self), items: nil), codingPath: codingPath)
        case .text(let text, _)? where T.self == FileUpload.self:
            return FileUpload(data: Data(text.utf8)) as! T
        default:
            break
        }
        if let readable = T.self as? any ParameterDecodable.Type {
            guard case .text(let text, _)? = node, let value = readable.read(parameterText: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "expected \(T.self)"))
            }
            return value as! T
        }
        return try T(from: FormTreeDecoder(node: node, codingPath: codingPath))
    }
}

private struct FormKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: FormDecoding.Node]
    let order: [String]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { order.compactMap { Key(stringValue: $0) } }
    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }
    func decodeNil(forKey key: Key) throws -> Bool { members[key.stringValue] == nil }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let node = members[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "required key '\(key.stringValue)' is missing"))
        }
        return try FormTreeDecoder.decode(T.self, node, codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try FormTreeDecoder(node: members[key.stringValue], codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try FormTreeDecoder(node: members[key.stringValue], codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { FormTreeDecoder(node: .object(members, order: order), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { FormTreeDecoder(node: members[key.stringValue], codingPath: codingPath + [key]) }
}

private struct FormUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [FormDecoding.Node]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [FormDecoding.Node], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> FormDecoding.Node {
        guard !isAtEnd else { throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "no more items")) }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try FormTreeDecoder.decode(T.self, try next(), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try FormTreeDecoder(node: try next(), codingPath: codingPath).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try FormTreeDecoder(node: try next(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder { FormTreeDecoder(node: try next(), codingPath: codingPath) }
}

private struct FormSingleValue: SingleValueDecodingContainer {
    let node: FormDecoding.Node?
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { node == nil }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try FormTreeDecoder.decode(T.self, node, codingPath: codingPath)
    }
}

@_spi(Generated) extension ServerInput {
    /// The body as a form, read into `T` by the same `encoding` entries the client writes it with.
    public func formBody<T: Decodable>(_ type: T.Type, required: Bool, fields: [String: FieldEncoding] = [:],
                                       flattening: FormFlattening? = nil) throws -> T? {
        guard try hasBody(required: required) else { return nil }
        try checkContentType { $0.essence == "application/x-www-form-urlencoded" }
        guard let text = String(data: body, encoding: .utf8) else { throw ServerRequestError(message: "the request body is not UTF-8 text") }
        let pairs = text.split(separator: "&").compactMap { pair -> (name: String, value: String, raw: String)? in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.formDecoded(parts[0]), let value = parts.count > 1 ? Self.formDecoded(parts[1]) : "" else { return nil }
            return (name, value, parts.count > 1 ? String(parts[1]) : "")
        }
        do {
            var tree = try FormDecoding.tree(pairs.map { ($0.name, $0.value) }, raw: pairs.map(\.raw), fields: fields)
            if let flattening { tree = flattening.gather(tree) }
            return try FormTreeDecoder.decode(T.self, tree, codingPath: [])
        } catch let error as ServerRequestError {
            throw error
        } catch {
            throw ServerRequestError(message: "the request body does not decode as \(String(describing: T.self))")
        }
    }
}

/// A property of a form body that is an object written in exploded `form` style: its members
/// are fields of the body itself (`name=a&size=2`, not `meta[name]=a`). The fields the body
/// does not declare are that property's. An object with nested values is written in brackets
/// under its own name instead, and is read as it is.
@_spi(Generated) public struct FormFlattening: Sendable {
    public var field: String
    /// The body's other fields.
    public var others: Set<String>
    /// Whether the property is required: then an object without members is still one.
    public var required: Bool

    public init(field: String, others: Set<String>, required: Bool) {
        self.field = field
        self.others = others
        self.required = required
    }

    func gather(_ tree: FormDecoding.Node) -> FormDecoding.Node {
        guard case .object(var members, let order) = tree, members[field] == nil else { return tree }
        let own = order.filter { !others.contains($0) }
        guard !own.isEmpty || required else { return tree }
        var gathered: [String: FormDecoding.Node] = [:]
        for name in own { gathered[name] = members.removeValue(forKey: name) }
        members[field] = .object(gathered, order: own)
        return .object(members, order: order.filter { others.contains($0) } + [field])
    }
}

@_spi(Generated) extension ServerInput {
    /// A 3.2 `querystring` parameter: the whole query, as `setQueryString` writes it for the
    /// media type (form fields, JSON text, or text); nil when the query is empty.
    public func queryString<T: Decodable>(_ type: T.Type = T.self, mediaType: String) throws -> T? {
        guard !rawQuery.isEmpty else { return nil }
        let type = MediaType(mediaType)
        let what = "the query string"
        if type?.essence == "application/x-www-form-urlencoded" {
            do {
                return try FormTreeDecoder.decode(T.self, try FormDecoding.tree(queryItems, raw: rawQueryItems.map(\.raw), fields: [:]), codingPath: [])
            } catch let error as ServerRequestError {
                throw error
            } catch {
                throw ServerRequestError(message: "\(what) does not decode as \(String(describing: T.self))")
            }
        }
        guard let text = rawQuery.removingPercentEncoding else { throw ServerRequestError(message: "\(what) is not percent-encoded text") }
        if T.self == String.self, type?.isJSON != true { return (text as! T) }
        return try Self.decodeJSON(Data(text.utf8), as: T.self, what: what)
    }
}
