import Foundation

/// A value as form and multipart bodies see it: a tree in the order its type writes it (a
/// generated model writes the schema's order), which keeps what JSON would say of each leaf (a
/// string, or a number or Boolean written bare) and keeps files as bytes.
indirect enum FormValue {
    case null
    case string(String)
    /// A number or a Boolean: bare in JSON, its text anywhere else.
    case literal(String)
    case file(FileUpload)
    case array([FormValue])
    case object([(key: String, value: FormValue)])

    /// Any `Encodable` as a tree; a dictionary's keys are sorted, so the bytes do not change from
    /// run to run.
    static func of(_ value: some Encodable) throws -> FormValue {
        do {
            return try TreeEncoder.tree(of: value)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.encoding(reason: "\(error)")
        }
    }

    /// The leaf's text: what a form field or a text part holds.
    var text: String? {
        switch self {
        case .string(let s), .literal(let s): s
        default: nil
        }
    }

    var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    /// JSON text, in the tree's order.
    var json: String {
        switch self {
        case .null: "null"
        case .string(let s): JSONText.quoted(s)
        case .literal(let s): s
        case .file(let file): JSONText.quoted((try? file.contents().base64EncodedString()) ?? "")
        case .array(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.map { JSONText.quoted($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }
}

/// JSON string literals, as RFC 8259 writes them.
enum JSONText {
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// An `Encoder` that builds a `FormValue`. Dates are ISO 8601 text, `Data` and `FileUpload` are
/// files, `URL` is its text; everything else is asked to encode itself.
private final class TreeEncoder: Encoder {
    /// What one encoder was given: nothing yet, one value, fields, or elements.
    final class Slot {
        enum Content {
            case empty
            case single(FormValue)
            case keyed([(String, Slot)])
            case unkeyed([Slot])
        }
        var content: Content = .empty

        var value: FormValue {
            switch content {
            case .empty: .object([])
            case .single(let v): v
            case .keyed(let fields): .object(fields.map { ($0.0, $0.1.value) })
            case .unkeyed(let items): .array(items.map(\.value))
            }
        }
    }

    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(slot: Slot = Slot(), codingPath: [any CodingKey] = []) {
        self.slot = slot
        self.codingPath = codingPath
    }

    static func tree(of value: some Encodable, at path: [any CodingKey] = []) throws -> FormValue {
        switch value {
        case let date as Date: return .string(ISO8601.format(date))
        case let data as Data: return .file(FileUpload(data: data))
        case let file as FileUpload: return .file(file)
        case let url as URL: return .string(url.absoluteString)
        case let decimal as Decimal: return .literal("\(decimal)")
        default:
            let encoder = TreeEncoder(codingPath: path)
            try value.encode(to: encoder)
            var result = encoder.slot.value
            if case .object(let fields) = result, Mirror(reflecting: value).displayStyle == .dictionary {
                result = .object(fields.sorted { $0.key < $1.key })
            }
            return result
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = slot.content {} else { slot.content = .keyed([]) }
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = slot.content {} else { slot.content = .unkeyed([]) }
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    func add(_ key: String, _ value: FormValue) {
        let child = Slot()
        child.content = .single(value)
        add(key, child)
    }

    func add(_ key: String, _ child: Slot) {
        guard case .keyed(var fields) = slot.content else { return }
        fields.removeAll { $0.0 == key }
        fields.append((key, child))
        slot.content = .keyed(fields)
    }

    func append(_ child: Slot) {
        guard case .unkeyed(var items) = slot.content else { return }
        items.append(child)
        slot.content = .unkeyed(items)
    }

    static func leaf(_ value: some Encodable, at path: [any CodingKey]) throws -> FormValue {
        switch value {
        case let s as String: .string(s)
        case let b as Bool: .literal(b ? "true" : "false")
        case let n as any BinaryInteger: .literal("\(n)")
        case let d as Double: .literal(d.parameterValue)
        case let f as Float: .literal(Double(f).parameterValue)
        default: try tree(of: value, at: path)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil(forKey key: Key) throws { encoder.add(key.stringValue, .null) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.add(key.stringValue, try TreeEncoder.leaf(value, at: codingPath + [key]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = TreeEncoder(codingPath: codingPath + [key])
            encoder.add(key.stringValue, child.slot)
            return child.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = TreeEncoder(codingPath: codingPath + [key])
            encoder.add(key.stringValue, child.slot)
            return child.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = TreeEncoder(codingPath: codingPath + [key])
            encoder.add(key.stringValue, child.slot)
            return child
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count: Int {
            if case .unkeyed(let items) = encoder.slot.content { return items.count }
            return 0
        }

        private func child() -> TreeEncoder {
            let child = TreeEncoder(codingPath: codingPath + [AnyCodingKey(intValue: count)!])
            encoder.append(child.slot)
            return child
        }

        mutating func encodeNil() throws { child().slot.content = .single(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let path = codingPath + [AnyCodingKey(intValue: count)!]
            child().slot.content = .single(try TreeEncoder.leaf(value, at: path))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            child().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { child().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { child() }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.slot.content = .single(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.slot.content = .single(try TreeEncoder.leaf(value, at: codingPath))
        }
    }
}
